package org.gradebench.io.export;

import org.gradebench.core.grading.SubmissionResult;
import org.gradebench.core.history.Review;
import org.gradebench.core.submission.Submission;

import java.util.Objects;
import java.util.Optional;

/**
 * One student's grade as it will be exported.
 *
 * @param score      the manual override when there is one, else the computed score; on the assignment's scale
 * @param maxScore   the assignment's maximum (0 when unknown)
 * @param overridden the score is a grader's override, not what the tests computed
 */
public record GradeRow(SubmissionResult result, Optional<Review> review, double score, double maxScore,
                       boolean overridden) {

    public GradeRow {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(review, "review");
    }

    public static GradeRow of(SubmissionResult result, Optional<Review> review) {
        Optional<Double> override = review.flatMap(Review::scoreOverride);
        return new GradeRow(result, review, override.orElse(result.score()), result.maxScore(), override.isPresent());
    }

    public Submission submission() {
        return result.submission();
    }

    public double computedScore() {
        return result.score();
    }

    /** The manual comment for the whole submission ("" for none). */
    public String comment() {
        return review.map(Review::comment).orElse("");
    }

    /**
     * The score on an LMS scale of {@code lmsMax} points, rounded to 2 decimals. Unscaled when the assignment's
     * maximum is unknown (0) or equal.
     */
    public double scaled(double lmsMax) {
        return scale(score, maxScore, lmsMax);
    }

    public double computedScaled(double lmsMax) {
        return scale(computedScore(), maxScore, lmsMax);
    }

    static double scale(double value, double from, double to) {
        if (from <= 0 || from == to) return value;
        return Math.round(value * to / from * 100.0) / 100.0;
    }
}
