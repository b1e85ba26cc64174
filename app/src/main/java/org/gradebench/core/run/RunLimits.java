package org.gradebench.core.run;

import org.gradebench.core.assignment.ResourceLimits;

import java.time.Duration;

/**
 * Limits as the sandbox enforces them for one run.
 *
 * @param memoryKib       the verdict limit (MLE when the measured peak exceeds it)
 * @param addressSpaceKib RLIMIT_AS; 0 = not set (runtimes that reserve large address space)
 * @param stdoutBytes     cap for stdout; the sandbox keeps at most this + 1 byte so "over the cap" is detectable
 * @param stderrBytes     cap for stderr
 * @param fileSizeBytes   RLIMIT_FSIZE for any file the program writes
 * @param scratchBytes    size of the private /tmp
 */
public record RunLimits(Duration cpuTime, Duration wallTime, long memoryKib, long addressSpaceKib, int processes,
                        long stdoutBytes, long stderrBytes, long fileSizeBytes, int openFiles, long scratchBytes) {

    public static final long STDERR_CAP = 64 * 1024;

    /** Limits for a test run from the assignment's limits and the language's needs. */
    public static RunLimits forTest(ResourceLimits limits, LanguageProfile profile) {
        long memKib = limits.memoryKib();
        // A little headroom above the verdict limit lets the program reach it so the peak can be measured.
        long as = profile.limitAddressSpace() ? memKib + memKib / 4 + 16 * 1024 : 0;
        long out = limits.outputBytes();
        return new RunLimits(limits.cpuTime(), limits.wallTime(), memKib, as, limits.processes() + profile.extraProcesses(),
                out, STDERR_CAP, Math.max(out, STDERR_CAP) + 1, 64, 64L * 1024 * 1024);
    }

    /** Limits for a compile or a checker: generous, not judged against the student. */
    public static RunLimits forTool(ResourceLimits limits, LanguageProfile profile) {
        long memKib = limits.memoryKib();
        return new RunLimits(limits.cpuTime(), limits.wallTime(), memKib, 0, limits.processes() + profile.extraProcesses(),
                limits.outputBytes(), limits.outputBytes(), 256L * 1024 * 1024, 256, 256L * 1024 * 1024);
    }
}
