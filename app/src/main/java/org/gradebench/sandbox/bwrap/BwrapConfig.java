package org.gradebench.sandbox.bwrap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the bubblewrap backend.
 *
 * @param bwrap       the bwrap executable
 * @param uidBase     first uid of the dedicated sandbox uids (used only when the JVM runs as root)
 * @param uidCount    how many consecutive uids, one per concurrent run (leased with a lock file, so several
 *                    Gradebench processes on one machine never share one). A dedicated uid is what makes file
 *                    permissions protect the host (/etc/shadow, /root, other submissions) and makes "kill every
 *                    process of the run's uid" a safe clean-up. Not "nobody": other daemons run as nobody, and on
 *                    kernels before 5.14 RLIMIT_NPROC counted every process of a uid system-wide (since 5.14 it is
 *                    counted per user namespace, measured on 6.18: 40 unrelated processes of the same uid did not
 *                    reduce the sandbox's budget). Pick a range no account uses.
 * @param runtimeRoot where workspaces and the launcher go; empty = {@code <tmpdir>/gradebench-<uid>}
 * @param launcher    a launcher binary to use instead of the one on the classpath
 * @param grace       added to the wall limit before the JVM kills a sandbox whose launcher did not stop it
 */
public record BwrapConfig(Path bwrap, int uidBase, int uidCount, Optional<Path> runtimeRoot,
                          Optional<Path> launcher, Duration grace) {

    public static final int DEFAULT_UID_BASE = 64123;
    public static final int DEFAULT_UID_COUNT = 16;

    public BwrapConfig {
        Objects.requireNonNull(bwrap, "bwrap");
        Objects.requireNonNull(runtimeRoot, "runtimeRoot");
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(grace, "grace");
        if (uidBase < 1000 || uidCount < 1 || (long) uidBase + uidCount > 0xFFFF_FFFEL) {
            throw new IllegalArgumentException("sandbox uids must be a range of ordinary (>= 1000) uids");
        }
    }

    public static BwrapConfig defaults() {
        return new BwrapConfig(Path.of("/usr/bin/bwrap"), DEFAULT_UID_BASE,
                DEFAULT_UID_COUNT, Optional.empty(), Optional.empty(), Duration.ofSeconds(3));
    }
}
