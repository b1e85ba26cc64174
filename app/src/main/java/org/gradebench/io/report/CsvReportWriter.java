package org.gradebench.io.report;

import org.gradebench.core.grading.SubmissionResult;
import org.gradebench.core.grading.TestResult;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain CSV of the grades: one row per submission, one column per test verdict (RFC 4180 quoting). */
public final class CsvReportWriter {

    public void write(Path file, List<String> testNames, List<SubmissionResult> results) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>(List.of("id", "student", "language", "verdict", "score", "max_score", "late"));
            testNames.forEach(n -> header.add("test:" + n));
            row(w, header);
            for (SubmissionResult r : results) {
                List<String> cells = new ArrayList<>();
                cells.add(r.submission().id());
                cells.add(r.submission().student());
                cells.add(r.compile().language());
                cells.add(r.verdict().name());
                cells.add(number(r.score()));
                cells.add(number(r.maxScore()));
                cells.add(Boolean.toString(r.submission().identity().late()));
                for (TestResult t : r.tests()) cells.add(t.verdict().name());
                row(w, cells);
            }
        }
    }

    static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    static void row(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) w.write(',');
            w.write(quote(cells.get(i)));
        }
        w.write("\r\n");
    }

    static String quote(String s) {
        boolean needs = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        // A leading = + - @ makes spreadsheets evaluate the cell (CSV injection): prefix it.
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?")) {
            s = "'" + s;
            needs = true;
        }
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
