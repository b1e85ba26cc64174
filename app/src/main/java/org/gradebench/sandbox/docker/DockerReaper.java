package org.gradebench.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Removes Gradebench containers a crashed process left behind. Run it once at start-up (before any session opens)
 * and from {@code gradebench doctor --clean}.
 * <p>
 * A container is stale when its owner label names a process on this machine that is no longer running (or a
 * different process that reuses its pid), or this very process but a session that is not open. Containers of another
 * live Gradebench process are left alone; so are those of other machines sharing a remote engine, unless they are
 * older than {@code foreignMaxAge}.
 */
public final class DockerReaper {
    private static final Logger LOG = LoggerFactory.getLogger(DockerReaper.class);

    private final DockerClient docker;
    private final Duration foreignMaxAge;

    public DockerReaper(DockerClient docker) {
        this(docker, Duration.ofHours(24));
    }

    public DockerReaper(DockerClient docker, Duration foreignMaxAge) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.foreignMaxAge = Objects.requireNonNull(foreignMaxAge, "foreignMaxAge");
    }

    /**
     * Removes the stale containers.
     *
     * @param liveSessions sessions of this process that are open (their containers stay)
     * @return ids of the containers removed
     */
    public List<String> reap(Set<String> liveSessions) {
        List<Container> all = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(DockerLabels.SESSION)).exec();
        OwnerId me = OwnerId.current();
        List<String> removed = new ArrayList<>();
        for (Container c : all) {
            Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
            if (!stale(labels, c.getCreated(), me, liveSessions)) continue;
            try {
                docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
                removed.add(c.getId());
                LOG.info("removed leftover container {} (session {}, owner {})", c.getId(),
                        labels.get(DockerLabels.SESSION), labels.get(DockerLabels.OWNER));
            } catch (NotFoundException e) {
                // gone meanwhile
            } catch (RuntimeException e) {
                LOG.warn("could not remove leftover container {}: {}", c.getId(), DockerErrors.firstLine(e.getMessage()));
            }
        }
        return removed;
    }

    /**
     * Removes per-session host folders ({@code docker-<session>} under the runtime folder) that a crashed process
     * left: not a live session of this process and untouched for {@code age} (every run rewrites its folder, so an
     * active session of another process is never that old).
     *
     * @return the folders removed
     */
    public List<java.nio.file.Path> reapHostFolders(java.nio.file.Path runtimeRoot, Set<String> liveSessions,
                                                    Duration age) {
        List<java.nio.file.Path> removed = new ArrayList<>();
        Instant limit = Instant.now().minus(age);
        try (java.nio.file.DirectoryStream<java.nio.file.Path> ds =
                     java.nio.file.Files.newDirectoryStream(runtimeRoot, "docker-*")) {
            for (java.nio.file.Path dir : ds) {
                String session = dir.getFileName().toString().substring("docker-".length());
                if (liveSessions.contains(session)) continue;
                if (!java.nio.file.Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                if (java.nio.file.Files.getLastModifiedTime(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS).toInstant()
                        .isAfter(limit)) continue;
                HostFiles.deleteTree(dir, false);
                removed.add(dir);
                LOG.info("removed leftover session folder {}", dir);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // no runtime folder yet
        } catch (java.io.IOException e) {
            LOG.warn("cannot clean leftover session folders in {}: {}", runtimeRoot, e.toString());
        }
        return removed;
    }

    boolean stale(Map<String, String> labels, Long createdEpochSeconds, OwnerId me, Set<String> liveSessions) {
        String session = labels.get(DockerLabels.SESSION);
        Optional<OwnerId> owner = OwnerId.parse(labels.get(DockerLabels.OWNER));
        if (owner.isEmpty()) return old(createdEpochSeconds);
        OwnerId o = owner.get();
        if (o.equals(me)) return session == null || !liveSessions.contains(session);
        if (o.onThisHost()) return !o.aliveHere();
        return old(createdEpochSeconds);
    }

    private boolean old(Long createdEpochSeconds) {
        if (createdEpochSeconds == null) return false;
        return Instant.ofEpochSecond(createdEpochSeconds).plus(foreignMaxAge).isBefore(Instant.now());
    }
}
