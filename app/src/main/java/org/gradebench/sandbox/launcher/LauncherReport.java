package org.gradebench.sandbox.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.SandboxException;

import java.util.Map;
import java.util.Objects;

/**
 * The one JSON line {@code gb-launch} writes on its report descriptor, and its translation into a {@link RunResult}.
 *
 * @param exited       the program exited normally (then {@code code} is its status)
 * @param code         exit status, -1 when killed by a signal
 * @param signal       terminating signal, 0 when exited
 * @param wallTimeout  the launcher killed the run at the wall limit
 * @param cpuTimeout   the CPU total (every process of the run) exceeded the limit
 * @param memKilled    the launcher killed the run because the summed resident memory of its processes exceeded the
 *                     verdict limit ({@code maxRssKb} then exceeds it too)
 * @param cpuMs        user + system CPU of every process of the run
 * @param wallMs       from fork to the main process's end
 * @param maxRssKb     max of the largest single process (ru_maxrss) and the largest polled total over all processes
 * @param execErrno    errno when the program could not be started, else 0
 * @param execStage    which setup step failed ("stdin", "stdout", "stderr", "rlimit", "chdir", "exec"), else ""
 * @param killedOthers processes other than the main one still alive when the run ended (and killed)
 */
public record LauncherReport(boolean exited, int code, int signal, boolean wallTimeout, boolean cpuTimeout,
                             boolean memKilled, long cpuMs, long wallMs, long maxRssKb, int execErrno,
                             String execStage, int killedOthers) {

    /** Bytes of the report channel worth reading; the launcher writes ~300. */
    public static final int MAX_CHANNEL_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    public LauncherReport {
        Objects.requireNonNull(execStage, "execStage");
    }

    /**
     * Parses the report channel's text: its last non-blank line must be the launcher's JSON object. Anything else
     * (nothing, a partial line, garbage, missing or mistyped fields) is a sandbox failure, never a verdict.
     */
    public static LauncherReport parse(String channel) throws SandboxException {
        Objects.requireNonNull(channel, "channel");
        String line = lastLine(channel);
        if (line.isEmpty()) throw new SandboxException("the launcher wrote no report");
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new SandboxException("garbled launcher report: " + abbreviate(line), e);
        }
        if (n == null || !n.isObject()) throw new SandboxException("garbled launcher report: " + abbreviate(line));
        try {
            return new LauncherReport(bool(n, "exited"), (int) integer(n, "code"), (int) integer(n, "signal"),
                    bool(n, "wall_timeout"), bool(n, "cpu_timeout"), bool(n, "mem_killed"), integer(n, "cpu_ms"),
                    integer(n, "wall_ms"), integer(n, "maxrss_kb"), (int) integer(n, "exec_errno"),
                    n.has("exec_stage") && n.get("exec_stage").isTextual() ? n.get("exec_stage").asText() : "",
                    (int) integer(n, "killed_others"));
        } catch (IllegalArgumentException e) {
            throw new SandboxException("incomplete launcher report (" + e.getMessage() + "): " + abbreviate(line));
        }
    }

    /** True when the launcher's own setup (opening stdin/stdout/stderr, rlimits, chdir) failed: the sandbox's fault. */
    public boolean setupFailed() {
        return !execStage.isEmpty() && !execStage.equals("exec");
    }

    /**
     * The raw run result. A failed setup step becomes {@link RunResult.Outcome#SANDBOX_ERROR}; a failed exec is an
     * exit with {@link RunResult#launchErrno()} set (ENOENT: the program is missing, ENOMEM: it cannot even load).
     *
     * @param files collected files, by relative name
     */
    public RunResult toRunResult(CapturedOutput stdout, CapturedOutput stderr, Map<String, CapturedOutput> files) {
        if (setupFailed()) {
            return RunResult.sandboxError("the launcher could not set up the run: " + execStage + " failed with errno "
                    + execErrno);
        }
        RunResult.Outcome outcome = exited ? RunResult.Outcome.EXITED : RunResult.Outcome.SIGNALED;
        int launchErrno = execStage.equals("exec") ? execErrno : 0;
        return new RunResult(outcome, exited ? code : -1, exited ? 0 : signal, cpuMs, wallMs, maxRssKb, wallTimeout,
                launchErrno, stdout, stderr, files, "");
    }

    private static String lastLine(String s) {
        String[] lines = s.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String l = lines[i].strip();
            if (!l.isEmpty()) return l;
        }
        return "";
    }

    private static boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isBoolean()) throw new IllegalArgumentException(field);
        return v.booleanValue();
    }

    private static long integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) throw new IllegalArgumentException(field);
        return v.longValue();
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
