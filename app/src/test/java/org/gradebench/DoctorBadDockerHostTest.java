package org.gradebench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mistyped DOCKER_HOST (or TLS on without certificates) is a line in `doctor` saying what to fix, never a stack
 * trace, and it does not stop anything else: the command still checks bubblewrap, the toolchains and the database.
 * Run as a child process, because DOCKER_HOST is read from the real environment.
 */
class DoctorBadDockerHostTest {
    @TempDir
    Path tmp;

    private String doctor(String... env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=nonexistent-so-defaults.xml", Launcher.class.getName(), "doctor",
                "--db", tmp.resolve("history").toString(), "--profiles",
                GradeWithMoodleWorksheetTest.root().resolve("sandbox-profiles").toString())
                .redirectErrorStream(true);
        pb.environment().remove("DOCKER_HOST");
        for (int i = 0; i < env.length; i += 2) pb.environment().put(env[i], env[i + 1]);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void aDockerHostThatIsNoHostIsReportedAndTheRestIsChecked() throws Exception {
        for (String host : List.of("foo", "tcp://")) {
            String out = doctor("DOCKER_HOST", host);
            assertThat(out).as(out).doesNotContain("Exception", "\tat ")
                    .contains("Docker engine", "DOCKER_HOST is not usable", "DOCKER_HOST=" + host + " is not a Docker host",
                            "Set DOCKER_HOST to unix://")
                    .contains("bubblewrap sandbox", "history database");
        }
    }

    @Test
    void tlsWithoutCertificatesIsReportedWithTheFolderItNeeds() throws Exception {
        Path absent = tmp.resolve("no-certs");
        String out = doctor("DOCKER_HOST", "tcp://127.0.0.1:1", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", absent.toString());
        assertThat(out).as(out).doesNotContain("Exception", "\tat ")
                .contains("DOCKER_CERT_PATH (" + absent + ") does not exist", "ca.pem, cert.pem and key.pem");
    }
}
