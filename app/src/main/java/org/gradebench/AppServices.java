package org.gradebench;

import org.gradebench.core.assignment.AssignmentLoader;
import org.gradebench.core.check.CheckerProvider;
import org.gradebench.core.grading.GradingEngine;
import org.gradebench.core.history.HistoryException;
import org.gradebench.core.history.ReviewStore;
import org.gradebench.core.history.RunHistory;
import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.ProgramPlanner;
import org.gradebench.core.run.RunQueue;
import org.gradebench.core.run.Sandbox;
import org.gradebench.core.submission.SubmissionSource;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.check.SandboxCustomCheckerRunner;
import org.gradebench.core.check.SessionCheckers;
import org.gradebench.io.profile.ProfileLoader;
import org.gradebench.io.profile.ProfileLocator;
import org.gradebench.sandbox.ToolchainVersions;
import org.gradebench.sandbox.bwrap.BwrapConfig;
import org.gradebench.sandbox.bwrap.BwrapSandbox;
import org.gradebench.core.run.SandboxStatus;
import org.gradebench.core.run.ComponentStatus;
import org.gradebench.io.profile.ProfileToolchains;
import org.gradebench.store.DataDirectories;
import org.gradebench.io.assignment.AssignmentFolderLoader;
import org.gradebench.io.importing.AutoDetectingSubmissionSource;
import org.gradebench.io.importing.ImportOptions;
import org.gradebench.core.export.GradeExportService;
import org.gradebench.io.export.LmsGradeExportService;
import org.gradebench.sandbox.none.UnsandboxedSandbox;
import org.gradebench.sandbox.docker.DockerClientFactory;
import org.gradebench.sandbox.docker.DockerEndpoint;
import org.gradebench.sandbox.docker.DockerOptions;
import org.gradebench.sandbox.docker.DockerProbe;
import org.gradebench.sandbox.docker.DockerReaper;
import org.gradebench.sandbox.docker.DockerSandbox;
import org.gradebench.sandbox.docker.DockerStatus;
import org.gradebench.sandbox.docker.ImageBuilder;
import org.gradebench.sandbox.docker.ImageRecipes;
import org.gradebench.core.run.SandboxException;
import com.github.dockerjava.api.DockerClient;
import java.util.stream.Collectors;
import org.gradebench.store.h2.H2RunHistory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;

/**
 * The composition root: builds every service once, with constructors, for the CLI and the window alike. Nothing
 * else in the application constructs adapters (sandbox, store, io); everything else receives them.
 */
public final class AppServices implements AutoCloseable {

    /**
     * @param db          history database file (default: the user's data folder)
     * @param profilesDir language profiles folder (default: the bundled sandbox-profiles/)
     * @param jobs        parallelism (0 = number of cores)
     */
    public record Options(Optional<Path> db, Optional<Path> profilesDir, int jobs) {
        public static Options defaults() {
            return new Options(Optional.empty(), Optional.empty(), 0);
        }
    }

    /** The application cannot start as asked (bad profiles, database in use...): the message is for the user. */
    public static final class StartupException extends Exception {
        private static final long serialVersionUID = 1L;

        public StartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** No sandbox backend can run programs here; the message says what to install or start. */
    public static final class NoSandboxException extends Exception {
        private static final long serialVersionUID = 1L;

        public NoSandboxException(String message) {
            super(message);
        }
    }

    private final Options options;
    private final DataDirectories dirs = DataDirectories.forCurrentUser();
    private final RunQueue queue;
    private final ThreadFactory threads = new RunQueue.NamedThreadFactory("gradebench-bg");
    private final List<LanguageProfile> profiles;
    private final ToolchainVersions toolchains = new ToolchainVersions();
    private H2RunHistory history;
    private BwrapSandbox bwrap;
    private UnsandboxedSandbox unsandboxed;
    private DockerClient dockerClient;
    private DockerSandbox docker;
    private final DockerEndpoint dockerEndpoint = DockerEndpoint.fromEnvironment(System.getenv());

