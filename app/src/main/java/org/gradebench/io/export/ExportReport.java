package org.gradebench.io.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export did.
 *
 * @param written    student rows written (or filled in the template)
 * @param lmsMax     the maximum the scores were scaled to
 * @param decimal    the decimal separator used for scores
 * @param overridden submission ids whose exported score is a manual override
 * @param skipped    submissions that are not in the file, and why
 * @param warnings   things the user should check before uploading
 */
public record ExportReport(Path file, ExportFormat format, int written, double lmsMax, char decimal, List<String> overridden,
                           List<Skipped> skipped, List<String> warnings) {

    public ExportReport {
        overridden = List.copyOf(overridden);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    public record Skipped(String submissionId, String student, String reason) {
    }
}
