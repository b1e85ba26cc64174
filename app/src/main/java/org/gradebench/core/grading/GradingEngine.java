package org.gradebench.core.grading;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.AssignmentHashes;
import org.gradebench.core.assignment.ResourceLimits;
import org.gradebench.core.assignment.TestCase;
import org.gradebench.core.check.CheckResult;
import org.gradebench.core.check.Checker;
import org.gradebench.core.history.RunHistory;
import org.gradebench.core.history.SessionInfo;
import org.gradebench.core.history.SessionState;
import org.gradebench.core.history.StoredSession;
import org.gradebench.core.run.ProgramPlan;
import org.gradebench.core.run.ProgramPlanner;
import org.gradebench.core.run.RunLimits;
import org.gradebench.core.run.RunQueue;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.Sandbox;
import org.gradebench.core.run.SandboxException;
import org.gradebench.core.run.SandboxSession;
import org.gradebench.core.submission.Submission;
import org.gradebench.core.submission.SubmissionHashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Grades submissions against an assignment: one task per submission on the {@link RunQueue} (compile once, then
 * every test in order on the artifact), each result checked and recorded in the history the moment it finishes.
 */
public final class GradingEngine {
    private static final Logger log = LoggerFactory.getLogger(GradingEngine.class);
    private static final int COMPILE_LOG_CAP = 64 * 1024;

    private final Sandbox sandbox;
    private final ProgramPlanner planner;
    private final RunHistory history;
    private final RunQueue queue;
    private final Clock clock;

    public GradingEngine(Sandbox sandbox, ProgramPlanner planner, RunHistory history, RunQueue queue, Clock clock) {
        this.sandbox = sandbox;
        this.planner = planner;
        this.history = history;
        this.queue = queue;
        this.clock = clock;
    }

    public String backendName() {
        return sandbox.name();
    }

    /** Starts grading in the background; the handle waits for or cancels it. */
    public GradingHandle start(GradingRequest request, GradingListener listener) {
        Assignment assignment = request.assignment();
        Map<String, StoredSession.StoredSubmission> previous = new HashMap<>();
        long sessionId;
        if (request.resumeSessionId().isPresent()) {
            sessionId = request.resumeSessionId().get();
            StoredSession stored = history.load(sessionId)
                    .orElseThrow(() -> new IllegalArgumentException("no grading session " + sessionId + " to resume"));
            stored.submissions().forEach(s -> previous.put(s.submission().id(), s));
        } else {
            sessionId = history.startSession(new SessionInfo(clock.instant(), assignment.title(),
                    assignment.root().toAbsolutePath().toString(), AssignmentHashes.testsHash(assignment),
                    assignment.checker().describe(), request.submissionsSource(), sandbox.name(),
                    request.toolchains(), queue.parallelism(), request.unsafe()));
        }
        Run run = new Run(sessionId, request, previous, listener);
        run.launch();
        return run;
    }

    /** A running (or finished) grading session. */
    public interface GradingHandle {
        long sessionId();

        /** Stops promptly: queued submissions are skipped, running ones interrupted; finished results stay recorded. */
        void cancel();

        boolean cancelled();

        CompletableFuture<GradingOutcome> outcome();

        Progress progress();
    }

    private final class Run implements GradingHandle {
        private final long sessionId;
        private final GradingRequest request;
        private final Assignment assignment;
        private final List<TestCase> tests;
        private final Map<String, StoredSession.StoredSubmission> previous;
        private final GradingListener listener;
        private final SubmissionResult[] results;
        private final List<Future<?>> futures = new ArrayList<>();
        private final List<AtomicBoolean> claimed = new ArrayList<>();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicInteger doneCells = new AtomicInteger();
        private final AtomicInteger cellsRun = new AtomicInteger();
        private final AtomicInteger doneSubmissions = new AtomicInteger();
        private final CompletableFuture<GradingOutcome> outcome = new CompletableFuture<>();
        /** Threads inside a sandbox run: the only ones cancel interrupts (an interrupt inside JDBC closes H2). */
        private final java.util.Set<Thread> inSandbox = new java.util.HashSet<>();
        private final Instant started;
        private final int totalCells;

