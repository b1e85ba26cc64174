package org.gradebench.core.run;

/** A workspace for one program; runs are sequential within a session (the engine never runs two at once). */
public interface SandboxSession extends AutoCloseable {

    /**
     * Runs one process. A program that misbehaves still yields a result; only a failure of the sandbox itself throws
     * (and the caller records SE).
     */
    RunResult run(RunSpec spec) throws SandboxException, InterruptedException;

    @Override
    void close();
}
