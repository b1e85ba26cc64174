package org.gradebench.io.export;

import org.gradebench.core.assignment.InvalidInputException;

import java.io.IOException;
import java.nio.file.Path;

/** Writes one LMS's grade file. Implementations are stateless and thread-safe. */
public interface GradeExporter {

    ExportFormat format();

    /**
     * @throws InvalidInputException the template is not a grade file of this LMS, or has no column for the grade item
     */
    ExportReport write(GradeBook book, ExportOptions options, Path out) throws IOException, InvalidInputException;

    static GradeExporter of(ExportFormat format) {
        return switch (format) {
            case MOODLE -> new MoodleWorksheetExporter();
            case CANVAS -> new CanvasGradebookExporter();
            case BLACKBOARD -> new BlackboardGradeCenterExporter();
            case BRIGHTSPACE -> new BrightspaceGradesExporter();
            case CSV -> new PlainCsvExporter();
        };
    }
}