        Run(long sessionId, GradingRequest request, Map<String, StoredSession.StoredSubmission> previous,
            GradingListener listener) {
            this.sessionId = sessionId;
            this.request = request;
            this.assignment = request.assignment();
            this.tests = request.onlyTests().isEmpty() ? assignment.tests()
                    : assignment.tests().stream().filter(t -> request.onlyTests().contains(t.name())).toList();
            this.previous = previous;
            this.listener = listener;
            this.results = new SubmissionResult[request.submissions().size()];
            this.started = clock.instant();
            this.totalCells = request.submissions().size() * tests.size();
        }

        void launch() {
            listener.sessionStarted(sessionId, progress());
            List<Submission> subs = request.submissions();
            if (subs.isEmpty()) {
                finish();
                return;
            }
            synchronized (futures) {
                for (int i = 0; i < subs.size(); i++) {
                    int index = i;
                    AtomicBoolean claim = new AtomicBoolean();
                    claimed.add(claim);
                    futures.add(queue.submit(() -> {
                        if (!claim.compareAndSet(false, true)) return;
                        SubmissionResult r;
                        try {
                            r = gradeOne(subs.get(index));
                        } catch (RuntimeException | Error e) {
                            log.error("internal error grading {}", subs.get(index).id(), e);
                            r = internalError(subs.get(index), e);
                        }
                        complete(index, r);
                    }));
                }
            }
        }

        @Override
        public long sessionId() {
            return sessionId;
        }

        @Override
        public void cancel() {
            if (!cancelled.compareAndSet(false, true)) return;
            log.info("cancelling grading session {}", sessionId);
            synchronized (futures) {
                for (int i = 0; i < futures.size(); i++) {
                    if (claimed.get(i).compareAndSet(false, true)) {
                        futures.get(i).cancel(false);
                        complete(i, pending(request.submissions().get(i)));
                    }
                }
            }
            synchronized (inSandbox) {
                inSandbox.forEach(Thread::interrupt);
            }
        }

        @Override
        public boolean cancelled() {
            return cancelled.get();
        }

        @Override
        public CompletableFuture<GradingOutcome> outcome() {
            return outcome;
        }

        @Override
        public Progress progress() {
            return new Progress(doneCells.get(), totalCells, doneSubmissions.get(), request.submissions().size(),
                    Duration.between(started, clock.instant()), cellsRun.get());
        }

        private void complete(int index, SubmissionResult result) {
            boolean last;
            synchronized (results) {
                results[index] = result;
                last = doneSubmissions.incrementAndGet() == results.length;
            }
            listener.submissionFinished(result, progress());
            if (last) finish();
        }

        private void finish() {
            SessionState state = cancelled.get() ? SessionState.CANCELLED : SessionState.COMPLETED;
            try {
                request.checkers().close();
            } catch (RuntimeException e) {
                log.warn("closing checkers failed", e);
            }
            try {
                history.finishSession(sessionId, state);
            } catch (RuntimeException e) {
                log.error("could not record the end of session {}", sessionId, e);
            }
            GradingOutcome o = new GradingOutcome(sessionId, state, List.of(results), progress(),
                    Duration.between(started, clock.instant()));
            listener.sessionFinished(o);
            outcome.complete(o);
        }

        // ---- one submission ----

