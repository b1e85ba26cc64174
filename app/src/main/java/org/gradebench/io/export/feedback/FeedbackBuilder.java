package org.gradebench.io.export.feedback;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.TestCase;
import org.gradebench.core.grading.CompileResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.run.RunResult;
import org.gradebench.io.export.GradeRow;
import org.gradebench.io.export.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what a student sees about their submission. Hidden tests (and every test when the assignment is not
 * available, since then hidden-ness is unknown) show only their verdict and the grader's comment: no input, expected
 * output, diff, checker message or error output. Expected outputs are read from the assignment's test files, once
 * per export.
 */
public final class FeedbackBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackBuilder.class);
    static final int EXPECTED_MAX_BYTES = 256 * 1024;
    static final int INPUT_EXCERPT_BYTES = 2048;
    static final int INPUT_EXCERPT_LINES = 20;
    static final int STDERR_EXCERPT_BYTES = 2048;
    static final int COMPILE_LOG_BYTES = 8192;
    static final int DIFF_LINES = 60;

    private final Optional<Assignment> assignment;
    private final String title;
    private final Map<String, Optional<String>> expected = new HashMap<>();
    private final Map<String, Optional<String>> inputs = new HashMap<>();

    public FeedbackBuilder(String title, Optional<Assignment> assignment) {
        this.title = title;
        this.assignment = assignment;
    }

    /**
     * @param lmsMax  the maximum the exported score is on
     * @param decimal the decimal separator used in the grade file
     */
    public StudentFeedback build(GradeRow row, double lmsMax, char decimal) {
        var result = row.result();
        CompileResult compile = result.compile();
        Optional<String> compileLog = compile.verdict() == Verdict.CE || compile.verdict() == Verdict.SE
                ? Optional.of(excerpt(compile.log(), COMPILE_LOG_BYTES)) : Optional.empty();
        Map<String, String> testComments = row.review().map(r -> r.testComments()).orElse(Map.of());
        List<StudentFeedback.TestFeedback> tests = new ArrayList<>();
        for (TestResult t : result.tests()) {
            Optional<TestCase> tc = assignment.flatMap(a -> a.test(t.testName()));
            boolean hidden = tc.map(TestCase::hidden).orElse(true);
            tests.add(test(t, tc, hidden, testComments.getOrDefault(t.testName(), "")));
        }
        // Comments on tests the result does not list (renamed since) are still the grader's words: keep them.
        for (var e : testComments.entrySet()) {
            if (result.tests().stream().noneMatch(t -> t.testName().equals(e.getKey()))) {
                tests.add(new StudentFeedback.TestFeedback(e.getKey(), Verdict.PENDING, true, e.getValue(), "",
                        Optional.empty(), List.of(), Optional.empty(), "", 0, 0, false));
            }
        }
        return new StudentFeedback(title, row.submission().student(), row.submission().id(),
                Texts.number(row.scaled(lmsMax), 2, decimal), Texts.number(lmsMax > 0 ? lmsMax : row.maxScore(), 2, decimal),
                row.overridden(), Texts.number(row.computedScaled(lmsMax), 2, decimal),
                row.submission().identity().late(), result.verdict(), compileLog, row.comment(), tests,
                assignment.isPresent());
    }

    private StudentFeedback.TestFeedback test(TestResult t, Optional<TestCase> tc, boolean hidden, String comment) {
        RunResult run = t.run();
        boolean ran = run.outcome() == RunResult.Outcome.EXITED || run.outcome() == RunResult.Outcome.SIGNALED;
        // A test that never ran (build failed, cancelled) has nothing to show but the grader's comment.
        if (hidden || t.verdict() == Verdict.AC || (!ran && t.verdict() != Verdict.SE)) {
            return new StudentFeedback.TestFeedback(t.testName(), t.verdict(), hidden, comment, "", Optional.empty(),
                    List.of(), Optional.empty(), "", run.cpuMs(), run.peakMemoryKb(), ran);
        }
        String note = "";
        List<String> diff = List.of();
        Optional<String> input = tc.flatMap(c -> inputs.computeIfAbsent(c.name(), n -> inputExcerpt(c.input())));
        if (ran && (t.verdict() == Verdict.WA || t.verdict() == Verdict.OLE)) {
            Optional<String> exp = tc.flatMap(c -> expected.computeIfAbsent(c.name(), n -> read(c.expected(), EXPECTED_MAX_BYTES)));
            if (exp.isEmpty()) {
                note = "The expected output is not available.";
            } else {
                diff = DiffExcerpt.unified(exp.get(), run.stdout().text(), DIFF_LINES, 2);
                if (diff.isEmpty()) note = "No line differs: the difference is in whitespace, line endings or the final newline.";
            }
            if (run.stdout().truncated()) note = (note + " Your output was cut at " + run.stdout().size() + " bytes.").strip();
        }
        Optional<String> stderr = ran && run.stderr().size() > 0
                ? Optional.of(excerpt(run.stderr().excerpt(STDERR_EXCERPT_BYTES), STDERR_EXCERPT_BYTES + 64)) : Optional.empty();
        if (t.verdict() == Verdict.SE) note = "A system error on the grading side, not your fault; your grader will look at it.";
        return new StudentFeedback.TestFeedback(t.testName(), t.verdict(), false, comment,
                Texts.visibleControls(t.checkerMessage()), input, diff, stderr, note, run.cpuMs(), run.peakMemoryKb(), ran);
    }

    private static Optional<String> inputExcerpt(Path p) {
        return read(p, INPUT_EXCERPT_BYTES).map(s -> {
            String[] lines = s.split("\n", -1);
            String text = lines.length > INPUT_EXCERPT_LINES
                    ? String.join("\n", java.util.Arrays.copyOf(lines, INPUT_EXCERPT_LINES)) + "\n[...]" : s;
            try {
                if (Files.size(p) > INPUT_EXCERPT_BYTES && !text.endsWith("[...]")) text += "\n[...]";
            } catch (IOException e) {
                // the size is only for the "[...]" marker
            }
            return Texts.visibleControls(text);
        });
    }

    /** The first {@code max} bytes of a file as (lenient) UTF-8, or empty when unreadable. */
    static Optional<String> read(Path p, int max) {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] b = in.readNBytes(max);
            return Optional.of(new String(b, StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("cannot read test file {} for feedback: {}", p, e.toString());
            return Optional.empty();
        }
    }

    private static String excerpt(String s, int maxChars) {
        String v = s.length() > maxChars ? s.substring(0, maxChars) + "\n[... " + (s.length() - maxChars) + " more characters]" : s;
        return Texts.visibleControls(v);
    }
}
