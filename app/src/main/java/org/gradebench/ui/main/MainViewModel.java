package org.gradebench.ui.main;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.assignment.TestCase;
import org.gradebench.core.grading.CompileResult;
import org.gradebench.core.grading.GradingEngine;
import org.gradebench.core.grading.GradingListener;
import org.gradebench.core.grading.GradingOutcome;
import org.gradebench.core.grading.Progress;
import org.gradebench.core.grading.Scorer;
import org.gradebench.core.grading.SessionResults;
import org.gradebench.core.grading.SubmissionResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.grading.Verdicts;
import org.gradebench.core.history.SessionComparison;
import org.gradebench.core.history.SessionState;
import org.gradebench.core.history.SessionSummary;
import org.gradebench.core.history.StoredSession;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.submission.Submission;
import org.gradebench.core.submission.SubmissionSource;
import org.gradebench.ui.common.UiPreferences;
import org.gradebench.ui.common.UserError;
import org.gradebench.ui.common.UserMessage;
import org.gradebench.ui.common.Workbench;
import org.gradebench.ui.export.ExportViewModel;
import org.gradebench.ui.matrix.MatrixModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * State and commands of the main window: the assignment list, the current submissions and their results (the
 * matrix), grading, import, history. Mutated on the UI executor only; every blocking call goes to the background
 * executor. Grading events arrive on worker threads by the thousand and are applied in batches (one UI task at a
 * time, however many events are waiting).
 */
public final class MainViewModel {
    private static final Logger log = LoggerFactory.getLogger(MainViewModel.class);

    private final Workbench workbench;
    private final UiPreferences prefs;
    private final Executor ui;
    private final Executor background;
    private final Clock clock;

    private final ObservableList<AssignmentEntry> assignments = FXCollections.observableArrayList();
    private final ObjectProperty<Assignment> assignment = new SimpleObjectProperty<>();
    private final ObservableList<SessionSummary> sessions = FXCollections.observableArrayList();
    private final MatrixModel matrix = new MatrixModel();
    private final LongProperty matrixRevision = new SimpleLongProperty();
    private final ObservableList<StudentRow> students = FXCollections.observableArrayList();
    private final ObjectProperty<Summary> summary = new SimpleObjectProperty<>(Summary.EMPTY);
    private final ObjectProperty<ImportPreview> importPreview = new SimpleObjectProperty<>();
    private final ObjectProperty<SubmissionSource.ImportResult> submissions = new SimpleObjectProperty<>();
    private final StringProperty submissionsSource = new SimpleStringProperty("");
    private final BooleanProperty grading = new SimpleBooleanProperty();
    private final BooleanProperty cancelling = new SimpleBooleanProperty();
    private final DoubleProperty progressFraction = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty backend = new SimpleStringProperty("auto");
    private final IntegerProperty jobs = new SimpleIntegerProperty(Math.max(1, Runtime.getRuntime().availableProcessors()));
    private final ObjectProperty<UserMessage> message = new SimpleObjectProperty<>();
    private final ObjectProperty<MatrixModel.Cell> selectedCell = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> sessionId = new SimpleObjectProperty<>();
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final StringProperty readOnlyLabel = new SimpleStringProperty("");
    private final ObservableList<Workbench.Component> components = FXCollections.observableArrayList();
    private final StringProperty sandboxStatus = new SimpleStringProperty("checking sandboxes...");
    private final BooleanProperty sandboxReady = new SimpleBooleanProperty();
    private final StringProperty databaseStatus = new SimpleStringProperty("");
    private final IntegerProperty busy = new SimpleIntegerProperty();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<SessionComparison.Result> comparison = new SimpleObjectProperty<>();
    /** Counts grading runs (FX thread only); events and outcomes carry the run they belong to. */
    private long gradingRun;

    /** Results of the current (not read-only) submissions, to come back to after viewing a past session. */
    private final Map<String, SubmissionResult> liveResults = new LinkedHashMap<>();
    private final Map<String, Instant> liveGradedAt = new HashMap<>();
    private GradingEngine.GradingHandle handle;
    private Set<String> runningOnlyTests = Set.of();

    public MainViewModel(Workbench workbench, UiPreferences prefs, Executor ui, Executor background, Clock clock) {
        this.workbench = workbench;
        this.prefs = prefs;
        this.ui = ui;
        this.background = background;
        this.clock = clock;
        prefs.get("backend").ifPresent(backend::set);
        jobs.set((int) prefs.getDouble("jobs", jobs.get()));
        backend.addListener((o, a, b) -> prefs.put("backend", b));
        jobs.addListener((o, a, b) -> prefs.putDouble("jobs", b.intValue()));
        search.addListener((o, a, b) -> {
            matrix.setFilter(b);
            matrixRevision.set(matrix.revision());
        });
    }

