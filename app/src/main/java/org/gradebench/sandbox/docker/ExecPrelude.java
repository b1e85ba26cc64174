package org.gradebench.sandbox.docker;

import java.util.ArrayList;
import java.util.List;

/**
 * The few shell lines every exec runs before it becomes the launcher ({@code exec "$@"}).
 * <p>
 * The exec starts as root in the container, holding only CAP_SETUID, CAP_SETGID and CAP_KILL, because the launcher
 * must outrank the program (see {@link ContainerSpecBuilder}). The cleanup, though, runs as the sandbox uid through
 * {@code gb-launch --exec-as}: a root without CAP_FOWNER or CAP_DAC_OVERRIDE could not remove what the program left
 * in the sticky {@code /tmp} or in folders it made unreadable, and nothing the program planted (a link, a FIFO) may be
 * touched with more rights than the program had.
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

    /**
     * Runs as root: the cleanup as the sandbox uid, then the launcher. Most runs leave nothing behind, and root can
     * list the three world-readable folders, so the cleanup shell is started only when something is there (always
     * in copy mode, which also moves the inputs).
     */
    static final String OUTER = String.join("\n",
            "m=$1; n=$2; u=$3; w=$4; shift 4",
            "need=; [ \"$m\" = copy ] && need=1",
            "if [ -z \"$need\" ]; then",
            "  for f in /tmp/* /tmp/.[!.]* /tmp/..?* /dev/shm/* /dev/shm/.[!.]* /dev/shm/..?* /dev/mqueue/* "
                    + "/dev/mqueue/.[!.]* /dev/mqueue/..?*; do",
            "    if [ -e \"$f\" ] || [ -L \"$f\" ]; then need=1; break; fi",
            "  done",
            "fi",
            "if [ -n \"$need\" ]; then",
            "  " + ContainerLayout.LAUNCHER + " --exec-as \"$u\" \"$u\" -- /bin/sh -c \"$w\" gb-wipe \"$m\" \"$n\" || exit $?",
            "fi",
            "exec \"$@\"");

    /** Runs as the sandbox uid. */
    static final String SCRIPT = String.join("\n",
            "m=$1; n=$2",
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
            "fi");

    private ExecPrelude() {
    }

    /**
     * The exec's argv (run it as root):
     * {@code /bin/sh -c OUTER gb-prelude <mode> <inputs-dir> <uid> SCRIPT <launcher argv...>}.
     *
     * @param copyMode  wipe scratch and output folders too, and move inputs from {@code /box/in/<inputsDir>}
     * @param inputsDir the run's folder under /box/in (copy mode), or empty
     * @param uid       the sandbox uid (and gid) the cleanup runs as; never 0
     */
    static List<String> command(boolean copyMode, String inputsDir, int uid, List<String> launcherArgv) {
        if (uid <= 0) throw new IllegalArgumentException("the cleanup must not run as root");
        List<String> cmd = new ArrayList<>(launcherArgv.size() + 8);
        cmd.add("/bin/sh");
        cmd.add("-c");
        cmd.add(OUTER);
        cmd.add("gb-prelude");
        cmd.add(copyMode ? "copy" : "bind");
        cmd.add(inputsDir);
        cmd.add(Integer.toString(uid));
        cmd.add(SCRIPT);
        cmd.addAll(launcherArgv);
        return cmd;
    }
}
