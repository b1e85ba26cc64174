package org.gradebench.sandbox.launcher;

import org.gradebench.core.run.RunLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The argv of one {@code gb-launch} invocation (see app/src/main/c/gb-launch.c), built from {@link RunLimits}. Pure:
 * no I/O, so backends and tests can assert on it. All paths are as the launcher sees them (inside the sandbox).
 *
 * @param launcher      path of the launcher binary inside the sandbox
 * @param reportFd      descriptor the launcher writes its JSON report to; must be one the program cannot reach
 *                      (the launcher marks it close-on-exec; the program's own 0-2 are the files below)
 * @param limits        limits of the run
 * @param extraProcesses added to {@link RunLimits#processes()} for processes the backend itself keeps alive under
 *                      the same uid (RLIMIT_NPROC counts every process of the uid, e.g. bwrap's monitor and the
 *                      launcher itself)
 * @param stdin         file to use as stdin; empty = /dev/null
 * @param stdout        file the program's stdout goes to (created/truncated, never through a symlink)
 * @param stderr        file the program's stderr goes to
 * @param workDir       working directory of the program; empty = the launcher's own
 * @param program       the program's argv (argv[0] is looked up on the sandbox PATH when it has no slash)
 */
public record LauncherCommand(String launcher, int reportFd, RunLimits limits, int extraProcesses,
                              Optional<String> stdin, String stdout, String stderr, Optional<String> workDir,
                              List<String> program) {

    public LauncherCommand {
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(workDir, "workDir");
        program = List.copyOf(program);
        if (program.isEmpty()) throw new IllegalArgumentException("empty program argv");
        if (reportFd < 0) throw new IllegalArgumentException("report fd " + reportFd);
        if (extraProcesses < 0) throw new IllegalArgumentException("extraProcesses " + extraProcesses);
    }

    /**
     * {@link #argv()} with {@code --uid/--gid}: the launcher keeps its own uid (it must be able to setuid and to
     * kill the run) and only the program's process drops to {@code uid}/{@code gid} before it opens any file. For
     * sandboxes where the launcher cannot be the program's pid 1 (a Docker exec); see gb-launch.c.
     */
    public List<String> argvAs(int uid, int gid) {
        if (uid <= 0 || gid <= 0) {
            throw new IllegalArgumentException("the program must not run as root: " + uid + ":" + gid);
        }
        List<String> a = argv();
        int separator = a.size() - program.size() - 1;
        a.addAll(separator, List.of("--uid", Integer.toString(uid), "--gid", Integer.toString(gid)));
        return a;
    }

    /** The full argv, launcher first. */
    public List<String> argv() {
        List<String> a = new ArrayList<>(32 + program.size());
        a.add(launcher);
        a.add("--report-fd");
        a.add(Integer.toString(reportFd));
        a.add("--cpu-ms");
        a.add(Long.toString(limits.cpuTime().toMillis()));
        a.add("--wall-ms");
        a.add(Long.toString(limits.wallTime().toMillis()));
        a.add("--as-kb");
        a.add(Long.toString(Math.max(0, limits.addressSpaceKib())));
        a.add("--mem-kb");
        a.add(Long.toString(Math.max(0, limits.memoryKib())));
        a.add("--fsize");
        a.add(Long.toString(Math.max(0, limits.fileSizeBytes())));
        a.add("--nproc");
        a.add(Long.toString(limits.processes() <= 0 ? 0 : (long) limits.processes() + extraProcesses));
        a.add("--nofile");
        a.add(Long.toString(Math.max(0, limits.openFiles())));
        stdin.ifPresent(s -> {
            a.add("--stdin");
            a.add(s);
        });
        a.add("--stdout");
        a.add(stdout);
        a.add("--stderr");
        a.add(stderr);
        workDir.ifPresent(d -> {
            a.add("--chdir");
            a.add(d);
        });
        a.add("--");
        a.addAll(program);
        return a;
    }
}