    // ---------------------------------------------------------------- start-up

    /**
     * Fills the assignment list (recent ones, then the bundled samples) and reopens the last assignment, in the
     * background. The component probes are separate ({@link #refreshComponents()}): the window starts them after
     * its first frame.
     */
    public void start() {
        List<Path> recent = prefs.recentAssignments();
        Optional<Path> last = prefs.get("lastAssignment").map(Path::of);
        inBackground("listing assignments", () -> listAssignments(recent), list -> {
            assignments.setAll(list);
            last.filter(Files::isDirectory).ifPresent(this::openAssignment);
        });
    }

    private List<AssignmentEntry> listAssignments(List<Path> recent) {
        List<AssignmentEntry> out = new ArrayList<>();
        for (Path p : recent) {
            if (Files.isDirectory(p)) out.add(new AssignmentEntry(p, titleGuess(p), isSample(p)));
        }
        for (AssignmentEntry s : samples()) {
            if (out.stream().noneMatch(e -> e.folder().equals(s.folder()))) out.add(s);
        }
        return out;
    }

    /** The bundled samples, for the list and the empty state. Blocking (reads folders). */
    public List<AssignmentEntry> samples() {
        Optional<Path> root = workbench.samplesFolder();
        if (root.isEmpty() || !Files.isDirectory(root.get())) return List.of();
        try (Stream<Path> s = Files.list(root.get())) {
            return s.filter(MainViewModel::looksLikeAssignment).sorted()
                    .map(p -> new AssignmentEntry(p.toAbsolutePath().normalize(), titleGuess(p), true)).toList();
        } catch (IOException e) {
            log.warn("cannot list samples in {}", root.get(), e);
            return List.of();
        }
    }

    private boolean isSample(Path p) {
        return workbench.samplesFolder().map(r -> p.toAbsolutePath().normalize().startsWith(r.toAbsolutePath().normalize())).orElse(false);
    }

    static boolean looksLikeAssignment(Path p) {
        return Files.isRegularFile(p.resolve("assignment.yaml")) || Files.isRegularFile(p.resolve("problem.yaml"))
                || Files.isDirectory(p.resolve("data"));
    }

    /** The title line of assignment.yaml without parsing it (the list must not wait for full loads). */
    private static String titleGuess(Path p) {
        for (String f : List.of("assignment.yaml", "problem.yaml")) {
            Path y = p.resolve(f);
            if (!Files.isRegularFile(y)) continue;
            try (Stream<String> lines = Files.lines(y)) {
                Optional<String> t = lines.filter(l -> l.startsWith("title:") || l.startsWith("name:")).findFirst()
                        .map(l -> l.substring(l.indexOf(':') + 1).strip().replaceAll("^[\"']|[\"']$", ""));
                if (t.isPresent() && !t.get().isEmpty()) return t.get();
            } catch (IOException | RuntimeException e) {
                // fall back to the folder name
            }
        }
        return p.getFileName() == null ? p.toString() : p.getFileName().toString();
    }

    public void refreshComponents() {
        inBackground("checking components", workbench::components, list -> {
            components.setAll(list);
            List<Workbench.Component> sandboxes = list.stream().filter(c -> c.group().equals("Sandbox")).toList();
            List<String> ok = sandboxes.stream().filter(c -> c.state() == Workbench.Component.State.OK)
                    .map(c -> c.name() + (c.detail().isEmpty() ? "" : " " + shortVersion(c.detail()))).toList();
            sandboxReady.set(!ok.isEmpty());
            sandboxStatus.set(ok.isEmpty() ? "no sandbox ready: open Components" : "sandbox: " + String.join(", ", ok) + " ready");
            list.stream().filter(c -> c.group().equals("Database")).findFirst()
                    .ifPresent(c -> databaseStatus.set("DB: " + c.detail()));
        });
    }

    private static String shortVersion(String detail) {
        String[] words = detail.split("\\s+");
        for (String w : words) if (!w.isEmpty() && Character.isDigit(w.charAt(0))) return w;
        return "";
    }

    // ---------------------------------------------------------------- assignments

