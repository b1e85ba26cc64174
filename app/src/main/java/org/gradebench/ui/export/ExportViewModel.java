package org.gradebench.ui.export;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.export.ExportRefusedException;
import org.gradebench.core.export.GradeExportService;
import org.gradebench.core.export.GradeExportService.Format;
import org.gradebench.ui.common.UiPreferences;
import org.gradebench.ui.common.UserError;
import org.gradebench.ui.common.UserMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The "Export grades" dialog's state and its one command: export the session on screen (overrides and comments
 * included, as the reviews store has them) through the {@link GradeExportService} port, then say what was written.
 * Mutated on the UI executor; the export itself runs on the background executor. Failures become a
 * {@link UserMessage} (never a stack trace); details go to the log.
 */
public final class ExportViewModel {
    private static final Logger log = LoggerFactory.getLogger(ExportViewModel.class);
    /** Choices of the decimal-separator box. */
    public static final String DECIMAL_AUTO = "As in the LMS file (else .)";
    public static final List<String> DECIMALS = List.of(DECIMAL_AUTO, ".", ",");

    /** Gives the service when the export starts (opening the database may fail: that is a message too). */
    @FunctionalInterface
    public interface ServiceSource {
        GradeExportService get() throws UserError;
    }

    private final ServiceSource service;
    private final long sessionId;
    private final String title;
    private final UiPreferences prefs;
    private final Executor ui;
    private final Executor background;

    private final ObjectProperty<Format> format = new SimpleObjectProperty<>(Format.MOODLE);
    private final StringProperty template = new SimpleStringProperty("");
    private final StringProperty column = new SimpleStringProperty("");
    private final StringProperty out = new SimpleStringProperty("");
    private final BooleanProperty feedback = new SimpleBooleanProperty(true);
    private final StringProperty feedbackTarget = new SimpleStringProperty("");
    private final StringProperty decimal = new SimpleStringProperty(DECIMAL_AUTO);
    private final BooleanProperty comments = new SimpleBooleanProperty(false);
    private final StringProperty templateHint = new SimpleStringProperty("");
    private final StringProperty feedbackHint = new SimpleStringProperty("");
    private final StringProperty columnHint = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty report = new SimpleStringProperty("");
    private final ObjectProperty<UserMessage> message = new SimpleObjectProperty<>();
    private final ObjectProperty<GradeExportService.Result> result = new SimpleObjectProperty<>();
    private final BooleanBinding canExport;

    /**
     * @param sessionId the session on screen
     * @param title     the assignment title, for suggested file names
     */
    public ExportViewModel(ServiceSource service, long sessionId, String title, UiPreferences prefs, Executor ui,
                           Executor background) {
        this.service = service;
        this.sessionId = sessionId;
        this.title = title;
        this.prefs = prefs;
        this.ui = ui;
        this.background = background;
        prefs.get("export.format").flatMap(ExportViewModel::parse).ifPresent(format::set);
        prefs.get("export.decimal").filter(DECIMALS::contains).ifPresent(decimal::set);
        feedback.set(!"false".equals(prefs.get("export.feedback").orElse("true")));
        format.addListener((o, a, b) -> formatChanged(a, b));
        formatChanged(null, format.get());
        canExport = Bindings.createBooleanBinding(() -> !running.get() && !out.get().isBlank(), running, out);
    }

