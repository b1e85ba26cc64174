package org.gradebench.core.check;

import java.util.Objects;

/**
 * A checker's judgement of one output.
 *
 * @param status  ACCEPTED, WRONG (the student's output is wrong), or ERROR (the checker itself failed: SE)
 * @param message a short explanation (first difference, validator feedback, or what failed)
 */
public record CheckResult(Status status, String message) {
    public enum Status { ACCEPTED, WRONG, ERROR }

    public CheckResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    public static CheckResult accepted() {
        return new CheckResult(Status.ACCEPTED, "");
    }

    public static CheckResult wrong(String message) {
        return new CheckResult(Status.WRONG, message);
    }

    public static CheckResult error(String message) {
        return new CheckResult(Status.ERROR, message);
    }
}
