package org.gradebench.core.history;

import org.gradebench.core.grading.CompileResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.submission.Submission;

import java.util.List;
import java.util.Optional;

/** A whole session read back from the history. Submission folders may no longer exist on disk. */
public record StoredSession(SessionSummary summary, List<StoredSubmission> submissions) {

    public StoredSession {
        submissions = List.copyOf(submissions);
    }

    public record StoredSubmission(Submission submission, String filesHash, Optional<CompileResult> compile,
                                   List<TestResult> tests) {
        public StoredSubmission {
            tests = List.copyOf(tests);
        }
    }
}
