package org.gradebench.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.gradebench.AppServices;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.history.SessionState;
import org.gradebench.ui.main.MainViewModel;
import org.gradebench.ui.matrix.MatrixModel;
import org.gradebench.ui.matrix.ResultMatrix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gradebench.ui.WindowFixture.onFx;
import static org.gradebench.ui.WindowFixture.waitFor;

/**
 * The window end to end, with real grading (bwrap, real compilers, H2 in a temp folder): open the C sample from the
 * empty state, grade it, click a wrong answer and read the diff, regrade one cell, compare the two sessions; and
 * cancel a running session. Run headless with {@code mvn -Pheadless -Dgroups=gui test}.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class WorkbenchFlowTest {
    @TempDir
    static Path dir;

    private WindowFixture window;
    private MainViewModel vm;
    private AppServices services;

    @Start
    void start(Stage stage) throws Exception {
        window = WindowFixture.open(stage, "flow");
        vm = window.vm;
        services = window.services;
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        window.close(robot, () -> { });
    }

    private void openSample(FxRobot robot) throws Exception {
        waitFor(20, () -> vm.assignments().stream().anyMatch(a -> a.sample()));
        robot.clickOn("#open-sample");
        waitFor(30, () -> vm.submissionsProperty().get() != null && vm.busyProperty().get() == 0);
        assertThat(onFx(() -> vm.assignmentProperty().get().title())).isEqualTo(onFx(() -> vm.assignmentProperty().get().title()));
        assertThat(onFx(() -> vm.matrix().rowCount())).isEqualTo(13);
    }

    /** Clicks a cell of the matrix where it is drawn. */
    private void clickCell(FxRobot robot, MatrixModel.Cell cell) throws Exception {
        ResultMatrix m = window.opened.window().matrixView();
        int display = onFx(() -> vm.matrix().displayIndexOf(cell.row()));
        Bounds b = onFx(() -> m.localToScreen(m.getBoundsInLocal()));
        double x = b.getMinX() + ResultMatrix.NAME_W + ResultMatrix.SCORE_W + cell.test() * ResultMatrix.CELL_W + ResultMatrix.CELL_W / 2;
        double y = b.getMinY() + ResultMatrix.HEADER_H + display * ResultMatrix.ROW_H + ResultMatrix.ROW_H / 2;
        robot.clickOn(x, y);
    }

    @Test
    void openSampleGradeSelectAWrongAnswerSeeTheDiffAndCompareSessions(FxRobot robot) throws Exception {
        openSample(robot);
        robot.clickOn("#grade-all");
        waitFor(10, () -> vm.gradingProperty().get());
        waitFor(300, () -> !vm.gradingProperty().get());
        assertThat(onFx(() -> vm.summaryProperty().get().graded())).isEqualTo(13);
        assertThat(onFx(() -> vm.summaryProperty().get().accepted())).isPositive();

        int row = onFx(() -> vm.matrix().rowOf("deepak_patel").orElseThrow());
        int test = onFx(() -> {
            for (int t = 0; t < vm.matrix().testCount(); t++) if (vm.matrix().verdict(row, t) == Verdict.WA) return t;
            return -1;
        });
        assertThat(test).isNotNegative();
        clickCell(robot, new MatrixModel.Cell(row, test));
        waitFor(20, () -> window.opened.detail().diffProperty().get() != null);
        Label verdict = robot.lookup("#detail-verdict").queryAs(Label.class);
        assertThat(verdict.getText()).startsWith("WA");
        assertThat(window.opened.window().detailPane().diffView().summaryLabel().getText()).contains("differs");
        assertThat(window.opened.window().detailPane().diffView().actualArea().getText()).isNotBlank();
        assertThat(window.opened.window().detailPane().diffView().expectedArea().getText()).isNotBlank();

        // J moves to the next failing cell
        // the click gave the matrix the keyboard focus
        Object focus = onFx(() -> window.opened.window().scene().getFocusOwner());
        assertThat(focus).as("focus owner %s", focus).isSameAs(window.opened.window().matrixView());
        robot.type(KeyCode.J);
        waitFor(5, () -> !vm.selectedCellProperty().get().equals(new MatrixModel.Cell(row, test)));
        assertThat(onFx(() -> MatrixModel.failing(vm.matrix().verdict(vm.selectedCellProperty().get().row(),
                vm.selectedCellProperty().get().test())))).isTrue();

        // R regrades the selected cell: a second, small session
        robot.type(KeyCode.R);
        waitFor(10, () -> vm.gradingProperty().get() || vm.sessions().size() == 2);
        waitFor(120, () -> !vm.gradingProperty().get() && vm.sessions().size() == 2);

        robot.clickOn(robot.lookup("#sessions .list-cell").nth(0).queryAs(Node.class));
        robot.press(KeyCode.CONTROL).clickOn(robot.lookup("#sessions .list-cell").nth(1).queryAs(Node.class)).release(KeyCode.CONTROL);
        robot.clickOn("#compare-sessions");
        waitFor(30, () -> Window.getWindows().stream().anyMatch(w -> w != window.opened.window().scene().getWindow()
                && w.getScene() != null && w.getScene().lookup("#compare-table") != null));
        TableView<?> table = (TableView<?>) Window.getWindows().stream()
                .filter(w -> w != window.opened.window().scene().getWindow() && w.getScene() != null)
                .map(w -> w.getScene().lookup("#compare-table")).filter(n -> n != null).findFirst().orElseThrow();
        assertThat(vm.comparisonProperty().get().onlyOlder()).hasSize(12);
        assertThat(table.getItems().size()).isEqualTo(vm.comparisonProperty().get().changes().size());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void cancelStopsPromptlyAndKeepsFinishedResults(FxRobot robot) throws Exception {
        openSample(robot);
        robot.clickOn("#grade-all");
        waitFor(120, () -> vm.matrix().rowCount() > 0 && countGraded() >= 3);
        long t0 = System.nanoTime();
        robot.clickOn("#cancel");
        waitFor(20, () -> !vm.gradingProperty().get());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).isLessThan(20_000);

        int graded = onFx(this::countGraded);
        assertThat(graded).isGreaterThanOrEqualTo(3);
        assertThat(robot.lookup("#banner-text").queryAs(Label.class).getText()).startsWith("Grading cancelled");
        assertThat(services.history().sessions().get(0).state()).isEqualTo(SessionState.CANCELLED);
        assertThat(services.history().load(services.history().sessions().get(0).id()).orElseThrow().submissions())
                .isNotEmpty();
    }

    private int countGraded() {
        int n = 0;
        for (int r = 0; r < vm.matrix().rowCount(); r++) {
            for (int t = 0; t < vm.matrix().testCount(); t++) if (vm.matrix().verdict(r, t) != Verdict.PENDING) n++;
        }
        return n;
    }
}
