package org.gradebench.core.grading;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.CheckerSpec;
import org.gradebench.core.assignment.ResourceLimits;
import org.gradebench.core.assignment.Scoring;
import org.gradebench.core.assignment.TestCase;
import org.gradebench.core.check.CheckResult;
import org.gradebench.core.check.CheckerProvider;
import org.gradebench.core.history.SessionState;
import org.gradebench.core.history.StoredSession;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.ProgramPlanner;
import org.gradebench.core.run.RunQueue;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.Sandbox;
import org.gradebench.core.run.SandboxException;
import org.gradebench.core.run.SandboxSession;
import org.gradebench.core.run.SandboxStatus;
import org.gradebench.core.submission.Submission;
import org.gradebench.store.h2.H2RunHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orchestration of the engine: ordering, recording, cancel, resume, CE and SE paths. The sandbox here is a scripted
 * test double (the real backends have their own suites); the history is the real H2 store.
 */
class GradingEngineTest {
    /** A "language" whose programs are scripts of one word the double understands. */
    static final LanguageProfile SCRIPT = new LanguageProfile("script", "Script", List.of("txt"), List.of("main.txt"),
            Optional.empty(), List.of("build"), List.of("run", "{mainPath}"), List.of(), List.of(), List.of(), Map.of(),
            true, 0, "none");

    @TempDir
    Path tmp;
    H2RunHistory history;
    RunQueue queue;
    ScriptSandbox sandbox;
    Assignment assignment;

