package org.gradebench.ui.detail;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.TestCase;
import org.gradebench.core.grading.CompileResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.grading.Verdicts;
import org.gradebench.core.history.Review;
import org.gradebench.core.run.RunResult;
import org.gradebench.ui.common.UserError;
import org.gradebench.ui.common.Workbench;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The detail pane of one (student, test) cell: header facts at once; expected output, input, diff and source read
 * and computed in the background (outputs can be megabytes), stale answers dropped when the selection moved on.
 */
public final class DetailViewModel {
    private static final Logger log = LoggerFactory.getLogger(DetailViewModel.class);
    static final int MAX_FILE_BYTES = 1 << 20;
    static final int MAX_VIEW_LINES = 5_000;

    /** What the pane shows: a cell of the current grid. */
    public record Context(Assignment assignment, org.gradebench.core.submission.Submission submission, int test,
                          Optional<TestResult> result, Optional<CompileResult> compile, Optional<Long> sessionId,
                          double score, double maxScore) {
    }

    private final Workbench workbench;
    private final Executor ui;
    private final Executor background;
    private final AtomicLong generation = new AtomicLong();

    private final ObjectProperty<Context> context = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty("");
    private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>();
    private final StringProperty facts = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ObjectProperty<OutputDiff.Result> diff = new SimpleObjectProperty<>();
    private final StringProperty input = new SimpleStringProperty("");
    private final StringProperty stderr = new SimpleStringProperty("");
    private final StringProperty compileLog = new SimpleStringProperty("");
    private final StringProperty source = new SimpleStringProperty("");
    private final BooleanProperty ignoreWhitespace = new SimpleBooleanProperty();
    private final BooleanProperty showWhitespace = new SimpleBooleanProperty();
    private final BooleanProperty computing = new SimpleBooleanProperty();

    private final StringProperty computedScore = new SimpleStringProperty("");
    private final StringProperty scoreOverride = new SimpleStringProperty("");
    private final StringProperty comment = new SimpleStringProperty("");
    private final StringProperty testComment = new SimpleStringProperty("");
    private final StringProperty reviewStatus = new SimpleStringProperty("");
    private final BooleanProperty reviewable = new SimpleBooleanProperty();
    private Map<String, String> testComments = Map.of();

    private byte[] expectedBytes = new byte[0];
    private boolean expectedCut;

    public DetailViewModel(Workbench workbench, Executor ui, Executor background) {
        this.workbench = workbench;
        this.ui = ui;
        this.background = background;
        ignoreWhitespace.addListener((o, a, b) -> recomputeDiff());
        showWhitespace.addListener((o, a, b) -> recomputeDiff());
    }

    public void show(Optional<Context> ctx) {
        long gen = generation.incrementAndGet();
        context.set(ctx.orElse(null));
        diff.set(null);
        if (ctx.isEmpty()) {
            title.set("");
            verdict.set(null);
            facts.set("");
            reason.set("");
            input.set("");
            stderr.set("");
            compileLog.set("");
            source.set("");
            reviewable.set(false);
            return;
        }
        Context c = ctx.get();
        TestCase test = c.assignment().tests().get(c.test());
        title.set(c.submission().student() + "  \u2013  test " + test.name());
        Verdict v = c.result().map(TestResult::verdict).orElse(Verdict.PENDING);
        verdict.set(v);
        facts.set(c.result().map(r -> facts(r.run())).orElse("not graded yet"));
        reason.set(c.result().map(TestResult::checkerMessage).orElse(""));
        stderr.set(c.result().map(r -> r.run().stderr().size() == 0 ? "(nothing on stderr)"
                : SafeText.display(r.run().stderr().bytes(), MAX_VIEW_LINES, r.run().stderr().truncated())).orElse(""));
        compileLog.set(c.compile().map(DetailViewModel::compileText).orElse("(not compiled yet)"));
        input.set("reading...");
        source.set("reading...");
        computing.set(true);
        loadReview(c);
        background.execute(() -> {
            try {
                Loaded l = load(c, test);
                ui.execute(() -> {
                    if (generation.get() != gen) return;
                    expectedBytes = l.expected;
                    expectedCut = l.expectedCut;
                    input.set(l.input);
                    source.set(l.source);
                    diff.set(l.diff);
                    computing.set(false);
                });
            } catch (RuntimeException e) {
                log.error("cannot show the detail of {} / {}", c.submission().id(), test.name(), e);
                ui.execute(() -> {
                    if (generation.get() != gen) return;
                    computing.set(false);
                    input.set("Could not read the test files. Details are in the log file " + workbench.logFile() + ".");
                });
            }
        });
    }

