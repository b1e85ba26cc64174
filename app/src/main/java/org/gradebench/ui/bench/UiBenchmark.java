package org.gradebench.ui.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.CheckerSpec;
import org.gradebench.core.assignment.ResourceLimits;
import org.gradebench.core.assignment.Scoring;
import org.gradebench.core.assignment.TestCase;
import org.gradebench.core.grading.CompileResult;
import org.gradebench.core.grading.SubmissionResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.submission.Submission;
import org.gradebench.ui.common.FxThread;
import org.gradebench.ui.common.Workbench;
import org.gradebench.ui.detail.DetailPane;
import org.gradebench.ui.detail.DetailViewModel;
import org.gradebench.ui.matrix.MatrixModel;
import org.gradebench.ui.matrix.ResultMatrix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Measures the results matrix and the detail pane with a 1,000 x 50 session loaded (synthetic results of realistic
 * shape: every cell has a run with stdout): frame times while scrolling (one scroll step per pulse), the time to
 * select a cell and show its detail (diff computed in the background), and the heap in use. Not a unit test: run it
 * with {@code ./gradebench bench-ui} on a display (Xvfb is fine).
 */
public final class UiBenchmark {

    /** Percentiles in milliseconds. */
    public record Stats(double p50, double p95, double p99, double max, int samples) {
        static Stats of(List<Long> nanos) {
            long[] a = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            if (a.length == 0) return new Stats(0, 0, 0, 0, 0);
            return new Stats(ms(a[a.length / 2]), ms(a[(int) (a.length * 0.95)]), ms(a[Math.min(a.length - 1, (int) (a.length * 0.99))]),
                    ms(a[a.length - 1]), a.length);
        }