    @BeforeEach
    void setUp() throws IOException {
        history = H2RunHistory.open(tmp.resolve("db/history"));
        queue = new RunQueue(2);
        sandbox = new ScriptSandbox();
        List<TestCase> tests = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Path in = Files.writeString(tmp.resolve("t" + i + ".in"), "value " + i + "\n");
            Path out = Files.writeString(tmp.resolve("t" + i + ".out"), "value " + i + "\n");
            tests.add(new TestCase("t" + i, in, out, i, "", false, Optional.empty()));
        }
        assignment = new Assignment("Echo", tmp, Assignment.Format.NATIVE, Optional.empty(), Set.of(),
                ResourceLimits.DEFAULTS, CheckerSpec.exact(), Scoring.DEFAULT, tests);
    }

    @AfterEach
    void tearDown() {
        queue.close();
        history.close();
    }

    Submission submission(String id, String script) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("subs").resolve(id));
        Files.writeString(dir.resolve("main.txt"), script);
        return Submission.plain(id, dir);
    }

    GradingEngine engine() {
        return new GradingEngine(sandbox, new ProgramPlanner(List.of(SCRIPT)), history, queue, Clock.systemUTC());
    }

    static CheckerProvider exactChecker() {
        return spec -> (input, expected, output) -> {
            try {
                return Arrays.equals(Files.readAllBytes(expected), output) ? CheckResult.accepted() : CheckResult.wrong("differs");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    GradingRequest request(List<Submission> subs, Optional<Long> resume) {
        return new GradingRequest(assignment, subs, tmp.resolve("subs").toString(), exactChecker(), Map.of("script", "1.0"),
                resume, Set.of(), false);
    }

    @Test
    void gradesRecordsAndScoresEverySubmission() throws Exception {
        List<Submission> subs = List.of(submission("alice", "echo"), submission("bob", "wrong"),
                submission("carol", "crash-on-3"), submission("dave", "compile-error"));
        GradingOutcome o = engine().start(request(subs, Optional.empty()), GradingListener.NONE).outcome().get(30, TimeUnit.SECONDS);

        assertThat(o.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(o.results()).extracting(r -> r.submission().id()).containsExactly("alice", "bob", "carol", "dave");
        assertThat(o.results()).extracting(SubmissionResult::verdict)
                .containsExactly(Verdict.AC, Verdict.WA, Verdict.RE, Verdict.CE);
        assertThat(o.results().get(0).score()).isEqualTo(10);
        assertThat(o.results().get(2).score()).isEqualTo(1 + 2 + 4);
        assertThat(o.results().get(2).tests()).extracting(TestResult::verdict)
                .containsExactly(Verdict.AC, Verdict.AC, Verdict.RE, Verdict.AC);
        assertThat(o.results().get(3).compile().log()).contains("syntax error");
        assertThat(sandbox.compiles.get()).isEqualTo(4);

        StoredSession stored = history.load(o.sessionId()).orElseThrow();
        assertThat(stored.summary().state()).isEqualTo(SessionState.COMPLETED);
        assertThat(stored.submissions()).hasSize(4);
        StoredSession.StoredSubmission carol = stored.submissions().stream()
                .filter(s -> s.submission().id().equals("carol")).findFirst().orElseThrow();
        assertThat(carol.tests()).extracting(TestResult::testName).containsExactly("t1", "t2", "t3", "t4");
        assertThat(carol.tests().get(0).run().stdout().text()).isEqualTo("value 1\n");
    }

    @Test
    void sandboxFailureIsSystemErrorNotTheStudents() throws Exception {
        sandbox.failOpenFor.add("erin");
        GradingOutcome o = engine().start(request(List.of(submission("erin", "echo")), Optional.empty()),
                GradingListener.NONE).outcome().get(30, TimeUnit.SECONDS);
        assertThat(o.results().get(0).verdict()).isEqualTo(Verdict.SE);
        assertThat(o.results().get(0).compile().log()).contains("sandbox failure");
    }

    @Test
    void cancelStopsPromptlyKeepsFinishedResultsAndResumeCompletesThem() throws Exception {
        List<Submission> subs = new ArrayList<>();
        for (int i = 0; i < 6; i++) subs.add(submission("s" + i, i < 2 ? "echo" : "block-on-2"));
        CountDownLatch blocked = sandbox.blockedRuns;
        CountDownLatch echoesDone = new CountDownLatch(2);
        GradingListener listener = new GradingListener() {
            @Override
            public void submissionFinished(SubmissionResult r, Progress p) {
                if (r.verdict() == Verdict.AC) echoesDone.countDown();
            }
        };
        GradingEngine.GradingHandle handle = engine().start(request(subs, Optional.empty()), listener);
        assertThat(echoesDone.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(blocked.await(20, TimeUnit.SECONDS)).isTrue();
        long before = System.nanoTime();
        handle.cancel();
        GradingOutcome cancelled = handle.outcome().get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
        assertThat(cancelled.state()).isEqualTo(SessionState.CANCELLED);
        assertThat(cancelled.results().get(0).verdict()).isEqualTo(Verdict.AC);
        int recorded = history.session(cancelled.sessionId()).orElseThrow().results();
        // s0 and s1 complete (8), s2 blocked after its first test (1), s3 maybe past its first test (0 or 1).
        assertThat(recorded).isBetween(9, 10);

        // Resume: nothing blocks any more; recorded results are kept, only the rest runs.
        sandbox.blocking = false;
        int runsBefore = sandbox.runs.get();
        GradingOutcome resumed = engine().start(request(subs, Optional.of(cancelled.sessionId())), GradingListener.NONE)
                .outcome().get(30, TimeUnit.SECONDS);
        assertThat(resumed.sessionId()).isEqualTo(cancelled.sessionId());
        assertThat(resumed.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(sandbox.runs.get() - runsBefore).isEqualTo(6 * 4 - recorded);
        assertThat(resumed.results()).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.AC));
        assertThat(history.session(cancelled.sessionId()).orElseThrow().results()).isEqualTo(24);
    }

    @Test
    void progressCountsEveryCell() throws Exception {
        AtomicInteger events = new AtomicInteger();
        List<Progress> last = new ArrayList<>();
        GradingListener listener = new GradingListener() {
            @Override
            public void testFinished(Submission s, int i, TestResult r, Progress p) {
                events.incrementAndGet();
            }

            @Override
            public void sessionFinished(GradingOutcome o) {
                last.add(o.progress());
            }
        };
        engine().start(request(List.of(submission("a", "echo"), submission("b", "compile-error")), Optional.empty()), listener)
                .outcome().get(30, TimeUnit.SECONDS);
        assertThat(events.get()).isEqualTo(4);
        assertThat(last.get(0).doneCells()).isEqualTo(8);
        assertThat(last.get(0).totalCells()).isEqualTo(8);
    }

    /** Interprets main.txt: echo | wrong | crash-on-N | compile-error | block-on-N (blocks test N until interrupted). */
    static final class ScriptSandbox implements Sandbox {
        final AtomicInteger compiles = new AtomicInteger();
        final AtomicInteger runs = new AtomicInteger();
        final Set<String> failOpenFor = ConcurrentHashMap.newKeySet();
        final CountDownLatch blockedRuns = new CountDownLatch(1);
        volatile boolean blocking = true;

        @Override
        public String name() {
            return "script";
        }

        @Override
        public SandboxStatus status() {
            return new SandboxStatus("script", true, "1.0", List.of());
        }

        @Override
        public SandboxSession open(String label, Path sources, LanguageProfile profile) throws SandboxException {
            if (failOpenFor.contains(label)) throw new SandboxException("scratch folder could not be created");
            String script;
            try {
                script = Files.readString(sources.resolve("main.txt")).strip();
            } catch (IOException e) {
                throw new SandboxException("cannot read", e);
            }
            return new SandboxSession() {
                @Override
                public RunResult run(RunSpec spec) throws InterruptedException {
                    if (spec.programWritable()) {
                        compiles.incrementAndGet();
                        boolean bad = script.equals("compile-error");
                        return result(bad ? 1 : 0, 0, "", bad ? "main.txt:1: syntax error" : "");
                    }
                    runs.incrementAndGet();
                    String input;
                    try {
                        input = Files.readString(spec.inputFiles().get("input"));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    int test = Integer.parseInt(input.strip().split(" ")[1]);
                    if (script.startsWith("crash-on-") && test == Integer.parseInt(script.substring(9))) {
                        return result(-1, 11, "", "");
                    }
                    if (blocking && script.startsWith("block-on-") && test == Integer.parseInt(script.substring(9))) {
                        blockedRuns.countDown();
                        Thread.sleep(60_000);
                    }
                    return result(0, 0, script.equals("wrong") ? "nope\n" : input, "");
                }

                @Override
                public void close() {
                }
            };
        }

        static RunResult result(int exit, int signal, String out, String err) {
            return new RunResult(signal == 0 ? RunResult.Outcome.EXITED : RunResult.Outcome.SIGNALED, exit, signal, 5, 6,
                    1000, false, 0, new CapturedOutput(out.getBytes(), false), new CapturedOutput(err.getBytes(), false),
                    Map.of(), "");
        }
    }
}
