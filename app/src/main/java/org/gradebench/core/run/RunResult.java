package org.gradebench.core.run;

import java.util.Map;
import java.util.Objects;

/**
 * The raw result of one run, as measured by the launcher inside the sandbox. Verdicts are derived from it elsewhere
 * ({@code core.grading.Verdicts}); this record makes no judgement.
 *
 * @param outcome       how it ended
 * @param exitCode      exit status when {@link Outcome#EXITED}, else -1
 * @param signal        terminating signal when {@link Outcome#SIGNALED}, else 0
 * @param cpuMs         CPU time over every process of the run that could be measured
 * @param wallMs        wall time
 * @param peakMemoryKb  peak resident memory (the largest process, or the cgroup total where available)
 * @param wallTimedOut  the sandbox killed the run at the wall limit
 * @param launchErrno   errno when the program could not be started (e.g. 12 = ENOMEM), else 0
 * @param files         collected files ({@link RunSpec#collect}), by relative name
 * @param diagnostics   for {@link Outcome#SANDBOX_ERROR}: what failed, for the log and the SE message
 */
public record RunResult(Outcome outcome, int exitCode, int signal, long cpuMs, long wallMs, long peakMemoryKb,
                        boolean wallTimedOut, int launchErrno, CapturedOutput stdout, CapturedOutput stderr,
                        Map<String, CapturedOutput> files, String diagnostics) {

    /** NOT_RUN: a placeholder for a test that was not run (compile failed, cancelled). */
    public enum Outcome { EXITED, SIGNALED, SANDBOX_ERROR, NOT_RUN }

    public RunResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        files = Map.copyOf(files);
        Objects.requireNonNull(diagnostics, "diagnostics");
    }

    public static RunResult sandboxError(String diagnostics) {
        return new RunResult(Outcome.SANDBOX_ERROR, -1, 0, 0, 0, 0, false, 0, CapturedOutput.EMPTY, CapturedOutput.EMPTY,
                Map.of(), diagnostics);
    }

    public static RunResult notRun(String why) {
        return new RunResult(Outcome.NOT_RUN, -1, 0, 0, 0, 0, false, 0, CapturedOutput.EMPTY, CapturedOutput.EMPTY,
                Map.of(), why);
    }

    public boolean succeeded() {
        return outcome == Outcome.EXITED && exitCode == 0 && !wallTimedOut;
    }
}
