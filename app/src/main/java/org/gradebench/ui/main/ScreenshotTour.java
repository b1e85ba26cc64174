package org.gradebench.ui.main;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.gradebench.core.grading.Verdict;
import org.gradebench.ui.detail.DetailViewModel;
import org.gradebench.ui.matrix.MatrixModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Drives the window through the README screenshots: the empty state, a sample graded with a failing cell's diff,
 * the students table, the dark theme, the components panel and a session comparison. Each step waits (polling on
 * the FX thread, never blocking it) for the state it needs, then saves the scene as PNG. Exits the app at the end.
 */
public final class ScreenshotTour {
    private static final Logger log = LoggerFactory.getLogger(ScreenshotTour.class);

    private final MainViewModel vm;
    private final DetailViewModel detail;
    private final MainWindow window;
    private final Stage stage;
    private final Path out;
    private final Deque<Step> steps = new ArrayDeque<>();

    private record Step(String name, BooleanSupplier ready, Runnable action, double timeoutSeconds) {
    }

    public ScreenshotTour(MainViewModel vm, DetailViewModel detail, MainWindow window, Stage stage, Path out) {
        this.vm = vm;
        this.detail = detail;
        this.window = window;
        this.stage = stage;
        this.out = out;
    }

    public void start() {
        String sample = System.getProperty("gradebench.screenshots.sample", "python-word-frequency");
        long[] sessionsBefore = new long[1];
        step("wait for the components", () -> !vm.components().isEmpty() && !vm.assignments().isEmpty(), () -> shot("01-first-start"), 20);
        step("open the sample", () -> true, () -> vm.assignments().stream()
                .filter(a -> a.folder().getFileName().toString().equals(sample)).findFirst()
                .or(() -> vm.assignments().stream().filter(AssignmentEntry::sample).findFirst())
                .ifPresent(a -> vm.openAssignment(a.folder())), 5);
        step("grade", () -> vm.submissionsProperty().get() != null && vm.busyProperty().get() == 0, vm::gradeAll, 30);
        step("mid-grading shot", () -> vm.gradingProperty().get() && vm.progressFractionProperty().get() > 0.2,
                () -> shot("02-grading"), 120);
        step("select a failure", () -> !vm.gradingProperty().get() && !vm.sessions().isEmpty(), () -> {
            selectInterestingFailure();
        }, 300);
        step("diff shot", () -> detail.diffProperty().get() != null, () -> shot("03-matrix-and-diff"), 30);
        step("source shot", () -> true, () -> selectTab("tab-source"), 5);
        step("source", () -> true, () -> shot("04-source"), 5);
        step("students", () -> true, () -> {
            selectTab("tab-diff");
            window.centerTabs().getSelectionModel().select(1);
        }, 5);
        step("students shot", () -> true, () -> shot("05-students"), 5);
        step("dark", () -> true, () -> {
            window.centerTabs().getSelectionModel().select(0);
            window.setDark(true);
        }, 5);
        step("dark shot", () -> true, () -> shot("06-dark"), 5);
        step("light again", () -> true, () -> window.setDark(false), 5);
        step("regrade for a second session", () -> true, () -> {
            sessionsBefore[0] = vm.sessions().size();
            vm.regradeFailed();
        }, 5);
        step("compare", () -> !vm.gradingProperty().get() && vm.sessions().size() > sessionsBefore[0], () -> {
            List<org.gradebench.core.history.SessionSummary> s = vm.sessions();
            vm.compare(s.get(1), s.get(0));
        }, 300);
        step("compare shot", () -> vm.comparisonProperty().get() != null && otherWindow() != null,
                () -> shotWindow(otherWindow(), "07-compare"), 30);
        step("close compare", () -> true, () -> {
            Window w = otherWindow();
            if (w != null) w.hide();
            window.detailPane().tabs().getSelectionModel().select(0);
        }, 5);
        step("components", () -> true, () -> window.root().lookupAll("#sandbox-status").forEach(n ->
                ((javafx.scene.control.Hyperlink) n).fire()), 5);
        step("components shot", () -> otherWindow() != null && !vm.components().isEmpty(),
                () -> shotWindow(otherWindow(), "08-components"), 30);
        // the dialogs follow the window's theme: the same three in dark
        step("dark dialogs", () -> true, () -> {
            Window w = otherWindow();
            if (w != null) w.hide();
            window.setDark(true);
            vm.comparisonProperty().set(null);
            List<org.gradebench.core.history.SessionSummary> s = vm.sessions();
            vm.compare(s.get(1), s.get(0));
        }, 5);
        step("dark compare shot", () -> vm.comparisonProperty().get() != null && otherWindow() != null,
                () -> shotWindow(otherWindow(), "09-dark-compare"), 30);
        step("dark import", () -> true, () -> {
            Window w = otherWindow();
            if (w != null) w.hide();
            vm.assignments().stream().filter(a -> a.folder().getFileName().toString().equals(sample)).findFirst()
                    .ifPresent(a -> vm.requestImport(a.folder().resolve("submissions")));
        }, 5);
        step("dark import shot", () -> otherWindow() != null, () -> shotWindow(otherWindow(), "10-dark-import"), 30);
        step("dark components", () -> true, () -> {
            Window w = otherWindow();
            if (w != null) w.hide();
            window.root().lookupAll("#sandbox-status").forEach(n -> ((javafx.scene.control.Hyperlink) n).fire());
        }, 5);
        step("dark components shot", () -> otherWindow() != null && !vm.components().isEmpty(),
                () -> shotWindow(otherWindow(), "11-dark-components"), 30);
        step("done", () -> true, () -> {
            Window w = otherWindow();
            if (w != null) w.hide();
            window.setDark(false);
            log.info("screenshots written to {}", out);
            Platform.exit();
        }, 5);
        next();
    }

