package org.gradebench.core.run;

/** The sandbox itself failed (not the program): always reported as SE, never blamed on the student. */
public class SandboxException extends Exception {
    private static final long serialVersionUID = 1L;

    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
