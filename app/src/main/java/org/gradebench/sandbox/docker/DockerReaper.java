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
