package org.gradebench.sandbox.docker;

import org.gradebench.core.run.RunLimits;
import org.gradebench.core.run.RunSpec;

/**
 * The container-wide settings a run needs. Docker fixes them when the container is created, so a warm container can
 * serve a run only when the run's shape equals the container's (a compile and the tests differ; tests of one
 * assignment share one shape).
 *
 * @param programWritable {@code /box/prog} writable (a compile step) or read-only (tests)
 * @param memoryBytes     cgroup memory limit, swap included (the hard backstop; the verdict uses the launcher's peak)
 * @param pids            cgroup pids limit: the run's processes plus the container's own few
 * @param tmpBytes        size of the private {@code /tmp} tmpfs
 * @param fileSizeBytes   RLIMIT_FSIZE of the container (the launcher sets the run's own, never higher)
 * @param openFiles       RLIMIT_NOFILE of the container (the launcher lowers it for the program)
 */
public record ContainerShape(boolean programWritable, long memoryBytes, long pids, long tmpBytes, long fileSizeBytes,
                             int openFiles) {

    /**
     * Tasks besides the program's: docker-init, the keepalive, the launcher (the prelude's root shell becomes it), and
     * one spare for the prelude's cleanup shell (its rm, when it needs one, uses the program's first slot: the
     * cleanup ends before the program starts). Kept tight so the pids cgroup caps a run like RLIMIT_NPROC does under
     * bwrap.
     */
    public static final int OWN_PROCESSES = 4;
    /** Memory besides the program's: the keepalive, the launcher, page cache of the outputs. */
    public static final long OWN_MEMORY = 32L * 1024 * 1024;
    /** Descriptors the launcher needs before it lowers the limit for the program. */
    public static final int OWN_FILES = 32;

    public static ContainerShape of(RunSpec spec) {
        RunLimits l = spec.limits();
        long mem = l.memoryKib() * 1024;
        // Headroom above the verdict limit lets a program pass it so the launcher can measure the excess (MLE),
        // instead of the cgroup killing it at exactly the limit. tmpfs pages are charged to the container too.
        long memory = mem + mem / 4 + OWN_MEMORY + l.scratchBytes();
        long pids = Math.max(1, l.processes()) + OWN_PROCESSES;
        long fsize = l.fileSizeBytes() <= 0 ? -1 : l.fileSizeBytes();
        int nofile = Math.max(l.openFiles(), 16) + OWN_FILES;
        return new ContainerShape(spec.programWritable(), memory, pids, l.scratchBytes(), fsize, nofile);
    }
}
