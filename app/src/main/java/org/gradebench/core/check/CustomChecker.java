package org.gradebench.core.check;

import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.SandboxException;

import java.nio.file.Path;
import java.util.List;

/**
 * A custom output validator check: runs the validator (through {@link ValidatorRun}, in the sandbox) and maps the
 * result with the ICPC protocol: exit 42 = ACCEPTED, 43 = WRONG (message: judgemessage.txt, else teammessage.txt),
 * anything else, a signal, a timeout or a sandbox failure = ERROR (the checker failed, never the student's fault).
 */
public final class CustomChecker implements Checker {
    public static final int EXIT_ACCEPT = 42;
    public static final int EXIT_REJECT = 43;
    private static final int MESSAGE_MAX = 4000;

    /** Runs the validator on one output; throws when it cannot run at all. */
    @FunctionalInterface
    public interface ValidatorRun {
        RunResult run(Path input, Path answer, byte[] teamOutput, List<String> flags)
                throws ValidatorUnavailableException, SandboxException, InterruptedException;
    }

    private final ValidatorRun runner;
    private final String name;
    private final List<String> flags;

    public CustomChecker(ValidatorRun runner, String name, List<String> flags) {
        this.runner = runner;
        this.name = name;
        this.flags = List.copyOf(flags);
    }

    @Override
    public CheckResult check(Path input, Path expected, byte[] output) throws InterruptedException {
        RunResult r;
        try {
            r = runner.run(input, expected, output, flags);
        } catch (ValidatorUnavailableException e) {
            return CheckResult.error(e.getMessage());
        } catch (SandboxException e) {
            return CheckResult.error("the output validator " + name + " could not run: " + e.getMessage());
        }
        return interpret(name, r);
    }

    /** The protocol mapping, separate so stored validator runs can be re-interpreted and tested. */
    public static CheckResult interpret(String name, RunResult r) {
        String what = "the output validator " + name;
        switch (r.outcome()) {
            case SANDBOX_ERROR:
                return CheckResult.error(what + " could not run: " + r.diagnostics());
            case SIGNALED:
                return CheckResult.error(what + " was killed by signal " + r.signal()
                        + (r.wallTimedOut() ? " (wall time limit)" : "") + stderr(r));
            case EXITED:
            default:
                break;
        }
        if (r.wallTimedOut()) return CheckResult.error(what + " exceeded its time limit" + stderr(r));
        if (r.exitCode() == EXIT_ACCEPT) return CheckResult.accepted();
        if (r.exitCode() == EXIT_REJECT) {
            String msg = feedback(r, "judgemessage.txt");
            if (msg.isEmpty()) msg = feedback(r, "teammessage.txt");
            return CheckResult.wrong(msg.isEmpty() ? "rejected by " + what : msg);
        }
        return CheckResult.error(what + " exited with code " + r.exitCode() + " (expected 42 = accept or 43 = reject)"
                + stderr(r));
    }

    private static String feedback(RunResult r, String file) {
        CapturedOutput c = r.files().get(file);
        return c == null ? "" : c.excerpt(MESSAGE_MAX).strip();
    }

    private static String stderr(RunResult r) {
        String s = r.stderr().excerpt(MESSAGE_MAX).strip();
        return s.isEmpty() ? "" : ": " + s;
    }
}
