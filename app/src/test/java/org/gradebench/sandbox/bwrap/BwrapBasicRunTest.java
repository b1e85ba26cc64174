package org.gradebench.sandbox.bwrap;

import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.SandboxSession;
import org.gradebench.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("sandbox")
class BwrapBasicRunTest {
    private static BwrapSandbox sandbox;

    @BeforeAll
    static void setUp() {
        sandbox = new BwrapSandbox(BwrapConfig.defaults());
    }

    @AfterAll
    static void tearDown() {
        sandbox.close();
    }

    private static RunSpec spec(List<String> argv) {
        return new RunSpec(argv, false, Map.of(), Optional.empty(), SandboxTestSupport.small(), Map.of(), List.of());
    }

    @Test
    void pythonHello(@TempDir Path src) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        Files.writeString(src.resolve("main.py"), "print('hello from', __name__)\n");
        try (SandboxSession s = sandbox.open("py", src, SandboxTestSupport.plain())) {
            RunResult r = s.run(spec(List.of("/usr/bin/python3", "/box/prog/main.py")));
            assertThat(r.outcome()).isEqualTo(RunResult.Outcome.EXITED);
            assertThat(r.exitCode()).isZero();
            assertThat(r.stdout().text()).isEqualTo("hello from __main__\n");
            assertThat(r.peakMemoryKb()).isBetween(1000L, 64L * 1024);
            assertThat(r.wallTimedOut()).isFalse();
        }
    }

    @Test
    void compileCThenRunWithStdin(@TempDir Path src, @TempDir Path data) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        Files.writeString(src.resolve("main.c"), """
                #include <stdio.h>
                int main(void) { long a, b; if (scanf("%ld %ld", &a, &b) != 2) return 2; printf("%ld\\n", a + b); return 0; }
                """);
        Path input = data.resolve("1.in");
        Files.writeString(input, "40 2\n");
        try (SandboxSession s = sandbox.open("c", src, SandboxTestSupport.plain())) {
            RunResult c = s.run(new RunSpec(List.of("/usr/bin/gcc", "-O2", "-o", "/box/prog/a.out", "main.c"), true,
                    Map.of(), Optional.empty(), SandboxTestSupport.limits(10_000, 20_000, 512, false, 64), Map.of(),
                    List.of()));
            assertThat(c.succeeded()).as(c.stderr().text()).isTrue();
            RunResult r = s.run(new RunSpec(List.of("/box/prog/a.out"), false, Map.of("input", input),
                    Optional.of("input"), SandboxTestSupport.small(), Map.of(), List.of()));
            assertThat(r.succeeded()).as(r.toString()).isTrue();
            assertThat(r.stdout().bytes()).isEqualTo("42\n".getBytes(StandardCharsets.UTF_8));
        }
    }
}