    public void openAssignment(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        inBackground("opening " + abs.getFileName(), () -> workbench.loadAssignment(abs), a -> {
            prefs.addRecentAssignment(abs);
            prefs.put("lastAssignment", abs.toString());
            AssignmentEntry entry = new AssignmentEntry(abs, a.title(), isSample(abs));
            assignments.removeIf(e -> e.folder().equals(abs));
            assignments.add(0, entry);
            setAssignment(a);
            Path bundled = abs.resolve("submissions");
            if (entry.sample() && Files.isDirectory(bundled)) {
                importNow(bundled, false);
            }
        });
    }

    private void setAssignment(Assignment a) {
        assignment.set(a);
        submissions.set(null);
        submissionsSource.set("");
        liveResults.clear();
        liveGradedAt.clear();
        readOnly.set(false);
        readOnlyLabel.set("");
        sessionId.set(null);
        resetMatrix(List.of());
        message.set(null);
        loadSessions();
    }

    public void loadSessions() {
        Assignment a = assignment.get();
        if (a == null) {
            sessions.clear();
            return;
        }
        String path = a.root().toAbsolutePath().toString();
        inBackground("reading the history", () -> workbench.history().sessions().stream()
                .filter(s -> s.info().assignmentPath().equals(path)).toList(), sessions::setAll);
    }

    // ---------------------------------------------------------------- import

    /** Dropped files: an assignment folder opens as an assignment, anything else is read as submissions. */
    public void dropped(List<Path> paths) {
        if (paths.isEmpty()) return;
        Path p = paths.get(0);
        if (Files.isDirectory(p) && looksLikeAssignment(p)) {
            openAssignment(p);
        } else {
            requestImport(p);
        }
    }

    /** Reads submissions and shows them for confirmation ({@link #importPreviewProperty()}). */
    public void requestImport(Path input) {
        if (assignment.get() == null) {
            message.set(UserMessage.warning("Open an assignment first, then import its submissions.",
                    "Pick one on the left, or open a sample."));
            return;
        }
        Path abs = input.toAbsolutePath().normalize();
        inBackground("reading " + abs.getFileName(), () -> workbench.importSubmissions(abs),
                r -> importPreview.set(new ImportPreview(abs, r)));
    }

    public void acceptImport(boolean gradeNow) {
        ImportPreview p = importPreview.get();
        if (p == null) return;
        importPreview.set(null);
        useSubmissions(p.source(), p.result());
        if (gradeNow) gradeAll();
    }

    public void discardImport() {
        importPreview.set(null);
    }

    private void importNow(Path source, boolean gradeNow) {
        inBackground("reading " + source.getFileName(), () -> workbench.importSubmissions(source), r -> {
            useSubmissions(source, r);
            if (gradeNow) gradeAll();
        });
    }

    private void useSubmissions(Path source, SubmissionSource.ImportResult r) {
        submissions.set(r);
        submissionsSource.set(source.toString());
        liveResults.clear();
        liveGradedAt.clear();
        readOnly.set(false);
        readOnlyLabel.set("");
        sessionId.set(null);
        resetMatrix(r.submissions());
        String warn = r.warnings().isEmpty() ? "" : " (" + r.warnings().size() + " skipped: see the import details)";
        message.set(r.submissions().isEmpty()
                ? UserMessage.warning("No submissions found in " + source.getFileName() + ".",
                "Pick the folder that holds one subfolder or file per student, or the LMS export archive.")
                : UserMessage.info(r.submissions().size() + " submissions loaded from " + source.getFileName() + warn
                + ". Press Grade all (F5) to grade them."));
    }

    private void resetMatrix(List<Submission> subs) {
        Assignment a = assignment.get();
        List<String> tests = a == null ? List.of() : a.tests().stream().map(TestCase::name).toList();
        matrix.reset(tests, subs);
        selectedCell.set(null);
        rebuildStudents();
        touch();
    }

    // ---------------------------------------------------------------- grading

    public void gradeAll() {
        SubmissionSource.ImportResult r = submissions.get();
        if (r == null || r.submissions().isEmpty()) {
            message.set(UserMessage.warning("There is nothing to grade yet.", "Import submissions first (Ctrl+I), or drop a folder or archive on the window."));
            return;
        }
        grade(r.submissions(), Set.of());
    }

    /** Grades the selected student again (every test). */
    public void gradeSelected() {
        MatrixModel.Cell c = selectedCell.get();
        if (c == null) {
            message.set(UserMessage.info("Select a student (a cell of their row) first."));
            return;
        }
        grade(List.of(matrix.row(c.row()).submission()), Set.of());
    }

