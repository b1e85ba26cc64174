package org.gradebench.sandbox.docker;

import org.gradebench.core.run.SandboxStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DockerProbe} found, as data for {@code gradebench doctor} and the GUI.
 *
 * @param endpoint      where the engine was looked for
 * @param reachable     the engine answered a ping
 * @param serverVersion e.g. "20.10.24+dfsg1"
 * @param apiVersion    the engine's own API version, e.g. "1.41"
 * @param os            engine OS / kernel, e.g. "Debian GNU/Linux 12 (bookworm), kernel 6.18"
 * @param cgroupVersion "1" or "2" (memory and pids limits need the controllers; checked via warnings)
 * @param images        per profile: its image and whether the engine has it
 * @param problems      what is wrong, each with what fixes it (empty when all is well)
 */
public record DockerStatus(DockerEndpoint endpoint, boolean reachable, String serverVersion, String apiVersion,
                           String os, String cgroupVersion, List<ImageStatus> images, List<String> problems) {

    /** One profile's image. */
    public record ImageStatus(String profile, String image, boolean present, Optional<Long> sizeBytes) {
        public ImageStatus {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(sizeBytes, "sizeBytes");
        }
    }

    public DockerStatus {
        Objects.requireNonNull(endpoint, "endpoint");
        images = List.copyOf(images);
        problems = List.copyOf(problems);
    }

    /** Usable: reachable with no engine-level problem (missing images only affect their profiles). */
    public boolean usable() {
        return reachable && problems.stream().noneMatch(p -> !p.startsWith("image "));
    }

    public SandboxStatus toSandboxStatus() {
        List<String> details = new ArrayList<>(problems);
        if (reachable) {
            details.add("engine " + endpoint + " (" + os + ", cgroup v" + cgroupVersion + ")");
            for (ImageStatus i : images) {
                details.add(i.profile() + ": " + i.image() + (i.present() ? " present" : " MISSING"));
            }
        }
        String version = reachable ? "Docker Engine " + serverVersion + " (API " + apiVersion + ")" : "";
        return new SandboxStatus("docker", usable(), version, details);
    }
}