    private record Loaded(byte[] expected, boolean expectedCut, String input, String source, OutputDiff.Result diff) {
    }

    private Loaded load(Context c, TestCase test) {
        Capped exp = read(test.expected());
        Capped in = read(test.input());
        String inputText = in.error != null ? in.error
                : SafeText.display(in.bytes, MAX_VIEW_LINES, false) + (in.cut ? "[... input is larger than " + MAX_FILE_BYTES / 1024 + " KiB; the rest is not shown]\n" : "");
        OutputDiff.Result d = null;
        Optional<TestResult> r = c.result();
        if (r.isPresent() && r.get().run().outcome() != RunResult.Outcome.NOT_RUN) {
            RunResult run = r.get().run();
            d = OutputDiff.compute(exp.bytes, exp.cut, run.stdout().bytes(), run.stdout().truncated(), options());
        }
        return new Loaded(exp.bytes, exp.cut, inputText, sources(c.submission().folder()), d);
    }

    private OutputDiff.Options options() {
        return new OutputDiff.Options(ignoreWhitespace.get(), showWhitespace.get(), MAX_VIEW_LINES * 4);
    }

    private void recomputeDiff() {
        Context c = context.get();
        if (c == null || c.result().isEmpty() || c.result().get().run().outcome() == RunResult.Outcome.NOT_RUN) return;
        long gen = generation.get();
        byte[] exp = expectedBytes;
        boolean cut = expectedCut;
        RunResult run = c.result().get().run();
        OutputDiff.Options o = options();
        computing.set(true);
        background.execute(() -> {
            OutputDiff.Result d = OutputDiff.compute(exp, cut, run.stdout().bytes(), run.stdout().truncated(), o);
            ui.execute(() -> {
                if (generation.get() != gen) return;
                diff.set(d);
                computing.set(false);
            });
        });
    }

    private record Capped(byte[] bytes, boolean cut, String error) {
    }

