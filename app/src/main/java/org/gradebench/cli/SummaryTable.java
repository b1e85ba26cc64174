package org.gradebench.cli;

import org.gradebench.core.grading.SubmissionResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table printed on stdout at the end of `grade`: one row per submission, then verdict counts. */
final class SummaryTable {
    private SummaryTable() {
    }

    static void print(PrintStream out, List<SubmissionResult> results) {
        int idWidth = Math.max(10, Math.min(40, results.stream().mapToInt(r -> r.submission().id().length()).max().orElse(10)));
        int nameWidth = Math.max(7, Math.min(30, results.stream().mapToInt(r -> r.submission().student().length()).max().orElse(7)));
        String fmt = "%-" + idWidth + "s  %-" + nameWidth + "s  %-10s  %-7s  %13s  %s%n";
        out.printf(Locale.ROOT, fmt, "submission", "student", "language", "verdict", "score", "tests");
        out.println("-".repeat(idWidth + nameWidth + 50));
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (SubmissionResult r : results) {
            counts.merge(r.verdict(), 1, Integer::sum);
            out.printf(Locale.ROOT, fmt, cut(r.submission().id(), idWidth), cut(r.submission().student(), nameWidth),
                    r.compile().language().isEmpty() ? "-" : r.compile().language(), r.verdict().name(),
                    score(r), tests(r.tests()));
        }
        out.println("-".repeat(idWidth + nameWidth + 50));
        StringBuilder sb = new StringBuilder();
        counts.forEach((v, n) -> sb.append(sb.length() == 0 ? "" : "  ").append(v.name()).append(' ').append(n));
        out.println(results.size() + " submissions: " + sb);
    }

    private static String score(SubmissionResult r) {
        return CsvNumbers.format(r.score()) + " / " + CsvNumbers.format(r.maxScore());
    }

    /** One letter-pair per test, e.g. "AC AC WA TL": compact and readable in a terminal. */
    private static String tests(List<TestResult> tests) {
        StringBuilder sb = new StringBuilder();
        for (TestResult t : tests) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(switch (t.verdict()) {
                case AC -> "AC";
                case WA -> "WA";
                case TLE -> "TL";
                case MLE -> "ML";
                case OLE -> "OL";
                case RE -> "RE";
                case CE -> "CE";
                case SE -> "SE";
                case PENDING -> "..";
            });
            if (sb.length() > 120) {
                sb.append(" ...");
                break;
            }
        }
        return sb.toString();
    }

    private static String cut(String s, int w) {
        return s.length() <= w ? s : s.substring(0, w - 1) + "~";
    }

    static final class CsvNumbers {
        private CsvNumbers() {
        }

        static String format(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
        }
    }
}
