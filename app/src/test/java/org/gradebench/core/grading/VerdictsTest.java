package org.gradebench.core.grading;

import org.gradebench.core.check.CheckResult;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunLimits;
import org.gradebench.core.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictsTest {
    // cpu 1000 ms, wall 3000 ms, memory 64 MiB, stdout cap 1000 bytes
    static final RunLimits LIMITS = new RunLimits(Duration.ofSeconds(1), Duration.ofSeconds(3), 64 * 1024, 80 * 1024,
            16, 1000, 1000, 1001, 64, 1 << 20);

    static RunResult run(String outcome, int exit, int signal, long cpu, long mem, boolean wallTimeout, int errno,
                         boolean stdoutTruncated, String stderr) {
        return new RunResult(RunResult.Outcome.valueOf(outcome), exit, signal, cpu, cpu + 5, mem, wallTimeout, errno,
                new CapturedOutput("out".getBytes(StandardCharsets.UTF_8), stdoutTruncated),
                new CapturedOutput(stderr.getBytes(StandardCharsets.UTF_8), false), Map.of(), outcome.equals("SANDBOX_ERROR") ? "bwrap failed" : "");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            clean exit, checker accepts          | EXITED       | 0   | 0  | 100  | 1000   | false | 0  | false | ''                          | AC
            sandbox failure beats everything     | SANDBOX_ERROR| -1  | 0  | 5000 | 999999 | true  | 0  | true  | ''                          | SE
            wall timeout                         | SIGNALED     | -1  | 9  | 10   | 1000   | true  | 0  | false | ''                          | TLE
            cpu over the limit                   | EXITED       | 0   | 0  | 1001 | 1000   | false | 0  | false | ''                          | TLE
            SIGXCPU                              | SIGNALED     | -1  | 24 | 990  | 1000   | false | 0  | false | ''                          | TLE
            SIGKILL at the cpu limit             | SIGNALED     | -1  | 9  | 980  | 1000   | false | 0  | false | ''                          | TLE
            TLE beats MLE                        | SIGNALED     | -1  | 9  | 1500 | 999999 | false | 0  | false | ''                          | TLE
            peak over memory limit               | EXITED       | 0   | 0  | 100  | 70000  | false | 0  | false | ''                          | MLE
            python MemoryError                   | EXITED       | 1   | 0  | 100  | 30000  | false | 0  | false | 'MemoryError'               | MLE
            C++ bad_alloc abort                  | SIGNALED     | -1  | 6  | 100  | 20000  | false | 0  | false | 'what():  std::bad_alloc'   | MLE
            java OOM                             | EXITED       | 1   | 0  | 300  | 50000  | false | 0  | false | 'java.lang.OutOfMemoryError: Java heap space' | MLE
            exec ENOMEM (huge static array)      | EXITED       | 127 | 0  | 0    | 0      | false | 12 | false | ''                          | MLE
            segfault at the memory limit         | SIGNALED     | -1  | 11 | 100  | 62000  | false | 0  | false | ''                          | MLE
            MemoryError text but exit 0 is not MLE | EXITED     | 0   | 0  | 100  | 1000   | false | 0  | false | 'MemoryError'               | AC
            stdout over cap                      | EXITED       | 0   | 0  | 100  | 1000   | false | 0  | true  | ''                          | OLE
            SIGXFSZ                              | SIGNALED     | -1  | 25 | 100  | 1000   | false | 0  | false | ''                          | OLE
            OLE beats RE                         | EXITED       | 1   | 0  | 100  | 1000   | false | 0  | true  | 'OSError: File too large'   | OLE
            plain segfault                       | SIGNALED     | -1  | 11 | 100  | 1000   | false | 0  | false | ''                          | RE
            nonzero exit                         | EXITED       | 3   | 0  | 100  | 1000   | false | 0  | false | 'Traceback'                 | RE
            could not start                      | EXITED       | 127 | 0  | 0    | 0      | false | 2  | false | ''                          | RE
            """)
    void decidesInOrder(String name, String outcome, int exit, int signal, long cpu, long mem, boolean wall, int errno,
                        boolean truncated, String stderr, Verdict expected) {
        RunResult r = run(outcome, exit, signal, cpu, mem, wall, errno, truncated, stderr);
        assertThat(Verdicts.judge(r, LIMITS, CheckResult::accepted).verdict()).isEqualTo(expected);
    }

    @Test
    void checkerDecidesOnlyCleanRuns() {
        AtomicBoolean called = new AtomicBoolean();
        RunResult crashed = run("SIGNALED", -1, 11, 10, 100, false, 0, false, "");
        Verdicts.judge(crashed, LIMITS, () -> {
            called.set(true);
            return CheckResult.accepted();
        });
        assertThat(called).isFalse();
        RunResult clean = run("EXITED", 0, 0, 10, 100, false, 0, false, "");
        assertThat(Verdicts.judge(clean, LIMITS, () -> CheckResult.wrong("line 1")).verdict()).isEqualTo(Verdict.WA);
        assertThat(Verdicts.judge(clean, LIMITS, () -> CheckResult.error("validator crashed")).verdict()).isEqualTo(Verdict.SE);
    }

    @Test
    void idleTimeoutIsExplained() {
        RunResult sleeping = new RunResult(RunResult.Outcome.SIGNALED, -1, 9, 3, 3000, 1000, true, 0,
                CapturedOutput.EMPTY, CapturedOutput.EMPTY, Map.of(), "");
        assertThat(Verdicts.judge(sleeping, LIMITS, CheckResult::accepted).reason()).contains("waiting");
    }

    @Test
    void overallIsFirstNonAcceptedInTestOrder() {
        CompileResult ok = new CompileResult(Verdict.AC, "c", "", java.util.Optional.empty());
        var ac = new TestResult("1", Verdict.AC, RunResult.notRun(""), "");
        var tle = new TestResult("2", Verdict.TLE, RunResult.notRun(""), "");
        var wa = new TestResult("3", Verdict.WA, RunResult.notRun(""), "");
        assertThat(Verdicts.overall(ok, java.util.List.of(ac, tle, wa))).isEqualTo(Verdict.TLE);
        assertThat(Verdicts.overall(ok, java.util.List.of(ac, wa, tle))).isEqualTo(Verdict.WA);
        assertThat(Verdicts.overall(ok, java.util.List.of(ac, ac))).isEqualTo(Verdict.AC);
        CompileResult ce = new CompileResult(Verdict.CE, "c", "error", java.util.Optional.empty());
        assertThat(Verdicts.overall(ce, java.util.List.of(ac))).isEqualTo(Verdict.CE);
    }
}
