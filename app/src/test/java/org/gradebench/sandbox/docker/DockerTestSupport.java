package org.gradebench.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.SandboxException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The engine the Docker tests use: {@code DOCKER_HOST}, else the private test daemon
 * ({@code scripts/docker-test-daemon.sh start}) when its socket exists, else the default socket. Outside CI a missing
 * engine skips the tests with a message; with {@code CI=true} it fails them.
 */
final class DockerTestSupport {
    static final String TEST_SOCKET = "/run/gradebench-test.sock";

    private static DockerClient client;
    private static DockerEndpoint endpoint;

    private DockerTestSupport() {
    }

    static synchronized DockerEndpoint endpoint() {
        if (endpoint == null) {
            String host = System.getenv("DOCKER_HOST");
            if (host == null || host.isBlank()) {
                host = Files.exists(Path.of(TEST_SOCKET)) ? "unix://" + TEST_SOCKET : DockerEndpoint.DEFAULT_SOCKET;
            }
            endpoint = DockerEndpoint.fromEnvironment(Map.of("DOCKER_HOST", host));
        }
        return endpoint;
    }

    /** The shared client, or the test is skipped (failed under CI) when the engine does not answer. */
    static synchronized DockerClient client() {
        if (client == null) {
            DockerClient c = new DockerClientFactory().create(endpoint());
            DockerStatus s = new DockerProbe(c, endpoint()).probe(List.of());
            if (!s.reachable()) {
                String msg = "Docker tests need an engine: " + String.join("; ", s.problems())
                        + " (as root: scripts/docker-test-daemon.sh start)";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(msg);
                Assumptions.abort(msg);
            }
            client = c;
        }
        return client;
    }

    /** Builds the profile's local image from this host's toolchain when the engine lacks it. */
    static String image(String profile) throws SandboxException {
        String image = ImageRecipes.localImage(profile);
        try {
            client().inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            new ImageBuilder(client(), Path.of("/"), Path.of(System.getProperty("java.io.tmpdir"))).build(profile);
        }
        return image;
    }

    static LanguageProfile profile(String name, List<String> run, List<String> compile) throws SandboxException {
        return new LanguageProfile(name, name, List.of(name.equals("python3") ? "py" : name), List.of(),
                Optional.<Pattern>empty(), compile, run, List.of(), List.of(), List.of(), Map.of(), true, 0,
                image(name));
    }

    /** Containers of a session still known to the engine (running or not). */
    static List<Container> containersOf(String sessionId) {
        return client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerLabels.SESSION, sessionId)).exec();
    }

    static List<Container> allGradebenchContainers() {
        return client().listContainersCmd().withShowAll(true).withLabelFilter(List.of(DockerLabels.SESSION)).exec();
    }
}
