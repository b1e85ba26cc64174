package org.gradebench.sandbox.docker;

import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.SandboxException;

import java.util.Map;

/** Moves a session's files between the host and its container: {@link BindTransfer} or {@link CopyTransfer}. */
interface FileTransfer extends AutoCloseable {

    record Collected(CapturedOutput stdout, CapturedOutput stderr, Map<String, CapturedOutput> files) {
        public Collected {
            files = Map.copyOf(files);
        }
    }

    boolean copyMode();

    /** Adds the mounts or volumes this transfer needs. */
    ContainerSpecBuilder configure(ContainerSpecBuilder builder);

    /** Called after create, before start: copy mode puts the launcher and the program in. */
    void afterCreate(String containerId, ContainerShape shape) throws SandboxException;

    /**
     * Prepares a fresh scratch folder with the run's input files (bind mode: on the host; copy mode: uploaded for the
     * prelude to move).
     *
     * @return the prelude's inputs argument (copy mode), else ""
     */
    String stage(String containerId, RunSpec spec, int seq) throws SandboxException;

    /** Reads stdout, stderr and the requested files back, capped, regular files only. */
    Collected collect(String containerId, RunSpec spec) throws SandboxException;

    /** After a compile: keeps the program folder as the compile left it, for the test containers. */
    void afterCompile(String containerId) throws SandboxException;

    /** Deletes the session's host files. */
    @Override
    void close();
}
