package org.gradebench.sandbox.bwrap;

import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.SandboxException;
import org.gradebench.core.run.SandboxPaths;
import org.gradebench.core.run.SandboxSession;
import org.gradebench.sandbox.launcher.HostFiles;
import org.gradebench.sandbox.launcher.LauncherCommand;
import org.gradebench.sandbox.launcher.LauncherReport;
import org.gradebench.sandbox.launcher.RuntimeDirs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One workspace of {@link BwrapSandbox}: {@code <ws>/prog} is the program folder. Test runs share {@code <ws>/run}
 * with {@code in/} (input copies), {@code out/} (the two output files, the only host files the program can write
 * in a test run) and {@code ctl/} (the launcher report and bwrap's stderr, never mounted). It is created by the first
 * run and reset by every later one instead of being rebuilt: runs within a session are sequential, nothing of a run
 * outlives it, and the folder tree costs more than the run's own bookkeeping (see README, Speed). A run that
 * collects files gets a folder {@code <ws>/r<n>} of its own, with {@code scratch/}, deleted after it. The workspace
 * is deleted on {@link #close()}.
 */
final class BwrapSession implements SandboxSession {
    private static final Logger LOG = LoggerFactory.getLogger(BwrapSession.class);
    /** bwrap's monitor process and the launcher share the program's uid and so its RLIMIT_NPROC budget. */
    private static final int NPROC_OVERHEAD = 2;
    private static final int MAX_COLLECTED_FILES = 256;

    private final BwrapSandbox sandbox;
    private final BwrapSandbox.Environment env;
    private final Path workspace;
    private final Path prog;
    private final List<String> binds;
    private final Map<String, String> profileEnv;
    private final String label;
    private final AtomicInteger runs = new AtomicInteger();
    /**
     * The last run ended normally: bwrap exited 0 after a complete launcher report. Then the kernel has already
     * killed every process of the run's pid namespace (its init, the launcher, exited; bwrap reaped it), so the /proc
     * scan for leftovers, which costs more than the rest of the run's bookkeeping, is skipped. Runs are sequential.
     */
    private boolean lastExitClean;

    BwrapSession(BwrapSandbox sandbox, BwrapSandbox.Environment env, Path workspace, List<String> binds,
                 Map<String, String> profileEnv, String label) {
        this.sandbox = sandbox;
        this.env = env;
        this.workspace = workspace;
        this.prog = workspace.resolve("prog");
        this.binds = List.copyOf(binds);
        this.profileEnv = Map.copyOf(profileEnv);
        this.label = label;
    }

    @Override
    public RunResult run(RunSpec spec) throws SandboxException, InterruptedException {
        UidPool.Lease lease;
        try {
            lease = env.uids() == null ? null : env.uids().acquire();
        } catch (IOException e) {
            throw new SandboxException("cannot reserve a sandbox uid: " + e.getMessage(), e);
        }
        OptionalInt uid = lease == null ? OptionalInt.empty() : OptionalInt.of(lease.uid());
        boolean collecting = !spec.collect().isEmpty();
        Path runDir = collecting ? workspace.resolve("r" + runs.incrementAndGet()) : workspace.resolve("run");
        lastExitClean = false;
        try {
            return runIn(spec, uid, runDir, collecting);
        } catch (IOException e) {
            throw new SandboxException("sandbox run failed (" + label + "): " + e.getMessage(), e);
        } finally {
            try {
                if (lease != null && !lastExitClean) killLeftovers(lease.uid());
                if (collecting) BwrapSandbox.deleteQuietly(runDir);
            } finally {
                if (lease != null) lease.close();
            }
        }
    }

    /** One run with its files in place: what {@link #runIn} executes and a bare benchmark loop replays. */
    record Prepared(List<String> argv, Path report, Path bwrapErr, Path stdout, Path stderr, Optional<Path> scratch) {
    }

    /**
     * Prepares a test run (no files collected) in {@code <ws>/<name>} under a sandbox uid reserved until the returned
     * handle is closed, without running it: `gradebench bench` replays its argv from a shell loop to measure what the
     * sandbox costs without this JVM.
     */
    BwrapSandbox.BareRun prepareBare(RunSpec spec, String name) throws SandboxException, InterruptedException {
        if (!spec.collect().isEmpty()) throw new IllegalArgumentException("a bare run collects no files");
        UidPool.Lease lease = null;
        try {
            lease = env.uids() == null ? null : env.uids().acquire();
            OptionalInt uid = lease == null ? OptionalInt.empty() : OptionalInt.of(lease.uid());
            Prepared p = prepare(spec, uid, workspace.resolve(HostFiles.checkRelative(name)), false);
            UidPool.Lease held = lease;
            lease = null;
            return new BwrapSandbox.BareRun(p.argv(), p.report(), () -> {
                if (held != null) held.close();
            });
        } catch (IOException e) {
            throw new SandboxException("cannot prepare a bare run (" + label + "): " + e.getMessage(), e);
        } finally {
            if (lease != null) lease.close();
        }
    }

    private Prepared prepare(RunSpec spec, OptionalInt uid, Path runDir, boolean collecting)
            throws IOException, SandboxException {
        Path in = runDir.resolve("in");
        Path out = runDir.resolve("out");
        Path ctl = runDir.resolve("ctl");
        if (!Files.isDirectory(ctl, LinkOption.NOFOLLOW_LINKS)) {
            RuntimeDirs.ensureDir(runDir, RuntimeDirs.TRAVERSABLE);
            RuntimeDirs.ensureDir(in, RuntimeDirs.TRAVERSABLE);
            RuntimeDirs.ensureDir(out, RuntimeDirs.TRAVERSABLE);
            RuntimeDirs.ensureDir(ctl, RuntimeDirs.PRIVATE);
        }
        Path stdout = out.resolve("stdout");
        Path stderr = out.resolve("stderr");
        for (Path f : List.of(stdout, stderr)) {
            // Recreated, not truncated: the previous run's program owned this file and may have changed its mode.
            Files.deleteIfExists(f);
            Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            if (uid.isPresent()) chown(f, uid.getAsInt());
        }

        Optional<Path> scratch = Optional.empty();
        Map<String, Path> inputs = new LinkedHashMap<>();
        if (collecting) {
            // Files to collect must outlive the sandbox, so this run's scratch is a host folder (bounded per file by
            // RLIMIT_FSIZE only); used for checkers and validators, not for student test runs.
            Path s = RuntimeDirs.ensureDir(runDir.resolve("scratch"), RuntimeDirs.PRIVATE);
            for (Map.Entry<String, Path> e : spec.inputFiles().entrySet()) {
                Path target = s.resolve(HostFiles.checkRelative(e.getKey()));
                Files.createDirectories(target.getParent());
                HostFiles.copyFile(e.getValue(), target);
            }
            if (uid.isPresent()) HostFiles.chownTree(s, uid.getAsInt(), uid.getAsInt());
            scratch = Optional.of(s);
        } else {
            int i = 0;
            for (Map.Entry<String, Path> e : spec.inputFiles().entrySet()) {
                HostFiles.checkRelative(e.getKey());
                Path copy = in.resolve("f" + (i++));
                Files.deleteIfExists(copy);
                HostFiles.copyFile(e.getValue(), copy);
                inputs.put(e.getKey(), copy);
            }
        }
        if (spec.programWritable() && uid.isPresent()) HostFiles.chownTree(prog, uid.getAsInt(), uid.getAsInt());

        Map<String, String> environment = new LinkedHashMap<>(profileEnv);
        environment.putAll(spec.env());
        LauncherCommand launch = new LauncherCommand(BwrapCommandLine.LAUNCHER, BwrapCommandLine.REPORT_FD,
                spec.limits(), NPROC_OVERHEAD, spec.stdin().map(s -> SandboxPaths.SCRATCH + "/" + s),
                BwrapCommandLine.STDOUT, BwrapCommandLine.STDERR, Optional.of(spec.workDir()), spec.argv());
        BwrapConfig config = sandbox.config();
        BwrapCommandLine cmd = new BwrapCommandLine(config.bwrap().toString(), uid, env.launcher().path().toString(),
                env.rootLayout(), binds, env.launcher().path(), prog, spec.programWritable(), scratch, inputs,
                stdout, stderr, environment, spec.limits().scratchBytes(), launch);

        return new Prepared(cmd.argv(), ctl.resolve("report"), ctl.resolve("bwrap.err"), stdout, stderr, scratch);
    }

    private RunResult runIn(RunSpec spec, OptionalInt uid, Path runDir, boolean collecting)
            throws IOException, SandboxException, InterruptedException {
        Prepared prepared = prepare(spec, uid, runDir, collecting);
        Path report = prepared.report();
        Path bwrapErr = prepared.bwrapErr();
        Path stdout = prepared.stdout();
        Path stderr = prepared.stderr();
        Optional<Path> scratch = prepared.scratch();
        BwrapConfig config = sandbox.config();
        ProcessBuilder pb = new ProcessBuilder(prepared.argv())
                .directory(new File("/"))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(report.toFile())
                .redirectError(bwrapErr.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("LANG", "C.UTF-8");
        LOG.debug("run {} as {}: {}", label, uid, spec.argv());

        Process p = pb.start();
        long waitMs = spec.limits().wallTime().toMillis() + config.grace().toMillis();
        boolean done;
        try {
            done = p.waitFor(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            destroyTree(p);
            throw e;
        }
        if (!done) {
            destroyTree(p);
            throw new SandboxException("the sandbox did not finish " + config.grace().toMillis()
                    + " ms after the wall limit; killed (" + label + ")");
        }
        int exit = p.exitValue();
        String reportText = HostFiles.readCapped(report, LauncherReport.MAX_CHANNEL_BYTES).text();
        LauncherReport lr;
        try {
            lr = LauncherReport.parse(reportText);
        } catch (SandboxException e) {
            String err = HostFiles.readCapped(bwrapErr, 4096).text().strip();
            throw new SandboxException(e.getMessage() + " (bwrap exit " + exit + (err.isEmpty() ? "" : ": " + err)
                    + ")", e);
        }
        if (exit != 0) {
            LOG.warn("bwrap exited {} after a complete launcher report ({}): {}", exit, label,
                    HostFiles.readCapped(bwrapErr, 4096).text().strip());
        }
        // The program owns its output files and may have taken its own read permission away (without root, the
        // grader is the same user and would then fail to read them: an SE caused by the student). Give it back.
        for (Path f : List.of(stdout, stderr)) {
            try {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
            } catch (IOException e) {
                LOG.debug("cannot reset the mode of {}: {}", f, e.toString());
            }
        }
        CapturedOutput so = HostFiles.readCapped(stdout, spec.limits().stdoutBytes());
        CapturedOutput se = HostFiles.readCapped(stderr, spec.limits().stderrBytes());
        Map<String, CapturedOutput> files = collecting
                ? HostFiles.collect(scratch.get(), spec.collect(), spec.limits().stdoutBytes(), MAX_COLLECTED_FILES)
                : Map.of();
        RunResult result = lr.toRunResult(so, se, files);
        lastExitClean = exit == 0;
        if (result.outcome() == RunResult.Outcome.SANDBOX_ERROR) throw new SandboxException(result.diagnostics());
        return result;
    }

    private static void chown(Path p, int uid) throws IOException {
        Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
    }

    private static void destroyTree(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        if (!p.waitFor(5, TimeUnit.SECONDS)) LOG.error("bwrap (pid {}) survived SIGKILL", p.pid());
    }

    /**
     * Safety net: the pid namespace dies with the launcher, so no process of the run's uid should be left. If one is
     * (a bug, or a kernel surprise), it is killed here before the uid is handed to another run.
     */
    private void killLeftovers(int uid) {
        List<Long> left = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path d : ds) {
                try {
                    if ((Integer) Files.getAttribute(d, "unix:uid", LinkOption.NOFOLLOW_LINKS) == uid) {
                        left.add(Long.parseLong(d.getFileName().toString()));
                    }
                } catch (IOException | NumberFormatException e) {
                    // exited meanwhile
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot scan /proc for leftovers of uid {}: {}", uid, e.toString());
            return;
        }
        if (left.isEmpty()) return;
        LOG.error("{} process(es) of sandbox uid {} outlived run {}; killing {}", left.size(), uid, label, left);
        for (long pid : left) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        BwrapSandbox.deleteQuietly(workspace);
    }

    /** The workspace folder on the host (tests check that {@link #close()} removes it). */
    Path workspaceForTests() {
        return workspace;
    }
}
