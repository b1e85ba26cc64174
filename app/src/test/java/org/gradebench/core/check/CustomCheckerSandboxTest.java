package org.gradebench.core.check;

import org.gradebench.core.assignment.CheckerSpec;
import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.ProgramPlanner;
import org.gradebench.io.profile.ProfileLoader;
import org.gradebench.io.profile.ProfileLocator;
import org.gradebench.sandbox.SandboxTestSupport;
import org.gradebench.sandbox.bwrap.BwrapConfig;
import org.gradebench.sandbox.bwrap.BwrapSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom output validators in the real bwrap sandbox, planned and compiled with the real sandbox profiles.
 * (Lives in core.check's test package, but as an integration test it wires io.profile and sandbox.bwrap.)
 */
@Tag("sandbox")
class CustomCheckerSandboxTest {
    private static BwrapSandbox sandbox;
    private static List<LanguageProfile> profiles;

    /** ICPC-style validator: float tolerance from argv ("tol X"), judge message in feedback_dir. */
    static final String CPP_VALIDATOR = """
            #include <cmath>
            #include <cstdio>
            #include <cstdlib>
            #include <cstring>
            #include <fstream>
            #include <iostream>
            #include <string>
            int main(int argc, char** argv) {
                if (argc < 4) return 2;
                double tol = 1e-6;
                for (int i = 4; i + 1 < argc; i++) if (!strcmp(argv[i], "tol")) tol = atof(argv[i + 1]);
                std::ifstream ans(argv[2]);
                std::ifstream in(argv[1]);
                std::string inputLine;
                if (!std::getline(in, inputLine)) return 3;  // the input file must be readable too
                std::string feedback = std::string(argv[3]) + "/judgemessage.txt";
                double expected, got;
                if (!(ans >> expected)) return 4;
                if (!(std::cin >> got)) {
                    std::ofstream(feedback) << "no number in the output";
                    return 43;
                }
                if (std::fabs(expected - got) <= tol) return 42;
                std::ofstream(feedback) << "expected " << expected << " got " << got;
                return 43;
            }
            """;

    @BeforeAll
    static void setUp() throws Exception {
        sandbox = new BwrapSandbox(BwrapConfig.defaults());
        profiles = new ProfileLocator(new ProfileLoader()).loadProfiles();
    }

    @AfterAll
    static void tearDown() {
        if (sandbox != null) sandbox.close();
    }

    private SandboxCustomCheckerRunner runner(int sessions) {
        return new SandboxCustomCheckerRunner(sandbox, new ProgramPlanner(profiles), SandboxCustomCheckerRunner.VALIDATOR_LIMITS, sessions);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void cppValidatorAcceptsWithinToleranceAndRejectsWithItsMessage(@TempDir Path dir) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        Path validator = Files.createDirectories(dir.resolve("output_validator"));
        Files.writeString(validator.resolve("validate.cpp"), CPP_VALIDATOR);
        Path input = Files.writeString(dir.resolve("1.in"), "2\n");
        Path answer = Files.writeString(dir.resolve("1.ans"), "1.41421356\n");
        try (SandboxCustomCheckerRunner runner = runner(2)) {
            Checker c = Checkers.create(CheckerSpec.custom(validator, List.of("tol", "1e-4")), runner);
            assertThat(c.check(input, answer, b("1.4142\n"))).isEqualTo(CheckResult.accepted());
            CheckResult wrong = c.check(input, answer, b("1.5\n"));
            assertThat(wrong.status()).isEqualTo(CheckResult.Status.WRONG);
            assertThat(wrong.message()).isEqualTo("expected 1.41421 got 1.5");
            assertThat(c.check(input, answer, b("hello"))).isEqualTo(CheckResult.wrong("no number in the output"));
            // flags reach the validator: a tighter tolerance rejects what the looser one accepted
            Checker strict = Checkers.create(CheckerSpec.custom(validator, List.of("tol", "1e-9")), runner);
            assertThat(strict.check(input, answer, b("1.4142\n")).status()).isEqualTo(CheckResult.Status.WRONG);
        }
        assertThat(SandboxTestSupport.jvmDescendants()).isEmpty();
    }

    @Test
    void pythonValidatorAndProtocolErrors(@TempDir Path dir) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        Path validator = Files.createDirectories(dir.resolve("checker"));
        Files.writeString(validator.resolve("check.py"), """
                import sys
                inp, ans, feedback = sys.argv[1:4]
                expected = open(ans).read().split()
                got = sys.stdin.read().split()
                if got == ["crash"]:
                    raise SystemExit(7)
                if got == expected:
                    sys.exit(42)
                with open(feedback + "/judgemessage.txt", "w") as f:
                    f.write(f"wanted {expected} but saw {got}")
                sys.exit(43)
                """);
        Path input = Files.writeString(dir.resolve("1.in"), "x\n");
        Path answer = Files.writeString(dir.resolve("1.ans"), "a b\n");
        try (SandboxCustomCheckerRunner runner = runner(2)) {
            Checker c = runner.checker(validator, List.of());
            assertThat(c.check(input, answer, b("a   b"))).isEqualTo(CheckResult.accepted());
            assertThat(c.check(input, answer, b("a c"))).isEqualTo(CheckResult.wrong("wanted ['a', 'b'] but saw ['a', 'c']"));
            CheckResult crash = c.check(input, answer, b("crash"));
            assertThat(crash.status()).isEqualTo(CheckResult.Status.ERROR);
            assertThat(crash.message()).contains("exited with code 7");
        }
    }

    @Test
    void validatorThatDoesNotCompileIsAnErrorForEveryCheck(@TempDir Path dir) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        Path validator = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(validator.resolve("validate.cpp"), "int main( { return 42; }\n");
        Path f = Files.writeString(dir.resolve("1.ans"), "1\n");
        try (SandboxCustomCheckerRunner runner = runner(2)) {
            Checker c = runner.checker(validator, List.of());
            for (int i = 0; i < 2; i++) {
                CheckResult r = c.check(f, f, b("1"));
                assertThat(r.status()).isEqualTo(CheckResult.Status.ERROR);
                assertThat(r.message()).contains("does not compile").contains("validate.cpp");
            }
        }
    }

    @Test
    void concurrentChecksFromSeveralWorkers(@TempDir Path dir) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        Path validator = Files.createDirectories(dir.resolve("v"));
        Files.writeString(validator.resolve("validate.cpp"), CPP_VALIDATOR);
        Path input = Files.writeString(dir.resolve("1.in"), "1\n");
        Path answer = Files.writeString(dir.resolve("1.ans"), "10\n");
        ExecutorService workers = Executors.newFixedThreadPool(3);
        try (SandboxCustomCheckerRunner runner = runner(2)) {
            Checker c = runner.checker(validator, List.of());
            List<Future<CheckResult>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String out = i % 2 == 0 ? "10" : "11";
                results.add(workers.submit(() -> c.check(input, answer, b(out))));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get().status())
                        .isEqualTo(i % 2 == 0 ? CheckResult.Status.ACCEPTED : CheckResult.Status.WRONG);
            }
        } finally {
            workers.shutdownNow();
        }
    }
}
