package org.gradebench.core.check;

import org.gradebench.core.assignment.CheckerSpec;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.ProgramPlanner;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.Sandbox;
import org.gradebench.core.run.SandboxException;
import org.gradebench.core.run.SandboxSession;
import org.gradebench.core.run.SandboxStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 42/43 mapping, argv layout, compile-once and session pooling, against a fake {@link Sandbox} (a test double
 * of the core port; the real sandbox is exercised by CustomCheckerSandboxTest).
 */
class CustomCheckerTest {
    @TempDir
    Path dir;
    Path validator;
    Path input;
    Path answer;
    FakeSandbox sandbox;

    static final LanguageProfile PY = new LanguageProfile("python3", "Python 3", List.of("py"), List.of("main.py"),
            Optional.empty(), List.of("/usr/bin/python3", "-m", "py_compile", "{sources}"),
            List.of("/usr/bin/python3", "{mainPath}"), List.of(), List.of(), List.of(), Map.of("PYTHONHASHSEED", "0"),
            true, 0, "img");

    @BeforeEach
    void setUp() throws IOException {
        validator = Files.createDirectories(dir.resolve("validator"));
        Files.writeString(validator.resolve("check.py"), "import sys\n");
        input = Files.writeString(dir.resolve("1.in"), "in\n");
        answer = Files.writeString(dir.resolve("1.ans"), "42\n");
        sandbox = new FakeSandbox();
    }

    static RunResult exited(int code, Map<String, String> files, String stderr) {
        Map<String, CapturedOutput> f = new java.util.HashMap<>();
        files.forEach((k, v) -> f.put(k, new CapturedOutput(v.getBytes(StandardCharsets.UTF_8), false)));
        return new RunResult(RunResult.Outcome.EXITED, code, 0, 5, 5, 1000, false, 0, CapturedOutput.EMPTY,
                new CapturedOutput(stderr.getBytes(StandardCharsets.UTF_8), false), f, "");
    }

