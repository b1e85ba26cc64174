package org.gradebench.io.export.feedback;

import org.gradebench.core.grading.Verdict;

import java.util.List;
import java.util.Locale;

import static org.gradebench.io.export.Texts.html;
import static org.gradebench.io.export.Texts.visibleControls;

/**
 * Renders {@link StudentFeedback} as a self-contained HTML page and as plain text. Everything that came from a student
 * or a grader is escaped (the HTML also forbids scripts and remote content with a Content-Security-Policy, in case a
 * browser or LMS preview is lenient).
 */
public final class FeedbackRenderer {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#1b1b1b}
            h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:1.6rem;border-bottom:1px solid #ddd}
            h3{font-size:1.05rem}.who{color:#555;margin-top:0}.score{font-size:1.15rem}
            table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}
            .AC{color:#1a7f37}.fail{color:#b42318}
            pre{background:#f6f8fa;padding:.5rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
            .del{background:#ffebe9;display:block}.add{background:#e6ffec;display:block}.hunk{color:#6e7781;display:block}
            .note{color:#555;font-style:italic}.comment{background:#fff8c5;padding:.3rem .6rem;border-left:3px solid #d4a72c}
            """;

    private FeedbackRenderer() {
    }

    public static String toHtml(StudentFeedback f) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Feedback: ").append(html(f.assignment())).append(" \u2013 ").append(html(f.student()))
                .append("</title>\n<style>").append(CSS).append("</style></head>\n<body>\n");
        h.append("<h1>").append(html(f.assignment())).append("</h1>\n");
        h.append("<p class=\"who\">").append(html(f.student()));
        if (!f.submissionId().equals(f.student())) h.append(" (").append(html(f.submissionId())).append(')');
        h.append("</p>\n");
        h.append("<p class=\"score\">Score: <strong>").append(html(f.score())).append(" / ").append(html(f.maxScore()))
                .append("</strong>");
        if (f.overridden()) {
            h.append(" <span class=\"note\">(set by your grader; the automatic tests gave ").append(html(f.computedScore()))
                    .append(")</span>");
        }
        h.append("</p>\n<p>Result: <span class=\"").append(f.verdict() == Verdict.AC ? "AC" : "fail").append("\">")
                .append(html(f.verdict().description())).append("</span>");
        if (!f.tests().isEmpty()) h.append(" \u2013 ").append(f.passed()).append(" of ").append(countGraded(f)).append(" tests passed");
        h.append("</p>\n");
        if (f.late()) h.append("<p class=\"fail\">Submitted late.</p>\n");
        if (!f.comment().isBlank()) {
            h.append("<h2>Comment from your grader</h2>\n<div class=\"comment\">").append(paragraphs(f.comment())).append("</div>\n");
        }
        f.compileLog().ifPresent(log -> h.append("<h2>Compilation</h2>\n<p class=\"fail\">").append(html(f.verdict() == Verdict.SE
                ? "The build failed on the grading side (not your fault)." : "Your program did not compile:"))
                .append("</p>\n<pre>").append(html(log)).append("</pre>\n"));
        if (!f.tests().isEmpty()) {
            h.append("<h2>Tests</h2>\n<table><tr><th>Test</th><th>Result</th><th>CPU time</th><th>Comment</th></tr>\n");
            for (var t : f.tests()) {
                h.append("<tr><td>").append(html(t.name())).append(t.hidden() ? " <span class=\"note\">(hidden)</span>" : "")
                        .append("</td><td class=\"").append(t.verdict() == Verdict.AC ? "AC" : "fail").append("\">")
                        .append(html(t.verdict().description())).append("</td><td>")
                        .append(t.ran() ? t.cpuMs() + " ms" : "").append("</td><td>").append(paragraphs(t.comment()))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        List<StudentFeedback.TestFeedback> details = f.tests().stream().filter(t -> t.failed() && !t.hidden() && hasDetail(t)).toList();
        if (!details.isEmpty()) {
            h.append("<h2>Failed tests</h2>\n");
            for (var t : details) {
                h.append("<section><h3>").append(html(t.name())).append(" \u2013 ").append(html(t.verdict().description()))
                        .append("</h3>\n");
                if (!t.checkerMessage().isBlank()) h.append("<p>").append(html(t.checkerMessage())).append("</p>\n");
                if (!t.comment().isBlank()) h.append("<div class=\"comment\">").append(paragraphs(t.comment())).append("</div>\n");
                t.input().ifPresent(in -> h.append("<h4>Input</h4>\n<pre>").append(html(in)).append("</pre>\n"));
                if (!t.diff().isEmpty()) {
                    h.append("<h4>Expected output (-) vs your output (+)</h4>\n<pre class=\"diff\">");
                    for (String line : t.diff()) {
                        String cls = line.startsWith("@@") ? "hunk" : line.startsWith("---") || line.startsWith("+++") ? "hunk"
                                : line.startsWith("-") ? "del" : line.startsWith("+") ? "add" : "";
                        if (cls.isEmpty()) h.append(html(line)).append('\n');
                        else h.append("<span class=\"").append(cls).append("\">").append(html(line)).append("</span>");
                    }
                    h.append("</pre>\n");
                }
                t.stderr().ifPresent(e -> h.append("<h4>Error output</h4>\n<pre>").append(html(e)).append("</pre>\n"));
                if (!t.note().isBlank()) h.append("<p class=\"note\">").append(html(t.note())).append("</p>\n");
                h.append("</section>\n");
            }
        }
        if (f.tests().stream().anyMatch(StudentFeedback.TestFeedback::hidden)) {
            h.append("<p class=\"note\">").append(html(f.assignmentKnown() ? "Hidden tests show their result only."
                    : "Test details are not shown: the assignment was not available when this report was made.")).append("</p>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    public static String toText(StudentFeedback f) {
        StringBuilder s = new StringBuilder(2048);
        String title = visibleControls(f.assignment());
        s.append(title).append('\n').append("=".repeat(Math.max(3, Math.min(78, title.length())))).append("\n\n");
        s.append("Student: ").append(visibleControls(f.student()));
        if (!f.submissionId().equals(f.student())) s.append(" (").append(visibleControls(f.submissionId())).append(')');
        s.append("\nScore:   ").append(f.score()).append(" / ").append(f.maxScore());
        if (f.overridden()) s.append("  (set by your grader; the automatic tests gave ").append(f.computedScore()).append(')');
        s.append("\nResult:  ").append(f.verdict().description());
        if (!f.tests().isEmpty()) s.append(" - ").append(f.passed()).append(" of ").append(countGraded(f)).append(" tests passed");
        s.append('\n');
        if (f.late()) s.append("Submitted late.\n");
        if (!f.comment().isBlank()) {
            s.append("\nComment from your grader:\n").append(indent(visibleControls(f.comment().strip()))).append('\n');
        }
        f.compileLog().ifPresent(log -> s.append("\nCompilation ").append(f.verdict() == Verdict.SE
                ? "failed on the grading side (not your fault):\n" : "failed:\n").append(indent(log)).append('\n'));
        if (!f.tests().isEmpty()) {
            int w = Math.min(40, f.tests().stream().mapToInt(t -> t.name().length()).max().orElse(4) + 2);
            s.append("\nTests:\n");
            for (var t : f.tests()) {
                s.append(String.format(Locale.ROOT, "  %-" + w + "s %-3s %s%s%n", visibleControls(t.name()), t.verdict().name(),
                        t.verdict().description(), t.hidden() ? " (hidden)" : ""));
                if (!t.comment().isBlank()) s.append(indent(indent("Grader: " + visibleControls(t.comment().strip())))).append('\n');
            }
        }
        for (var t : f.tests()) {
            if (!t.failed() || t.hidden() || !hasDetail(t)) continue;
            s.append("\n--- ").append(visibleControls(t.name())).append(": ").append(t.verdict().description()).append(" ---\n");
            if (!t.checkerMessage().isBlank()) s.append(t.checkerMessage().strip()).append('\n');
            t.input().ifPresent(in -> s.append("Input:\n").append(indent(in)).append('\n'));
            if (!t.diff().isEmpty()) s.append("Expected output (-) vs your output (+):\n").append(indent(String.join("\n", t.diff()))).append('\n');
            t.stderr().ifPresent(e -> s.append("Error output:\n").append(indent(e)).append('\n'));
            if (!t.note().isBlank()) s.append(t.note()).append('\n');
        }
        if (f.tests().stream().anyMatch(StudentFeedback.TestFeedback::hidden)) {
            s.append('\n').append(f.assignmentKnown() ? "Hidden tests show their result only."
                    : "Test details are not shown: the assignment was not available when this report was made.").append('\n');
        }
        return s.toString();
    }

    private static long countGraded(StudentFeedback f) {
        return f.tests().stream().filter(t -> t.ran() || t.verdict() != Verdict.PENDING).count();
    }

    private static boolean hasDetail(StudentFeedback.TestFeedback t) {
        // a comment alone is already in the table of tests
        return !t.checkerMessage().isBlank() || t.input().isPresent() || !t.diff().isEmpty() || t.stderr().isPresent()
                || !t.note().isBlank();
    }

    private static String paragraphs(String text) {
        if (text.isBlank()) return "";
        return org.gradebench.io.export.Texts.htmlParagraphs(visibleControls(text));
    }

    private static String indent(String text) {
        return "    " + text.stripTrailing().replace("\n", "\n    ");
    }
}
