package org.gradebench.core.history;

public enum SessionState {
    /** Started and not finished: still running, or the process died (resumable). */
    RUNNING,
    COMPLETED,
    CANCELLED,
    FAILED
}
