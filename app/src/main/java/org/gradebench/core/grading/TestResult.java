package org.gradebench.core.grading;

import org.gradebench.core.run.RunResult;

import java.util.Objects;

/**
 * One (submission, test) cell.
 *
 * @param run            the raw run (outputs, time, memory); a synthetic SE or CE result when the test did not run
 * @param checkerMessage the checker's explanation, or why the verdict was given
 */
public record TestResult(String testName, Verdict verdict, RunResult run, String checkerMessage) {
    public TestResult {
        Objects.requireNonNull(testName, "testName");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(checkerMessage, "checkerMessage");
    }
}