    public AppServices(Options options) throws StartupException {
        this.options = options;
        ProfileLoader loader = new ProfileLoader();
        try {
            this.profiles = options.profilesDir().isPresent()
                    ? loader.loadAll(options.profilesDir().get())
                    : new ProfileLocator(loader).loadProfiles();
        } catch (InvalidInputException e) {
            throw new StartupException("invalid language profile: " + e.getMessage(), e);
        }
        if (profiles.isEmpty()) {
            throw new StartupException("no language profiles found" + options.profilesDir().map(p -> " in " + p).orElse(""), null);
        }
        this.queue = new RunQueue(options.jobs() > 0 ? options.jobs() : RunQueue.defaultParallelism());
    }

    public List<LanguageProfile> profiles() {
        return profiles;
    }

    public RunQueue queue() {
        return queue;
    }

    /** The factory for the few background threads outside the run queue (shutdown hooks, probes). */
    public ThreadFactory threads() {
        return threads;
    }

    public Path databaseLocation() {
        return options.db().orElseGet(dirs::historyDatabase);
    }

    public synchronized RunHistory history() throws StartupException {
        return h2();
    }

    public synchronized ReviewStore reviews() throws StartupException {
        return h2();
    }

    private H2RunHistory h2() throws StartupException {
        if (history == null) {
            try {
                history = H2RunHistory.open(databaseLocation());
            } catch (HistoryException e) {
                throw new StartupException(e.getMessage(), e);
            }
        }
        return history;
    }

    public AssignmentLoader assignments() {
        return new AssignmentFolderLoader(profiles.stream().map(LanguageProfile::name).collect(Collectors.toSet()));
    }

    /** Grade and feedback export over the history (the CLI's `export` and the window's export dialog). */
    public GradeExportService gradeExport() throws StartupException {
        return new LmsGradeExportService(history(), reviews(), assignments(), Clock.systemUTC());
    }

    /** Auto-detects generic folders, archives and LMS exports. */
    public AutoDetectingSubmissionSource submissions() {
        return new AutoDetectingSubmissionSource();
    }

    /** The importer with the CLI's choices (e.g. a Moodle grading worksheet for late flags). */
    public AutoDetectingSubmissionSource submissions(ImportOptions options) {
        return new AutoDetectingSubmissionSource(options);
    }

    /**
     * The sandbox to grade with.
     *
     * @param choice "auto" (bwrap when usable, else Docker when reachable), "bwrap" or "docker"
     * @throws NoSandboxException with what to install or start when none is usable; never falls back to running
     *                            code unsandboxed
     */
    public Sandbox sandbox(String choice) throws NoSandboxException {
        switch (choice.toLowerCase(Locale.ROOT)) {
            case "bwrap" -> {
                SandboxStatus s = bwrap().status();
                if (!s.usable()) throw new NoSandboxException("bubblewrap is not usable here: " + String.join("; ", s.details()));
                return bwrap();
            }
            case "docker" -> {
                SandboxStatus s = docker().status();
                if (!s.usable()) throw new NoSandboxException("Docker is not usable: " + String.join("; ", s.details()));
                reapDockerLeftovers();
                return docker();
            }
            case "auto" -> {
                SandboxStatus s = bwrap().status();
                if (s.usable()) return bwrap();
                SandboxStatus d = docker().status();
                if (d.usable()) {
                    reapDockerLeftovers();
                    return docker();
                }
                throw new NoSandboxException("no sandbox is usable, so no student code will run.\n  bubblewrap: "
                        + String.join("; ", s.details()) + "\n  Docker: " + String.join("; ", d.details())
                        + "\n  Install bubblewrap (Linux: sudo apt-get install bubblewrap) or start Docker"
                        + " (then run `gradebench images build`). `gradebench doctor` shows the details.");
            }
            default -> throw new NoSandboxException("unknown backend '" + choice + "': use auto, bwrap or docker");
        }
    }

    /** The endpoint DOCKER_HOST (or the default socket) names. */
    public DockerEndpoint dockerEndpoint() {
        return dockerEndpoint;
    }

    private synchronized DockerClient dockerClient() {
        if (dockerClient == null) dockerClient = new DockerClientFactory().create(dockerEndpoint);
        return dockerClient;
    }

    public synchronized DockerSandbox docker() {
        if (docker == null) docker = new DockerSandbox(dockerClient(), dockerEndpoint, DockerOptions.defaults());
        return docker;
    }