    /** Runs the selected cell again: that student, that test. */
    public void regradeSelection() {
        MatrixModel.Cell c = selectedCell.get();
        if (c == null) {
            message.set(UserMessage.info("Select a cell first: R regrades that student on that test."));
            return;
        }
        grade(List.of(matrix.row(c.row()).submission()), Set.of(matrix.testName(c.test())));
    }

    /** Every submission that did not pass everything, on the tests that failed (all tests for a build failure). */
    public void regradeFailed() {
        List<Submission> subs = new ArrayList<>();
        BitSet failingTests = new BitSet();
        boolean needAll = false;
        for (int i = 0; i < matrix.rowCount(); i++) {
            MatrixModel.Row row = matrix.row(i);
            boolean any = false;
            for (int t = 0; t < matrix.testCount(); t++) {
                Verdict v = row.verdict(t);
                if (v != Verdict.AC) {
                    any = true;
                    failingTests.set(t);
                }
            }
            if (any) {
                subs.add(row.submission());
                Verdict build = row.compile().map(CompileResult::verdict).orElse(Verdict.PENDING);
                if (build != Verdict.AC) needAll = true;
            }
        }
        if (subs.isEmpty()) {
            message.set(UserMessage.success("Nothing failed: every submission passed every test."));
            return;
        }
        Set<String> only = needAll || failingTests.cardinality() == matrix.testCount() ? Set.of()
                : failingTests.stream().mapToObj(matrix::testName).collect(Collectors.toSet());
        grade(subs, only);
    }

    private void grade(List<Submission> subs, Set<String> onlyTests) {
        Assignment a = assignment.get();
        if (a == null) return;
        if (grading.get()) {
            message.set(UserMessage.info("Grading is already running; cancel it (Esc) or wait for it to finish."));
            return;
        }
        if (readOnly.get()) backToCurrent();
        List<Integer> rows = subs.stream().map(s -> matrix.rowOf(s.id()).orElse(-1)).filter(i -> i >= 0).toList();
        List<Integer> cols = new ArrayList<>();
        for (int t = 0; t < matrix.testCount(); t++) if (onlyTests.isEmpty() || onlyTests.contains(matrix.testName(t))) cols.add(t);
        matrix.markPending(rows, cols);
        touch();
        grading.set(true);
        cancelling.set(false);
        progressFraction.set(0);
        progressText.set("Starting " + backend.get() + " sandbox...");
        message.set(null);
        runningOnlyTests = onlyTests;
        Workbench.GradingJob job = new Workbench.GradingJob(a, subs, submissionsSource.get(), backend.get(), jobs.get(), onlyTests);
        long run = ++gradingRun;
        EventBatcher batcher = new EventBatcher(run);
        background.execute(() -> {
            try {
                GradingEngine.GradingHandle h = workbench.startGrading(job, batcher);
                log.info("grading session {} started: {} submissions, tests {}", h.sessionId(), subs.size(),
                        onlyTests.isEmpty() ? "all" : onlyTests);
                ui.execute(() -> {
                    handle = h;
                    sessionId.set(h.sessionId());
                    if (cancelling.get()) background.execute(h::cancel);
                });
                // The outcome is the authority on the end of the session; the listener's last event normally arrives
                // first, this only makes sure the window never stays in "grading" if it does not.
                h.outcome().whenComplete((o, e) -> ui.execute(() -> {
                    if (e != null) log.error("grading session {} failed", h.sessionId(), e);
                    if (!grading.get() || run != gradingRun) return;
                    batcher.drainNow();
                    if (!grading.get() || run != gradingRun) return;
                    if (o != null) {
                        log.warn("grading session {} ended without its final event; finishing from the outcome", h.sessionId());
                        finished(o);
                    } else {
                        // the engine failed: without this the window would stay in "grading" for good
                        failed(h.sessionId(), e);
                    }
                }));
            } catch (UserError e) {
                log.warn("cannot start grading: {}", e.getMessage(), e.getCause());
                ui.execute(() -> {
                    grading.set(false);
                    progressText.set("");
                    message.set(UserMessage.error(e));
                    restoreAfterFailedStart();
                });
            } catch (RuntimeException e) {
                log.error("cannot start grading", e);
                ui.execute(() -> {
                    grading.set(false);
                    progressText.set("");
                    message.set(UserMessage.error(unexpected("starting the grading", e)));
                    restoreAfterFailedStart();
                });
            }
        });
    }

