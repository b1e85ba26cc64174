package org.gradebench.sandbox.launcher;

import org.gradebench.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code gb-launch --exec-as} (how the bwrap backend, running as root, drops to the sandbox uid before bwrap) refuses
 * rather than runs anything when it cannot drop, as root or not. The drop itself: {@link LauncherPrivilegeDropTest}.
 */
@Tag("sandbox")
class LauncherExecAsTest {
    private record Ran(int exit, String out, String err) {
    }

    private static Ran run(Path launcher, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(launcher.toString()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new Ran(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void refusesRootAndNonsenseWithoutRunningAnything(@TempDir Path dir) throws Exception {
        Path launcher = LauncherBinary.extract(dir).path();
        for (String[] args : List.of(new String[]{"--exec-as", "0", "0", "--", "/bin/echo", "ran"},
                new String[]{"--exec-as", "64231", "x", "--", "/bin/echo", "ran"},
                new String[]{"--exec-as", "64231", "64231", "/bin/echo", "ran"},
                new String[]{"--exec-as", "-5", "64231", "--", "/bin/echo", "ran"})) {
            Ran r = run(launcher, args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(125);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("gb-launch: ");
        }
    }

    @Test
    void anOrdinaryUserCannotSwitch(@TempDir Path dir) throws Exception {
        assumeTrue(!SandboxTestSupport.runningAsRoot(), "only meaningful without root");
        Ran r = run(LauncherBinary.extract(dir).path(), "--exec-as", "64231", "64231", "--", "/bin/echo", "ran");
        assertThat(r.exit()).isEqualTo(125);
        assertThat(r.out()).isEmpty();
    }
}