    private void selectInterestingFailure() {
        MatrixModel m = vm.matrix();
        // prefer a wrong answer (the diff is the interesting part), else any failure
        for (Verdict want : List.of(Verdict.WA, Verdict.RE, Verdict.TLE)) {
            for (int r = 0; r < m.rowCount(); r++) {
                for (int t = 0; t < m.testCount(); t++) {
                    if (m.verdict(r, t) == want && m.row(r).overall() == want) {
                        vm.select(new MatrixModel.Cell(r, t));
                        return;
                    }
                }
            }
        }
        vm.nextFailing(true);
    }

    private void selectTab(String id) {
        for (Tab t : window.detailPane().tabs().getTabs()) {
            if (id.equals(t.getId())) window.detailPane().tabs().getSelectionModel().select(t);
        }
    }

    private Window otherWindow() {
        for (Window w : Window.getWindows()) {
            if (w != stage && w.isShowing()) return w;
        }
        return null;
    }

    private void step(String name, BooleanSupplier ready, Runnable action, double timeoutSeconds) {
        steps.add(new Step(name, ready, action, timeoutSeconds));
    }

    private void next() {
        Step s = steps.poll();
        if (s == null) return;
        long deadline = System.nanoTime() + (long) (s.timeoutSeconds() * 1e9);
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(Duration.millis(250), e -> {
            boolean ok = s.ready().getAsBoolean();
            if (ok || System.nanoTime() > deadline) {
                poll.stop();
                if (!ok) log.warn("screenshot tour: '{}' not ready after {} s, continuing", s.name(), s.timeoutSeconds());
                try {
                    s.action().run();
                } catch (RuntimeException ex) {
                    log.error("screenshot tour step '{}' failed", s.name(), ex);
                }
                // let a couple of pulses render the new state before the next check
                Timeline settle = new Timeline(new KeyFrame(Duration.millis(700), x -> next()));
                settle.play();
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    private void shot(String name) {
        shotScene(stage.getScene(), name);
    }

    private void shotWindow(Window w, String name) {
        if (w == null) {
            log.warn("screenshot tour: no window for {}", name);
            return;
        }
        shotScene(w.getScene(), name);
    }

    private void shotScene(Scene scene, String name) {
        WritableImage img = scene.snapshot(null);
        try {
            Files.createDirectories(out);
            write(img, out.resolve(name + ".png"));
            log.info("saved {}", out.resolve(name + ".png"));
        } catch (IOException e) {
            log.error("cannot save screenshot {}", name, e);
        }
    }

    /** PNG without javafx.swing: copy the pixels into an AWT image. */
    static void write(WritableImage img, Path file) throws IOException {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader r = img.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            r.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            b.setRGB(0, y, w, 1, row, 0, w);
        }
        ImageIO.write(b, "png", file.toFile());
    }
}
