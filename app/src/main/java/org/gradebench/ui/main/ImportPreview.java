package org.gradebench.ui.main;

import org.gradebench.core.submission.SubmissionSource;

import java.nio.file.Path;

/**
 * Submissions read from a folder or archive, waiting for the user to confirm before they replace the current ones.
 */
public record ImportPreview(Path source, SubmissionSource.ImportResult result) {
}
