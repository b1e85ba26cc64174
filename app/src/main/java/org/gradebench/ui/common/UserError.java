package org.gradebench.ui.common;

/**
 * A failure explained for a person: what happened and what to do about it. Technical detail (the cause) goes to
 * the log file, never to the screen.
 */
public final class UserError extends Exception {
    private static final long serialVersionUID = 1L;
    private final String action;

    public UserError(String problem, String action) {
        super(problem);
        this.action = action;
    }

    public UserError(String problem, String action, Throwable cause) {
        super(problem, cause);
        this.action = action;
    }

    public String problem() {
        return getMessage();
    }

    /** What the user can do next ("" when nothing in particular). */
    public String action() {
        return action;
    }
}
