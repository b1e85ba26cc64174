package org.gradebench.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.RunQueue;
import org.gradebench.core.run.Sandbox;
import org.gradebench.core.run.SandboxException;
import org.gradebench.core.run.SandboxSession;
import org.gradebench.core.run.SandboxStatus;
import org.gradebench.sandbox.launcher.LauncherBinary;
import org.gradebench.sandbox.launcher.RuntimeDirs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The Docker backend: one container per session (a submission, or a custom checker), whose runner (one
 * {@code docker exec} of {@code gb-launch --serve}, see {@link ContainerRunner}) starts the static launcher for each
 * run. The launcher measures CPU, peak memory, exit and signal inside the container exactly as
 * it does under bwrap, so both backends give the same verdicts; the container adds a memory cgroup (swap off), a
 * pids cgroup, one CPU, no network, a read-only root, dropped capabilities and a private size-limited /tmp.
 * <p>
 * Build it once in the composition root with the shared client ({@link DockerClientFactory}); close it at exit to
 * remove every container still up ({@link DockerReaper} removes the leftovers of a crash at the next start).
 * Images are never pulled: a missing image is a {@link SandboxException} that says how to get it.
 * <pre>
 * DockerEndpoint endpoint = DockerEndpoint.fromEnvironment(System.getenv());
 * DockerClient client = new DockerClientFactory().create(endpoint);      // once, shared
 * new DockerReaper(client).reap(Set.of());                               // leftovers of a crash
 * Sandbox docker = new DockerSandbox(client, endpoint, DockerOptions.defaults());
 * </pre>
 */
public final class DockerSandbox implements Sandbox {
    private static final Logger LOG = LoggerFactory.getLogger(DockerSandbox.class);

    private final DockerClient docker;
    private final DockerEndpoint endpoint;
    private final DockerOptions options;
    private final DockerProbe probe;
    private final OwnerId ownerId = OwnerId.current();
    private final Set<DockerSandboxSession> sessions = ConcurrentHashMap.newKeySet();
    private final Set<String> imagesSeen = ConcurrentHashMap.newKeySet();
    private final Map<String, String> profileOfImage = new ConcurrentHashMap<>();
    /**
     * Creates and starts containers off the calling thread. A cancel interrupts the grading thread, and an interrupt
     * closes docker-java's channel mid-call: the engine still creates the container but the id never arrives, which
     * leaks it. Here the call always completes and the session removes what it made (see
     * {@code DockerSandboxSession#reapPendingCreate}).
     */
    private final ExecutorService lifecycle = Executors.newCachedThreadPool(
            new RunQueue.NamedThreadFactory("gradebench-docker"));
    private final Object launcherLock = new Object();
    private Path launcher;
    private volatile SandboxStatus status;
    private volatile boolean closed;

