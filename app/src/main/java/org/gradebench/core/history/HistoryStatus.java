package org.gradebench.core.history;

import java.nio.file.Path;
import java.util.Objects;

/**
 * @param databaseFile  the file holding the history
 * @param sizeBytes     its current size on disk
 * @param schemaVersion the applied schema version ("2"), for support requests
 */
public record HistoryStatus(Path databaseFile, long sizeBytes, String schemaVersion) {
    public HistoryStatus {
        Objects.requireNonNull(databaseFile, "databaseFile");
        Objects.requireNonNull(schemaVersion, "schemaVersion");
    }
}