    private static Optional<Format> parse(String s) {
        try {
            return Optional.of(Format.parse(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** New hints, and new suggested file names unless the user typed their own. */
    private void formatChanged(Format before, Format now) {
        templateHint.set(switch (now.template()) {
            case NONE -> "Not used: the plain CSV has every student and every test.";
            case RECOMMENDED -> "Recommended: " + now.templateFile() + ". Its rows and columns are kept and only the "
                    + "grades are filled in, so the LMS accepts it as it is.";
            case NEEDED_WITHOUT_USERNAMES -> "Needed: " + now.templateFile() + ". Brightspace's submissions download "
                    + "has no Username or Org Defined ID, which its grade import needs; students are found in this file "
                    + "by email or name.";
        });
        // the same option means a different thing per LMS (Moodle: the worksheet's grade column header)
        columnHint.set(switch (now) {
            case MOODLE -> "the worksheet's grade column (default: Grade; give it for a translated worksheet)";
            case CANVAS -> "the assignment column as Canvas names it, e.g. Lab 1 (128834) (default: the assignment title)";
            case BLACKBOARD -> "the Grade Center column, e.g. Lab 1 [Total Pts: 10 Score] |92376 (default: the assignment title)";
            case BRIGHTSPACE -> "the grade item's exact name, e.g. Lab 1 (default: the assignment title)";
            case CSV -> "not used by the plain CSV";
        });
        feedbackHint.set("feedback.html and feedback.txt for each student: " + now.feedbackLayout() + ".");
        Optional<Path> dir = directory();
        if (out.get().isBlank() || before != null && out.get().equals(suggestedOut(before, dir))) {
            out.set(suggestedOut(now, dir));
        }
        if (feedbackTarget.get().isBlank() || before != null && feedbackTarget.get().equals(suggestedFeedback(before, dir))) {
            feedbackTarget.set(suggestedFeedback(now, dir));
        }
    }

    private Optional<Path> directory() {
        return prefs.get("export.dir").flatMap(d -> {
            try {
                return Optional.of(Path.of(d));
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        });
    }

    private String base() {
        String t = title.replaceAll("[^\\p{L}\\p{N}._ -]+", "").strip().replace(' ', '-');
        return (t.isEmpty() ? "grades" : t) + "-session-" + sessionId;
    }

    private String suggestedOut(Format f, Optional<Path> dir) {
        String name = base() + "-" + f.id() + ".csv";
        return dir.map(d -> d.resolve(name).toString()).orElse("");
    }

    private String suggestedFeedback(Format f, Optional<Path> dir) {
        String name = base() + "-feedback" + (f == Format.MOODLE ? ".zip" : "");
        return dir.map(d -> d.resolve(name).toString()).orElse("");
    }

    /** The file name the Save dialog proposes. */
    public String suggestedFileName() {
        return base() + "-" + format.get().id() + ".csv";
    }

    /** Exports with the current choices; {@link #reportProperty()} or {@link #messageProperty()} tells the outcome. */
    public void export() {
        if (running.get()) return;
        GradeExportService.Request request;
        try {
            request = request();
        } catch (UserError e) {
            message.set(UserMessage.error(e));
            return;
        }
        running.set(true);
        message.set(null);
        report.set("");
        result.set(null);
        prefs.put("export.format", format.get().id());
        prefs.put("export.decimal", decimal.get());
        prefs.put("export.feedback", Boolean.toString(feedback.get()));
        Optional.ofNullable(request.out().toAbsolutePath().getParent()).ifPresent(d -> prefs.put("export.dir", d.toString()));
        background.execute(() -> {
            GradeExportService.Result r;
            try {
                r = service.get().export(request);
            } catch (Exception e) {
                UserError err = explain(e);
                ui.execute(() -> {
                    running.set(false);
                    message.set(UserMessage.error(err));
                });
                return;
            }
            log.info("session {} exported as {} to {}: {} rows", sessionId, r.format().id(), r.gradeFile(), r.rows());
            ui.execute(() -> {
                running.set(false);
                result.set(r);
                report.set(describe(r));
                message.set(r.rows() == 0
                        ? UserMessage.warning("No grade was written to " + r.gradeFile().getFileName() + ".",
                        "See the skipped rows below: the LMS file may be another course's, or need other key columns.")
                        : UserMessage.success("Exported " + r.rows() + " grade(s) to " + r.gradeFile().getFileName()
                        + r.feedback().map(f -> ", feedback for " + f.written() + " student(s)").orElse("") + "."));
            });
        });
    }

    /** The request the dialog's fields describe, or why not. */
    GradeExportService.Request request() throws UserError {
        Path outPath = path(out.get(), "the grade file");
        if (outPath == null) throw new UserError("Choose where to save the grade file.", "Type a file name or use Browse.");
        GradeExportService.Request r = GradeExportService.Request.of(sessionId, format.get(), outPath)
                .withColumn(column.get().strip()).withComments(comments.get());
        if (format.get().template() != GradeExportService.Template.NONE) {
            r = r.withTemplate(path(template.get(), "the LMS grade file"));
        }
        if (feedback.get()) {
            Path fb = path(feedbackTarget.get(), "the feedback location");
            if (fb == null) {
                String name = outPath.getFileName().toString().replaceFirst("(?i)\\.csv$", "") + "-feedback"
                        + (format.get() == Format.MOODLE ? ".zip" : "");
                fb = outPath.resolveSibling(name);
                feedbackTarget.set(fb.toString());
            }
            r = r.withFeedback(fb);
        }
        if (!decimal.get().equals(DECIMAL_AUTO)) r = r.withDecimalSeparator(decimal.get().charAt(0));
        return r;
    }

    private static Path path(String text, String what) throws UserError {
        if (text == null || text.isBlank()) return null;
        try {
            return Path.of(text.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UserError("'" + text.strip() + "' is not a valid path for " + what + ".", "Use Browse to pick it.");
        }
    }

    private UserError explain(Exception e) {
        if (e instanceof UserError u) return u;
        if (e instanceof ExportRefusedException r) {
            log.info("export refused: {}", r.getMessage());
            return new UserError(sentence(r.getMessage()), "Change that choice and export again.", r);
        }
        if (e instanceof InvalidInputException i) {
            log.info("export refused: {}", i.getMessage());
            return new UserError(sentence(i.getMessage()), format.get().templateFile().isEmpty() ? "Check the choices and export again."
                    : "Pick that file in 'LMS grade file' above (" + format.get().templateFile() + ") and export again.", i);
        }
        if (e instanceof IOException io) {
            log.warn("export failed", io);
            return new UserError("Could not write the export: " + io.getMessage(),
                    "Check that the folder exists and you may write there, and that the file is not open in another program.", io);
        }
        log.error("export failed", e);
        return new UserError("Something went wrong while exporting.", "Details are in the log file.", e);
    }

    /** Messages written for the console start in lower case; on screen they are sentences. */
    static String sentence(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The result as a person reads it: what was written, then the details the CLI prints. */
    static String describe(GradeExportService.Result r) {
        List<String> lines = new ArrayList<>();
        lines.add("Files written:");
        for (Path p : r.files()) lines.add("  " + p);
        lines.add(String.format(Locale.ROOT, "%d grade row(s), %d overridden by hand, %d skipped.", r.rows(),
                r.overridden().size(), r.skipped().size()));
        lines.add("");
        lines.addAll(r.summaryLines());
        return String.join("\n", lines);
    }

    // ---------------------------------------------------------------- properties

    public ObjectProperty<Format> formatProperty() {
        return format;
    }

    public StringProperty templateProperty() {
        return template;
    }

    public StringProperty columnProperty() {
        return column;
    }

    public StringProperty outProperty() {
        return out;
    }

    public BooleanProperty feedbackProperty() {
        return feedback;
    }

    public StringProperty feedbackTargetProperty() {
        return feedbackTarget;
    }

    public StringProperty decimalProperty() {
        return decimal;
    }

    public BooleanProperty commentsProperty() {
        return comments;
    }

    public ReadOnlyStringProperty templateHintProperty() {
        return templateHint;
    }

    /** Something to know before exporting (e.g. the session holds only some of the students on screen); "" for none. */
    public ReadOnlyStringProperty noteProperty() {
        return note;
    }

    public void setNote(String text) {
        note.set(text == null ? "" : text);
    }

    /** What the grade-item field means for the chosen LMS. */
    public ReadOnlyStringProperty columnHintProperty() {
        return columnHint;
    }

    public ReadOnlyStringProperty feedbackHintProperty() {
        return feedbackHint;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** The readable report of the last successful export ("" before). */
    public ReadOnlyStringProperty reportProperty() {
        return report;
    }

    /** Success, warning or error of the last export (null before). */
    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return message;
    }

    public ReadOnlyObjectProperty<GradeExportService.Result> resultProperty() {
        return result;
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }

    public long sessionId() {
        return sessionId;
    }
}
