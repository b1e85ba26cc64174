package org.gradebench.core.export;

/**
 * An export that cannot be done as asked, for a reason the user can fix (no such session, a file the LMS needs was
 * not given, a feedback folder that is not empty...). The message says what to do; nothing was written.
 */
public final class ExportRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExportRefusedException(String message) {
        super(message);
    }

    public ExportRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
