package org.gradebench.io.export.feedback;

import org.gradebench.core.grading.Verdict;

import java.util.List;
import java.util.Optional;

/**
 * What one student's feedback report says, already decided (what to show of hidden tests, excerpts cut), so the HTML
 * and text renderings cannot disagree. Strings hold raw text; renderers escape.
 *
 * @param score            the exported score, formatted ("7.50")
 * @param computedScore    what the tests gave, formatted; differs from {@code score} when overridden
 * @param compileLog       compiler output when the build failed (excerpt)
 * @param assignmentKnown  false: the assignment was not available, so no expected outputs and every test's data is
 *                         withheld (hidden-ness unknown)
 */
public record StudentFeedback(String assignment, String student, String submissionId, String score, String maxScore,
                              boolean overridden, String computedScore, boolean late, Verdict verdict,
                              Optional<String> compileLog, String comment, List<TestFeedback> tests,
                              boolean assignmentKnown) {

    public StudentFeedback {
        tests = List.copyOf(tests);
    }

    public long passed() {
        return tests.stream().filter(t -> t.verdict() == Verdict.AC).count();
    }

    /**
     * @param hidden         no input, output, diff or checker message is shown, only the verdict (and the grader's
     *                       own comment)
     * @param checkerMessage empty for hidden tests
     * @param diff           unified diff lines (expected vs actual), excerpted; empty when not applicable or hidden
     * @param note           why something is missing ("expected output unavailable", "output truncated", ...)
     */
    public record TestFeedback(String name, Verdict verdict, boolean hidden, String comment, String checkerMessage,
                               Optional<String> input, List<String> diff, Optional<String> stderr, String note,
                               long cpuMs, long memoryKb, boolean ran) {
        public TestFeedback {
            diff = List.copyOf(diff);
        }

        public boolean failed() {
            return verdict != Verdict.AC;
        }
    }
}
