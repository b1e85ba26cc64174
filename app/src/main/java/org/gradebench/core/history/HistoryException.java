package org.gradebench.core.history;

/**
 * The history could not be read or written (database missing, corrupt, in use, or a write failed). The message is
 * meant for the user; the cause carries the technical detail.
 */
public class HistoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HistoryException(String message) {
        super(message);
    }

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
