package org.gradebench.io.importing;

import org.gradebench.core.submission.SubmissionSource.ImportResult;

import java.util.List;

/** The port's {@link ImportResult} plus what only this importer knows (attempts it did not return). */
public record ImportReport(ImportResult result, List<SupersededAttempt> superseded) {
    public ImportReport {
        superseded = List.copyOf(superseded);
    }
}
