package org.gradebench.sandbox.launcher;

import org.gradebench.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * gb-launch's {@code --uid/--gid} and {@code --exec-as} straight on the host (as root, the way the Docker exec runs
 * it): only the program drops, to exactly that uid with no groups and no capabilities, and root is never a target.
 */
@Tag("sandbox")
class LauncherPrivilegeDropTest {
    private static final int NOBODY = 65534;

    @TempDir
    Path dir;
    private Path launcher;

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue(SandboxTestSupport.runningAsRoot(), "dropping privileges needs root");
        launcher = LauncherBinary.extract().path();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    private record Ran(int exit, String report, String stderr) {
    }

    private Ran launch(List<String> options, String... program) throws IOException, InterruptedException {
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        List<String> cmd = new ArrayList<>(List.of(launcher.toString(), "--report-fd", "1", "--cpu-ms", "2000",
                "--wall-ms", "5000", "--as-kb", "0", "--mem-kb", "0", "--fsize", "0", "--nproc", "0", "--nofile", "0",
                "--stdout", out.toString(), "--stderr", err.toString()));
        cmd.addAll(options);
        cmd.add("--");
        cmd.addAll(List.of(program));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String launcherErr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Ran(p.exitValue(), report, launcherErr);
    }

    private String programOutput() throws IOException {
        return Files.readString(dir.resolve("out"));
    }

    @Test
    void theProgramRunsAsTheGivenUidWithNoGroupsAndNoCapabilities() throws Exception {
        Ran r = launch(List.of("--uid", Integer.toString(NOBODY), "--gid", Integer.toString(NOBODY)), "/bin/sh", "-c",
                "id -u; id -g; id -G; grep -E '^(CapInh|CapPrm|CapEff|CapAmb):' /proc/self/status");
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.report()).contains("\"exited\":true", "\"code\":0");
        assertThat(programOutput().lines().toList()).containsExactly("65534", "65534", "65534",
                "CapInh:\t0000000000000000", "CapPrm:\t0000000000000000", "CapEff:\t0000000000000000",
                "CapAmb:\t0000000000000000");
    }

    @Test
    void withoutTheOptionsTheProgramKeepsTheLaunchersUid() throws Exception {
        Ran r = launch(List.of(), "/bin/sh", "-c", "id -u");
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(programOutput()).isEqualTo("0\n");
    }

    @Test
    void rootAndHalfGivenIdsAreRefused() throws Exception {
        Ran root = launch(List.of("--uid", "0", "--gid", "0"), "/bin/true");
        assertThat(root.exit()).isEqualTo(125);
        assertThat(root.stderr()).contains("would run the program as root");
        assertThat(root.report()).isEmpty();
        Ran half = launch(List.of("--uid", "65534"), "/bin/true");
        assertThat(half.exit()).isEqualTo(125);
        assertThat(half.stderr()).contains("--uid and --gid go together");
    }

    @Test
    void execAsDropsAndExecs() throws Exception {
        Process p = new ProcessBuilder(launcher.toString(), "--exec-as", "65534", "65534", "--", "/bin/sh", "-c",
                "id -u; id -G; grep '^CapEff:' /proc/self/status").start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList())
                .containsExactly("65534", "65534", "CapEff:\t0000000000000000");
        Process root = new ProcessBuilder(launcher.toString(), "--exec-as", "0", "0", "--", "/bin/true").start();
        assertThat(root.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(root.exitValue()).isEqualTo(125);
    }
}
