package org.gradebench.ui;

import com.sun.javafx.tk.TKClipboard;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Pair;
import org.gradebench.AppServices;
import org.gradebench.GradebenchApp;
import org.gradebench.ui.common.UiPreferences;
import org.gradebench.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AccessControlContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drag and drop onto the workbench window: files are accepted, an assignment folder opens the assignment, a
 * submissions folder opens the import preview, and anything else (text) is refused and changes nothing.
 *
 * <p>How: Monocle cannot carry a drag from another window to this one (tried: a drag started in a second stage of
 * the same application ends without the workbench's scene seeing a single DRAG_OVER), so the test delivers the
 * drag as the toolkit would. It builds a {@link Dragboard} over a small in-memory clipboard holding the payload
 * (files, or a string), then fires DRAG_ENTERED, DRAG_OVER, DRAG_DROPPED and DRAG_EXITED at the middle of the
 * window's root; the events bubble to the scene, whose handlers are the ones a desktop drop reaches. The outcome
 * the desktop would see is read back from the events: the transfer mode accepted on DRAG_OVER, and whether
 * DRAG_DROPPED reported the drop completed.</p>
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class DropImportTest {
    private AppServices services;
    private GradebenchApp.Opened opened;
    private MainViewModel vm;
    private Stage main;

    @Start
    void start(Stage stage) throws Exception {
        GradebenchApp.applyTheme(false);
        Path here = Path.of("target", "drop-" + System.nanoTime()).toAbsolutePath();
        services = new AppServices(new AppServices.Options(Optional.of(here.resolve("history")), Optional.empty(), 2));
        UiPreferences prefs = new UiPreferences(here.resolve("window.properties"));
        prefs.putDouble("window.width", 1200);
        prefs.putDouble("window.height", 760);
        prefs.putDouble("window.x", 0);
        prefs.putDouble("window.y", 0);
        opened = GradebenchApp.open(stage, services, prefs);
        vm = opened.viewModel();
        main = stage;
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != main) w.hide();
            }
            opened.close();
        });
        services.close();
    }

    /** What a drag carries, as the toolkit's clipboard peer would hold it. */
    private static final class Payload implements TKClipboard {
        private final Map<DataFormat, Object> content = new HashMap<>();

        Payload(DataFormat format, Object value) {
            content.put(format, value);
        }

        @Override
        public void setSecurityContext(AccessControlContext ctx) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return content.keySet();
        }

        @SafeVarargs
        @Override
        public final boolean putContent(Pair<DataFormat, Object>... items) {
            for (Pair<DataFormat, Object> p : items) content.put(p.getKey(), p.getValue());
            return true;
        }

        @Override
        public Object getContent(DataFormat f) {
            return content.get(f);
        }

        @Override
        public boolean hasContent(DataFormat f) {
            return content.containsKey(f);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return EnumSet.of(TransferMode.COPY, TransferMode.MOVE, TransferMode.LINK);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double v) {
        }

        @Override
        public void setDragViewOffsetY(double v) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }

    /** How the window answered a drop. */
    private record Outcome(TransferMode accepted, boolean dropCompleted) {
    }

    private static Dragboard dragboard(TKClipboard peer) throws Exception {
        // the factory the toolkit itself uses for drags (package-private)
        Method create = Dragboard.class.getDeclaredMethod("createDragboard", TKClipboard.class);
        create.setAccessible(true);
        return (Dragboard) create.invoke(null, peer);
    }

    /** Enters, moves over, drops on and leaves the middle of the window, on the FX thread. */
    private Outcome drop(FxRobot robot, TKClipboard payload) throws Exception {
        Outcome[] out = new Outcome[1];
        Dragboard db = onFx(() -> dragboard(payload));
        robot.interact(() -> {
            Node root = main.getScene().getRoot();
            Bounds local = root.getBoundsInLocal();
            Bounds screen = root.localToScreen(local);
            double x = local.getCenterX();
            double y = local.getCenterY();
            DragEvent entered = event(root, DragEvent.DRAG_ENTERED, db, x, y, screen);
            Event.fireEvent(root, entered);
            DragEvent over = event(root, DragEvent.DRAG_OVER, db, x, y, screen);
            Event.fireEvent(root, over);
            TransferMode accepted = over.getAcceptedTransferMode();
            boolean completed = false;
            if (accepted != null) {
                DragEvent dropped = event(root, DragEvent.DRAG_DROPPED, db, x, y, screen);
                Event.fireEvent(root, dropped);
                completed = dropped.isDropCompleted();
            }
            Event.fireEvent(root, event(root, DragEvent.DRAG_EXITED, db, x, y, screen));
            out[0] = new Outcome(accepted, completed);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return out[0];
    }

    private static DragEvent event(Node target, javafx.event.EventType<DragEvent> type, Dragboard db, double x, double y,
                                   Bounds screen) {
        return new DragEvent(null, target, type, db, x, y, screen.getCenterX(), screen.getCenterY(), TransferMode.COPY,
                null, target, null);
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private void waitFor(int seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static Path samples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("sample-assignments"))) return p.resolve("sample-assignments");
        }
        throw new IllegalStateException("sample-assignments not found");
    }

    private Optional<DialogPane> importDialog() {
        return Window.getWindows().stream().filter(w -> w != main && w.isShowing() && w.getScene() != null)
                .map(w -> w.getScene().lookup(".dialog-pane")).filter(DialogPane.class::isInstance)
                .map(DialogPane.class::cast).findFirst();
    }

    @Test
    void droppingAnAssignmentFolderOpensItAndDroppingSubmissionsShowsTheImportPreview(FxRobot robot) throws Exception {
        Path assignment = samples().resolve("c-geometry").toAbsolutePath().normalize();
        Outcome first = drop(robot, new Payload(DataFormat.FILES, List.of(assignment.toFile())));
        assertThat(first).isEqualTo(new Outcome(TransferMode.COPY, true));
        waitFor(30, () -> vm.assignmentProperty().get() != null && vm.busyProperty().get() == 0);
        assertThat(onFx(() -> vm.assignmentProperty().get().root().toAbsolutePath().normalize())).isEqualTo(assignment);

        File submissions = assignment.resolve("submissions").toFile();
        Outcome second = drop(robot, new Payload(DataFormat.FILES, List.of(submissions)));
        assertThat(second).isEqualTo(new Outcome(TransferMode.COPY, true));
        waitFor(30, () -> importDialog().isPresent());
        assertThat(onFx(() -> importDialog().orElseThrow().getHeaderText())).matches("\\d+ submissions found in submissions");
        // nothing is replaced until the preview is confirmed: closing it discards the import
        robot.interact(() -> importDialog().orElseThrow().getScene().getWindow().hide());
        waitFor(10, () -> vm.importPreviewProperty().get() == null);
        assertThat(onFx(() -> opened.window().root().getPseudoClassStates().toString())).doesNotContain("drop-target");
    }

    @Test
    void textIsRefusedAndChangesNothing(FxRobot robot) throws Exception {
        Outcome o = drop(robot, new Payload(DataFormat.PLAIN_TEXT, samples().resolve("c-geometry").toString()));
        assertThat(o).isEqualTo(new Outcome(null, false));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertThat(onFx(() -> vm.assignmentProperty().get())).isNull();
        assertThat(onFx(() -> vm.importPreviewProperty().get())).isNull();
        assertThat(onFx(() -> vm.messageProperty().get())).isNull();
        assertThat(importDialog()).isEmpty();
    }
}
