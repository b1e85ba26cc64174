package org.gradebench.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import org.gradebench.core.run.LanguageProfile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks the engine what {@code gradebench doctor} shows: is it there, which version, do the resource limits work,
 * which profile images exist. Never throws for an engine problem: everything ends up in {@link DockerStatus}.
 * The first call also warms the client up (the first request of a cold JVM costs 100-170 ms).
 */
public final class DockerProbe {
    private final DockerClient docker;
    private final DockerEndpoint endpoint;

    public DockerProbe(DockerClient docker, DockerEndpoint endpoint) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    public DockerStatus probe(Collection<LanguageProfile> profiles) {
        List<String> problems = new ArrayList<>();
        Optional<String> config = endpoint.problem();
        if (config.isPresent()) {
            return new DockerStatus(endpoint, false, "", "", "", "", List.of(), List.of(config.get()));
        }
        Version v;
        try {
            docker.pingCmd().exec();
            v = docker.versionCmd().exec();
        } catch (RuntimeException e) {
            String why = DockerErrors.isTlsRefusal(e, endpoint) ? DockerErrors.tlsRefused(endpoint, e)
                    : DockerErrors.isUnreachable(e) ? DockerErrors.unreachable(endpoint)
                    : "Docker engine at " + endpoint + " failed to answer: " + DockerErrors.firstLine(e.getMessage());
            return new DockerStatus(endpoint, false, "", "", "", "", List.of(), List.of(why));
        }
        String os = "";
        String cgroup = "";
        try {
            Info info = docker.infoCmd().exec();
            os = Objects.toString(info.getOperatingSystem(), "?") + ", kernel " + Objects.toString(info.getKernelVersion(), "?");
            Object cg = info.getRawValues() == null ? null : info.getRawValues().get("CgroupVersion");
            cgroup = cg == null ? "1" : cg.toString();
            if (Boolean.FALSE.equals(info.getMemoryLimit())) {
                problems.add("the engine cannot limit memory (no memory cgroup): enable the memory controller");
            }
            if (Boolean.FALSE.equals(info.getSwapLimit())) {
                problems.add("the engine cannot limit swap: boot with swapaccount=1 or use cgroup v2");
            }
            Object pids = info.getRawValues() == null ? null : info.getRawValues().get("PidsLimit");
            if (Boolean.FALSE.equals(pids)) {
                problems.add("the engine cannot limit processes (no pids cgroup): fork bombs would not be contained");
            }
            if (!"linux".equalsIgnoreCase(Objects.toString(info.getOsType(), "linux"))) {
                problems.add("the engine runs " + info.getOsType() + " containers; switch it to Linux containers");
            }
        } catch (RuntimeException e) {
            problems.add("docker info failed: " + DockerErrors.firstLine(e.getMessage()));
        }
        List<DockerStatus.ImageStatus> images = new ArrayList<>();
        for (LanguageProfile p : profiles) {
            String image = p.dockerImage();
            if (image.isBlank()) continue;
            try {
                InspectImageResponse r = docker.inspectImageCmd(image).exec();
                images.add(new DockerStatus.ImageStatus(p.name(), image, true, Optional.ofNullable(r.getSize())));
            } catch (NotFoundException e) {
                images.add(new DockerStatus.ImageStatus(p.name(), image, false, Optional.empty()));
                problems.add(DockerErrors.imageMissing(image, p.name()));
            } catch (RuntimeException e) {
                problems.add("image " + image + ": " + DockerErrors.firstLine(e.getMessage()));
            }
        }
        return new DockerStatus(endpoint, true, Objects.toString(v.getVersion(), "?"),
                Objects.toString(v.getApiVersion(), "?"), os, cgroup, images, problems);
    }
}
