package org.gradebench.core.history;

import java.util.Map;
import java.util.Optional;

/**
 * Port: manual reviews (score overrides and comments) kept next to the run history, per session and submission.
 * Every write is committed before it returns; implementations are thread-safe. A review can only be saved for a
 * submission recorded in that session.
 */
public interface ReviewStore {

    /** Records or replaces the review of {@code review.submissionId()} in the session (test comments included). */
    void saveReview(long sessionId, Review review);

    Optional<Review> review(long sessionId, String submissionId);

    /** Every review of a session, by submission id. */
    Map<String, Review> reviews(long sessionId);

    /** Removes a review; does nothing when there is none. */
    void deleteReview(long sessionId, String submissionId);
}
