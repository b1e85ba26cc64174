package org.gradebench.io.export;

import org.gradebench.core.assignment.InvalidInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Collects what happens during one export (skips, warnings) and holds the choices every exporter shares. */
final class ExportContext {
    final GradeBook book;
    final ExportOptions options;
    final List<ExportReport.Skipped> skipped = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    double lmsMax;
    /** The decimal separator: the option when given; an exporter may detect it from a template instead. */
    char decimal;

    ExportContext(GradeBook book, ExportOptions options) {
        this.book = book;
        this.options = options;
        this.decimal = options.decimalSeparator().orElse('.');
    }

    /**
     * The rows to export: one per student. When a session holds several attempts of one student (importers keep
     * older attempts when asked), the highest attempt is exported and the others are reported as skipped.
     */
    List<GradeRow> rows() {
        if (rows == null) {
            rows = book.latestAttempts();
            for (GradeRow r : book.rows()) {
                if (!rows.contains(r)) skip(r, GradeBook.OLDER_ATTEMPT);
            }
        }
        return rows;
    }

    private List<GradeRow> rows;

    void skip(GradeRow r, String reason) {
        skipped.add(new ExportReport.Skipped(r.submission().id(), r.submission().student(), reason));
    }

    void warn(String w) {
        warnings.add(w);
    }

    /**
     * Chooses the LMS maximum: explicit option, else what the template says, else the assignment's. Warns about
     * scores the LMS would refuse (above the maximum).
     */
    void resolveMax(OptionalDouble fromTemplate, String templateWhat) {
        double own = book.maxScore();
        if (options.maxPoints().isPresent()) {
            lmsMax = options.maxPoints().getAsDouble();
            if (fromTemplate.isPresent() && fromTemplate.getAsDouble() != lmsMax) {
                warn("--max-points " + Texts.number(lmsMax, 2, '.') + " differs from the template's " + templateWhat
                        + " " + Texts.number(fromTemplate.getAsDouble(), 2, '.'));
            }
        } else if (fromTemplate.isPresent() && fromTemplate.getAsDouble() > 0) {
            lmsMax = fromTemplate.getAsDouble();
        } else {
            lmsMax = own;
        }
        if (own <= 0) {
            warn("the assignment's maximum is unknown: scores are exported unscaled");
        } else if (own != lmsMax) {
            warn("scores are scaled from " + Texts.number(own, 2, '.') + " to " + Texts.number(lmsMax, 2, '.') + " points");
        }
    }

    void checkRange(GradeRow r, double value) {
        if (lmsMax > 0 && value > lmsMax) {
            warn("'" + r.submission().id() + "' gets " + Texts.number(value, 2, '.') + ", above the maximum "
                    + Texts.number(lmsMax, 2, '.') + " (the LMS may refuse or skip it)");
        }
        if (value < 0) warn("'" + r.submission().id() + "' gets a negative score " + Texts.number(value, 2, '.'));
    }

    String grade(double value) {
        return Texts.number(value, 2, decimal);
    }

    ExportReport report(Path file, ExportFormat format, int written) {
        List<String> overridden = (rows == null ? book.rows() : rows).stream().filter(GradeRow::overridden)
                .filter(r -> skipped.stream().noneMatch(s -> s.submissionId().equals(r.submission().id())))
                .map(r -> r.submission().id()).toList();
        return new ExportReport(file, format, written, lmsMax, decimal, overridden, skipped, warnings);
    }

    CsvTable template() throws IOException, InvalidInputException {
        return CsvTable.read(options.template().orElseThrow());
    }

    /** Writes through a temporary file in the same folder, so a failed export never leaves half a grade file. */
    static void writeAtomically(Path file, CsvDialect dialect, List<List<String>> records) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            try (CsvWriter w = CsvWriter.create(tmp, dialect)) {
                for (List<String> r : records) w.row(r);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
