package org.gradebench.io.export;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.grading.SessionResults;
import org.gradebench.core.grading.SubmissionResult;
import org.gradebench.core.history.Review;
import org.gradebench.core.history.StoredSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an export needs: a stored session's results recomputed with the assignment, joined with the graders'
 * reviews.
 *
 * @param title      the assignment title (the default grade-item name)
 * @param assignment the assignment as it is now; without it there is no maximum, no expected output and no way to
 *                   tell hidden tests, so feedback shows verdicts only
 */
public record GradeBook(String title, long sessionId, Optional<Assignment> assignment, List<GradeRow> rows) {

    public GradeBook {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(assignment, "assignment");
        rows = List.copyOf(rows);
    }

    public static GradeBook of(StoredSession session, Map<String, Review> reviews, Optional<Assignment> assignment) {
        List<GradeRow> rows = new ArrayList<>();
        for (SubmissionResult r : SessionResults.of(session, assignment)) {
            rows.add(GradeRow.of(r, Optional.ofNullable(reviews.get(r.submission().id()))));
        }
        return new GradeBook(session.summary().info().assignmentTitle(), session.summary().id(), assignment, rows);
    }

    /** The assignment's maximum score (0 when unknown). */
    public double maxScore() {
        return rows.stream().mapToDouble(GradeRow::maxScore).max().orElse(0);
    }

    static final String OLDER_ATTEMPT = "an older attempt of a student whose newer attempt is exported";

    /**
     * One row per student: when the session holds several attempts of one student (importers keep older attempts
     * when asked, with ids like {@code jdoe#1}), the highest attempt, then the latest submitted. Students are told
     * apart by import source and LMS id, else by submission id without the {@code #<attempt>} suffix.
     */
    public List<GradeRow> latestAttempts() {
        Map<String, GradeRow> latest = new java.util.LinkedHashMap<>();
        for (GradeRow r : rows) latest.merge(Identities.studentKey(r.submission()), r, (a, b) -> newer(b, a) ? b : a);
        return rows.stream().filter(r -> latest.get(Identities.studentKey(r.submission())) == r).toList();
    }

    private static boolean newer(GradeRow a, GradeRow b) {
        var ia = a.submission().identity();
        var ib = b.submission().identity();
        if (ia.attempt() != ib.attempt()) return ia.attempt() > ib.attempt();
        return ia.submittedAt().isPresent() && ib.submittedAt().isPresent() && ia.submittedAt().get().isAfter(ib.submittedAt().get());
    }

    public List<GradeRow> overridden() {
        return rows.stream().filter(GradeRow::overridden).toList();
    }
}