    /** Engine reachability, version and the image of every profile (probes the engine: call off the UI thread). */
    public DockerStatus dockerStatus() {
        return new DockerProbe(dockerClient(), dockerEndpoint).probe(profiles);
    }

    /** Removes containers (and host folders) a crashed Gradebench left behind. */
    private void reapDockerLeftovers() {
        try {
            List<String> removed = new DockerReaper(dockerClient()).reap(docker().liveSessions());
            if (!removed.isEmpty()) org.slf4j.LoggerFactory.getLogger(AppServices.class)
                    .info("removed {} leftover container(s) of crashed sessions", removed.size());
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AppServices.class).warn("could not remove leftover containers: {}", e.toString());
        }
    }

    /** One image per profile from the host's installed toolchains, tagged as the profile names it; no registry. */
    public record ImageBuild(String profile, String image, Optional<ImageBuilder.Result> result, String problem) {
    }

    public List<ImageBuild> buildImages(List<String> only) throws IOException {
        Path work = newWorkspace("images");
        ImageBuilder builder = new ImageBuilder(dockerClient(), Path.of("/"), work);
        List<ImageBuild> out = new java.util.ArrayList<>();
        for (LanguageProfile p : profiles) {
            if (!only.isEmpty() && !only.contains(p.name())) continue;
            var recipe = ImageRecipes.recipe(p.name());
            var binary = ImageRecipes.toolchainBinary(p.name());
            if (recipe.isEmpty() || binary.isEmpty()) {
                out.add(new ImageBuild(p.name(), p.dockerImage(), Optional.empty(), "no image recipe for this profile"));
                continue;
            }
            if (!Files.exists(Path.of(binary.get()))) {
                out.add(new ImageBuild(p.name(), p.dockerImage(), Optional.empty(), "toolchain not installed here ("
                        + binary.get() + "); online, pull " + ImageRecipes.officialImage(p.name()) + " instead"));
                continue;
            }
            try {
                out.add(new ImageBuild(p.name(), p.dockerImage(), Optional.of(builder.build(p.name(), p.dockerImage(), recipe.get())), ""));
            } catch (SandboxException e) {
                out.add(new ImageBuild(p.name(), p.dockerImage(), Optional.empty(), e.getMessage()));
            }
        }
        try (var walk = Files.walk(work)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        return out;
    }

    public synchronized BwrapSandbox bwrap() {
        if (bwrap == null) bwrap = new BwrapSandbox(BwrapConfig.defaults());
        return bwrap;
    }

    /** Runs student code WITHOUT isolation (rlimits and measurements only): only on the user's explicit request. */
    public synchronized Sandbox unsandboxed() {
        if (unsandboxed == null) unsandboxed = new UnsandboxedSandbox();
        return unsandboxed;
    }

    public GradingEngine engine(Sandbox sandbox) throws StartupException {
        return new GradingEngine(sandbox, new ProgramPlanner(profiles), history(), queue, Clock.systemUTC());
    }

    /**
     * The component dashboard: sandboxes, toolchains per profile, database and log file, each with its fix. Probes
     * run external commands (cached after the first call): call it off the UI thread.
     */
    public List<ComponentStatus> components() {
        List<ComponentStatus> out = new java.util.ArrayList<>();
        SandboxStatus b = bwrap().status();
        out.add(new ComponentStatus("bubblewrap sandbox", b.usable() ? ComponentStatus.Level.OK : ComponentStatus.Level.ERROR,
                b.usable() ? b.version() + ", usable" : "not usable", b.details(),
                b.usable() ? "" : "Install bubblewrap 0.8 or newer (Debian/Ubuntu: sudo apt-get install bubblewrap), or use Docker."));
        DockerStatus d = dockerStatus();
        String dockerFix = d.reachable() ? ""
                : dockerEndpoint.problem().isPresent() ? "Set DOCKER_HOST to unix:///path/to/docker.sock or tcp://host:port,"
                        + " or unset it for the local socket; with DOCKER_TLS_VERIFY, DOCKER_CERT_PATH must hold ca.pem,"
                        + " cert.pem and key.pem. Not needed when bubblewrap is usable."
                : "Start Docker (Docker Desktop on macOS/Windows; `sudo systemctl start docker` on Linux)"
                        + " or point DOCKER_HOST at an engine. Not needed when bubblewrap is usable.";
        out.add(new ComponentStatus("Docker engine", d.usable() ? ComponentStatus.Level.OK
                : b.usable() ? ComponentStatus.Level.WARNING : ComponentStatus.Level.ERROR,
                d.reachable() ? "Docker Engine " + d.serverVersion() + " (API " + d.apiVersion() + ") at " + d.endpoint()
                        : dockerEndpoint.problem().isPresent() ? "DOCKER_HOST is not usable"
                        : "not reachable at " + d.endpoint(),
                d.problems().stream().filter(p -> !p.startsWith("image ")).toList(), dockerFix));
        if (d.reachable()) {
            for (DockerStatus.ImageStatus i : d.images()) {
                out.add(new ComponentStatus("image for " + i.profile(), i.present() ? ComponentStatus.Level.OK : ComponentStatus.Level.WARNING,
                        i.image() + (i.present() ? " present" : " missing"), List.of(),
                        i.present() ? "" : "Run `gradebench images build` (offline, from this machine's toolchains), or pull "
                                + ImageRecipes.officialImage(i.profile()) + " and set the profile's docker.image."));
            }
        }
        Map<String, String> versions = toolchains.versions(profiles);
        for (ProfileToolchains.Report r : ProfileToolchains.checkAll(profiles)) {
            String version = versions.getOrDefault(r.profile(), "unknown");
            out.add(new ComponentStatus(r.displayName() + " toolchain", r.usable() ? ComponentStatus.Level.OK : ComponentStatus.Level.WARNING,
                    r.usable() ? version : "not installed", r.usable() ? List.of() : List.of(r.summary()),
                    r.usable() ? "" : "Install the " + r.displayName() + " toolchain to grade " + r.displayName()
                            + " submissions (missing: " + String.join(", ", r.missingToolchain()) + ")."));
        }
        Path db = databaseLocation();
        try {
            var st = h2().status();
            String size = st.map(x -> String.format(Locale.ROOT, "%.1f MB", x.sizeBytes() / 1e6)).orElse("?");
            out.add(new ComponentStatus("history database", ComponentStatus.Level.OK, h2().databaseFile() + " (" + size + ")",
                    List.of("schema version " + h2().schemaVersion()), ""));
        } catch (StartupException e) {
            out.add(new ComponentStatus("history database", ComponentStatus.Level.ERROR, "cannot open " + db,
                    List.of(e.getMessage()), "Close the other Gradebench using it, or pass --db with another file."));
        }
        out.add(new ComponentStatus("log file", ComponentStatus.Level.OK,
                LogDirectory.path().resolve("gradebench.log").toString(), List.of(), ""));
        return out;
    }

    /** Checkers for one grading session; custom validators run in the same sandbox as the students' code. */
    public CheckerProvider checkers(Sandbox sandbox) {
        return new SessionCheckers(new SandboxCustomCheckerRunner(sandbox, new ProgramPlanner(profiles),
                SandboxCustomCheckerRunner.VALIDATOR_LIMITS, queue.parallelism()));
    }

    /** Toolchain versions per profile, recorded with each session (host toolchains; cached). */
    public Map<String, String> toolchainVersions(Sandbox sandbox) {
        return toolchains.versions(profiles);
    }

    /** A fresh folder under the data directory for extracted submissions; kept so history can show sources later. */
    public Path newWorkspace(String kind) throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path dir = dirs.dataDirectory().resolve("workspaces").resolve(kind + "-" + stamp + "-" + UUID.randomUUID().toString().substring(0, 8));
        return Files.createDirectories(dir);
    }

    @Override
    public synchronized void close() {
        queue.close();
        if (bwrap != null) bwrap.close();
        if (unsandboxed != null) unsandboxed.close();
        if (docker != null) docker.close();
        if (dockerClient != null) {
            try {
                dockerClient.close();
            } catch (IOException e) {
                // closing an HTTP client: nothing to recover
            }
        }
        if (history != null) history.close();
    }
}
