package org.gradebench.core.assignment;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits for one run of a student program (or a compile, or a checker).
 *
 * @param cpuTime     CPU time over every process of the run
 * @param wallTime    wall-clock time; the backstop for sleeping programs and for CPU split across processes
 * @param memoryMib   peak memory the verdict is judged against
 * @param outputKib   stdout cap; exceeding it is OLE (stderr has its own, fixed cap in the sandbox)
 * @param processes   processes and threads the program may have at once
 */
public record ResourceLimits(Duration cpuTime, Duration wallTime, long memoryMib, long outputKib, int processes) {

    /** Used when an assignment says nothing: generous for student programs, still bounded. */
    public static final ResourceLimits DEFAULTS =
            new ResourceLimits(Duration.ofSeconds(2), Duration.ofSeconds(6), 256, 8 * 1024, 32);

    /** Compiles get their own, larger limits: compilers are big and slow to start. */
    public static final ResourceLimits COMPILE =
            new ResourceLimits(Duration.ofSeconds(30), Duration.ofSeconds(60), 2048, 1024, 64);

    public ResourceLimits {
        Objects.requireNonNull(cpuTime, "cpuTime");
        Objects.requireNonNull(wallTime, "wallTime");
        if (cpuTime.isNegative() || cpuTime.isZero()) throw new IllegalArgumentException("cpu time must be positive");
        if (wallTime.compareTo(cpuTime) < 0) throw new IllegalArgumentException("wall time must be at least the cpu time");
        if (memoryMib <= 0) throw new IllegalArgumentException("memory must be positive");
        if (outputKib <= 0) throw new IllegalArgumentException("output limit must be positive");
        if (processes <= 0) throw new IllegalArgumentException("process limit must be positive");
    }

    public long outputBytes() {
        return outputKib * 1024L;
    }

    public long memoryKib() {
        return memoryMib * 1024L;
    }

    public ResourceLimits withCpuTime(Duration cpu) {
        Duration wall = wallTime.compareTo(cpu) < 0 ? cpu.multipliedBy(3) : wallTime;
        return new ResourceLimits(cpu, wall, memoryMib, outputKib, processes);
    }
}
