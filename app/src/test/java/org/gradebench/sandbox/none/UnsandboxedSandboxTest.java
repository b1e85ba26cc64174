package org.gradebench.sandbox.none;

import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.SandboxSession;
import org.gradebench.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The unsafe backend still applies the launcher's limits and measurements, and says it is unsafe. */
@Tag("sandbox")
class UnsandboxedSandboxTest {

    @Test
    void statusSaysUnsafe() {
        try (UnsandboxedSandbox none = new UnsandboxedSandbox()) {
            assertThat(none.name()).isEqualTo("none");
            assertThat(none.status().usable()).isTrue();
            assertThat(none.status().details().get(0)).startsWith("UNSAFE");
        }
    }

    @Test
    void runsWithLimitsAndMapsSandboxPaths(@TempDir Path src, @TempDir Path data) throws Exception {
        Files.writeString(src.resolve("main.py"), """
                import os, sys
                print(sys.stdin.read().strip(), os.getcwd() != "/box/run", os.environ.get("GB_X"))
                """);
        Path in = Files.writeString(data.resolve("in"), "from stdin\n");
        try (UnsandboxedSandbox none = new UnsandboxedSandbox();
             SandboxSession s = none.open("u", src, SandboxTestSupport.plain())) {
            RunResult r = s.run(new RunSpec(List.of("/usr/bin/python3", "/box/prog/main.py"), false,
                    Map.of("input", in), Optional.of("input"), SandboxTestSupport.small(), Map.of("GB_X", "y"),
                    List.of()));
            assertThat(r.succeeded()).as(r.stderr().text()).isTrue();
            assertThat(r.stdout().text()).isEqualTo("from stdin True y\n");
            RunResult spin = s.run(new RunSpec(List.of("/usr/bin/python3", "-c", "while True: pass"), false, Map.of(),
                    Optional.empty(), SandboxTestSupport.limits(500, 10_000, 128, true, 16), Map.of(), List.of()));
            assertThat(spin.outcome()).isEqualTo(RunResult.Outcome.SIGNALED);
            assertThat(spin.cpuMs()).isGreaterThanOrEqualTo(500);
            RunResult daemon = s.run(new RunSpec(List.of("/bin/sh", "-c", "(setsid sleep 30 &) ; echo started"), false,
                    Map.of(), Optional.empty(), SandboxTestSupport.small(), Map.of(), List.of()));
            assertThat(daemon.succeeded()).isTrue();
            assertThat(SandboxTestSupport.jvmDescendants()).as("the launcher killed the daemon").isEmpty();
        }
    }
}
