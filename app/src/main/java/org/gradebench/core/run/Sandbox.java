package org.gradebench.core.run;

import java.nio.file.Path;

/**
 * Port: a sandbox backend (bwrap, Docker). Implementations must contain hostile programs: no network, no host
 * files but the toolchain (read-only) and the submission, limits on CPU, wall time, memory, processes and output,
 * nothing left running after a run, and measurements taken from inside (the launcher).
 */
public interface Sandbox extends AutoCloseable {

    /** "bwrap", "docker" or "none". */
    String name();

    /** Probed once (with a timeout) and cached; {@link SandboxStatus#usable()} false means {@link #open} will fail. */
    SandboxStatus status();

    /**
     * Opens a workspace for one program (a submission, or a custom checker): a copy of {@code sources} becomes the
     * program folder ({@link SandboxPaths#PROGRAM}). Closing it removes everything it created.
     *
     * @param label a short name for logs and container labels (e.g. the submission id)
     */
    SandboxSession open(String label, Path sources, LanguageProfile profile) throws SandboxException;

    @Override
    default void close() {
    }
}
