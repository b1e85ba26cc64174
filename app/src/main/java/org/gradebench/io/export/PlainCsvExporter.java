package org.gradebench.io.export;

import org.gradebench.core.grading.TestResult;

import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Gradebench's own grade CSV, for any other LMS or a spreadsheet: RFC 4180, UTF-8 (byte-order mark only when asked),
 * one row per submission with its identity, the computed and the exported score, whether it was overridden, the
 * grader's comment and every test verdict. Free-text cells are defused against spreadsheet formula injection
 * (a leading {@code '}); ids and numbers are written as they are.
 */
public final class PlainCsvExporter implements GradeExporter {
    static final List<String> HEADER = List.of("id", "student", "source", "lms_id", "login", "email", "late",
            "submitted_at", "attempt", "verdict", "computed_score", "score", "max_score", "overridden", "comment");

    @Override
    public ExportFormat format() {
        return ExportFormat.CSV;
    }

    @Override
    public ExportReport write(GradeBook book, ExportOptions options, Path out) throws IOException {
        ExportContext ctx = new ExportContext(book, options);
        ctx.resolveMax(OptionalDouble.empty(), "");
        if (options.template().isPresent()) ctx.warn("the plain CSV format does not use a template: --lms-template ignored");
        Set<String> tests = new LinkedHashSet<>();
        book.assignment().ifPresent(a -> a.tests().forEach(t -> tests.add(t.name())));
        book.rows().forEach(r -> r.result().tests().forEach(t -> tests.add(t.testName())));
        List<List<String>> records = new ArrayList<>();
        List<String> header = new ArrayList<>(HEADER);
        tests.forEach(t -> header.add("test:" + t));
        records.add(header);
        for (GradeRow r : book.rows()) {
            var s = r.submission();
            var i = s.identity();
            double v = r.scaled(ctx.lmsMax);
            ctx.checkRange(r, v);
            List<String> row = new ArrayList<>();
            row.add(s.id());
            row.add(Texts.safeText(s.student()));
            row.add(i.source());
            row.add(i.lmsId().orElse(""));
            row.add(i.login().orElse(""));
            row.add(Texts.safeText(i.email().orElse("")));
            row.add(Boolean.toString(i.late()));
            row.add(i.submittedAt().map(DateTimeFormatter.ISO_INSTANT::format).orElse(""));
            row.add(Integer.toString(i.attempt()));
            row.add(r.result().verdict().name());
            row.add(ctx.grade(r.computedScaled(ctx.lmsMax)));
            row.add(ctx.grade(v));
            row.add(ctx.grade(ctx.lmsMax));
            row.add(r.overridden() ? "yes" : "no");
            row.add(Texts.safeText(r.comment()));
            for (String t : tests) {
                row.add(r.result().tests().stream().filter(x -> x.testName().equals(t)).map(TestResult::verdict)
                        .map(Enum::name).findFirst().orElse(""));
            }
            records.add(row);
        }
        ExportContext.writeAtomically(out, new CsvDialect(ctx.decimal == ',' ? ';' : ',', CsvDialect.Quoting.MINIMAL,
                options.bom().orElse(false), "\r\n"), records);
        return ctx.report(out, format(), book.rows().size());
    }
}