    /** A validator that accepts when the team output equals the answer file, else rejects with a judge message. */
    static RunResult compareValidator(RunSpec spec) {
        try {
            String ans = Files.readString(spec.inputFiles().get("answer"));
            String team = Files.readString(spec.inputFiles().get(spec.stdin().orElseThrow()));
            if (ans.strip().equals(team.strip())) return exited(42, Map.of(), "");
            return exited(43, Map.of("judgemessage.txt", "expected " + ans.strip() + ", got " + team.strip() + "\n"), "");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private CheckResult check(Function<RunSpec, RunResult> behaviour, String output) throws Exception {
        sandbox.behaviour = behaviour;
        try (SandboxCustomCheckerRunner runner = new SandboxCustomCheckerRunner(sandbox, new ProgramPlanner(List.of(PY)),
                SandboxCustomCheckerRunner.VALIDATOR_LIMITS, 2)) {
            Checker c = Checkers.create(CheckerSpec.custom(validator, List.of("float_tolerance", "1e-6")), runner);
            return c.check(input, answer, output.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void exit42Accepts43RejectsWithTheJudgeMessage() throws Exception {
        assertThat(check(CustomCheckerTest::compareValidator, "42\n")).isEqualTo(CheckResult.accepted());
        CheckResult wrong = check(CustomCheckerTest::compareValidator, "41\n");
        assertThat(wrong.status()).isEqualTo(CheckResult.Status.WRONG);
        assertThat(wrong.message()).isEqualTo("expected 42, got 41");
    }

    @Test
    void rejectMessageFallsBackToTeamMessageThenAGenericOne() throws Exception {
        assertThat(check(s -> exited(43, Map.of("teammessage.txt", "too slow ;)"), ""), "x").message()).isEqualTo("too slow ;)");
        assertThat(check(s -> exited(43, Map.of(), ""), "x"))
                .isEqualTo(CheckResult.wrong("rejected by the output validator validator"));
    }

    @Test
    void everythingElseIsAnErrorNotTheStudentsFault() throws Exception {
        CheckResult other = check(s -> exited(1, Map.of(), "Traceback: boom"), "x");
        assertThat(other.status()).isEqualTo(CheckResult.Status.ERROR);
        assertThat(other.message()).contains("exited with code 1").contains("Traceback: boom");
        assertThat(check(s -> exited(0, Map.of(), ""), "x").status()).isEqualTo(CheckResult.Status.ERROR);

        RunResult signaled = new RunResult(RunResult.Outcome.SIGNALED, -1, 9, 0, 0, 0, true, 0, CapturedOutput.EMPTY,
                CapturedOutput.EMPTY, Map.of(), "");
        assertThat(check(s -> signaled, "x").message()).contains("signal 9").contains("wall time limit");
        RunResult timedOut = new RunResult(RunResult.Outcome.EXITED, 42, 0, 0, 0, 0, true, 0, CapturedOutput.EMPTY,
                CapturedOutput.EMPTY, Map.of(), "");
        assertThat(check(s -> timedOut, "x").status()).isEqualTo(CheckResult.Status.ERROR);
        assertThat(check(s -> RunResult.sandboxError("bwrap: setting up uid map: Permission denied"), "x").message())
                .contains("Permission denied");
        sandbox.throwOnRun = true;
        assertThat(check(CustomCheckerTest::compareValidator, "42").message()).contains("could not run").contains("fake failure");
    }

    @Test
    void argvStdinInputsAndFeedbackFollowTheProtocol() throws Exception {
        check(CustomCheckerTest::compareValidator, "team says 42\n");
        RunSpec compile = sandbox.specs.get(0);
        assertThat(compile.programWritable()).isTrue();
        assertThat(compile.argv()).containsExactly("/usr/bin/python3", "-m", "py_compile", "check.py");
        RunSpec run = sandbox.specs.get(1);
        assertThat(run.programWritable()).isFalse();
        assertThat(run.argv()).containsExactly("/usr/bin/python3", "/box/prog/check.py", "input", "answer", ".",
                "float_tolerance", "1e-6");
        assertThat(run.stdin()).contains("team_output");
        assertThat(run.inputFiles()).containsEntry("input", input).containsEntry("answer", answer).containsKey("team_output");
        assertThat(sandbox.teamOutputs).containsExactly("team says 42\n");
        assertThat(run.collect()).contains("judgemessage.txt", "teammessage.txt");
        assertThat(run.env()).containsEntry("PYTHONHASHSEED", "0");
        // the staged copy of the team output is removed afterwards
        assertThat(Files.exists(run.inputFiles().get("team_output"))).isFalse();
        assertThat(sandbox.opened.get()).isEqualTo(1);
        assertThat(sandbox.closed.get()).isEqualTo(1);
    }

    @Test
    void compileFailureMakesEveryCheckAnErrorWithTheLogAndIsNotRetried() throws Exception {
        sandbox.compileResult = exited(1, Map.of(), "  File \"check.py\", line 1\nSyntaxError: invalid syntax");
        sandbox.behaviour = CustomCheckerTest::compareValidator;
        try (SandboxCustomCheckerRunner runner = new SandboxCustomCheckerRunner(sandbox, new ProgramPlanner(List.of(PY)),
                SandboxCustomCheckerRunner.VALIDATOR_LIMITS, 2)) {
            Checker c = runner.checker(validator, List.of());
            for (int i = 0; i < 3; i++) {
                CheckResult r = c.check(input, answer, "42".getBytes(StandardCharsets.UTF_8));
                assertThat(r.status()).isEqualTo(CheckResult.Status.ERROR);
                assertThat(r.message()).contains("does not compile").contains("SyntaxError: invalid syntax");
            }
        }
        assertThat(sandbox.compiles.get()).isEqualTo(1);
        assertThat(sandbox.closed.get()).isEqualTo(sandbox.opened.get());
    }

    @Test
    void aFolderWithoutAValidatorProgramIsAnError() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        try (SandboxCustomCheckerRunner runner = new SandboxCustomCheckerRunner(sandbox, new ProgramPlanner(List.of(PY)),
                SandboxCustomCheckerRunner.VALIDATOR_LIMITS, 2)) {
            CheckResult r = runner.checker(empty, List.of()).check(input, answer, new byte[0]);
            assertThat(r.status()).isEqualTo(CheckResult.Status.ERROR);
            assertThat(r.message()).contains("no validator program");
        }
    }

    @Test
    void concurrentChecksShareABoundedPoolAndNeverOverlapInOneSession() throws Exception {
        sandbox.behaviour = CustomCheckerTest::compareValidator;
        sandbox.runMillis = 2;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (SandboxCustomCheckerRunner runner = new SandboxCustomCheckerRunner(sandbox, new ProgramPlanner(List.of(PY)),
                SandboxCustomCheckerRunner.VALIDATOR_LIMITS, 2)) {
            List<Future<CheckResult>> results = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String out = i % 3 == 0 ? "41" : "42";
                results.add(pool.submit(() -> runner.checker(validator, List.of())
                        .check(input, answer, out.getBytes(StandardCharsets.UTF_8))));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get().status())
                        .isEqualTo(i % 3 == 0 ? CheckResult.Status.WRONG : CheckResult.Status.ACCEPTED);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sandbox.overlaps.get()).isZero();
        assertThat(sandbox.opened.get()).isBetween(1, 2);
        assertThat(sandbox.compiles.get()).isEqualTo(sandbox.opened.get());
        assertThat(sandbox.closed.get()).isEqualTo(sandbox.opened.get());
    }

    @Test
    void aSessionWhoseSandboxFailedIsReplaced() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        sandbox.behaviour = s -> calls.incrementAndGet() == 1 ? RunResult.sandboxError("lost") : compareValidator(s);
        try (SandboxCustomCheckerRunner runner = new SandboxCustomCheckerRunner(sandbox, new ProgramPlanner(List.of(PY)),
                SandboxCustomCheckerRunner.VALIDATOR_LIMITS, 1)) {
            Checker c = runner.checker(validator, List.of());
            assertThat(c.check(input, answer, "42".getBytes()).status()).isEqualTo(CheckResult.Status.ERROR);
            assertThat(c.check(input, answer, "42".getBytes()).status()).isEqualTo(CheckResult.Status.ACCEPTED);
        }
        assertThat(sandbox.opened.get()).isEqualTo(2);
        assertThat(sandbox.closed.get()).isEqualTo(2);
    }

    @Test
    void unavailableRunnerNamesTheReason() throws Exception {
        CheckResult r = Checkers.create(CheckerSpec.custom(validator, List.of()), CustomCheckerRunner.unavailable("no sandbox backend is usable"))
                .check(input, answer, new byte[0]);
        assertThat(r.status()).isEqualTo(CheckResult.Status.ERROR);
        assertThat(r.message()).contains("no sandbox backend is usable");
    }

    /** Test double of the core Sandbox port. Records specs; a session refuses overlapping runs. */
    static final class FakeSandbox implements Sandbox {
        volatile Function<RunSpec, RunResult> behaviour = s -> exited(42, Map.of(), "");
        volatile RunResult compileResult = exited(0, Map.of(), "");
        volatile boolean throwOnRun;
        volatile int runMillis;
        final List<RunSpec> specs = Collections.synchronizedList(new ArrayList<>());
        final List<String> teamOutputs = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final AtomicInteger compiles = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public SandboxStatus status() {
            return new SandboxStatus("fake", true, "fake 1", List.of());
        }

        @Override
        public SandboxSession open(String label, Path sources, LanguageProfile profile) {
            opened.incrementAndGet();
            AtomicInteger busy = new AtomicInteger();
            return new SandboxSession() {
                @Override
                public RunResult run(RunSpec spec) throws SandboxException, InterruptedException {
                    if (busy.incrementAndGet() != 1) overlaps.incrementAndGet();
                    try {
                        specs.add(spec);
                        if (spec.programWritable()) {
                            compiles.incrementAndGet();
                            return compileResult;
                        }
                        if (throwOnRun) throw new SandboxException("fake failure");
                        if (spec.stdin().isPresent()) {
                            try {
                                teamOutputs.add(Files.readString(spec.inputFiles().get(spec.stdin().get())));
                            } catch (IOException e) {
                                throw new SandboxException("cannot read", e);
                            }
                        }
                        if (runMillis > 0) Thread.sleep(runMillis);
                        return behaviour.apply(spec);
                    } finally {
                        busy.decrementAndGet();
                    }
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }
    }
}
