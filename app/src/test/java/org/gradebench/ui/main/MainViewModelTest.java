package org.gradebench.ui.main;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.AssignmentHashes;
import org.gradebench.core.assignment.CheckerSpec;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.assignment.ResourceLimits;
import org.gradebench.core.assignment.Scoring;
import org.gradebench.core.assignment.TestCase;
import org.gradebench.core.grading.CompileResult;
import org.gradebench.core.grading.GradingEngine;
import org.gradebench.core.grading.GradingListener;
import org.gradebench.core.grading.GradingOutcome;
import org.gradebench.core.grading.Progress;
import org.gradebench.core.grading.Scorer;
import org.gradebench.core.grading.SubmissionResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.grading.Verdicts;
import org.gradebench.core.history.ReviewStore;
import org.gradebench.core.history.RunHistory;
import org.gradebench.core.history.SessionInfo;
import org.gradebench.core.history.SessionState;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.submission.Submission;
import org.gradebench.core.submission.SubmissionSource;
import org.gradebench.store.h2.H2RunHistory;
import org.gradebench.ui.common.UiPreferences;
import org.gradebench.ui.common.UserError;
import org.gradebench.ui.common.UserMessage;
import org.gradebench.ui.common.Workbench;
import org.gradebench.ui.matrix.MatrixModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main ViewModel without the toolkit: a real H2 history in a temp folder, grading events delivered from a worker
 * thread the way the engine delivers them, and a UI executor the test drains by hand (so batching is observable).
 */
class MainViewModelTest {
    @TempDir
    Path dir;

    private H2RunHistory history;
    private final ConcurrentLinkedQueue<Runnable> uiQueue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger uiTasks = new AtomicInteger();
    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private ScriptedWorkbench workbench;
    private MainViewModel vm;
    private Assignment assignment;

    @BeforeEach
    void setUp() throws IOException {
        history = H2RunHistory.open(dir.resolve("history"));
        Path tests = Files.createDirectories(dir.resolve("lab/tests"));
        List<TestCase> cases = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Files.writeString(tests.resolve("0" + i + ".in"), "in " + i + "\n");
            Files.writeString(tests.resolve("0" + i + ".out"), "out " + i + "\n");
            cases.add(new TestCase("0" + i, tests.resolve("0" + i + ".in"), tests.resolve("0" + i + ".out"), 1, "", false, Optional.empty()));
        }
        assignment = new Assignment("Lab 1", dir.resolve("lab"), Assignment.Format.NATIVE, Optional.empty(), Set.of(),
                ResourceLimits.DEFAULTS, CheckerSpec.tokens(), new Scoring(Scoring.Mode.SUM, 100), cases);
        workbench = new ScriptedWorkbench();
        Executor ui = r -> {
            uiTasks.incrementAndGet();
            uiQueue.add(r);
        };
        vm = new MainViewModel(workbench, new UiPreferences(dir.resolve("prefs.properties")), ui, Runnable::run,
                Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
    }

    private interface Executor extends java.util.concurrent.Executor {
    }

    @AfterEach
    void tearDown() {
        workers.shutdownNow();
        history.close();
    }

    private void drainUi() {
        Runnable r;
        while ((r = uiQueue.poll()) != null) r.run();
    }