    private void restoreAfterFailedStart() {
        List<Submission> subs = submissions.get() == null ? List.of() : submissions.get().submissions();
        resetMatrix(subs);
        liveResults.values().forEach(r -> matrix.applySubmission(r, liveGradedAt.getOrDefault(r.submission().id(), clock.instant())));
        rebuildStudents();
        touch();
    }

    /** Stops the running session promptly; finished results stay (in the grid and in the history). */
    public void cancel() {
        if (!grading.get() || cancelling.get()) return;
        cancelling.set(true);
        progressText.set("Cancelling...");
        GradingEngine.GradingHandle h = handle;
        if (h != null) background.execute(h::cancel);
    }

    public boolean isGrading() {
        return grading.get();
    }

    /**
     * Ends a session whose engine failed (its outcome completed exceptionally, no final event): leaves the grading
     * state, keeps what finished, and says so in words; the stack trace goes to the log only.
     */
    private void failed(long session, Throwable e) {
        grading.set(false);
        cancelling.set(false);
        handle = null;
        progressText.set("");
        restoreAfterFailedStart();
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        String why = cause == null || cause.getMessage() == null || cause.getMessage().isBlank()
                ? "an internal error" : cause.getMessage().strip().lines().findFirst().orElse("an internal error");
        message.set(new UserMessage(UserMessage.Severity.ERROR, "Grading session #" + session + " stopped unexpectedly: " + why + ".",
                "Results finished before that are kept. Grade again (F5); if it happens again, the log file "
                        + workbench.logFile() + " has the details."));
    }

    /** Adapts engine events (worker threads) into batched UI updates. */
    private final class EventBatcher implements GradingListener {
        /** The grading run this batcher belongs to: a late final event of an earlier run must not end a newer one. */
        private final long run;
        private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile Progress latest;

        private void post(Runnable r) {
            pending.add(r);
            if (scheduled.compareAndSet(false, true)) ui.execute(this::flush);
        }

        EventBatcher(long run) {
            this.run = run;
        }

        void drainNow() {
            flush();
        }

        private void flush() {
            scheduled.set(false);
            Runnable r;
            int n = 0;
            while ((r = pending.poll()) != null) {
                r.run();
                n++;
            }
            Progress p = latest;
            if (p != null && grading.get()) showProgress(p);
            if (n > 0) {
                rebuildStudents();
                touch();
            }
        }

        @Override
        public void sessionStarted(long id, Progress progress) {
            latest = progress;
            post(() -> sessionId.set(id));
        }

        @Override
        public void compiled(Submission submission, CompileResult compile) {
            post(() -> matrix.applyCompile(submission.id(), compile));
        }

        @Override
        public void testFinished(Submission submission, int testIndex, TestResult result, Progress progress) {
            latest = progress;
            post(() -> matrix.applyTest(submission.id(), testIndex, result));
        }

        @Override
        public void submissionFinished(SubmissionResult result, Progress progress) {
            latest = progress;
            Instant now = clock.instant();
            post(() -> mergeFinished(result, now));
        }

        @Override
        public void sessionFinished(GradingOutcome outcome) {
            latest = outcome.progress();
            post(() -> {
                if (run == gradingRun) finished(outcome);
            });
        }
    }

    private void mergeFinished(SubmissionResult result, Instant when) {
        if (result.verdict() == Verdict.PENDING && result.compile().verdict() == Verdict.PENDING) {
            // cancelled before it started: keep what was there (tests run earlier stay as they were)
            Optional<Integer> row = matrix.rowOf(result.submission().id());
            SubmissionResult before = liveResults.get(result.submission().id());
            if (before != null) matrix.applySubmission(before, liveGradedAt.getOrDefault(result.submission().id(), when));
            else row.ifPresent(r -> matrix.applySubmission(result, when));
            return;
        }
        Set<String> ran = result.tests().stream().filter(t -> t.verdict() != Verdict.PENDING).map(TestResult::testName)
                .collect(Collectors.toSet());
        SubmissionResult before = liveResults.get(result.submission().id());
        SubmissionResult merged = result;
        if (before != null && (!runningOnlyTests.isEmpty() || ran.size() < result.tests().size())) {
            merged = merge(before, result);
        }
        matrix.applySubmission(merged, when);
        liveResults.put(result.submission().id(), merged);
        liveGradedAt.put(result.submission().id(), when);
    }

