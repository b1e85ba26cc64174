package org.gradebench.core.history;

import org.gradebench.core.grading.CompileResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.submission.Submission;

import java.util.List;
import java.util.Optional;

/**
 * Port: the grading history (implemented by store.h2.H2RunHistory). Every write is committed before it returns, so
 * a crash loses nothing that was recorded. Implementations are thread-safe (workers record concurrently).
 * Failures of the storage itself surface as {@link HistoryException}.
 */
public interface RunHistory extends AutoCloseable {

    /** Starts a grading session; returns its id. */
    long startSession(SessionInfo info);

    void finishSession(long sessionId, SessionState state);

    /** Records a submission of a session (idempotent per session and submission id). */
    void recordSubmission(long sessionId, Submission submission, String filesHash);

    /** Records (or replaces) the compile step of a submission. */
    void recordCompile(long sessionId, String submissionId, CompileResult compile);

    /**
     * Records (or replaces) one test result.
     *
     * @param testIndex the test's position in the assignment, so results read back in test order although workers
     *                  record them out of order
     */
    void recordTest(long sessionId, String submissionId, int testIndex, TestResult result);

    /** Every session, newest first. */
    List<SessionSummary> sessions();

    Optional<SessionSummary> session(long sessionId);

    /** Everything stored for a session: submissions with compile and test results (outputs included). */
    Optional<StoredSession> load(long sessionId);

    /** The newest session of this assignment and submissions source that did not complete, for {@code --resume}. */
    Optional<SessionSummary> latestUnfinished(String assignmentPath, String submissionsSource);

    /** Where and what the history is, for the status dashboard; empty when the implementation has no such notion. */
    default Optional<HistoryStatus> status() {
        return Optional.empty();
    }

    @Override
    void close();
}
