package org.gradebench.sandbox.none;

import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.Sandbox;
import org.gradebench.core.run.SandboxException;
import org.gradebench.core.run.SandboxPaths;
import org.gradebench.core.run.SandboxSession;
import org.gradebench.core.run.SandboxStatus;
import org.gradebench.sandbox.launcher.HostFiles;
import org.gradebench.sandbox.launcher.LauncherBinary;
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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * NO ISOLATION: runs programs directly on the host as the grader's own user, through {@code gb-launch} so limits
 * (rlimits, the polled CPU/memory totals, the wall limit) and measurements still apply. The program can read and
 * write everything the grader can, use the network and leave files behind. Only for the explicit
 * {@code --unsafe-no-sandbox} flag, on machines without bwrap or Docker and with trusted code.
 * <p>
 * The program sees host paths: {@link SandboxPaths#PROGRAM} and {@link SandboxPaths#SCRATCH} at the start of an
 * argument or environment value are rewritten to the workspace folders.
 */
public final class UnsandboxedSandbox implements Sandbox {
    private static final Logger LOG = LoggerFactory.getLogger(UnsandboxedSandbox.class);
    private static final Duration GRACE = Duration.ofSeconds(3);

    private final Object lock = new Object();
    private final SecureRandom random = new SecureRandom();
    private SandboxStatus status; // guarded by lock
    private LauncherBinary launcher; // guarded by lock
    private Path workspaces; // guarded by lock

    @Override
    public String name() {
        return "none";
    }

    @Override
    public SandboxStatus status() {
        synchronized (lock) {
            if (status == null) {
                try {
                    Path root = RuntimeDirs.userRoot();
                    launcher = LauncherBinary.extract(root);
                    workspaces = RuntimeDirs.ensureDir(root.resolve("none"), RuntimeDirs.PRIVATE);
                    status = new SandboxStatus(name(), true, "gb-launch (no sandbox)", List.of(
                            "UNSAFE: programs run unsandboxed as uid " + RuntimeDirs.currentUid()
                                    + ", with full access to this machine's files and network; use only with trusted"
                                    + " code",
                            "limits and measurements still come from the launcher; process limits are per user"));
                } catch (SandboxException e) {
                    status = SandboxStatus.unusable(name(), e.getMessage());
                }
            }
            return status;
        }
    }

    @Override
    public SandboxSession open(String label, Path sources, LanguageProfile profile) throws SandboxException {
        SandboxStatus s = status();
        if (!s.usable()) throw new SandboxException("cannot run without a sandbox: " + String.join("; ", s.details()));
        LauncherBinary bin;
        Path wsRoot;
        synchronized (lock) {
            bin = launcher;
            wsRoot = workspaces;
        }
        byte[] r = new byte[6];
        random.nextBytes(r);
        String safe = label.replaceAll("[^A-Za-z0-9_.-]", "_");
        Path ws = RuntimeDirs.ensureDir(wsRoot.resolve("ws-" + (safe.length() > 40 ? safe.substring(0, 40) : safe)
                + "-" + HexFormat.of().formatHex(r)), RuntimeDirs.PRIVATE);
        try {
            HostFiles.copyTree(sources, ws.resolve("prog"));
        } catch (IOException e) {
            deleteQuietly(ws);
            throw new SandboxException("cannot copy " + sources + ": " + e.getMessage(), e);
        }
        return new Session(bin, ws, profile.env(), label);
    }

    private static void deleteQuietly(Path p) {
        try {
            HostFiles.deleteTree(p);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", p, e.toString());
        }
    }

    private static final class Session implements SandboxSession {
        private final LauncherBinary launcher;
        private final Path ws;
        private final Path prog;
        private final Map<String, String> profileEnv;
        private final String label;
        private final AtomicInteger runs = new AtomicInteger();

        Session(LauncherBinary launcher, Path ws, Map<String, String> profileEnv, String label) {
            this.launcher = launcher;
            this.ws = ws;
            this.prog = ws.resolve("prog");
            this.profileEnv = Map.copyOf(profileEnv);
            this.label = label;
        }

        @Override
        public RunResult run(RunSpec spec) throws SandboxException, InterruptedException {
            Path runDir = ws.resolve("r" + runs.incrementAndGet());
            try {
                return runIn(spec, runDir);
            } catch (IOException e) {
                throw new SandboxException("unsandboxed run failed (" + label + "): " + e.getMessage(), e);
            } finally {
                deleteQuietly(runDir);
            }
        }

        private String map(String s, Path scratch) {
            if (s.startsWith(SandboxPaths.PROGRAM)) return prog + s.substring(SandboxPaths.PROGRAM.length());
            if (s.startsWith(SandboxPaths.SCRATCH)) return scratch + s.substring(SandboxPaths.SCRATCH.length());
            return s;
        }

        private RunResult runIn(RunSpec spec, Path runDir) throws IOException, SandboxException, InterruptedException {
            RuntimeDirs.ensureDir(runDir, RuntimeDirs.PRIVATE);
            Path scratch = RuntimeDirs.ensureDir(runDir.resolve("scratch"), RuntimeDirs.PRIVATE);
            Path out = RuntimeDirs.ensureDir(runDir.resolve("out"), RuntimeDirs.PRIVATE);
            Path ctl = RuntimeDirs.ensureDir(runDir.resolve("ctl"), RuntimeDirs.PRIVATE);
            Path tmp = RuntimeDirs.ensureDir(runDir.resolve("tmp"), RuntimeDirs.PRIVATE);
            for (Map.Entry<String, Path> e : spec.inputFiles().entrySet()) {
                Path target = scratch.resolve(HostFiles.checkRelative(e.getKey()));
                Files.createDirectories(target.getParent());
                HostFiles.copyFile(e.getValue(), target);
            }
            List<String> argv = new ArrayList<>();
            for (String a : spec.argv()) argv.add(map(a, scratch));
            String workDir = spec.programWritable() ? prog.toString() : scratch.toString();
            // Without a user namespace RLIMIT_NPROC counts every task of this user (this JVM's threads, the
            // desktop session), so the program's budget is added on top of what the user already runs.
            LauncherCommand cmd = new LauncherCommand(launcher.path().toString(), 1, spec.limits(), tasksOfThisUser(),
                    spec.stdin().map(s -> scratch.resolve(s).toString()), out.resolve("stdout").toString(),
                    out.resolve("stderr").toString(), Optional.of(workDir), argv);
            ProcessBuilder pb = new ProcessBuilder(cmd.argv())
                    .directory(new File(workDir))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ctl.resolve("report").toFile())
                    .redirectError(ctl.resolve("launcher.err").toFile());
            Map<String, String> env = pb.environment();
            env.clear();
            env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
            env.put("HOME", tmp.toString());
            env.put("TMPDIR", tmp.toString());
            env.put("LANG", "C.UTF-8");
            Map<String, String> extra = new LinkedHashMap<>(profileEnv);
            extra.putAll(spec.env());
            extra.forEach((k, v) -> env.put(k, map(v, scratch)));

            Process p = pb.start();
            long waitMs = spec.limits().wallTime().toMillis() + GRACE.toMillis();
            boolean done;
            try {
                done = p.waitFor(waitMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw e;
            }
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new SandboxException("the launcher did not finish after the wall limit; killed (" + label + ")");
            }
            LauncherReport lr;
            try {
                lr = LauncherReport.parse(HostFiles.readCapped(ctl.resolve("report"),
                        LauncherReport.MAX_CHANNEL_BYTES).text());
            } catch (SandboxException e) {
                throw new SandboxException(e.getMessage() + " (launcher exit " + p.exitValue() + ": "
                        + HostFiles.readCapped(ctl.resolve("launcher.err"), 4096).text().strip() + ")", e);
            }
            CapturedOutput so = HostFiles.readCapped(out.resolve("stdout"), spec.limits().stdoutBytes());
            CapturedOutput se = HostFiles.readCapped(out.resolve("stderr"), spec.limits().stderrBytes());
            Map<String, CapturedOutput> files = HostFiles.collect(scratch, spec.collect(), spec.limits().stdoutBytes(),
                    256);
            RunResult result = lr.toRunResult(so, se, files);
            if (result.outcome() == RunResult.Outcome.SANDBOX_ERROR) throw new SandboxException(result.diagnostics());
            return result;
        }

        @Override
        public void close() {
            deleteQuietly(ws);
        }
    }

    /** Threads of every process of the JVM's uid (what RLIMIT_NPROC counts outside a user namespace). */
    static int tasksOfThisUser() {
        int uid = RuntimeDirs.currentUid();
        int tasks = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path d : ds) {
                try {
                    if ((Integer) Files.getAttribute(d, "unix:uid", LinkOption.NOFOLLOW_LINKS) != uid) continue;
                    for (String line : Files.readAllLines(d.resolve("status"))) {
                        if (line.startsWith("Threads:")) {
                            tasks += Integer.parseInt(line.substring(8).strip());
                            break;
                        }
                    }
                } catch (IOException | NumberFormatException e) {
                    // exited meanwhile
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot count this user's tasks: {}", e.toString());
        }
        return tasks;
    }
}