    /** A partial regrade: the new tests replace the old ones, the rest is kept; verdict and score recomputed. */
    private SubmissionResult merge(SubmissionResult before, SubmissionResult now) {
        Map<String, TestResult> byName = new LinkedHashMap<>();
        before.tests().forEach(t -> byName.put(t.testName(), t));
        now.tests().stream().filter(t -> t.verdict() != Verdict.PENDING || !byName.containsKey(t.testName()))
                .forEach(t -> byName.put(t.testName(), t));
        Assignment a = assignment.get();
        List<TestResult> all = new ArrayList<>();
        for (TestCase t : a.tests()) {
            TestResult r = byName.get(t.name());
            all.add(r != null ? r : new TestResult(t.name(), Verdict.PENDING, RunResult.notRun("not run"), "not run"));
        }
        Map<String, Verdict> verdicts = new HashMap<>();
        all.forEach(t -> verdicts.put(t.testName(), t.verdict()));
        Scorer.Score score = Scorer.score(a, verdicts);
        CompileResult compile = now.compile();
        return new SubmissionResult(now.submission(), compile, all, Verdicts.overall(compile, all),
                compile.verdict() == Verdict.AC ? score.score() : 0, score.maxScore());
    }

    private void finished(GradingOutcome o) {
        if (!grading.get()) return; // already finished (from the listener or the outcome, whichever came first)
        log.info("grading session {} {} in {} ms", o.sessionId(), o.state(), o.elapsed().toMillis());
        grading.set(false);
        cancelling.set(false);
        handle = null;
        showProgress(o.progress());
        long ran = o.progress().cellsRun();
        String rate = String.format(Locale.ROOT, "%.1f runs/s", o.progress().runsPerSecond());
        if (o.state() == SessionState.CANCELLED) {
            message.set(UserMessage.warning("Grading cancelled: " + o.progress().doneSubmissions() + " of "
                    + o.progress().totalSubmissions() + " submissions finished and were kept.", "Grade all (F5) or Regrade failed to continue."));
        } else {
            int accepted = (int) o.results().stream().filter(r -> r.verdict() == Verdict.AC).count();
            message.set(UserMessage.success("Graded " + o.results().size() + " submissions (" + ran + " runs, " + rate
                    + ", " + formatDuration(o.elapsed()) + "): " + accepted + " accepted."));
        }
        progressText.set(progressLine(o.progress()) + (o.state() == SessionState.CANCELLED ? " - cancelled" : " - done"));
        loadSessions();
    }

    private void showProgress(Progress p) {
        progressFraction.set(p.fraction());
        progressText.set(progressLine(p));
    }

