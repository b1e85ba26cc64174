package org.gradebench.sandbox.docker;

import java.util.ArrayList;
import java.util.List;

/**
 * The few shell lines every exec runs, as the sandbox uid, before it becomes the launcher ({@code exec "$@"}).
 * <p>
 * A warm container serves many runs, and a run may leave files in the places only the container can reach: the
 * {@code /tmp} tmpfs, {@code /dev/shm}, POSIX message queues, and in copy mode the scratch and output folders.
 * Wiping them here costs a millisecond; a separate exec would cost ~50. If anything survives the wipe, the prelude
 * exits {@value #EXIT_DIRTY} without starting the run and the session recreates the container.
 * In copy mode it then moves the run's input files (uploaded to {@code /box/in/<n>/}) into the scratch folder.
 * It writes nothing to stdout: that stream carries only the launcher's report.
 */
final class ExecPrelude {
    /** Something could not be wiped: recreate the container and try again. */
    static final int EXIT_DIRTY = 97;
    /** The input files could not be moved into scratch. */
    static final int EXIT_INPUTS = 96;

    static final String SCRIPT = String.join("\n",
            "m=$1; n=$2; shift 2",
            "wipe() {",
            "  for d in \"$@\"; do",
            "    [ -d \"$d\" ] || continue",
            "    for f in \"$d\"/* \"$d\"/.[!.]* \"$d\"/..?*; do",
            "      [ -e \"$f\" ] || [ -L \"$f\" ] || continue",
            "      rm -rf -- \"$f\" 2>/dev/null || { chmod -R u+rwx -- \"$f\" 2>/dev/null; rm -rf -- \"$f\" 2>/dev/null; }",
            "    done",
            "  done",
            "}",
            "left() {",
            "  for d in \"$@\"; do",
            "    [ -d \"$d\" ] || continue",
            "    for f in \"$d\"/* \"$d\"/.[!.]* \"$d\"/..?*; do",
            "      if [ -e \"$f\" ] || [ -L \"$f\" ]; then echo \"gb-prelude: cannot remove $f\" >&2; return 0; fi",
            "    done",
            "  done",
            "  return 1",
            "}",
            "dirs='/tmp /dev/shm /dev/mqueue'",
            "[ \"$m\" = copy ] && dirs=\"$dirs /box/run\"",
            "wipe $dirs",
            "if left $dirs; then exit " + EXIT_DIRTY + "; fi",
            "if [ \"$m\" = copy ] && [ -n \"$n\" ] && [ -d \"/box/in/$n\" ]; then",
            "  for f in \"/box/in/$n\"/* \"/box/in/$n\"/.[!.]* \"/box/in/$n\"/..?*; do",
            "    [ -e \"$f\" ] || [ -L \"$f\" ] || continue",
            "    mv -- \"$f\" /box/run/ || exit " + EXIT_INPUTS,
            "  done",
            "fi",
            "exec \"$@\"");

    private ExecPrelude() {
    }

    /**
     * The exec's argv: {@code /bin/sh -c SCRIPT gb-prelude <mode> <inputs-dir> <launcher argv...>}.
     *
     * @param copyMode  wipe scratch and output folders too, and move inputs from {@code /box/in/<inputsDir>}
     * @param inputsDir the run's folder under /box/in (copy mode), or empty
     */
    static List<String> command(boolean copyMode, String inputsDir, List<String> launcherArgv) {
        List<String> cmd = new ArrayList<>(launcherArgv.size() + 6);
        cmd.add("/bin/sh");
        cmd.add("-c");
        cmd.add(SCRIPT);
        cmd.add("gb-prelude");
        cmd.add(copyMode ? "copy" : "bind");
        cmd.add(inputsDir);
        cmd.addAll(launcherArgv);
        return cmd;
    }
}
