package org.gradebench.core.history;

import java.nio.file.Path;
import java.util.OptionalLong;

/** Another process (usually another Gradebench) has the history database open; only one may use it at a time. */
public class HistoryInUseException extends HistoryException {
    private static final long serialVersionUID = 1L;

    private final transient Path database;
    private final Long ownerPid;

    public HistoryInUseException(Path database, OptionalLong ownerPid, String message, Throwable cause) {
        super(message, cause);
        this.database = database;
        this.ownerPid = ownerPid.isPresent() ? ownerPid.getAsLong() : null;
    }

    public Path database() {
        return database;
    }

    /** The process holding the database, when it could be identified and is still alive. */
    public OptionalLong ownerPid() {
        return ownerPid == null ? OptionalLong.empty() : OptionalLong.of(ownerPid);
    }
}
