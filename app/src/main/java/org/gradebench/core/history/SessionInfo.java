package org.gradebench.core.history;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a grading session ran with, recorded when it starts.
 *
 * @param assignmentPath    absolute path of the assignment folder (the key for resume)
 * @param testsHash         hash of every test's input and expected output and the checker, so two sessions can tell
 *                          whether the tests changed
 * @param checker           the checker's description
 * @param submissionsSource absolute path of the folder or archive graded
 * @param backend           "bwrap", "docker" or "none"
 * @param toolchains        profile name -> version line
 * @param unsafe            graded without a sandbox (explicit --unsafe-no-sandbox)
 */
public record SessionInfo(Instant started, String assignmentTitle, String assignmentPath, String testsHash,
                          String checker, String submissionsSource, String backend, Map<String, String> toolchains,
                          int jobs, boolean unsafe) {
    public SessionInfo {
        Objects.requireNonNull(started);
        Objects.requireNonNull(assignmentTitle);
        Objects.requireNonNull(assignmentPath);
        Objects.requireNonNull(testsHash);
        Objects.requireNonNull(checker);
        Objects.requireNonNull(submissionsSource);
        Objects.requireNonNull(backend);
        toolchains = Map.copyOf(toolchains);
    }
}