    /** "1,234 / 2,000 runs - 61 runs/s - ETA 0:12". */
    public static String progressLine(Progress p) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%,d / %,d runs", p.doneCells(), p.totalCells()));
        if (p.cellsRun() > 0) sb.append(String.format(Locale.ROOT, " - %.0f runs/s", p.runsPerSecond()));
        p.eta().ifPresent(eta -> sb.append(" - ETA ").append(formatDuration(eta)));
        return sb.toString();
    }

    static String formatDuration(Duration d) {
        long s = Math.max(0, (d.toMillis() + 500) / 1000);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    // ---------------------------------------------------------------- history

    /** Shows a past session's results (read-only) in the grid. */
    public void openSession(SessionSummary s) {
        Optional<Assignment> a = Optional.ofNullable(assignment.get());
        inBackground("reading session " + s.id(), () -> workbench.history().load(s.id())
                .orElseThrow(() -> new UserError("Session " + s.id() + " is no longer in the history.", "Refresh the session list.")),
                stored -> showStored(stored, a));
    }

    private void showStored(StoredSession stored, Optional<Assignment> a) {
        List<SubmissionResult> results = SessionResults.of(stored, a);
        List<Submission> subs = results.stream().map(SubmissionResult::submission).toList();
        resetMatrix(subs);
        Instant when = stored.summary().finished().orElse(stored.summary().info().started());
        results.forEach(r -> matrix.applySubmission(r, when));
        readOnly.set(true);
        sessionId.set(stored.summary().id());
        readOnlyLabel.set("Viewing session #" + stored.summary().id() + " of " + SessionFormat.when(stored.summary().info().started())
                + " (" + stored.summary().info().backend() + ", " + stored.summary().state().name().toLowerCase(Locale.ROOT)
                + ") - read-only");
        rebuildStudents();
        touch();
    }

    /** Leaves a past session and shows the current submissions and their results again. */
    public void backToCurrent() {
        if (!readOnly.get()) return;
        readOnly.set(false);
        readOnlyLabel.set("");
        sessionId.set(null);
        List<Submission> subs = submissions.get() == null ? List.of() : submissions.get().submissions();
        resetMatrix(subs);
        liveResults.values().forEach(r -> matrix.applySubmission(r, liveGradedAt.getOrDefault(r.submission().id(), clock.instant())));
        rebuildStudents();
        touch();
    }

    /** Compares two sessions (older first, whatever order they are given in); the result lands in {@link #comparisonProperty()}. */
    public void compare(SessionSummary x, SessionSummary y) {
        SessionSummary older = x.info().started().isAfter(y.info().started()) ? y : x;
        SessionSummary newer = older == x ? y : x;
        Optional<Assignment> a = Optional.ofNullable(assignment.get());
        inBackground("comparing sessions", () -> {
            StoredSession s1 = workbench.history().load(older.id()).orElseThrow(() -> new UserError("Session " + older.id() + " is gone.", ""));
            StoredSession s2 = workbench.history().load(newer.id()).orElseThrow(() -> new UserError("Session " + newer.id() + " is gone.", ""));
            return SessionComparison.compare(s1, s2, a);
        }, comparison::set);
    }

    // ---------------------------------------------------------------- selection and navigation

    public void select(MatrixModel.Cell cell) {
        selectedCell.set(cell);
    }

    public void nextFailing(boolean forward) {
        Optional<MatrixModel.Cell> next = matrix.nextFailing(Optional.ofNullable(selectedCell.get()), forward);
        if (next.isPresent()) selectedCell.set(next.get());
        else message.set(UserMessage.info("No failing cell" + (matrix.filter().isEmpty() ? "." : " among the students shown.")));
    }

    public void nextStudent() {
        matrix.nextStudent(Optional.ofNullable(selectedCell.get())).ifPresent(selectedCell::set);
    }

    // ---------------------------------------------------------------- derived state

    private void touch() {
        matrixRevision.set(matrix.revision());
        summary.set(computeSummary());
    }

    private void rebuildStudents() {
        List<StudentRow> rows = new ArrayList<>(matrix.rowCount());
        for (int i = 0; i < matrix.rowCount(); i++) rows.add(studentRow(i));
        if (rows.size() == students.size()) {
            for (int i = 0; i < rows.size(); i++) {
                if (!rows.get(i).equals(students.get(i))) students.set(i, rows.get(i));
            }
        } else {
            students.setAll(rows);
        }
    }

    private StudentRow studentRow(int i) {
        MatrixModel.Row r = matrix.row(i);
        Submission s = r.submission();
        int passed = 0;
        for (int t = 0; t < matrix.testCount(); t++) if (r.verdict(t) == Verdict.AC) passed++;
        return new StudentRow(i, s.student(), s.identity().lmsId().orElse(""), r.language(), r.score(), r.maxScore(),
                r.overall(), s.identity().late(), r.lastGraded(), passed, matrix.testCount());
    }

    private Summary computeSummary() {
        int n = matrix.rowCount();
        int graded = 0;
        int accepted = 0;
        int[] buckets = new int[10];
        Map<Verdict, Integer> counts = new java.util.EnumMap<>(Verdict.class);
        for (int i = 0; i < n; i++) {
            MatrixModel.Row r = matrix.row(i);
            counts.merge(r.overall(), 1, Integer::sum);
            if (r.overall() == Verdict.PENDING) continue;
            graded++;
            if (r.overall() == Verdict.AC) accepted++;
            double frac = r.maxScore() > 0 ? r.score() / r.maxScore() : 0;
            buckets[Math.min(9, Math.max(0, (int) Math.floor(frac * 10)))]++;
        }
        return new Summary(n, graded, accepted, counts, buckets);
    }

    // ---------------------------------------------------------------- export

    /**
     * The export dialog's model for the session on screen (the live one or a past one opened from the history), or
     * empty with a message saying what to do first.
     */
    public Optional<ExportViewModel> exportGrades() {
        Long id = sessionId.get();
        if (grading.get()) {
            message.set(UserMessage.warning("Grading is still running.", "Export when it has finished (or cancel it)."));
            return Optional.empty();
        }
        if (id == null) {
            message.set(UserMessage.warning("Nothing graded yet, so there are no grades to export.",
                    "Grade the submissions (F5) or open a past session from the history, then export."));
            return Optional.empty();
        }
        Assignment a = assignment.get();
        ExportViewModel e = new ExportViewModel(workbench::gradeExport, id, a == null ? "grades" : a.title(), prefs, ui, background);
        // after "Regrade failed" or a cell regrade the live view merges sessions, but the newest holds only some students
        int shown = readOnly.get() ? -1 : matrix.rowCount();
        sessions.stream().filter(s -> s.id() == id).findFirst().filter(s -> shown > 0 && s.submissions() < shown)
                .ifPresent(s -> e.setNote("Session " + id + " holds " + s.submissions() + " of the " + shown
                        + " students on screen (it regraded only some of them), so only those are exported. To export "
                        + "everyone, grade all (F5) or open a complete session from Sessions."));
        return Optional.of(e);
    }

    // ---------------------------------------------------------------- background helper

    /** Work that may fail for a reason the user can act on: the failure becomes a message, the detail goes to the log. */
    @FunctionalInterface
    public interface Work<T> {
        T call() throws Exception;
    }

    private <T> void inBackground(String what, Work<T> work, Consumer<T> onSuccess) {
        busy.set(busy.get() + 1);
        background.execute(() -> {
            T value;
            try {
                value = work.call();
            } catch (Exception e) {
                UserError err = explain(what, e);
                ui.execute(() -> {
                    busy.set(busy.get() - 1);
                    message.set(UserMessage.error(err));
                });
                return;
            }
            ui.execute(() -> {
                busy.set(busy.get() - 1);
                onSuccess.accept(value);
            });
        });
    }

    private UserError explain(String what, Exception e) {
        if (e instanceof UserError u) {
            log.warn("{}: {}", what, u.getMessage(), u.getCause());
            return u;
        }
        if (e instanceof InvalidInputException i) {
            log.warn("{}: {}", what, i.getMessage());
            return new UserError(i.getMessage(), "Fix that file and open it again.", i);
        }
        if (e instanceof IOException io) {
            log.warn("{} failed", what, io);
            return new UserError("Could not finish " + what + ": " + io.getMessage(),
                    "Check that the file exists and is readable.", io);
        }
        log.error("{} failed", what, e);
        return unexpected(what, e);
    }

    private UserError unexpected(String what, Exception e) {
        return new UserError("Something went wrong while " + what + ".",
                "Details are in the log file " + workbench.logFile() + ".", e);
    }

    /** For callers (the detail pane) that want the same treatment. */
    public <T> void run(String what, Callable<T> work, Consumer<T> onSuccess) {
        inBackground(what, work::call, onSuccess);
    }

    // ---------------------------------------------------------------- accessors

    public Workbench workbench() {
        return workbench;
    }

    public UiPreferences preferences() {
        return prefs;
    }

    public ObservableList<AssignmentEntry> assignments() {
        return assignments;
    }

    public ReadOnlyObjectProperty<Assignment> assignmentProperty() {
        return assignment;
    }

    public ObservableList<SessionSummary> sessions() {
        return sessions;
    }

    public MatrixModel matrix() {
        return matrix;
    }

    public ReadOnlyLongProperty matrixRevisionProperty() {
        return matrixRevision;
    }

    public ObservableList<StudentRow> students() {
        return students;
    }

    public ReadOnlyObjectProperty<Summary> summaryProperty() {
        return summary;
    }

    public ReadOnlyObjectProperty<ImportPreview> importPreviewProperty() {
        return importPreview;
    }

    public ReadOnlyObjectProperty<SubmissionSource.ImportResult> submissionsProperty() {
        return submissions;
    }

    public ReadOnlyBooleanProperty gradingProperty() {
        return grading;
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling;
    }

    public ReadOnlyDoubleProperty progressFractionProperty() {
        return progressFraction;
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty backendProperty() {
        return backend;
    }

    public IntegerProperty jobsProperty() {
        return jobs;
    }

    public ObjectProperty<UserMessage> messageProperty() {
        return message;
    }

    public ReadOnlyObjectProperty<MatrixModel.Cell> selectedCellProperty() {
        return selectedCell;
    }

    public ReadOnlyObjectProperty<Long> sessionIdProperty() {
        return sessionId;
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public ReadOnlyStringProperty readOnlyLabelProperty() {
        return readOnlyLabel;
    }

    public ObservableList<Workbench.Component> components() {
        return components;
    }

    public ReadOnlyStringProperty sandboxStatusProperty() {
        return sandboxStatus;
    }

    public ReadOnlyBooleanProperty sandboxReadyProperty() {
        return sandboxReady;
    }

    public ReadOnlyStringProperty databaseStatusProperty() {
        return databaseStatus;
    }

    public IntegerProperty busyProperty() {
        return busy;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<SessionComparison.Result> comparisonProperty() {
        return comparison;
    }
}