    public DockerSandbox(DockerClient docker, DockerEndpoint endpoint, DockerOptions options) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.options = Objects.requireNonNull(options, "options");
        this.probe = new DockerProbe(docker, endpoint);
    }

    @Override
    public String name() {
        return "docker";
    }

    /** How runs are executed ({@link DockerOptions#strategy}). */
    public DockerOptions.Strategy strategy() {
        return options.strategy();
    }

    /**
     * Another sandbox on the same engine and client that runs programs with {@code strategy} (for the benchmark's
     * comparison of strategies). The caller closes it.
     */
    public DockerSandbox withStrategy(DockerOptions.Strategy strategy) {
        return new DockerSandbox(docker, endpoint, options.withStrategy(strategy));
    }

    @Override
    public SandboxStatus status() {
        SandboxStatus s = status;
        if (s == null || !s.usable()) {
            s = probe.probe(List.of()).toSandboxStatus();
            status = s;
        }
        return s;
    }

    /** How files move for this engine (bind mounts when it shares the filesystem). */
    public TransferMode transferMode() {
        return options.transfer().resolve(endpoint);
    }

    /** Session ids of the sessions open now; the reaper leaves their containers alone. */
    public Set<String> liveSessions() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (DockerSandboxSession s : sessions) ids.add(s.sessionId());
        return ids;
    }

    @Override
    public SandboxSession open(String label, Path sources, LanguageProfile profile) throws SandboxException {
        if (closed) throw new SandboxException("the Docker sandbox is closed");
        SandboxStatus st = status();
        if (!st.usable()) throw new SandboxException(String.join("; ", st.details()));
        String image = profile.dockerImage();
        if (image.isBlank()) throw new SandboxException("profile " + profile.name() + " names no Docker image");
        profileOfImage.put(image, profile.name());
        requireImage(image, profile.name());
        Path launcherPath = launcher();

        String sessionId = UUID.randomUUID().toString();
        Path sessionDir;
        try {
            Path root = options.workRoot().isPresent() ? options.workRoot().get() : RuntimeDirs.userRoot();
            sessionDir = Files.createDirectory(root.resolve("docker-" + sessionId),
                    PosixFilePermissions.asFileAttribute(RuntimeDirs.TRAVERSABLE));
            HostFiles.copySources(sources, sessionDir.resolve("prog"));
        } catch (IOException e) {
            throw new SandboxException("cannot prepare the program folder for " + label + ": " + e.getMessage(), e);
        }

        TransferMode mode = transferMode();
        int jvmUid = RuntimeDirs.currentUid();
        int uid = options.sandboxUid() >= 0 ? options.sandboxUid()
                : (mode == TransferMode.BIND && jvmUid != 0 ? jvmUid : DockerOptions.NOBODY);
        FileTransfer transfer;
        try {
            transfer = mode == TransferMode.BIND
                    ? new BindTransfer(sessionDir, launcherPath, uid, jvmUid == 0)
                    : new CopyTransfer(docker, endpoint, sessionDir, launcherPath, uid);
        } catch (IOException e) {
            throw new SandboxException("cannot prepare the session folder " + sessionDir + ": " + e.getMessage(), e);
        }
        DockerSandboxSession session = new DockerSandboxSession(this, docker, endpoint, image, sessionId, label,
                transfer, options, uid);
        sessions.add(session);
        return session;
    }

    private void requireImage(String image, String profileName) throws SandboxException {
        if (imagesSeen.contains(image)) return;
        try {
            docker.inspectImageCmd(image).exec();
            imagesSeen.add(image);
        } catch (NotFoundException e) {
            throw new SandboxException(DockerErrors.imageMissing(image, profileName), e);
        } catch (RuntimeException e) {
            throw DockerErrors.wrap("checking image " + image, e, endpoint);
        }
    }

    private Path launcher() throws SandboxException {
        synchronized (launcherLock) {
            if (launcher == null) {
                launcher = options.launcher().isPresent()
                        ? LauncherBinary.at(options.launcher().get()).path()
                        : LauncherBinary.extract().path();
            }
            return launcher;
        }
    }

    OwnerId ownerId() {
        return ownerId;
    }

    String profileName(String image) {
        return profileOfImage.getOrDefault(image, "?");
    }

    /**
     * Force-removes a container and its anonymous volumes; a container already gone is fine. Works from an
     * interrupted thread (a cancel): the transport would otherwise close its channel at once and leak the container,
     * so the interrupt is set aside for the call and restored after it.
     */
    void removeContainer(String id) {
        boolean interrupted = Thread.interrupted();
        long t0 = System.nanoTime();
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            LOG.debug("container {} removed in {} ms", id.substring(0, Math.min(12, id.length())),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            // 409 "removal already in progress" is fine too; anything else is left for the reaper
            LOG.warn("could not remove container {}: {}", id, DockerErrors.firstLine(String.valueOf(e)));
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Runs a container lifecycle call where no cancel can interrupt it. */
    <T> Future<T> uninterrupted(Callable<T> call) {
        return lifecycle.submit(call);
    }

    /** Per image: the test shape that last followed a compile shape (see DockerSandboxSession#prepareNext). */
    private final Map<String, ContainerShape> shapeAfter = new ConcurrentHashMap<>();

    Optional<ContainerShape> shapeAfter(String image, ContainerShape compile) {
        return Optional.ofNullable(shapeAfter.get(image + "\n" + compile));
    }

    void learnShapeAfter(String image, ContainerShape compile, ContainerShape next) {
        shapeAfter.put(image + "\n" + compile, next);
    }

    void sessionClosed(DockerSandboxSession s) {
        sessions.remove(s);
    }

    /** Closes every open session (removing its container). */
    @Override
    public void close() {
        closed = true;
        for (DockerSandboxSession s : List.copyOf(sessions)) s.close();
        lifecycle.shutdown();
    }
}