    private static Capped read(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] b = in.readNBytes(MAX_FILE_BYTES + 1);
            boolean cut = b.length > MAX_FILE_BYTES;
            return new Capped(cut ? java.util.Arrays.copyOf(b, MAX_FILE_BYTES) : b, cut, null);
        } catch (IOException e) {
            return new Capped(new byte[0], false, "(cannot read " + p.getFileName() + ": " + e.getMessage() + ")");
        }
    }

    /** Every regular file of the submission (text only, small ones), each under a header line. */
    static String sources(Path folder) {
        if (!Files.isDirectory(folder)) return "(the submission's files are no longer on disk: " + folder + ")";
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> walk = Files.walk(folder, 6)) {
            List<Path> files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().limit(50).toList();
            for (Path f : files) {
                String rel = folder.relativize(f).toString();
                long size = Files.size(f);
                sb.append(files.size() > 1 ? "// ===== " + rel + " =====\n" : "");
                if (size > 256 * 1024) {
                    sb.append("// (").append(size / 1024).append(" KiB: too large to show)\n\n");
                    continue;
                }
                byte[] b = Files.readAllBytes(f);
                sb.append(SafeText.display(b, MAX_VIEW_LINES, false)).append('\n');
            }
            if (files.isEmpty()) sb.append("(the submission folder is empty)");
        } catch (IOException e) {
            sb.append("(cannot read the submission: ").append(e.getMessage()).append(')');
        }
        return sb.toString();
    }

    static String facts(RunResult run) {
        return switch (run.outcome()) {
            case NOT_RUN -> "not run: " + run.diagnostics();
            case SANDBOX_ERROR -> "the sandbox failed: " + run.diagnostics();
            default -> String.format(Locale.ROOT, "%d ms CPU / %d ms wall  \u00B7  %s  \u00B7  %s", run.cpuMs(), run.wallMs(),
                    run.peakMemoryKb() <= 0 ? "memory -" : String.format(Locale.ROOT, "%.1f MB", run.peakMemoryKb() / 1024.0),
                    run.outcome() == RunResult.Outcome.SIGNALED ? "killed by " + Verdicts.signalName(run.signal())
                            : "exit " + run.exitCode()) + (run.wallTimedOut() ? "  \u00B7  wall limit hit" : "");
        };
    }

    static String compileText(CompileResult c) {
        String head = switch (c.verdict()) {
            case AC -> c.language().isEmpty() ? "Built." : "Built as " + c.language() + ".";
            case CE -> "Compilation failed" + (c.language().isEmpty() ? "." : " (" + c.language() + ").");
            case SE -> "The sandbox failed while building (not the student's fault).";
            default -> "Not built yet.";
        };
        return head + (c.log().isBlank() ? (c.verdict() == Verdict.AC ? "\n(no compiler output)" : "") : "\n\n" + c.log());
    }

    // ---------------------------------------------------------------- review

    private void loadReview(Context c) {
        reviewable.set(c.sessionId().isPresent());
        computedScore.set(score(c.score()) + " / " + score(c.maxScore()));
        scoreOverride.set("");
        comment.set("");
        testComment.set("");
        testComments = Map.of();
        reviewStatus.set(c.sessionId().isPresent() ? "" : "Grade first: reviews belong to a grading session.");
        if (c.sessionId().isEmpty()) return;
        long gen = generation.get();
        long sid = c.sessionId().get();
        String testName = c.assignment().tests().get(c.test()).name();
        background.execute(() -> {
            try {
                Optional<Review> r = workbench.reviews().review(sid, c.submission().id());
                ui.execute(() -> {
                    if (generation.get() != gen || r.isEmpty()) return;
                    scoreOverride.set(r.get().scoreOverride().map(DetailViewModel::score).orElse(""));
                    comment.set(r.get().comment());
                    testComments = r.get().testComments();
                    testComment.set(testComments.getOrDefault(testName, ""));
                });
            } catch (UserError | RuntimeException e) {
                log.warn("cannot read the review of {}", c.submission().id(), e);
                ui.execute(() -> reviewStatus.set("Could not read the saved review; details are in the log."));
            }
        });
    }

    /** Validates and stores the review; the status line says what happened. */
    public void saveReview() {
        Context c = context.get();
        if (c == null || c.sessionId().isEmpty()) return;
        Optional<Double> override;
        String text = scoreOverride.get().strip().replace(',', '.');
        if (text.isEmpty()) {
            override = Optional.empty();
        } else {
            try {
                double d = Double.parseDouble(text);
                if (!Double.isFinite(d) || d < 0) throw new NumberFormatException();
                override = Optional.of(d);
            } catch (NumberFormatException e) {
                reviewStatus.set("The score override must be a number like 7 or 7.5 (or empty for none).");
                return;
            }
        }
        Map<String, String> perTest = new HashMap<>(testComments);
        String testName = c.assignment().tests().get(c.test()).name();
        if (testComment.get().isBlank()) perTest.remove(testName);
        else perTest.put(testName, testComment.get().strip());
        Review review = new Review(c.submission().id(), override, comment.get().strip(), perTest);
        long sid = c.sessionId().get();
        reviewStatus.set("Saving...");
        background.execute(() -> {
            try {
                if (review.isEmpty()) workbench.reviews().deleteReview(sid, review.submissionId());
                else workbench.reviews().saveReview(sid, review);
                ui.execute(() -> {
                    testComments = perTest;
                    reviewStatus.set("Saved to session #" + sid + ".");
                });
            } catch (UserError | RuntimeException e) {
                log.error("cannot save the review of {}", review.submissionId(), e);
                ui.execute(() -> reviewStatus.set("Could not save the review: " + e.getMessage()
                        + ". Details are in the log file " + workbench.logFile() + "."));
            }
        });
    }

    static String score(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.2f", s);
    }

    // ---------------------------------------------------------------- accessors

    public ObjectProperty<Context> contextProperty() { return context; }
    public StringProperty titleProperty() { return title; }
    public ObjectProperty<Verdict> verdictProperty() { return verdict; }
    public StringProperty factsProperty() { return facts; }
    public StringProperty reasonProperty() { return reason; }
    public ObjectProperty<OutputDiff.Result> diffProperty() { return diff; }
    public StringProperty inputProperty() { return input; }
    public StringProperty stderrProperty() { return stderr; }
    public StringProperty compileLogProperty() { return compileLog; }
    public StringProperty sourceProperty() { return source; }
    public BooleanProperty ignoreWhitespaceProperty() { return ignoreWhitespace; }
    public BooleanProperty showWhitespaceProperty() { return showWhitespace; }
    public BooleanProperty computingProperty() { return computing; }
    public StringProperty computedScoreProperty() { return computedScore; }
    public StringProperty scoreOverrideProperty() { return scoreOverride; }
    public StringProperty commentProperty() { return comment; }
    public StringProperty testCommentProperty() { return testComment; }
    public StringProperty reviewStatusProperty() { return reviewStatus; }
    public BooleanProperty reviewableProperty() { return reviewable; }
}
