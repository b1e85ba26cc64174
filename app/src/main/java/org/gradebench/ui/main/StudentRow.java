package org.gradebench.ui.main;

import org.gradebench.core.grading.Verdict;

import java.time.Instant;
import java.util.Optional;

/** One line of the Students table (immutable: a change replaces the row, so sorting and filtering follow). */
public record StudentRow(int row, String student, String lmsId, String language, double score, double maxScore,
                         Verdict verdict, boolean late, Optional<Instant> lastGraded, int passed, int tests) {
}
