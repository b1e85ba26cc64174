package org.gradebench.sandbox.bwrap;

import org.gradebench.core.run.SandboxPaths;
import org.gradebench.sandbox.launcher.HostFiles;
import org.gradebench.sandbox.launcher.LauncherCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The argv of one sandboxed run: {@code [gb-launch --exec-as ...] bwrap <namespaces, mounts, env> -- gb-launch ... --
 * program}.
 * Pure (no I/O); {@link BwrapSandbox} gathers the inputs. The policy (see shared/reference/sandbox.md §4.2):
 * <ul>
 *   <li>every namespace unshared (no network at all, not even loopback; a private pid namespace with the launcher
 *       as its pid 1, so the program cannot signal it and the kernel kills everything when it exits), nested user
 *       namespaces disabled, all capabilities dropped, a new session (no TIOCSTI into the grader's terminal);</li>
 *   <li>a minimal read-only view of the host: /usr, the merged-/usr links, /etc/alternatives, /etc/ld.so.cache and the
 *       profile's folders; never the host root, /etc, /home, /root or /run (a unix socket stays connectable through
 *       a read-only bind);</li>
 *   <li>the root tmpfs and /dev are remounted read-only at the end, so the only writable places are size-limited
 *       tmpfs mounts (/tmp, /dev/shm and, for test runs, /box/run), the program folder during a compile, and the two
 *       output files;</li>
 *   <li>the environment is cleared: PATH, HOME, LANG plus the profile's and the run's variables.</li>
 * </ul>
 *
 * @param bwrap           bwrap executable (absolute)
 * @param sandboxUid      when present (the JVM is root), {@code execAs} switches to this uid/gid first: as root,
 *                        RLIMIT_NPROC is void and file permissions protect nothing (sandbox.md H1/H8)
 * @param execAs          host path of gb-launch, whose {@code --exec-as} drops to the sandbox uid and execs bwrap; used
 *                        only with {@code sandboxUid} (a static binary: far cheaper per run than util-linux setpriv)
 * @param rootLayout      bwrap arguments recreating the host's top-level /bin, /lib... (symlinks into /usr on
 *                        merged-/usr systems, read-only binds otherwise); see {@link BwrapSandbox}
 * @param binds           extra host folders bound read-only at the same path (profile binds); skipped if missing
 * @param launcher        host path of gb-launch, bound read-only at {@link #LAUNCHER}
 * @param programDir      host folder bound at {@link SandboxPaths#PROGRAM}
 * @param programWritable bind it writable (compile steps)
 * @param scratchDir      host folder bound writable at {@link SandboxPaths#SCRATCH}; empty: a fresh tmpfs of
 *                        {@code scratchBytes} there (test runs: writes never reach the host disk)
 * @param inputs          with the tmpfs scratch: files bound read-only at /box/run/name (name -> host file)
 * @param stdoutFile      host file bound at {@link #STDOUT} (the launcher truncates it and the program writes it)
 * @param stderrFile      host file bound at {@link #STDERR}
 * @param env             variables added after PATH, HOME and LANG (later entries win)
 * @param scratchBytes    size of /tmp (and of the tmpfs scratch)
 * @param launch          the launcher invocation (its paths are sandbox paths)
 */
public record BwrapCommandLine(String bwrap, OptionalInt sandboxUid, String execAs, List<String> rootLayout,
                               List<String> binds, Path launcher, Path programDir, boolean programWritable,
                               Optional<Path> scratchDir, Map<String, Path> inputs, Path stdoutFile, Path stderrFile,
                               Map<String, String> env, long scratchBytes, LauncherCommand launch) {

    /** Where the launcher appears inside the sandbox. */
    public static final String LAUNCHER = "/.gb/gb-launch";
    /** The program's stdout inside the sandbox (outside the working directory, so it does not clutter listings). */
    public static final String STDOUT = "/box/out/stdout";
    public static final String STDERR = "/box/out/stderr";
    /** The only PATH a sandboxed program sees. */
    public static final String PATH = "/usr/local/bin:/usr/bin:/bin";
    /** Upper bound of /dev/shm. */
    public static final long SHM_BYTES = 16L * 1024 * 1024;
    /** The launcher's report goes to bwrap's own stdout, which the JVM redirects to a file outside the sandbox. */
    public static final int REPORT_FD = 1;

    public BwrapCommandLine {
        Objects.requireNonNull(bwrap, "bwrap");
        Objects.requireNonNull(sandboxUid, "sandboxUid");
        Objects.requireNonNull(execAs, "execAs");
        rootLayout = List.copyOf(rootLayout);
        binds = List.copyOf(binds);
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(programDir, "programDir");
        Objects.requireNonNull(scratchDir, "scratchDir");
        inputs = Map.copyOf(new LinkedHashMap<>(inputs));
        Objects.requireNonNull(stdoutFile, "stdoutFile");
        Objects.requireNonNull(stderrFile, "stderrFile");
        env = Map.copyOf(env);
        Objects.requireNonNull(launch, "launch");
        if (scratchDir.isPresent() && !inputs.isEmpty()) {
            throw new IllegalArgumentException("inputs are bound only into a tmpfs scratch; copy them into scratchDir");
        }
        for (String bind : binds) {
            if (!bind.startsWith("/") || bind.equals("/") || bind.contains("\0")) {
                throw new IllegalArgumentException("bind must be an absolute folder other than /: " + bind);
            }
        }
        for (String key : env.keySet()) {
            if (key.isEmpty() || key.contains("=") || key.contains("\0")) {
                throw new IllegalArgumentException("bad environment variable name: " + key);
            }
        }
        inputs.keySet().forEach(HostFiles::checkRelative);
        if (scratchBytes <= 0) throw new IllegalArgumentException("scratchBytes must be positive");
    }

    public List<String> argv() {
        List<String> a = new ArrayList<>(96);
        sandboxUid.ifPresent(uid -> {
            a.add(execAs);
            a.add("--exec-as");
            a.add(Integer.toString(uid));
            a.add(Integer.toString(uid));
            a.add("--");
        });
        a.add(bwrap);
        a.add("--unshare-all");
        a.add("--unshare-user");
        a.add("--disable-userns");
        a.add("--die-with-parent");
        a.add("--new-session");
        a.add("--as-pid-1");
        a.add("--cap-drop");
        a.add("ALL");
        a.add("--clearenv");
        setenv(a, "PATH", PATH);
        setenv(a, "HOME", "/tmp");
        setenv(a, "LANG", "C.UTF-8");
        // Sorted so the argv is deterministic whatever map the caller built.
        env.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> setenv(a, e.getKey(), e.getValue()));

        a.add("--ro-bind");
        a.add("/usr");
        a.add("/usr");
        a.addAll(rootLayout);
        a.add("--ro-bind-try");
        a.add("/etc/alternatives");
        a.add("/etc/alternatives");
        a.add("--ro-bind-try");
        a.add("/etc/ld.so.cache");
        a.add("/etc/ld.so.cache");
        for (String bind : binds) {
            a.add("--ro-bind-try");
            a.add(bind);
            a.add(bind);
        }
        a.add("--ro-bind");
        a.add(launcher.toString());
        a.add(LAUNCHER);

        a.add(programWritable ? "--bind" : "--ro-bind");
        a.add(programDir.toString());
        a.add(SandboxPaths.PROGRAM);
        if (scratchDir.isPresent()) {
            a.add("--bind");
            a.add(scratchDir.get().toString());
            a.add(SandboxPaths.SCRATCH);
        } else {
            a.add("--size");
            a.add(Long.toString(scratchBytes));
            a.add("--tmpfs");
            a.add(SandboxPaths.SCRATCH);
            inputs.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                a.add("--ro-bind");
                a.add(e.getValue().toString());
                a.add(SandboxPaths.SCRATCH + "/" + e.getKey());
            });
        }
        a.add("--bind");
        a.add(stdoutFile.toString());
        a.add(STDOUT);
        a.add("--bind");
        a.add(stderrFile.toString());
        a.add(STDERR);

        a.add("--proc");
        a.add("/proc");
        a.add("--dev");
        a.add("/dev");
        // POSIX shared memory and semaphores (Python multiprocessing) live in /dev/shm: a small tmpfs of its own.
        a.add("--size");
        a.add(Long.toString(Math.min(scratchBytes, SHM_BYTES)));
        a.add("--tmpfs");
        a.add("/dev/shm");
        a.add("--size");
        a.add(Long.toString(scratchBytes));
        a.add("--tmpfs");
        a.add("/tmp");
        // Last: bwrap's /dev and its root skeleton are tmpfs mounts without a size limit, writable by the sandbox
        // uid; read-only, the program cannot fill unbounded memory through files in /dev, /, /box or /.gb.
        a.add("--remount-ro");
        a.add("/dev");
        a.add("--remount-ro");
        a.add("/");
        a.add("--chdir");
        a.add(launch.workDir().orElse(SandboxPaths.SCRATCH));
        a.add("--");
        a.addAll(launch.argv());
        return a;
    }

    private static void setenv(List<String> a, String key, String value) {
        a.add("--setenv");
        a.add(key);
        a.add(value);
    }
}
