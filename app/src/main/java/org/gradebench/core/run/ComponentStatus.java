package org.gradebench.core.run;

import java.util.List;
import java.util.Objects;

/**
 * One line of the component dashboard (`gradebench doctor`, the window's status panel): a part, its state, and the
 * action that fixes it.
 *
 * @param component e.g. "bubblewrap", "Docker engine", "Python 3 toolchain", "history database"
 * @param summary   one line, e.g. "bubblewrap 0.8.0, usable"
 * @param details   further facts (versions, paths), problems first
 * @param fix       what to do when not OK ("" when nothing)
 */
public record ComponentStatus(String component, Level level, String summary, List<String> details, String fix) {
    public enum Level { OK, WARNING, ERROR }

    public ComponentStatus {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(summary, "summary");
        details = List.copyOf(details);
        Objects.requireNonNull(fix, "fix");
    }
}
