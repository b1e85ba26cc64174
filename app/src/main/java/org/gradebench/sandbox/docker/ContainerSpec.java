package org.gradebench.sandbox.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a Gradebench container is created with, as plain data the tests can assert on. {@link #applyTo} copies
 * it onto a docker-java create command; nothing else decides container settings.
 *
 * @param hostConfig docker-java's own (mutable) type; treat it as read-only once built
 * @param volumes    anonymous volumes (copy mode), created with the container and removed with it
 */
public record ContainerSpec(String image, List<String> entrypoint, List<String> cmd, String user, List<String> env,
                            String workingDir, Map<String, String> labels, boolean networkDisabled,
                            List<String> volumes, HostConfig hostConfig) {

    public ContainerSpec {
        Objects.requireNonNull(image, "image");
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        Objects.requireNonNull(user, "user");
        env = List.copyOf(env);
        Objects.requireNonNull(workingDir, "workingDir");
        labels = Map.copyOf(labels);
        volumes = List.copyOf(volumes);
        Objects.requireNonNull(hostConfig, "hostConfig");
    }

    public CreateContainerCmd applyTo(CreateContainerCmd cmd) {
        return cmd.withEntrypoint(entrypoint)
                .withCmd(this.cmd)
                .withUser(user)
                .withEnv(env)
                .withWorkingDir(workingDir)
                .withLabels(labels)
                .withNetworkDisabled(networkDisabled)
                .withVolumes(volumes.stream().map(Volume::new).toList())
                .withHostConfig(hostConfig);
    }
}
