package org.gradebench.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.Sandbox;
import org.gradebench.core.run.SandboxException;
import org.gradebench.sandbox.bwrap.BwrapConfig;
import org.gradebench.sandbox.bwrap.BwrapSandbox;
import org.gradebench.sandbox.docker.DockerClientFactory;
import org.gradebench.sandbox.docker.DockerEndpoint;
import org.gradebench.sandbox.docker.DockerLabels;
import org.gradebench.sandbox.docker.DockerOptions;
import org.gradebench.sandbox.docker.DockerSandbox;
import org.gradebench.sandbox.docker.ImageBuilder;
import org.gradebench.sandbox.docker.ImageRecipes;
import org.junit.jupiter.api.Named;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The sandbox backends a suite can run against, so one test class covers bwrap and Docker without copies:
 * <pre>
 * &#64;ParameterizedClass
 * &#64;MethodSource("org.gradebench.sandbox.SandboxBackends#all")
 * class HostileProgramsTest {
 *     &#64;Parameter SandboxBackends.Backend backend;
 *     ... sandbox = backend.create(); c = sandbox.open("c", src, backend.profile(false, 0)); ...
 * }
 * </pre>
 * Each backend says how to make its {@link Sandbox}, the profile a test program needs (Docker: an image holding
 * every toolchain the suite uses, built offline from this host by {@link ImageBuilder} when missing), and which
 * processes or containers would count as leftovers. A backend that is not usable here is still listed; the test
 * skips or fails through {@link SandboxTestSupport#requireUsable} as usual.
 */
public final class SandboxBackends {

    /** The image Docker-backed suites use: C, C++, Python, Java and Node together, like the host bwrap sees. */
    public static final String DOCKER_TEST_IMAGE = "gradebench/test-all:local";
    /** Docker runs programs as nobody (when the JVM is root). */
    public static final int DOCKER_UID = DockerOptions.NOBODY;

    private SandboxBackends() {
    }

    /** One backend under test. */
    public interface Backend {
        String name();

        /** A new sandbox; the test closes it. */
        Sandbox create() throws SandboxException;

        /**
         * A profile for test programs (the suites pass their argv explicitly; only the runtime needs matter).
         *
         * @param limitAddressSpace false for JVM/Node runs
         * @param extraProcesses    runtime threads (the JVM needs ~32)
         */
        LanguageProfile profile(String name, boolean limitAddressSpace, int extraProcesses) throws SandboxException;

        /** Pids on this host that a finished run must not leave behind (empty when not root: no way to see them). */
        List<Long> leftoverProcesses() throws IOException;

        /** Containers or other backend resources still present for closed sessions (Docker); empty otherwise. */
        List<String> leftoverResources();
    }

    /**
     * bwrap and Docker, named for test reports. {@code -Dgradebench.test.backends=bwrap} (a comma list) narrows it.
     * Docker is also left out for an ordinary user who has no engine socket it can open (the
     * run-as-user script runs the sandbox suites "except the Docker backend" as a user outside the docker group);
     * as root, or with access, an unreachable engine skips the Docker runs, or fails them under CI=true.
     */
    public static Stream<Named<Backend>> all() {
        Set<String> wanted = Set.of(System.getProperty("gradebench.test.backends", "bwrap,docker").split(","));
        List<Named<Backend>> out = new ArrayList<>();
        if (wanted.contains("bwrap")) out.add(Named.of("bwrap", bwrap()));
        if (wanted.contains("docker") && dockerAccessible()) out.add(Named.of("docker", docker()));
        return out.stream();
    }

    private static boolean dockerAccessible() {
        if (SandboxTestSupport.runningAsRoot()) return true;
        return endpoint().socketPath().map(p -> Files.isReadable(p) && Files.isWritable(p))
                .orElse(true);
    }

    public static Backend bwrap() {
        return new Backend() {
            @Override
            public String name() {
                return "bwrap";
            }

            @Override
            public Sandbox create() {
                return new BwrapSandbox(SandboxTestSupport.bwrapConfig());
            }

            @Override
            public LanguageProfile profile(String name, boolean limitAs, int extra) {
                List<String> binds = name.equals("java") ? List.of("/etc/alternatives", "/etc/java-17-openjdk")
                        : List.of();
                return SandboxTestSupport.profile(name, binds, limitAs, extra);
            }

            @Override
            public List<Long> leftoverProcesses() throws IOException {
                List<Long> left = new ArrayList<>();
                if (SandboxTestSupport.runningAsRoot()) {
                    BwrapConfig d = SandboxTestSupport.bwrapConfig();
                    for (int uid = d.uidBase(); uid < d.uidBase() + d.uidCount(); uid++) {
                        left.addAll(SandboxTestSupport.processesOf(uid));
                    }
                }
                SandboxTestSupport.jvmDescendants().forEach(h -> left.add(h.pid()));
                return left;
            }

            @Override
            public List<String> leftoverResources() {
                return List.of();
            }

            @Override
            public String toString() {
                return name();
            }
        };
    }

    public static Backend docker() {
        return new Backend() {
            private DockerClient client;
            private DockerEndpoint endpoint;
            private final List<DockerSandbox> created = new ArrayList<>();

            @Override
            public String name() {
                return "docker";
            }

            private synchronized DockerClient client() {
                if (client == null) {
                    endpoint = endpoint();
                    client = new DockerClientFactory().create(endpoint);
                }
                return client;
            }

            @Override
            public synchronized Sandbox create() {
                DockerSandbox s = new DockerSandbox(client(), endpoint, DockerOptions.defaults());
                created.add(s);
                return s;
            }

            @Override
            public LanguageProfile profile(String name, boolean limitAs, int extra) throws SandboxException {
                return new LanguageProfile(name, name, List.of("x"), List.of(), Optional.empty(), List.of(),
                        List.of("true"), List.of(), List.of(), List.of(), Map.of(), limitAs, extra, testImage());
            }

            /** Builds the all-toolchains test image from this host when the engine lacks it (about 30 s, once). */
            private synchronized String testImage() throws SandboxException {
                try {
                    client().inspectImageCmd(DOCKER_TEST_IMAGE).exec();
                } catch (NotFoundException e) {
                    Set<String> paths = new LinkedHashSet<>();
                    for (String p : ImageRecipes.profiles()) paths.addAll(ImageRecipes.recipe(p).orElseThrow());
                    new ImageBuilder(client(), Path.of("/"), Path.of(System.getProperty("java.io.tmpdir")))
                            .build("test-all", DOCKER_TEST_IMAGE, List.copyOf(paths));
                } catch (RuntimeException e) {
                    // engine unreachable: the sandbox's status says so and the test skips (or fails under CI)
                }
                return DOCKER_TEST_IMAGE;
            }

            /**
             * Processes in this JVM's containers that are not the container's own (docker-init and the keepalive run
             * as root; everything a run starts runs as the sandbox uid). Asking the engine, not /proc, because uid
             * 65534 is shared with whatever else runs as nobody on the machine.
             */
            @Override
            public List<Long> leftoverProcesses() {
                List<Long> left = new ArrayList<>();
                SandboxTestSupport.jvmDescendants().forEach(h -> left.add(h.pid()));
                try {
                    for (var c : client().listContainersCmd().withLabelFilter(List.of(DockerLabels.SESSION)).exec()) {
                        String owner = c.getLabels().getOrDefault(DockerLabels.OWNER, "");
                        if (!owner.contains(":" + ProcessHandle.current().pid() + ":")) continue;
                        var top = client().topContainerCmd(c.getId()).withPsArgs("-o pid,user").exec();
                        if (top.getProcesses() == null) continue;
                        for (String[] row : top.getProcesses()) {
                            if (row.length >= 2 && !row[1].equals("root")) left.add(Long.parseLong(row[0].strip()));
                        }
                    }
                } catch (NotFoundException e) {
                    // removed meanwhile: nothing left in it
                } catch (RuntimeException e) {
                    // no engine: nothing can be left
                }
                return left;
            }

            @Override
            public synchronized List<String> leftoverResources() {
                Set<String> live = new LinkedHashSet<>();
                for (DockerSandbox s : created) live.addAll(s.liveSessions());
                List<String> left = new ArrayList<>();
                try {
                    client().listContainersCmd().withShowAll(true).withLabelFilter(List.of(DockerLabels.SESSION))
                            .exec().forEach(c -> {
                                String session = c.getLabels().get(DockerLabels.SESSION);
                                String owner = c.getLabels().getOrDefault(DockerLabels.OWNER, "");
                                boolean mine = owner.contains(":" + ProcessHandle.current().pid() + ":");
                                if (mine && !live.contains(session)) left.add(c.getId());
                            });
                } catch (RuntimeException e) {
                    // no engine: nothing can be left
                }
                return left;
            }

            @Override
            public String toString() {
                return name();
            }
        };
    }

    /** DOCKER_HOST, else the private test daemon's socket when present, else the default socket. */
    public static DockerEndpoint endpoint() {
        String host = System.getenv("DOCKER_HOST");
        if (host == null || host.isBlank()) {
            host = Files.exists(Path.of("/run/gradebench-test.sock")) ? "unix:///run/gradebench-test.sock"
                    : DockerEndpoint.DEFAULT_SOCKET;
        }
        return DockerEndpoint.fromEnvironment(Map.of("DOCKER_HOST", host));
    }
}
