package org.gradebench.core.grading;

import org.gradebench.core.run.RunResult;

import java.util.Objects;
import java.util.Optional;

/**
 * The build step of a submission.
 *
 * @param verdict  AC (built, or nothing to build), CE (the student's code did not build) or SE (we failed)
 * @param language the profile used, or "" when none could be chosen
 * @param log      compiler output (capped) or the reason no plan could be made
 * @param run      the compile run, when there was one
 */
public record CompileResult(Verdict verdict, String language, String log, Optional<RunResult> run) {
    public CompileResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(run, "run");
    }
}
