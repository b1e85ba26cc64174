package org.gradebench.core.grading;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.check.CheckerProvider;
import org.gradebench.core.submission.Submission;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to grade.
 *
 * @param submissionsSource the folder or archive the submissions came from (recorded, and the key for resume)
 * @param checkers          the checkers for this session; the engine closes it when the session ends
 * @param toolchains        profile name -> toolchain version, recorded with the session
 * @param resumeSessionId   continue this unfinished session: results already recorded are kept, not re-run
 * @param onlyTests         run only these tests (empty = all)
 * @param unsafe            the backend is the unsandboxed one (recorded in the history, warned about by callers)
 */
public record GradingRequest(Assignment assignment, List<Submission> submissions, String submissionsSource,
                             CheckerProvider checkers, Map<String, String> toolchains, Optional<Long> resumeSessionId,
                             Set<String> onlyTests, boolean unsafe) {
    public GradingRequest {
        Objects.requireNonNull(assignment, "assignment");
        submissions = List.copyOf(submissions);
        Objects.requireNonNull(submissionsSource, "submissionsSource");
        Objects.requireNonNull(checkers, "checkers");
        toolchains = Map.copyOf(toolchains);
        Objects.requireNonNull(resumeSessionId, "resumeSessionId");
        onlyTests = Set.copyOf(onlyTests);
        long distinct = submissions.stream().map(Submission::id).distinct().count();
        if (distinct != submissions.size()) throw new IllegalArgumentException("submission ids must be unique");
    }
}
