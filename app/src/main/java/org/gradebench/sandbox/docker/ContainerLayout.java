package org.gradebench.sandbox.docker;

/**
 * Paths inside a Gradebench container, beyond the two every backend presents ({@code SandboxPaths}).
 */
public final class ContainerLayout {
    /** The static launcher: the container's main process ({@code --keepalive}) and the runner of every exec. */
    public static final String LAUNCHER_DIR = "/.sbx";
    public static final String LAUNCHER = LAUNCHER_DIR + "/launch";
    /** The launcher writes the program's stdout and stderr here (not in the scratch folder the program lists). */
    public static final String OUT = "/box/out";
    public static final String STDOUT = OUT + "/stdout";
    public static final String STDERR = OUT + "/stderr";
    /** Copy mode only: the volume holding prog, run, out and in. */
    public static final String BOX = "/box";
    /** Copy mode only: each run's input files arrive in {@code /box/in/<n>/} and the prelude moves them to scratch. */
    public static final String IN = "/box/in";

    private ContainerLayout() {
    }
}
