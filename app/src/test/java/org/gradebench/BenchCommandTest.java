package org.gradebench;

import org.gradebench.cli.GradebenchCommand;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `gradebench bench` with real bwrap, tiny: every measurement runs (the bare shell loop replaying a prepared run, the
 * Sandbox API, the engine), succeeds, and is reported with its CPU per run and the verdict on both targets. Timing
 * itself is the command's business, not this test's.
 */
@Tag("sandbox")
class BenchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void measuresTheBareLoopTheSandboxApiAndTheEngine() throws Exception {
        try (AppServices services = new AppServices(new AppServices.Options(Optional.of(tmp.resolve("probe")), Optional.of(profiles()), 1))) {
            SandboxAssumptions.bwrapOrSkip(services);
        }
        String text = bench("-n", "3", "-m", "4", "--jobs", "2", "--rounds", "2");
        assertThat(text).contains("3 submissions x 4 tests = 12 runs")
                .containsPattern("bare loop \\(sh \\+ bwrap \\+ launcher\\)\\s+12 runs in")
                .containsPattern("Sandbox API \\(bwrap, from Java\\)\\s+12 runs in")
                .containsPattern("engine \\(queue\\+sandbox\\+checker\\+H2\\)\\s+12 runs in")
                .contains(" round 2").contains("best of 2 rounds")
                .containsPattern("CPU per run: grader [0-9.]+ ms, sandboxed processes [1-9][0-9.]* ms")
                .containsPattern("target engine within 15 % of the bare loop: (met|NOT met)")
                .containsPattern("target 1,000 runs under 15 s: (met|NOT met)")
                .doesNotContain("figures are suspect");
    }

    /**
     * Both backends in one run: Docker's default strategy (the runner), its per-test cost next to bwrap's, the verdict
     * on the Docker target, and the strategies it was chosen over (an exec per run, a container per run).
     */
    @Test
    @Tag("docker")
    void measuresDockerNextToBwrapWithEveryStrategy() throws Exception {
        try (AppServices services = new AppServices(new AppServices.Options(Optional.of(tmp.resolve("probe")), Optional.of(profiles()), 1))) {
            SandboxAssumptions.bwrapOrSkip(services);
            SandboxAssumptions.dockerOrSkip(services);
        }
        String text = bench("--backend", "both", "-n", "2", "-m", "3", "--jobs", "2");
        assertThat(text).containsPattern("Sandbox API \\(docker, runner, from Java\\)\\s+6 runs in")
                .containsPattern("Sandbox API \\(docker, exec per run\\)\\s+6 runs in")
                .containsPattern("Sandbox API \\(docker, container per run\\)\\s+6 runs in")
                .containsPattern("Docker per test: [0-9.]+ ms per run per job through the engine \\([+-][0-9.]+ ms next to "
                        + "bwrap's bare loop")
                .containsPattern("target Docker per-test cost under 80 ms: (met|NOT met)");
    }

    private static Path profiles() {
        return GradeWithMoodleWorksheetTest.root().resolve("sandbox-profiles");
    }

    /** Runs {@code gradebench bench --profiles ... args}; asserts it exits 0 and returns what it printed. */
    private static String bench(String... args) {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("bench", "--profiles", profiles().toString()));
        argv.addAll(List.of(args));
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new GradebenchCommand()).execute(argv.toArray(String[]::new));
        } finally {
            System.setOut(oldOut);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        return text;
    }
}
