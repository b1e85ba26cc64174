package org.gradebench.core.grading;

import org.gradebench.core.submission.Submission;

import java.util.List;
import java.util.Objects;

/** A graded submission: build, every test in test order, overall verdict and score. */
public record SubmissionResult(Submission submission, CompileResult compile, List<TestResult> tests, Verdict verdict,
                               double score, double maxScore) {
    public SubmissionResult {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(compile, "compile");
        tests = List.copyOf(tests);
        Objects.requireNonNull(verdict, "verdict");
    }
}
