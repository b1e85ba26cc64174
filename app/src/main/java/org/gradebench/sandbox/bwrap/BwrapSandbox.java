package org.gradebench.sandbox.bwrap;

import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.RunLimits;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.Sandbox;
import org.gradebench.core.run.SandboxException;
import org.gradebench.core.run.SandboxSession;
import org.gradebench.core.run.SandboxStatus;
import org.gradebench.sandbox.launcher.HostFiles;
import org.gradebench.sandbox.launcher.LauncherBinary;
import org.gradebench.sandbox.launcher.RuntimeDirs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bubblewrap backend: each run is a fresh bwrap sandbox with {@code gb-launch} as its pid 1 (see
 * {@link BwrapCommandLine} for the policy). When the JVM runs as root, programs run as dedicated unprivileged uids
 * ({@link BwrapConfig#uidBase()}...), one per concurrent run; as an ordinary user they run as that user inside an
 * unprivileged user namespace.
 * <p>
 * Without cgroups, totals over several processes (CPU, memory) are enforced by the launcher polling /proc every
 * 10 ms; the process count limit is RLIMIT_NPROC, counted per user namespace on Linux 5.14+.
 */
public final class BwrapSandbox implements Sandbox {
    private static final Logger LOG = LoggerFactory.getLogger(BwrapSandbox.class);
    private static final Pattern VERSION = Pattern.compile("bubblewrap (\\d+)\\.(\\d+)(?:\\.(\\d+))?");
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STALE_AFTER = Duration.ofDays(2);

    private final BwrapConfig config;
    private final boolean root;
    private final SecureRandom random = new SecureRandom();
    private final Object probeLock = new Object();
    private SandboxStatus status; // guarded by probeLock
    private Environment environment; // guarded by probeLock

    /** What every session needs, prepared once by the probe; {@code uids} is null unless running as root. */
    record Environment(Path workspaces, LauncherBinary launcher, List<String> rootLayout, UidPool uids) {
    }

    public BwrapSandbox(BwrapConfig config) {
        this.config = config;
        this.root = RuntimeDirs.currentUid() == 0;
    }

    @Override
    public String name() {
        return "bwrap";
    }

    @Override
    public SandboxStatus status() {
        synchronized (probeLock) {
            if (status == null) status = probe();
            return status;
        }
    }

    /**
     * A test run prepared but not started, for `gradebench bench`'s bare loop: run {@code argv} with stdout redirected
     * to {@code report} (the launcher's report) as often as wanted; close it to release its sandbox uid. The files live
     * in the session's workspace, removed with the session.
     */
    public record BareRun(List<String> argv, Path report, AutoCloseable release) implements AutoCloseable {
        public BareRun {
            argv = List.copyOf(argv);
        }

        @Override
        public void close() throws Exception {
            release.close();
        }
    }

    /** Prepares {@code spec} in {@code session} (opened by this sandbox) without running it; see {@link BareRun}. */
    public BareRun prepareBare(SandboxSession session, RunSpec spec, String name)
            throws SandboxException, InterruptedException {
        if (!(session instanceof BwrapSession s)) throw new IllegalArgumentException("not a bwrap session: " + session);
        return s.prepareBare(spec, name);
    }

    @Override
    public SandboxSession open(String label, Path sources, LanguageProfile profile) throws SandboxException {
        Environment env = environment();
        Path ws = newWorkspace(env, label);
        try {
            HostFiles.copyTree(sources, ws.resolve("prog"));
            if (!Files.isDirectory(ws.resolve("prog"), LinkOption.NOFOLLOW_LINKS)) {
                throw new SandboxException("sources " + sources + " is not a folder");
            }
        } catch (IOException | SandboxException e) {
            deleteQuietly(ws);
            if (e instanceof SandboxException se) throw se;
            throw new SandboxException("cannot copy " + sources + " into the sandbox workspace: " + e.getMessage(), e);
        }
        return new BwrapSession(this, env, ws, profile.binds(), profile.env(), label);
    }

    private Environment environment() throws SandboxException {
        SandboxStatus s = status();
        synchronized (probeLock) {
            if (!s.usable() || environment == null) {
                throw new SandboxException("the bwrap sandbox is not usable: " + String.join("; ", s.details()));
            }
            return environment;
        }
    }

    BwrapConfig config() {
        return config;
    }

    boolean runningAsRoot() {
        return root;
    }

    private Path newWorkspace(Environment env, String label) throws SandboxException {
        String safe = label.replaceAll("[^A-Za-z0-9_.-]", "_");
        if (safe.length() > 40) safe = safe.substring(0, 40);
        byte[] r = new byte[6];
        random.nextBytes(r);
        return RuntimeDirs.ensureDir(env.workspaces().resolve("ws-" + safe + "-" + HexFormat.of().formatHex(r)),
                RuntimeDirs.TRAVERSABLE);
    }

    static void deleteQuietly(Path p) {
        try {
            HostFiles.deleteTree(p);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", p, e.toString());
        }
    }

    // ---------------------------------------------------------------------------------------------- probing

    private SandboxStatus probe() {
        List<String> details = new ArrayList<>();
        Path bwrap = config.bwrap();
        if (!Files.isExecutable(bwrap)) {
            return SandboxStatus.unusable(name(), "bubblewrap not found at " + bwrap
                    + " (install it: apt-get install bubblewrap, dnf install bubblewrap)");
        }
        String version;
        try {
            version = runQuick(List.of(bwrap.toString(), "--version")).strip();
        } catch (IOException e) {
            return SandboxStatus.unusable(name(), "cannot run " + bwrap + " --version: " + e.getMessage());
        }
        Matcher m = VERSION.matcher(version);
        if (!m.find()) return SandboxStatus.unusable(name(), "unrecognised bwrap version: " + version);
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major == 0 && minor < 8) {
            return new SandboxStatus(name(), false, version, List.of(version + " is too old: 0.8 or newer is needed"
                    + " (--disable-userns, --size, --as-pid-1)"));
        }
        Environment env;
        try {
            Path runtime = config.runtimeRoot().isPresent()
                    ? RuntimeDirs.ensureDir(config.runtimeRoot().get(), RuntimeDirs.TRAVERSABLE)
                    : RuntimeDirs.userRoot();
            LauncherBinary launcher = config.launcher().isPresent()
                    ? LauncherBinary.at(config.launcher().get()) : LauncherBinary.extract(runtime);
            Path workspaces = RuntimeDirs.ensureDir(runtime.resolve("bwrap"), RuntimeDirs.TRAVERSABLE);
            removeStaleWorkspaces(workspaces);
            UidPool pool = root ? new UidPool(config.uidBase(), config.uidCount(),
                    RuntimeDirs.ensureDir(runtime.resolve("uid-locks"), RuntimeDirs.PRIVATE)) : null;
            env = new Environment(workspaces, launcher, hostRootLayout(Path.of("/")), pool);
        } catch (SandboxException | IOException e) {
            return new SandboxStatus(name(), false, version, List.of(e.getMessage()));
        }
        if (root) {
            details.add("running as root: programs run as dedicated uids " + config.uidBase() + "-"
                    + (config.uidBase() + config.uidCount() - 1) + " (gb-launch --exec-as)");
            List<String> used = uidsInPasswd();
            if (!used.isEmpty()) {
                details.add(0, "warning: sandbox uids are used by accounts in /etc/passwd: " + String.join(", ", used)
                        + "; choose another uid range");
            }
        } else {
            details.add("running as uid " + RuntimeDirs.currentUid() + ": programs run in an unprivileged user"
                    + " namespace as this user (on kernels before 5.14 their process limit also counts this user's"
                    + " other processes)");
        }
        details.add("no cgroups: CPU and memory totals over several processes are enforced by the launcher polling"
                + " /proc every 10 ms");
        synchronized (probeLock) {
            environment = env;
        }
        // A real run through the whole chain (gb-launch --exec-as, user namespace, launcher): e.g. Ubuntu's AppArmor policy
        // blocks unprivileged user namespaces, which only shows up here.
        Path probeWs = null;
        try {
            probeWs = newWorkspace(env, "probe");
            Files.createDirectory(probeWs.resolve("prog"));
            RunLimits limits = new RunLimits(Duration.ofSeconds(2), PROBE_TIMEOUT, 64 * 1024, 0, 8, 1024, 1024, 1024,
                    16, 1024 * 1024);
            try (BwrapSession s = new BwrapSession(this, env, probeWs, List.of(), Map.of(), "probe")) {
                RunResult r = s.run(new RunSpec(List.of("/usr/bin/true"), false, Map.of(), Optional.empty(), limits,
                        Map.of(), List.of()));
                if (!r.succeeded()) {
                    synchronized (probeLock) {
                        environment = null;
                    }
                    return new SandboxStatus(name(), false, version, List.of("a trivial sandboxed run failed: "
                            + describe(r) + " (are unprivileged user namespaces enabled? sysctl"
                            + " kernel.unprivileged_userns_clone=1; on Ubuntu 24.04 an AppArmor profile for bwrap"
                            + " is needed)"));
                }
                details.add("trivial run: " + r.wallMs() + " ms");
            }
        } catch (SandboxException | IOException e) {
            synchronized (probeLock) {
                environment = null;
            }
            return new SandboxStatus(name(), false, version, List.of("a trivial sandboxed run failed: "
                    + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (probeLock) {
                environment = null;
            }
            return new SandboxStatus(name(), false, version, List.of("probe interrupted"));
        } finally {
            if (probeWs != null) deleteQuietly(probeWs);
        }
        details.add("launcher " + env.launcher().path());
        return new SandboxStatus(name(), true, version, details);
    }

    /**
     * Workspaces are removed when their session closes; one left by a JVM that died (kill -9, power loss) would stay
     * forever, so folders not touched for {@link #STALE_AFTER} are removed at start-up. Every run touches its
     * workspace (a new run folder), so only abandoned ones are that old.
     */
    private static void removeStaleWorkspaces(Path workspaces) {
        java.time.Instant limit = java.time.Instant.now().minus(STALE_AFTER);
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(workspaces, "ws-*")) {
            for (Path ws : ds) {
                if (Files.getLastModifiedTime(ws, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(limit)) {
                    LOG.info("removing the abandoned sandbox workspace {}", ws);
                    deleteQuietly(ws);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot scan {} for abandoned workspaces: {}", workspaces, e.toString());
        }
    }

    private static String describe(RunResult r) {
        if (r.outcome() == RunResult.Outcome.SANDBOX_ERROR) return r.diagnostics();
        return r.outcome() + " code " + r.exitCode() + " signal " + r.signal() + ", stderr: " + r.stderr().excerpt(300);
    }

    private List<String> uidsInPasswd() {
        List<String> hits = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
                String[] f = line.split(":");
                if (f.length < 3) continue;
                try {
                    int uid = Integer.parseInt(f[2]);
                    if (uid >= config.uidBase() && uid < config.uidBase() + config.uidCount()) hits.add(f[0] + "=" + uid);
                } catch (NumberFormatException e) {
                    // not a uid line
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot read /etc/passwd: {}", e.toString());
        }
        return hits;
    }

    /**
     * bwrap arguments recreating the host's top-level library and binary folders: on merged-/usr systems /bin, /lib...
     * are symlinks into /usr and become the same symlinks; on older layouts they are real folders, bound read-only.
     */
    static List<String> hostRootLayout(Path hostRoot) throws IOException {
        List<String> args = new ArrayList<>();
        for (String name : List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32")) {
            Path p = hostRoot.resolve(name);
            if (Files.isSymbolicLink(p)) {
                args.add("--symlink");
                args.add(Files.readSymbolicLink(p).toString());
                args.add("/" + name);
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                args.add("--ro-bind");
                args.add(p.toString());
                args.add("/" + name);
            }
        }
        return args;
    }

    private static String runQuick(List<String> argv) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        try {
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(argv.get(0) + " did not finish within " + PROBE_TIMEOUT.toSeconds() + " s");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
