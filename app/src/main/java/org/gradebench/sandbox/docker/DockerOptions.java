package org.gradebench.sandbox.docker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link DockerSandbox} runs programs.
 *
 * @param transfer      how files move in and out (AUTO: bind mounts for a local socket, archive copies otherwise)
 * @param strategy      a warm container per session (default) or a fresh container for every run
 * @param killGrace     how long past the wall limit the host waits for the launcher's report before it kills the
 *                      container itself (the launcher enforces the wall limit; this is the backstop)
 * @param workRoot      host folder for per-session files (bind mode); empty = the user's runtime folder
 * @param launcher      the launcher binary on the host; empty = extracted from the classpath
 * @param sandboxUid    uid (and gid) programs run as; -1 = this JVM's uid when it is not root (bind mode, so the
 *                      host can read and delete what programs write), else 65534 (nobody)
 */
public record DockerOptions(TransferMode transfer, Strategy strategy, Duration killGrace, Optional<Path> workRoot,
                            Optional<Path> launcher, int sandboxUid) {

    public enum Strategy {
        /**
         * One container per session, recreated after anything abnormal; one exec per container starts the launcher's
         * runner ({@code gb-launch --serve}), and each run is a request to it: a fork in the container instead of a
         * new exec. The default: 20-30 ms per run where an exec costs 80-110 (README, Speed).
         */
        RUNNER,
        /** One container per session, recreated after anything abnormal; one {@code docker exec} per run. */
        WARM_CONTAINER,
        /** A new container for every run: full isolation between runs, ~4x the cost. */
        CONTAINER_PER_RUN
    }

    public static final int NOBODY = 65534;

    public DockerOptions {
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(killGrace, "killGrace");
        Objects.requireNonNull(workRoot, "workRoot");
        Objects.requireNonNull(launcher, "launcher");
        if (sandboxUid == 0 || sandboxUid < -1) {
            throw new IllegalArgumentException("sandboxUid must be -1 (automatic) or a uid other than root: " + sandboxUid);
        }
    }

    public static DockerOptions defaults() {
        return new DockerOptions(TransferMode.AUTO, Strategy.RUNNER, Duration.ofSeconds(3), Optional.empty(),
                Optional.empty(), -1);
    }

    public DockerOptions withTransfer(TransferMode t) {
        return new DockerOptions(t, strategy, killGrace, workRoot, launcher, sandboxUid);
    }

    public DockerOptions withStrategy(Strategy s) {
        return new DockerOptions(transfer, s, killGrace, workRoot, launcher, sandboxUid);
    }

    public DockerOptions withLauncher(Path p) {
        return new DockerOptions(transfer, strategy, killGrace, workRoot, Optional.of(p), sandboxUid);
    }

    public DockerOptions withWorkRoot(Path p) {
        return new DockerOptions(transfer, strategy, killGrace, Optional.of(p), launcher, sandboxUid);
    }
}