        private SubmissionResult gradeOne(Submission s) {
            StoredSession.StoredSubmission before = previous.get(s.id());
            Map<String, TestResult> done = new LinkedHashMap<>();
            if (before != null) {
                before.tests().stream().filter(t -> t.verdict() != Verdict.SE && t.verdict() != Verdict.PENDING)
                        .forEach(t -> done.put(t.testName(), t));
                Optional<CompileResult> c = before.compile();
                if (c.isPresent() && c.get().verdict() == Verdict.CE) {
                    return finishedWithoutRunning(s, c.get());
                }
                if (c.isPresent() && tests.stream().allMatch(t -> done.containsKey(t.name()))) {
                    doneCells.addAndGet(tests.size());
                    return assemble(s, c.get(), tests.stream().map(t -> done.get(t.name())).toList());
                }
            } else {
                history.recordSubmission(sessionId, s, SubmissionHashes.filesHash(s.folder()));
            }
            if (cancelled.get()) return pending(s);

            ProgramPlan plan;
            try {
                plan = planner.plan(s.folder(), assignment.languages());
            } catch (ProgramPlanner.NoPlanException e) {
                CompileResult ce = new CompileResult(Verdict.CE, "", e.getMessage(), Optional.empty());
                history.recordCompile(sessionId, s.id(), ce);
                listener.compiled(s, ce);
                return finishedWithoutRunning(s, ce);
            } catch (IOException e) {
                return buildFailed(s, "", "could not read the submission: " + e.getMessage());
            }

            String language = plan.profile().name();
            try (SandboxSession box = sandbox.open(s.id(), s.folder(), plan.profile())) {
                CompileResult compile = compile(box, plan);
                history.recordCompile(sessionId, s.id(), compile);
                listener.compiled(s, compile);
                if (compile.verdict() != Verdict.AC) return finishedWithoutRunning(s, compile);

                Checker[] checkerCache = new Checker[1];
                RunLimits limits = RunLimits.forTest(assignment.limits(), plan.profile());
                List<String> argv = plan.runCommand(assignment.limits().memoryMib());
                List<TestResult> out = new ArrayList<>(tests.size());
                for (int i = 0; i < tests.size(); i++) {
                    TestCase test = tests.get(i);
                    TestResult kept = done.get(test.name());
                    if (kept != null) {
                        out.add(kept);
                        doneCells.incrementAndGet();
                        continue;
                    }
                    if (cancelled.get()) break;
                    TestResult r = runTest(box, test, argv, limits, checkerCache);
                    if (r == null) break; // interrupted by cancel: not recorded, stays pending
                    history.recordTest(sessionId, s.id(), indexOf(test), r);
                    out.add(r);
                    cellsRun.incrementAndGet();
                    doneCells.incrementAndGet();
                    listener.testFinished(s, indexOf(test), r, progress());
                }
                return assemble(s, compile, out);
            } catch (SandboxException e) {
                log.warn("sandbox failed for {}: {}", s.id(), e.getMessage());
                return buildFailed(s, language, "sandbox failure: " + e.getMessage());
            } catch (InterruptedException e) {
                return pending(s); // cancelled while compiling
            }
        }

        private int indexOf(TestCase test) {
            return assignment.tests().indexOf(test);
        }

        private CompileResult compile(SandboxSession box, ProgramPlan plan) throws SandboxException, InterruptedException {
            String language = plan.profile().name();
            if (!plan.profile().compiled()) {
                return new CompileResult(Verdict.AC, language, "", Optional.empty());
            }
            ResourceLimits cl = ResourceLimits.COMPILE;
            RunSpec spec = new RunSpec(plan.compileCommand(assignment.limits().memoryMib()), true, Map.of(),
                    Optional.empty(), RunLimits.forTool(cl, plan.profile()), Map.of(), List.of());
            RunResult r = runInSandbox(box, spec);
            String logText = compileLog(r);
            if (r.outcome() == RunResult.Outcome.SANDBOX_ERROR) {
                return new CompileResult(Verdict.SE, language, "the sandbox failed while compiling: " + r.diagnostics(), Optional.of(r));
            }
            if (r.wallTimedOut() || r.cpuMs() > cl.cpuTime().toMillis()) {
                return new CompileResult(Verdict.CE, language, "compilation took longer than " + cl.cpuTime().toSeconds()
                        + " s and was stopped\n" + logText, Optional.of(r));
            }
            if (r.launchErrno() == 2) {
                return new CompileResult(Verdict.SE, language, "the " + language + " compiler is not installed: "
                        + plan.compileCommand(0).get(0) + " was not found", Optional.of(r));
            }
            if (!r.succeeded()) {
                return new CompileResult(Verdict.CE, language, logText.isBlank()
                        ? "the compiler failed (" + (r.outcome() == RunResult.Outcome.SIGNALED ? "signal " + r.signal() : "exit code " + r.exitCode()) + ")"
                        : logText, Optional.of(r));
            }
            return new CompileResult(Verdict.AC, language, logText, Optional.of(r));
        }

        /** A sandbox run that cancel() may interrupt; the interrupt never leaks into later history writes. */
        private RunResult runInSandbox(SandboxSession box, RunSpec spec) throws SandboxException, InterruptedException {
            Thread me = Thread.currentThread();
            synchronized (inSandbox) {
                if (cancelled.get()) throw new InterruptedException("cancelled");
                inSandbox.add(me);
            }
            try {
                return box.run(spec);
            } finally {
                synchronized (inSandbox) {
                    inSandbox.remove(me);
                    if (Thread.interrupted() && !cancelled.get()) me.interrupt();
                }
            }
        }

