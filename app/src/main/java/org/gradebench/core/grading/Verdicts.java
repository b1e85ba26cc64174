package org.gradebench.core.grading;

import org.gradebench.core.check.CheckResult;
import org.gradebench.core.run.RunLimits;
import org.gradebench.core.run.RunResult;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The one place where a raw run becomes a verdict, in the order SE, TLE, MLE, OLE, RE, then the checker.
 * Resource verdicts beat RE because a program killed for a resource also "crashed" (DMOJ, CMS, isolate agree).
 */
public final class Verdicts {
    static final int SIGKILL = 9;
    static final int SIGSEGV = 11;
    static final int SIGABRT = 6;
    static final int SIGXCPU = 24;
    static final int SIGXFSZ = 25;
    static final int ENOMEM = 12;

    /** Runtime messages that mean "could not get memory"; only trusted together with a failing exit. */
    private static final List<String> MEMORY_MARKERS = List.of(
            "memoryerror", "std::bad_alloc", "outofmemoryerror", "javascript heap out of memory",
            "cannot allocate memory", "out of memory", "fatal error: runtime: out of memory");

    private Verdicts() {
    }

    /** A verdict plus the reason shown next to it. */
    public record Judgement(Verdict verdict, String reason) {
    }

    /**
     * @param checker called only when the run ended normally within every limit
     */
    public static Judgement judge(RunResult run, RunLimits limits, Supplier<CheckResult> checker) {
        if (run.outcome() == RunResult.Outcome.SANDBOX_ERROR) {
            return new Judgement(Verdict.SE, run.diagnostics());
        }
        long cpuLimitMs = limits.cpuTime().toMillis();
        if (run.wallTimedOut()) {
            String why = run.cpuMs() < run.wallMs() / 4
                    ? "; it used only " + run.cpuMs() + " ms of CPU: it was waiting (sleeping, blocked, or starved on a busy machine)"
                    : "; CPU time " + run.cpuMs() + " ms";
            return new Judgement(Verdict.TLE, "wall time limit " + limits.wallTime().toMillis() + " ms reached" + why);
        }
        if (run.cpuMs() > cpuLimitMs || run.signal() == SIGXCPU
                || (run.signal() == SIGKILL && run.cpuMs() >= cpuLimitMs * 95 / 100)) {
            return new Judgement(Verdict.TLE, "CPU time " + run.cpuMs() + " ms, limit " + cpuLimitMs + " ms");
        }
        if (memoryExceeded(run, limits)) {
            return new Judgement(Verdict.MLE, "peak memory " + run.peakMemoryKb() / 1024 + " MiB, limit "
                    + limits.memoryKib() / 1024 + " MiB");
        }
        if (run.stdout().truncated() || run.signal() == SIGXFSZ
                || (run.stderr().truncated() && failed(run) && mentionsFileTooLarge(run))) {
            return new Judgement(Verdict.OLE, "output over " + limits.stdoutBytes() / 1024 + " KiB");
        }
        if (run.outcome() == RunResult.Outcome.SIGNALED) {
            return new Judgement(Verdict.RE, "killed by signal " + run.signal() + " (" + signalName(run.signal()) + ")");
        }
        if (run.launchErrno() != 0) {
            return new Judgement(Verdict.RE, "the program could not be started (errno " + run.launchErrno() + ")");
        }
        if (run.exitCode() != 0) {
            return new Judgement(Verdict.RE, "exit code " + run.exitCode());
        }
        CheckResult check = checker.get();
        return switch (check.status()) {
            case ACCEPTED -> new Judgement(Verdict.AC, check.message());
            case WRONG -> new Judgement(Verdict.WA, check.message());
            case ERROR -> new Judgement(Verdict.SE, "checker failed: " + check.message());
        };
    }

    private static boolean memoryExceeded(RunResult run, RunLimits limits) {
        long limitKb = limits.memoryKib();
        if (run.peakMemoryKb() > limitKb) return true;
        if (run.launchErrno() == ENOMEM) return true;
        if (!failed(run)) return false;
        if (mentionsMemory(run)) return true;
        // A program killed (or crashing) right at the limit: the allocation that would cross it failed.
        boolean crash = run.signal() == SIGKILL || run.signal() == SIGSEGV || run.signal() == SIGABRT;
        return crash && run.peakMemoryKb() >= limitKb * 9 / 10;
    }

    private static boolean failed(RunResult run) {
        return run.outcome() == RunResult.Outcome.SIGNALED || run.exitCode() != 0 || run.launchErrno() != 0;
    }

    private static boolean mentionsMemory(RunResult run) {
        String tail = tail(run).toLowerCase(Locale.ROOT);
        return MEMORY_MARKERS.stream().anyMatch(tail::contains);
    }

    private static boolean mentionsFileTooLarge(RunResult run) {
        return tail(run).toLowerCase(Locale.ROOT).contains("file too large");
    }

    /** The end of stderr, where runtimes print their fatal error. */
    private static String tail(RunResult run) {
        byte[] err = run.stderr().bytes();
        int from = Math.max(0, err.length - 4096);
        return new String(err, from, err.length - from, StandardCharsets.UTF_8);
    }

    public static String signalName(int signal) {
        return switch (signal) {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 3 -> "SIGQUIT";
            case 4 -> "SIGILL";
            case 5 -> "SIGTRAP";
            case 6 -> "SIGABRT";
            case 7 -> "SIGBUS";
            case 8 -> "SIGFPE";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 13 -> "SIGPIPE";
            case 14 -> "SIGALRM";
            case 15 -> "SIGTERM";
            case 24 -> "SIGXCPU";
            case 25 -> "SIGXFSZ";
            case 31 -> "SIGSYS";
            default -> "signal " + signal;
        };
    }

    /** Overall verdict: CE/SE from the build, else the first non-AC test verdict in test order, else AC. */
    public static Verdict overall(CompileResult compile, List<TestResult> tests) {
        if (compile.verdict() != Verdict.AC) return compile.verdict();
        for (TestResult t : tests) {
            if (t.verdict() != Verdict.AC) return t.verdict();
        }
        return tests.isEmpty() ? Verdict.PENDING : Verdict.AC;
    }
}
