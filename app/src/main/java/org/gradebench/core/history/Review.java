package org.gradebench.core.history;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A grader's manual review of one submission in one session.
 *
 * @param scoreOverride replaces the computed score when present (same scale as the computed score)
 * @param comment       feedback for the whole submission ("" for none)
 * @param testComments  feedback per test, by test name
 */
public record Review(String submissionId, Optional<Double> scoreOverride, String comment,
                     Map<String, String> testComments) {
    public Review {
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(scoreOverride, "scoreOverride");
        Objects.requireNonNull(comment, "comment");
        testComments = Map.copyOf(testComments);
        scoreOverride.ifPresent(s -> {
            if (!Double.isFinite(s)) throw new IllegalArgumentException("score override must be a finite number: " + s);
        });
    }

    public boolean isEmpty() {
        return scoreOverride.isEmpty() && comment.isEmpty() && testComments.isEmpty();
    }
}
