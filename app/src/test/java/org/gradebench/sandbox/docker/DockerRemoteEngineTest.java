package org.gradebench.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.SandboxSession;
import org.gradebench.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A remote engine, the way a department scales grading past one laptop: the private test daemon also listens on
 * {@code tcp://127.0.0.1:23760} with mutual TLS ({@code scripts/docker-test-daemon.sh}), and this test reaches it
 * only through {@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH}. A tcp engine may not
 * share this machine's files, so everything travels through the archive API (copy mode) and the runner's stream;
 * the verdicts must be those of a local engine. Override the endpoint with GRADEBENCH_TEST_DOCKER_TLS_HOST and
 * GRADEBENCH_TEST_DOCKER_TLS_CERTS.
 */
@Tag("docker")
class DockerRemoteEngineTest {
    static final String HOST = env("GRADEBENCH_TEST_DOCKER_TLS_HOST", "tcp://127.0.0.1:23760");
    static final String CERTS = env("GRADEBENCH_TEST_DOCKER_TLS_CERTS", "/var/lib/gradebench-docker/tls/client");

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static DockerEndpoint tls(String certs) {
        return DockerEndpoint.fromEnvironment(Map.of("DOCKER_HOST", HOST, "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", certs));
    }

    /** The TLS client, or skipped (failed under CI) when the daemon has no TLS listener here. */
    private static DockerClient client(DockerEndpoint ep) {
        DockerClient c = new DockerClientFactory().create(ep);
        DockerStatus s = new DockerProbe(c, ep).probe(List.of());
        if (!s.reachable()) {
            String msg = "no TLS engine at " + HOST + " with the certificates in " + CERTS + ": "
                    + String.join("; ", s.problems()) + " (as root: scripts/docker-test-daemon.sh start)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(msg);
            Assumptions.abort(msg);
        }
        return c;
    }

    @Test
    void aTlsEngineGradesLikeALocalOneThroughCopiesAndTheRunner(@TempDir Path tmp) throws Exception {
        DockerEndpoint ep = tls(CERTS);
        DockerClient docker = client(ep);
        assertThat(ep.sharesHostFilesystem()).isFalse();
        DockerStatus status = new DockerProbe(docker, ep).probe(List.of());
        assertThat(status.serverVersion()).as(status.toString()).isNotBlank();

        // The images are the local daemon's own (same engine): built by the suite if missing.
        LanguageProfile c = DockerTestSupport.profile("c", List.of("{prog}/main"),
                List.of("gcc", "-O2", "-o", "main", "{sources}"));
        Path prog = Files.createDirectories(tmp.resolve("c"));
        Files.writeString(prog.resolve("main.c"), """
                #include <stdio.h>
                int main(void) {
                    long a, b;
                    if (scanf("%ld %ld", &a, &b) != 2) return 2;
                    printf("%ld\\n", a + b);
                    FILE *f = fopen("note.txt", "w");
                    fprintf(f, "sum=%ld", a + b);
                    fclose(f);
                    return 0;
                }
                """);
        Path input = Files.writeString(tmp.resolve("in"), "40 2\n");
        try (DockerSandbox sandbox = new DockerSandbox(docker, ep, DockerOptions.defaults());
             SandboxSession s = sandbox.open("remote", prog, c)) {
            assertThat(sandbox.transferMode()).isEqualTo(TransferMode.COPY);
            RunResult cc = s.run(new RunSpec(List.of("gcc", "-O2", "-o", "main", "main.c"), true, Map.of(),
                    Optional.empty(), DockerSandboxTest.HostileLimits.tool(), Map.of(), List.of()));
            assertThat(cc.succeeded()).as(cc + cc.stderr().text()).isTrue();
            for (int i = 0; i < 3; i++) {
                RunResult r = s.run(new RunSpec(List.of("/box/prog/main"), false, Map.of("in", input),
                        Optional.of("in"), SandboxTestSupport.limits(1000, 3000, 64, true, 8), Map.of(),
                        List.of("note.txt")));
                assertThat(r.succeeded()).as(r + r.stderr().text()).isTrue();
                assertThat(r.stdout().text()).isEqualTo("42\n");
                assertThat(r.files().get("note.txt").text()).isEqualTo("sum=42");
                assertThat(r.cpuMs()).isLessThan(1000);
            }
            RunResult crash = s.run(new RunSpec(List.of("/bin/sh", "-c", "kill -SEGV $$"), false, Map.of(),
                    Optional.empty(), SandboxTestSupport.limits(1000, 3000, 64, true, 8), Map.of(), List.of()));
            assertThat(crash.outcome()).as(crash.toString()).isEqualTo(RunResult.Outcome.SIGNALED);
            assertThat(crash.signal()).isEqualTo(11);
            assertThat(((DockerSandboxSession) s).containersCreated())
                    .as("one container for the compile, one warm container for the tests").isEqualTo(2);
        }
    }

    @Test
    void anEngineThatRefusesOurCertificateIsReportedNotUsed(@TempDir Path tmp) throws Exception {
        client(tls(CERTS)); // the listener is there (else skipped)
        // A client certificate the engine's CA never signed.
        Path bogus = Files.createDirectories(tmp.resolve("certs"));
        Files.copy(Path.of(CERTS, "ca.pem"), bogus.resolve("ca.pem"));
        Process p = new ProcessBuilder("/bin/sh", "-c", "openssl req -x509 -newkey rsa:2048 -nodes -days 1 "
                + "-subj /CN=stranger -keyout key.pem -out cert.pem").directory(bogus.toFile())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        DockerEndpoint ep = tls(bogus.toString());
        DockerSandbox s = new DockerSandbox(new DockerClientFactory().create(ep), ep, DockerOptions.defaults());
        assertThat(s.status().usable()).isFalse();
        assertThat(String.join("; ", s.status().details())).contains(HOST, "refused the TLS connection",
                bogus.toString(), "ca.pem, cert.pem and key.pem");
    }
}
