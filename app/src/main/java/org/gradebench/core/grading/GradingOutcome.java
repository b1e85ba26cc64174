package org.gradebench.core.grading;

import org.gradebench.core.history.SessionState;

import java.time.Duration;
import java.util.List;

/**
 * The end of a session: every submission in request order. After a cancel, unfinished submissions carry the tests
 * that finished and PENDING for the rest.
 */
public record GradingOutcome(long sessionId, SessionState state, List<SubmissionResult> results, Progress progress,
                             Duration elapsed) {
    public GradingOutcome {
        results = List.copyOf(results);
    }
}
