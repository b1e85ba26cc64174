package org.gradebench.core.check;

/** A custom validator cannot run at all (no program found, compile error): every check reports ERROR with this. */
public class ValidatorUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public ValidatorUnavailableException(String message) {
        super(message);
    }
}