    /** Drains UI work until the condition holds (grading runs on another thread). */
    private void drainUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            drainUi();
            if (System.nanoTime() > deadline) throw new AssertionError("timed out");
            Thread.sleep(5);
        }
        drainUi();
    }

    private List<Submission> students(int n) {
        List<Submission> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(Submission.plain(String.format("s%04d", i), dir.resolve("subs/s" + i)));
        return out;
    }

    private void openWithStudents(int n) throws InterruptedException {
        workbench.submissions = students(n);
        vm.openAssignment(dir.resolve("lab"));
        drainUi();
        vm.requestImport(dir.resolve("subs"));
        drainUi();
        assertThat(vm.importPreviewProperty().get()).isNotNull();
        vm.acceptImport(false);
        drainUi();
    }

    @Test
    void gradingFillsTheMatrixFromBatchedEventsAndRecordsASession() throws InterruptedException {
        openWithStudents(300);
        assertThat(vm.matrix().rowCount()).isEqualTo(300);
        assertThat(vm.students()).hasSize(300);
        // student i fails test 02 when i is odd
        workbench.verdict = (s, t) -> t.equals("02") && Integer.parseInt(s.substring(1)) % 2 == 1 ? Verdict.WA : Verdict.AC;
        uiTasks.set(0);

        vm.gradeAll();
        drainUntil(() -> !vm.gradingProperty().get() && workbench.started.get() == 1);

        // 300 x 4 test events + 300 submission events + start/finish: far fewer UI tasks than events
        assertThat(workbench.events.get()).isGreaterThan(1500);
        assertThat(uiTasks.get()).isLessThan(workbench.events.get() / 2);
        assertThat(vm.matrix().verdict(0, 1)).isEqualTo(Verdict.AC);
        assertThat(vm.matrix().verdict(1, 1)).isEqualTo(Verdict.WA);
        assertThat(vm.summaryProperty().get().accepted()).isEqualTo(150);
        assertThat(vm.summaryProperty().get().buckets()[9]).isEqualTo(150);
        assertThat(vm.summaryProperty().get().buckets()[7]).isEqualTo(150);
        assertThat(vm.students().get(1).score()).isEqualTo(75.0);
        assertThat(vm.students().get(1).verdict()).isEqualTo(Verdict.WA);
        assertThat(vm.messageProperty().get().severity()).isEqualTo(UserMessage.Severity.SUCCESS);
        assertThat(vm.progressTextProperty().get()).startsWith("1,200 / 1,200 runs");
        assertThat(vm.sessions()).hasSize(1);

        vm.nextFailing(true);
        assertThat(vm.selectedCellProperty().get()).isEqualTo(new MatrixModel.Cell(1, 1));
        vm.nextStudent();
        // s0002 passes everything: the column is kept
        assertThat(vm.selectedCellProperty().get()).isEqualTo(new MatrixModel.Cell(2, 1));
    }

    @Test
    void regradingOneCellKeepsTheOtherResultsAndRecomputesTheScore() throws InterruptedException {
        openWithStudents(2);
        workbench.verdict = (s, t) -> t.equals("03") ? Verdict.WA : Verdict.AC;
        vm.gradeAll();
        drainUntil(() -> !vm.gradingProperty().get() && workbench.started.get() == 1);
        assertThat(vm.students().get(0).score()).isEqualTo(75.0);

        workbench.verdict = (s, t) -> Verdict.AC;
        vm.select(new MatrixModel.Cell(0, 2));
        vm.regradeSelection();
        drainUntil(() -> !vm.gradingProperty().get() && workbench.started.get() == 2);

        assertThat(workbench.lastJob.onlyTests()).containsExactly("03");
        assertThat(workbench.lastJob.submissions()).extracting(Submission::id).containsExactly("s0000");
        assertThat(vm.matrix().verdict(0, 2)).isEqualTo(Verdict.AC);
        assertThat(vm.matrix().verdict(0, 0)).isEqualTo(Verdict.AC);
        assertThat(vm.matrix().verdict(1, 2)).isEqualTo(Verdict.WA);
        assertThat(vm.students().get(0).score()).isEqualTo(100.0);
        assertThat(vm.students().get(0).verdict()).isEqualTo(Verdict.AC);
    }

    @Test
    void regradeFailedAsksOnlyForFailingStudentsAndTests() throws InterruptedException {
        openWithStudents(3);
        workbench.verdict = (s, t) -> s.equals("s0001") && t.equals("04") ? Verdict.TLE : Verdict.AC;
        vm.gradeAll();
        drainUntil(() -> !vm.gradingProperty().get() && workbench.started.get() == 1);

        vm.regradeFailed();
        drainUntil(() -> !vm.gradingProperty().get() && workbench.started.get() == 2);

        assertThat(workbench.lastJob.submissions()).extracting(Submission::id).containsExactly("s0001");
        assertThat(workbench.lastJob.onlyTests()).containsExactly("04");
    }

    @Test
    void cancelKeepsWhatFinished() throws InterruptedException {
        openWithStudents(50);
        workbench.verdict = (s, t) -> Verdict.AC;
        workbench.gate = new CountDownLatch(1);
        workbench.releaseAfter = 10;
        vm.gradeAll();
        drainUntil(() -> workbench.finishedSubmissions.get() >= 10);

        vm.cancel();
        assertThat(vm.cancellingProperty().get()).isTrue();
        drainUntil(() -> !vm.gradingProperty().get());

        assertThat(workbench.cancelled.get()).isTrue();
        assertThat(vm.matrix().verdict(0, 0)).isEqualTo(Verdict.AC);
        assertThat(vm.matrix().verdict(49, 0)).isEqualTo(Verdict.PENDING);
        assertThat(vm.messageProperty().get().severity()).isEqualTo(UserMessage.Severity.WARNING);
        assertThat(vm.messageProperty().get().text()).startsWith("Grading cancelled: 10 of 50");
        assertThat(history.sessions().get(0).state()).isEqualTo(SessionState.CANCELLED);
    }

    @Test
    void anEngineFailureEndsTheGradingStateWithAReadableMessage() throws InterruptedException {
        openWithStudents(20);
        workbench.verdict = (s, t) -> Verdict.AC;
        workbench.crash = true;
        vm.gradeAll();
        drainUntil(() -> !vm.gradingProperty().get());

        assertThat(vm.cancellingProperty().get()).isFalse();
        UserMessage m = vm.messageProperty().get();
        assertThat(m.severity()).isEqualTo(UserMessage.Severity.ERROR);
        assertThat(m.text()).contains("stopped unexpectedly: the history database was closed");
        assertThat(m.text() + m.action()).doesNotContain("Exception").doesNotContain("\tat ");
        // what finished is kept, and the next run starts and ends normally
        assertThat(vm.matrix().verdict(19, 3)).isEqualTo(Verdict.AC);
        workbench.crash = false;
        vm.gradeAll();
        drainUntil(() -> !vm.gradingProperty().get() && workbench.started.get() == 2);
        assertThat(vm.messageProperty().get().severity()).isEqualTo(UserMessage.Severity.SUCCESS);
    }

    /**
     * Many grade / cancel cycles back to back, cancelling at different moments (before the engine has started, in
     * the middle, after the end): every cycle must leave the grading state, and a late event of one run must never
     * end the next one.
     */
    @Test
    void repeatedGradeAndCancelCyclesAlwaysLeaveTheGradingState() throws InterruptedException {
        openWithStudents(12);
        workbench.verdict = (s, t) -> Verdict.AC;
        for (int cycle = 0; cycle < 30; cycle++) {
            int moment = cycle % 3;
            vm.gradeAll();
            assertThat(vm.gradingProperty().get()).as("cycle %d started", cycle).isTrue();
            if (moment == 0) vm.cancel();
            if (moment == 1) {
                int startedBefore = workbench.started.get();
                drainUntil(() -> workbench.started.get() > startedBefore || !vm.gradingProperty().get());
                vm.cancel();
            }
            int c = cycle;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (vm.gradingProperty().get()) {
                drainUi();
                if (System.nanoTime() > deadline) throw new AssertionError("cycle " + c + " stayed in the grading state");
                Thread.sleep(2);
            }
            assertThat(vm.cancellingProperty().get()).isFalse();
        }
        drainUi();
        assertThat(workbench.started.get()).isEqualTo(30);
        assertThat(history.sessions()).hasSize(30);
    }

    @Test
    void aBadAssignmentBecomesAMessageNamingTheFile() {
        workbench.invalid = new InvalidInputException(dir.resolve("lab/assignment.yaml"), 3, "unknown key 'tset'");
        vm.openAssignment(dir.resolve("lab"));
        drainUi();

        UserMessage m = vm.messageProperty().get();
        assertThat(m.severity()).isEqualTo(UserMessage.Severity.ERROR);
        assertThat(m.text()).contains("assignment.yaml:3").contains("unknown key 'tset'");
        assertThat(m.action()).isEqualTo("Fix that file and open it again.");
        assertThat(vm.assignmentProperty().get()).isNull();
    }

    @Test
    void aMissingSandboxIsExplainedAndTheGridIsRestored() throws InterruptedException {
        openWithStudents(2);
        workbench.noSandbox = true;
        vm.gradeAll();
        drainUi();

        assertThat(vm.gradingProperty().get()).isFalse();
        assertThat(vm.messageProperty().get().text()).contains("No sandbox");
        assertThat(vm.messageProperty().get().action()).contains("Components");
        assertThat(vm.matrix().rowCount()).isEqualTo(2);
    }

    @Test
    void importingWithoutAnAssignmentSaysWhatToDoFirst() {
        vm.requestImport(dir);
        assertThat(vm.messageProperty().get().text()).isEqualTo("Open an assignment first, then import its submissions.");
        assertThat(vm.importPreviewProperty().get()).isNull();
    }

    @Test
    void progressLineShowsCountsRateAndEta() {
        Progress p = new Progress(1234, 2000, 10, 20, Duration.ofSeconds(20), 1220);
        assertThat(MainViewModel.progressLine(p)).isEqualTo("1,234 / 2,000 runs - 61 runs/s - ETA 0:13");
    }

    /** Plays the engine's part: events on a worker thread, results recorded in the real history. */
    private final class ScriptedWorkbench implements Workbench {
        List<Submission> submissions = List.of();
        BiFunction<String, String, Verdict> verdict = (s, t) -> Verdict.AC;
        InvalidInputException invalid;
        boolean noSandbox;
        CountDownLatch gate;
        int releaseAfter = Integer.MAX_VALUE;
        volatile boolean crash;
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger events = new AtomicInteger();
        final AtomicInteger finishedSubmissions = new AtomicInteger();
        final AtomicBoolean cancelled = new AtomicBoolean();
        volatile GradingJob lastJob;

        @Override
        public Assignment loadAssignment(Path folder) throws InvalidInputException {
            if (invalid != null) throw invalid;
            return assignment;
        }

        @Override
        public SubmissionSource.ImportResult importSubmissions(Path input) {
            return new SubmissionSource.ImportResult("folder-per-student", submissions, List.of());
        }

        @Override
        public GradingEngine.GradingHandle startGrading(GradingJob job, GradingListener listener) throws UserError {
            if (noSandbox) throw new UserError("No sandbox can run the programs: bwrap missing", "Open the Components panel.");
            lastJob = job;
            started.incrementAndGet();
            finishedSubmissions.set(0);
            long id = history.startSession(new SessionInfo(Instant.now(), job.assignment().title(),
                    job.assignment().root().toAbsolutePath().toString(), AssignmentHashes.testsHash(job.assignment()),
                    "tokens", job.submissionsSource(), "scripted", Map.of(), job.jobs(), false));
            List<TestCase> tests = job.onlyTests().isEmpty() ? job.assignment().tests()
                    : job.assignment().tests().stream().filter(t -> job.onlyTests().contains(t.name())).toList();
            CompletableFuture<GradingOutcome> outcome = new CompletableFuture<>();
            int total = job.submissions().size() * tests.size();
            AtomicInteger done = new AtomicInteger();
            GradingEngine.GradingHandle handle = new GradingEngine.GradingHandle() {
                @Override public long sessionId() { return id; }
                @Override public void cancel() {
                    cancelled.set(true);
                    if (gate != null) gate.countDown();
                }
                @Override public boolean cancelled() { return cancelled.get(); }
                @Override public CompletableFuture<GradingOutcome> outcome() { return outcome; }
                @Override public Progress progress() {
                    return new Progress(done.get(), total, finishedSubmissions.get(), job.submissions().size(), Duration.ofSeconds(1), done.get());
                }
            };
            cancelled.set(false);
            workers.execute(() -> {
                listener.sessionStarted(id, handle.progress());
                events.incrementAndGet();
                List<SubmissionResult> results = new ArrayList<>();
                for (Submission s : job.submissions()) {
                    if (finishedSubmissions.get() == releaseAfter && gate != null) {
                        try {
                            gate.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    if (cancelled.get()) {
                        List<TestResult> pending = tests.stream().map(t -> new TestResult(t.name(), Verdict.PENDING,
                                RunResult.notRun("cancelled"), "not run")).toList();
                        SubmissionResult r = new SubmissionResult(s, new CompileResult(Verdict.PENDING, "", "", Optional.empty()),
                                pending, Verdict.PENDING, 0, 100);
                        results.add(r);
                        listener.submissionFinished(r, handle.progress());
                        continue;
                    }
                    history.recordSubmission(id, s, "hash-" + s.id());
                    CompileResult compile = new CompileResult(Verdict.AC, "python3", "", Optional.empty());
                    history.recordCompile(id, s.id(), compile);
                    listener.compiled(s, compile);
                    Map<String, Verdict> vs = new HashMap<>();
                    List<TestResult> trs = new ArrayList<>();
                    for (TestCase t : tests) {
                        Verdict v = verdict.apply(s.id(), t.name());
                        TestResult tr = new TestResult(t.name(), v, new RunResult(RunResult.Outcome.EXITED, 0, 0, 10, 12, 2048,
                                false, 0, new CapturedOutput(("out of " + t.name() + "\n").getBytes(), false), CapturedOutput.EMPTY,
                                Map.of(), ""), v == Verdict.AC ? "" : "differs");
                        int index = job.assignment().tests().indexOf(t);
                        history.recordTest(id, s.id(), index, tr);
                        done.incrementAndGet();
                        listener.testFinished(s, index, tr, handle.progress());
                        events.incrementAndGet();
                        vs.put(t.name(), v);
                        trs.add(tr);
                    }
                    Scorer.Score score = Scorer.score(job.assignment(), vs);
                    SubmissionResult r = new SubmissionResult(s, compile, trs, Verdicts.overall(compile, trs), score.score(), score.maxScore());
                    results.add(r);
                    finishedSubmissions.incrementAndGet();
                    listener.submissionFinished(r, handle.progress());
                    events.incrementAndGet();
                }
                if (crash) {
                    // an engine failure: the outcome fails and no final event is sent
                    outcome.completeExceptionally(new java.util.concurrent.CompletionException(
                            new IllegalStateException("the history database was closed")));
                    return;
                }
                SessionState state = cancelled.get() ? SessionState.CANCELLED : SessionState.COMPLETED;
                history.finishSession(id, state);
                GradingOutcome o = new GradingOutcome(id, state, results, handle.progress(), Duration.ofSeconds(1));
                listener.sessionFinished(o);
                events.incrementAndGet();
                outcome.complete(o);
            });
            return handle;
        }

        @Override
        public RunHistory history() {
            return history;
        }

        @Override
        public ReviewStore reviews() {
            return history;
        }

        @Override
        public org.gradebench.core.export.GradeExportService gradeExport() {
            return new org.gradebench.io.export.LmsGradeExportService(history, history, f -> assignment, java.time.Clock.systemUTC());
        }

        @Override
        public List<Component> components() {
            return List.of(new Component("Sandbox", "bwrap", Component.State.OK, "bubblewrap 0.8.0, usable", ""));
        }

        @Override
        public Optional<Path> samplesFolder() {
            return Optional.empty();
        }

        @Override
        public Path logFile() {
            return dir.resolve("gradebench.log");
        }
    }
}
