package org.gradebench.ui.export;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.gradebench.core.export.GradeExportService.Format;
import org.gradebench.core.export.GradeExportService.Template;
import org.gradebench.ui.common.Styles;
import org.gradebench.ui.common.UserMessage;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * "Export grades": format, the LMS grade file where the format needs or benefits from it, the output, per-student
 * feedback, decimal separator, feedback comments; Export runs in the background and the dialog stays open to show
 * what was written (or why not). Built in code over an {@link ExportViewModel}.
 */
public final class ExportDialog {
    public static final ButtonType EXPORT = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);

    private ExportDialog() {
    }

    /** Shows the dialog (modal) until the user closes it. */
    public static void show(Window owner, ExportViewModel vm) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Export grades");
        d.setHeaderText("Export session " + vm.sessionId() + ": grades (with your overrides) and feedback for the LMS");
        d.getDialogPane().setContent(content(owner, vm));
        d.setResizable(true);
        d.getDialogPane().setPrefWidth(780);
        d.getDialogPane().setMinWidth(680);
        d.getDialogPane().getButtonTypes().addAll(EXPORT, ButtonType.CLOSE);
        Button export = (Button) d.getDialogPane().lookupButton(EXPORT);
        export.setId("export-run");
        export.disableProperty().bind(vm.canExportProperty().not());
        // the dialog stays open: the result is shown in it
        export.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.export();
        });
        d.getDialogPane().lookupButton(ButtonType.CLOSE).setId("export-close");
        d.showAndWait();
    }

    private static Node content(Window owner, ExportViewModel vm) {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(140);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(labels, fields);
        int row = 0;

        ComboBox<Format> format = new ComboBox<>();
        format.setId("export-format");
        format.getItems().addAll(Format.values());
        format.valueProperty().bindBidirectional(vm.formatProperty());
        g.addRow(row++, new Label("Format"), format);

        TextField template = field("export-template", vm.templateProperty(), "the grade CSV downloaded from the LMS");
        Button browseTemplate = new Button("Browse\u2026");
        browseTemplate.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("The grade file downloaded from the LMS");
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV, TSV or text", "*.csv", "*.tsv", "*.txt"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            initialDir(fc, vm.templateProperty().get());
            File f = fc.showOpenDialog(owner);
            if (f != null) vm.templateProperty().set(f.getAbsolutePath());
        });
        Label templateHint = hint(vm);
        templateHint.textProperty().bind(vm.templateHintProperty());
        Label templateLabel = new Label("LMS grade file");
        HBox templateRow = row(template, browseTemplate);
        g.addRow(row++, templateLabel, templateRow);
        g.add(templateHint, 1, row++);
        Runnable templateShown = () -> {
            boolean used = vm.formatProperty().get().template() != Template.NONE;
            templateRow.setDisable(!used);
        };
        vm.formatProperty().addListener((o, a, b) -> templateShown.run());
        templateShown.run();

        TextField column = field("export-column", vm.columnProperty(), "");
        column.promptTextProperty().bind(vm.columnHintProperty());
        column.disableProperty().bind(vm.formatProperty().isEqualTo(Format.CSV));
        g.addRow(row++, new Label("Grade item"), column);

        TextField out = field("export-out", vm.outProperty(), "where to save the grade file");
        Button browseOut = new Button("Browse\u2026");
        browseOut.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Save the grade file");
            fc.setInitialFileName(vm.suggestedFileName());
            initialDir(fc, vm.outProperty().get());
            File f = fc.showSaveDialog(owner);
            if (f != null) vm.outProperty().set(f.getAbsolutePath());
        });
        g.addRow(row++, new Label("Save grades to"), row(out, browseOut));

        CheckBox feedback = new CheckBox("Feedback");
        feedback.setTooltip(new javafx.scene.control.Tooltip("Write a feedback report (HTML and text) for every student"));
        feedback.setId("export-feedback");
        feedback.selectedProperty().bindBidirectional(vm.feedbackProperty());
        TextField feedbackTarget = field("export-feedback-target", vm.feedbackTargetProperty(),
                "a .zip, or a new folder (default: next to the grade file)");
        Button browseFeedback = new Button("Browse\u2026");
        browseFeedback.setOnAction(e -> {
            File f;
            if (vm.formatProperty().get() == Format.MOODLE) {
                FileChooser fc = new FileChooser();
                fc.setTitle("Save the feedback zip");
                fc.setInitialFileName("feedback.zip");
                initialDir(fc, vm.outProperty().get());
                f = fc.showSaveDialog(owner);
            } else {
                DirectoryChooser dc = new DirectoryChooser();
                dc.setTitle("A new, empty folder for the feedback");
                f = dc.showDialog(owner);
            }
            if (f != null) vm.feedbackTargetProperty().set(f.getAbsolutePath());
        });
        HBox feedbackRow = row(feedbackTarget, browseFeedback);
        feedbackRow.disableProperty().bind(vm.feedbackProperty().not());
        g.addRow(row++, feedback, feedbackRow);
        Label feedbackHint = hint(vm);
        feedbackHint.textProperty().bind(vm.feedbackHintProperty());
        g.add(feedbackHint, 1, row++);

        ComboBox<String> decimal = new ComboBox<>();
        decimal.setId("export-decimal");
        decimal.getItems().addAll(ExportViewModel.DECIMALS);
        decimal.valueProperty().bindBidirectional(vm.decimalProperty());
        g.addRow(row++, new Label("Decimal separator"), decimal);

        CheckBox comments = new CheckBox("Also write my comments into the LMS's feedback column");
        comments.setTooltip(new javafx.scene.control.Tooltip("Moodle's 'Feedback comments'; Blackboard's 'Feedback to "
                + "Learner' when the Grade Center file has it. Off by default: an empty comment may clear feedback typed in the LMS."));
        comments.setId("export-comments");
        comments.setWrapText(true);
        comments.selectedProperty().bindBidirectional(vm.commentsProperty());
        g.add(comments, 1, row++);

        Label status = new Label();
        status.setId("export-message");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        Label action = new Label();
        action.setId("export-action");
        action.setWrapText(true);
        action.setMinHeight(Region.USE_PREF_SIZE);
        action.getStyleClass().add(Styles.MUTED);
        vm.messageProperty().addListener((o, a, m) -> {
            // AtlantaFX's label colours, so both themes get them
            status.getStyleClass().removeAll(atlantafx.base.theme.Styles.DANGER, atlantafx.base.theme.Styles.WARNING,
                    atlantafx.base.theme.Styles.SUCCESS);
            status.setText(m == null ? "" : m.text());
            action.setText(m == null ? "" : m.action());
            if (m != null) status.getStyleClass().add(m.severity() == UserMessage.Severity.ERROR ? atlantafx.base.theme.Styles.DANGER
                    : m.severity() == UserMessage.Severity.WARNING ? atlantafx.base.theme.Styles.WARNING : atlantafx.base.theme.Styles.SUCCESS);
        });
        vm.runningProperty().addListener((o, a, b) -> {
            if (b) status.setText("Exporting\u2026");
        });
        TextArea report = new TextArea();
        report.setId("export-report");
        report.setEditable(false);
        report.setWrapText(true);
        report.setPrefRowCount(9);
        report.textProperty().bind(vm.reportProperty());
        report.visibleProperty().bind(vm.reportProperty().isNotEmpty());
        report.managedProperty().bind(report.visibleProperty());

        Label note = new Label();
        note.setId("export-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().add("gb-warning-text");
        note.textProperty().bind(vm.noteProperty());
        note.visibleProperty().bind(vm.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());

        VBox box = new VBox(10, note, g, status, action, report);
        box.setPadding(new Insets(8, 12, 4, 4));
        // long messages and reports scroll; the Export and Close buttons stay on screen
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(560);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        // a new message is scrolled into view
        vm.messageProperty().addListener((o, a, b) -> scroll.setVvalue(1.0));
        return scroll;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(p);
        HBox.setHgrow(f, Priority.ALWAYS);
        return f;
    }

    private static HBox row(Node field, Button browse) {
        HBox h = new HBox(6, field, browse);
        HBox.setHgrow(field, Priority.ALWAYS);
        return h;
    }

    private static Label hint(ExportViewModel vm) {
        Label l = new Label();
        l.setWrapText(true);
        l.getStyleClass().add(Styles.MUTED);
        l.setMinHeight(Region.USE_PREF_SIZE);
        // a small preferred width: the column's width decides, and the text wraps instead of widening the dialog
        l.setPrefWidth(200);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static void initialDir(FileChooser fc, String current) {
        if (current == null || current.isBlank()) return;
        try {
            Path p = Path.of(current).toAbsolutePath().getParent();
            if (p != null && Files.isDirectory(p)) fc.setInitialDirectory(p.toFile());
        } catch (RuntimeException e) {
            // a half-typed path: the chooser opens in its default folder
        }
    }
}
