package org.gradebench.core.grading;

import org.gradebench.core.submission.Submission;

/**
 * Progress of a grading session. Called on worker threads, possibly thousands of times a second: implementations
 * must be quick and thread-safe (the GUI batches through FxThread).
 */
public interface GradingListener {

    default void sessionStarted(long sessionId, Progress progress) {
    }

    default void compiled(Submission submission, CompileResult compile) {
    }

    /** @param testIndex the test's position in the assignment */
    default void testFinished(Submission submission, int testIndex, TestResult result, Progress progress) {
    }

    default void submissionFinished(SubmissionResult result, Progress progress) {
    }

    default void sessionFinished(GradingOutcome outcome) {
    }

    GradingListener NONE = new GradingListener() {
    };
}