        private static double ms(long n) {
            return n / 1e6;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)", p50, p95, p99, max, samples);
        }
    }

    /**
     * @param scrollFrames pulse-to-pulse time while the grid scrolls one step per frame
     * @param scrollPaint  time spent painting the grid in those frames
     * @param select       from a cell selection to the detail pane showing its diff (includes the background diff)
     * @param selectFx     FX-thread time of the selection handler itself
     * @param heapMb       heap in use after a full GC with the session loaded
     */
    public record Result(int rows, int tests, long loadMs, Stats scrollFrames, Stats scrollPaint, Stats select,
                         Stats selectFx, long heapMb, long maxHeapMb) {
    }

    private UiBenchmark() {
    }

    /** Starts the toolkit, runs the measurements, shuts the toolkit down; blocks until done. */
    public static Result run(int rows, int tests, Workbench workbench, ThreadFactory threads) throws Exception {
        CompletableFuture<Result> done = new CompletableFuture<>();
        ExecutorService background = Executors.newFixedThreadPool(2, threads);
        Platform.startup(() -> {
            try {
                new Run(rows, tests, workbench, background, done).start();
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        try {
            return done.get();
        } finally {
            background.shutdownNow();
            Platform.exit();
        }
    }

    private static final class Run {
        private final int rows;
        private final int testCount;
        private final Workbench workbench;
        private final ExecutorService background;
        private final CompletableFuture<Result> done;
        private final Random random = new Random(42);
        private MatrixModel model;
        private ResultMatrix matrix;
        private DetailViewModel detail;
        private Assignment assignment;
        private long loadMs;

        Run(int rows, int tests, Workbench workbench, ExecutorService background, CompletableFuture<Result> done) {
            this.rows = rows;
            this.testCount = tests;
            this.workbench = workbench;
            this.background = background;
            this.done = done;
        }

        void start() throws IOException {
            assignment = assignment();
            long t0 = System.nanoTime();
            model = new MatrixModel();
            List<Submission> subs = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                subs.add(new Submission("s" + i, "Student " + i, Path.of("/nonexistent", "s" + i), Submission.Identity.NONE));
            }
            model.reset(assignment.tests().stream().map(TestCase::name).toList(), subs);
            Instant now = Instant.now();
            for (Submission s : subs) model.applySubmission(result(s), now);
            loadMs = (System.nanoTime() - t0) / 1_000_000;

            // The window's own theme: app.css builds on AtlantaFX's colour lookups, and the frames measured must be
            // the frames a user sees.
            javafx.application.Application.setUserAgentStylesheet(
                    new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            matrix = new ResultMatrix(model);
            detail = new DetailViewModel(workbench, new FxThread(), background);
            SplitPane split = new SplitPane(matrix, new DetailPane(detail));
            split.setOrientation(javafx.geometry.Orientation.VERTICAL);
            split.setDividerPositions(0.6);
            split.getStyleClass().add("gb-root"); // the window's colour definitions (see app.css)
            Stage stage = new Stage();
            Scene scene = new Scene(split, 1440, 900);
            scene.getStylesheets().add(UiBenchmark.class.getResource("/org/gradebench/ui/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            warmUpThenScroll();
        }

        private Assignment assignment() throws IOException {
            Path dir = Files.createTempDirectory("gradebench-bench");
            dir.toFile().deleteOnExit();
            List<TestCase> tests = new ArrayList<>();
            for (int t = 0; t < testCount; t++) {
                Path in = dir.resolve(t + ".in");
                Path out = dir.resolve(t + ".out");
                Files.writeString(in, "input " + t + "\n");
                Files.writeString(out, expected(t));
                in.toFile().deleteOnExit();
                out.toFile().deleteOnExit();
                tests.add(new TestCase(String.format(Locale.ROOT, "%02d-test", t + 1), in, out, 1, "", false, Optional.empty()));
            }
            return new Assignment("bench", dir, Assignment.Format.NATIVE, Optional.empty(), Set.of(), ResourceLimits.DEFAULTS,
                    CheckerSpec.tokens(), Scoring.DEFAULT, tests);
        }

        private static String expected(int t) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 40; i++) sb.append("line ").append(i).append(' ').append(i * (t + 1)).append('\n');
            return sb.toString();
        }

        private SubmissionResult result(Submission s) {
            Verdict[] pool = {Verdict.AC, Verdict.AC, Verdict.AC, Verdict.AC, Verdict.WA, Verdict.TLE, Verdict.RE, Verdict.MLE};
            List<TestResult> rs = new ArrayList<>(testCount);
            for (int t = 0; t < testCount; t++) {
                Verdict v = pool[random.nextInt(pool.length)];
                String out = v == Verdict.AC ? expected(t) : expected(t).replace(" 3", " 4");
                rs.add(new TestResult(assignment.tests().get(t).name(), v, new RunResult(RunResult.Outcome.EXITED, 0, 0,
                        random.nextInt(500), random.nextInt(800), 2000 + random.nextInt(50_000), false, 0,
                        new CapturedOutput(out.getBytes(StandardCharsets.UTF_8), false), CapturedOutput.EMPTY, Map.of(), ""),
                        v == Verdict.AC ? "" : "line 4 differs"));
            }
            Verdict overall = rs.stream().map(TestResult::verdict).filter(v -> v != Verdict.AC).findFirst().orElse(Verdict.AC);
            return new SubmissionResult(s, new CompileResult(Verdict.AC, "c", "", Optional.empty()), rs, overall, 10, 50);
        }

        /** 60 frames of warm-up, then 600 frames scrolling: down one step per frame, with a few long jumps. */
        private void warmUpThenScroll() {
            List<Long> frames = new ArrayList<>();
            List<Long> paints = new ArrayList<>();
            new AnimationTimer() {
                int frame;
                long last;

                @Override
                public void handle(long now) {
                    frame++;
                    if (frame > 60 && last != 0) {
                        frames.add(now - last);
                        paints.add(matrix.lastPaintNanos());
                    }
                    last = now;
                    var v = matrix.verticalBar();
                    var h = matrix.horizontalBar();
                    if (frame % 100 == 0) v.setValue(random.nextDouble() * v.getMax());
                    else v.setValue(Math.min(v.getMax(), v.getValue() + ResultMatrix.ROW_H * 3));
                    if (v.getValue() >= v.getMax()) v.setValue(0);
                    if (frame % 50 == 0) h.setValue(random.nextDouble() * h.getMax());
                    if (frame >= 660) {
                        stop();
                        selections(Stats.of(frames), Stats.of(paints));
                    }
                }
            }.start();
        }

        /** 100 selections; each waits until the detail pane has its diff before the next. */
        private void selections(Stats scroll, Stats paint) {
            List<Long> total = new ArrayList<>();
            List<Long> fx = new ArrayList<>();
            new AnimationTimer() {
                long started;
                int n;

                @Override
                public void handle(long now) {
                    if (started != 0) {
                        if (detail.diffProperty().get() == null) return;
                        total.add(System.nanoTime() - started);
                    }
                    if (n++ >= 100) {
                        stop();
                        finish(scroll, paint, Stats.of(total), Stats.of(fx));
                        return;
                    }
                    int r = random.nextInt(rows);
                    int t = random.nextInt(testCount);
                    MatrixModel.Cell c = new MatrixModel.Cell(r, t);
                    started = System.nanoTime();
                    matrix.setSelected(c);
                    MatrixModel.Row row = model.row(r);
                    detail.show(Optional.of(new DetailViewModel.Context(assignment, row.submission(), t, row.result(t),
                            row.compile(), Optional.empty(), row.score(), row.maxScore())));
                    fx.add(System.nanoTime() - started);
                }
            }.start();
        }

        private void finish(Stats scroll, Stats paint, Stats select, Stats selectFx) {
            for (int i = 0; i < 3; i++) System.gc();
            Runtime rt = Runtime.getRuntime();
            long used = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
            done.complete(new Result(rows, testCount, loadMs, scroll, paint, select, selectFx, used, rt.maxMemory() / (1024 * 1024)));
            // keep the model reachable until measured
            Arrays.asList(model, matrix).size();
        }
    }
}
