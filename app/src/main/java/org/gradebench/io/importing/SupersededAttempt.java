package org.gradebench.io.importing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * An older attempt that was not returned as a submission (latest-attempt policy). Still extracted, so a grader can
 * look at it or re-import with {@link ImportOptions#latestAttemptOnly()} off.
 *
 * @param submissionId id of the submission that replaced it
 * @param attempt      1-based, oldest first
 * @param label        the LMS's own name for the attempt (e.g. the Blackboard timestamp)
 */
public record SupersededAttempt(String submissionId, int attempt, String label, Path folder,
                                Optional<Instant> submittedAt) {
}
