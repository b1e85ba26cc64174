package org.gradebench.ui;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gradebench.AppServices;
import org.gradebench.core.export.GradeExportService.Format;
import org.gradebench.core.history.Review;
import org.gradebench.io.export.CsvTable;
import org.gradebench.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gradebench.ui.WindowFixture.onFx;
import static org.gradebench.ui.WindowFixture.waitFor;

/**
 * File > Export grades end to end, with real grading (bwrap, real compilers, H2 in a temp folder): grade the C sample,
 * override one score, open the dialog with its shortcut, export a grade file and feedback, read the file back; then
 * ask for a Brightspace file without its grades export and read the refusal. Run headless with
 * {@code mvn -Pheadless -Dgroups=gui test}.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ExportDialogFlowTest {
    @TempDir
    static Path dir;

    private WindowFixture window;
    private MainViewModel vm;
    private AppServices services;

    @Start
    void start(Stage stage) throws Exception {
        window = WindowFixture.open(stage, "export-flow");
        vm = window.vm;
        services = window.services;
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        window.close(robot, () -> { });
    }

    @Test
    @SuppressWarnings("unchecked")
    void gradeOverrideExportAndReadTheFileBack(FxRobot robot) throws Exception {
        waitFor(20, () -> vm.assignments().stream().anyMatch(a -> a.sample()));
        robot.clickOn("#open-sample");
        waitFor(30, () -> vm.submissionsProperty().get() != null && vm.busyProperty().get() == 0);
        int students = onFx(() -> vm.matrix().rowCount());
        assertThat(students).isEqualTo(13);
        robot.clickOn("#grade-all");
        waitFor(10, () -> vm.gradingProperty().get());
        waitFor(300, () -> !vm.gradingProperty().get());
        long session = onFx(() -> vm.sessionIdProperty().get());
        // what the detail pane's "Save review" stores: an override and a comment
        services.reviews().saveReview(session, new Review("deepak_patel", Optional.of(1.5), "Please come to office hours, Deepak.", Map.of()));

        robot.push(KeyCode.CONTROL, KeyCode.E);
        waitFor(10, () -> robot.lookup("#export-format").tryQuery().isPresent());
        Path out = dir.resolve("export/grades.csv");
        Path feedback = dir.resolve("export/feedback");
        robot.interact(() -> {
            robot.lookup("#export-format").queryAs(ComboBox.class).setValue(Format.CSV);
            robot.lookup("#export-out").queryAs(TextField.class).setText(out.toString());
            robot.lookup("#export-feedback-target").queryAs(TextField.class).setText(feedback.toString());
        });
        robot.clickOn("#export-run");
        waitFor(30, () -> !robot.lookup("#export-report").queryAs(TextArea.class).getText().isEmpty());

        String report = robot.lookup("#export-report").queryAs(TextArea.class).getText();
        assertThat(report).contains("Files written:\n  " + out + "\n  " + feedback)
                .contains("13 grade row(s), 1 overridden by hand, 0 skipped.")
                .contains("1 overridden by hand: deepak_patel");
        assertThat(robot.lookup("#export-message").queryAs(Label.class).getText())
                .isEqualTo("Exported 13 grade(s) to grades.csv, feedback for 13 student(s).");
        snapshot(robot, "export-dialog-result");
        CsvTable t = CsvTable.read(out);
        assertThat(t.rows()).hasSize(13);
        List<String> deepak = t.rows().stream().filter(r -> r.get(t.column("id")).equals("deepak_patel")).findFirst().orElseThrow();
        assertThat(deepak.get(t.column("score"))).isEqualTo("1.50");
        assertThat(deepak.get(t.column("overridden"))).isEqualTo("yes");
        assertThat(deepak.get(t.column("comment"))).isEqualTo("Please come to office hours, Deepak.");
        assertThat(t.rows()).extracting(r -> r.get(t.column("overridden"))).filteredOn("yes"::equals).hasSize(1);
        try (var files = Files.list(feedback)) {
            assertThat(files.filter(Files::isDirectory).count()).isEqualTo(13);
        }

        // Brightspace without its grades export: a sentence naming the file to download, nothing written
        Path d2l = dir.resolve("export/d2l.csv");
        robot.interact(() -> {
            robot.lookup("#export-format").queryAs(ComboBox.class).setValue(Format.BRIGHTSPACE);
            robot.lookup("#export-out").queryAs(TextField.class).setText(d2l.toString());
            robot.lookup("#export-feedback-target").queryAs(TextField.class).setText(dir.resolve("export/fb2").toString());
        });
        robot.clickOn("#export-run");
        waitFor(30, () -> robot.lookup("#export-message").queryAs(Label.class).getText().contains("Brightspace"));
        String refusal = robot.lookup("#export-message").queryAs(Label.class).getText();
        assertThat(refusal).startsWith("A Brightspace").contains("no Username or OrgDefinedId").contains("Grades > Export").doesNotContain("Exception");
        assertThat(robot.lookup("#export-action").queryAs(Label.class).getText()).startsWith("Pick that file in 'LMS grade file' above");
        assertThat(d2l).doesNotExist();
        snapshot(robot, "export-dialog-refusal");
        robot.clickOn("#export-close");
    }

    /** The dialog as drawn, under target/ (for a look at the layout; no assertion rests on it). */
    private static void snapshot(FxRobot robot, String name) throws Exception {
        javafx.scene.image.WritableImage img = onFx(() -> robot.lookup("#export-run").query().getScene().snapshot(null));
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        java.awt.image.BufferedImage b = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getPixelReader().getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            b.setRGB(0, y, w, 1, row, 0, w);
        }
        Path file = Path.of("target", name + ".png");
        javax.imageio.ImageIO.write(b, "png", file.toFile());
    }
}
