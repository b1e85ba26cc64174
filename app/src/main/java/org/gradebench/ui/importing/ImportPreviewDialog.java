package org.gradebench.ui.importing;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.gradebench.core.submission.Submission;
import org.gradebench.ui.common.DialogTheme;
import org.gradebench.ui.common.Styles;
import org.gradebench.ui.main.ImportPreview;

import java.util.Optional;

/** What an import found (format, students, skipped entries), before it replaces the current submissions. */
public final class ImportPreviewDialog {
    public static final ButtonType GRADE_NOW = new ButtonType("Load and grade now", ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType LOAD = new ButtonType("Load without grading", ButtonBar.ButtonData.APPLY);

    private ImportPreviewDialog() {
    }

    public static Optional<ButtonType> show(Window owner, ImportPreview p) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        DialogTheme.apply(d, owner);
        d.setTitle("Import submissions");
        d.setHeaderText(p.result().submissions().size() + " submissions found in " + p.source().getFileName());
        Label format = new Label("Format: " + p.result().format() + "\nSource: " + p.source());
        format.setWrapText(true);
        format.getStyleClass().add(Styles.MUTED);
        ListView<String> students = new ListView<>();
        for (Submission s : p.result().submissions()) {
            students.getItems().add(s.student() + s.identity().lmsId().map(id -> "   (" + id + ")").orElse("")
                    + (s.identity().late() ? "   LATE" : ""));
        }
        students.setPrefHeight(220);
        VBox box = new VBox(8, format, new Label("Students"), students);
        if (!p.result().warnings().isEmpty()) {
            Label wl = new Label(p.result().warnings().size() + " entries were skipped:");
            wl.getStyleClass().add("gb-warning-text");
            ListView<String> warnings = new ListView<>();
            warnings.getItems().addAll(p.result().warnings());
            warnings.setPrefHeight(110);
            box.getChildren().addAll(wl, warnings);
        }
        if (p.result().submissions().isEmpty()) {
            Label none = new Label("Nothing to grade here. Pick the folder holding one subfolder or file per student, or the LMS export archive.");
            none.setWrapText(true);
            none.getStyleClass().add(Styles.MUTED);
            box.getChildren().add(none);
        }
        box.setPadding(new Insets(10, 14, 6, 14));
        box.setPrefWidth(560);
        d.getDialogPane().setContent(box);
        if (p.result().submissions().isEmpty()) d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        else d.getDialogPane().getButtonTypes().addAll(GRADE_NOW, LOAD, ButtonType.CANCEL);
        return d.showAndWait();
    }
}
