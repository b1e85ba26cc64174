package org.gradebench.core.run;

/** The fixed layout every backend presents to the program. */
public final class SandboxPaths {
    /** The submission's files and build artifacts: writable while compiling, read-only while testing. */
    public static final String PROGRAM = "/box/prog";
    /** A fresh, private, writable scratch folder per run; the working directory of test runs. */
    public static final String SCRATCH = "/box/run";

    private SandboxPaths() {
    }
}
