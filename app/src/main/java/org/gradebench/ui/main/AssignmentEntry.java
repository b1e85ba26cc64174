package org.gradebench.ui.main;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An assignment in the sidebar list.
 *
 * @param sample one of the bundled sample assignments
 */
public record AssignmentEntry(Path folder, String title, boolean sample) {
    public AssignmentEntry {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(title, "title");
    }

    @Override
    public String toString() {
        return title;
    }
}