        private static String compileLog(RunResult r) {
            String text = (r.stdout().excerpt(COMPILE_LOG_CAP) + "\n" + r.stderr().excerpt(COMPILE_LOG_CAP)).strip();
            return text;
        }

        /** Returns null when interrupted (cancel). */
        private TestResult runTest(SandboxSession box, TestCase test, List<String> argv, RunLimits limits, Checker[] cache) {
            RunSpec spec = new RunSpec(argv, false, Map.of("input", test.input()), Optional.of("input"), limits, Map.of(), List.of());
            RunResult r;
            try {
                r = runInSandbox(box, spec);
            } catch (SandboxException e) {
                log.warn("sandbox failed on test {}: {}", test.name(), e.getMessage());
                r = RunResult.sandboxError(e.getMessage());
            } catch (InterruptedException e) {
                return null; // cancelled: the loop sees the flag and stops
            }
            RunResult run = r;
            Verdicts.Judgement j = Verdicts.judge(run, limits, () -> check(test, run));
            return new TestResult(test.name(), j.verdict(), run, j.reason());
        }

        private CheckResult check(TestCase test, RunResult run) {
            try {
                Checker checker = request.checkers().checker(assignment.checkerFor(test));
                return checker.check(test.input(), test.expected(), run.stdout().bytes());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CheckResult.error("interrupted");
            } catch (RuntimeException e) {
                log.error("checker failed on {}", test.name(), e);
                return CheckResult.error(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }

        // ---- results ----

        private SubmissionResult assemble(Submission s, CompileResult compile, List<TestResult> ran) {
            Map<String, TestResult> byName = new HashMap<>();
            ran.forEach(t -> byName.put(t.testName(), t));
            List<TestResult> all = new ArrayList<>(tests.size());
            for (TestCase t : tests) {
                all.add(byName.getOrDefault(t.name(), notRun(t, Verdict.PENDING, "not run (session cancelled)")));
            }
            Map<String, Verdict> verdicts = new HashMap<>();
            all.forEach(t -> verdicts.put(t.testName(), t.verdict()));
            Scorer.Score score = Scorer.score(assignment, verdicts);
            return new SubmissionResult(s, compile, all, Verdicts.overall(compile, all), score.score(), score.maxScore());
        }

        private SubmissionResult finishedWithoutRunning(Submission s, CompileResult compile) {
            doneCells.addAndGet(tests.size());
            List<TestResult> all = tests.stream()
                    .map(t -> notRun(t, compile.verdict(), compile.verdict() == Verdict.CE ? "not run: compilation failed" : "not run: system error"))
                    .toList();
            double max = Scorer.score(assignment, Map.of()).maxScore();
            return new SubmissionResult(s, compile, all, compile.verdict(), 0, max);
        }

        private SubmissionResult buildFailed(Submission s, String language, String message) {
            CompileResult se = new CompileResult(Verdict.SE, language, message, Optional.empty());
            try {
                history.recordCompile(sessionId, s.id(), se);
            } catch (RuntimeException e) {
                log.error("could not record the failure of {}", s.id(), e);
            }
            listener.compiled(s, se);
            return finishedWithoutRunning(s, se);
        }

        private SubmissionResult internalError(Submission s, Throwable e) {
            return finishedWithoutRunning(s, new CompileResult(Verdict.SE, "", "internal error: " + e, Optional.empty()));
        }

        private SubmissionResult pending(Submission s) {
            CompileResult none = new CompileResult(Verdict.PENDING, "", "not graded (session cancelled)", Optional.empty());
            List<TestResult> all = tests.stream().map(t -> notRun(t, Verdict.PENDING, "not run (session cancelled)")).toList();
            return new SubmissionResult(s, none, all, Verdict.PENDING, 0, Scorer.score(assignment, Map.of()).maxScore());
        }

        private static TestResult notRun(TestCase t, Verdict verdict, String why) {
            return new TestResult(t.name(), verdict, RunResult.notRun(why), why);
        }
    }
}
