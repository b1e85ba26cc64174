package org.gradebench.core.check;

import org.gradebench.core.assignment.ResourceLimits;
import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.ProgramPlan;
import org.gradebench.core.run.ProgramPlanner;
import org.gradebench.core.run.RunLimits;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.Sandbox;
import org.gradebench.core.run.SandboxException;
import org.gradebench.core.run.SandboxSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * Runs custom output validators in the sandbox.
 * <p>
 * Each validator folder is planned with the normal language profiles (a validator can be C++, Python, Java...),
 * compiled in its own {@link SandboxSession}, and then run once per check as
 * {@code <run command> input answer . [flags] < team_output} in a fresh scratch folder holding the three files. The
 * feedback directory is the scratch folder itself ({@code .}): RunSpec can only place files, and every validator
 * builds paths as {@code feedback_dir + "/judgemessage.txt"}, which works for "."; the judge and team messages are
 * collected from there after the run.
 * <p>
 * Threading: the engine checks from several worker threads, but a session runs one process at a time. Each validator
 * therefore has a small pool of sessions: a check borrows an idle session, or opens (and compiles) another while
 * fewer than {@code maxSessions} exist, or waits. A session whose sandbox failed is discarded, not reused.
 * A validator that fails to compile makes every check an ERROR carrying the compile log; it is not retried.
 */
public final class SandboxCustomCheckerRunner implements CustomCheckerRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxCustomCheckerRunner.class);

    /** Kattis' defaults for validation: generous, since a validator is trusted code (60 s, 1 GiB there). */
    public static final ResourceLimits VALIDATOR_LIMITS =
            new ResourceLimits(Duration.ofSeconds(30), Duration.ofSeconds(60), 1024, 1024, 16);

    static final List<String> FEEDBACK_FILES = List.of("judgemessage.txt", "teammessage.txt", "score.txt");

    private final Sandbox sandbox;
    private final ProgramPlanner planner;
    private final ResourceLimits limits;
    private final int maxSessions;
    private final Map<Path, Validator> validators = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param planner     plans the validator folder (built from the loaded language profiles)
     * @param limits      limits for one validator run (compiles use {@link ResourceLimits#COMPILE})
     * @param maxSessions sessions per validator, i.e. how many checks of one validator may run at once (usually the
     *                    run queue's parallelism)
     */
    public SandboxCustomCheckerRunner(Sandbox sandbox, ProgramPlanner planner, ResourceLimits limits, int maxSessions) {
        if (maxSessions < 1) throw new IllegalArgumentException("maxSessions must be >= 1");
        this.sandbox = sandbox;
        this.planner = planner;
        this.limits = limits;
        this.maxSessions = maxSessions;
    }

    @Override
    public Checker checker(Path program, List<String> flags) {
        Validator v = validators.computeIfAbsent(program.toAbsolutePath().normalize(), Validator::new);
        return new CustomChecker(v::run, program.getFileName().toString(), flags);
    }

    @Override
    public void close() {
        closed = true;
        validators.values().forEach(Validator::close);
        validators.clear();
    }

    /** One validator folder: its plan, compile outcome and session pool. */
    private final class Validator {
        private final Path folder;
        private final LinkedBlockingDeque<SandboxSession> idle = new LinkedBlockingDeque<>();
        private final List<SandboxSession> all = new ArrayList<>();
        private ProgramPlan plan;
        /** Set once when planning or compiling failed: every check reports it. */
        private String brokenReason;

        Validator(Path folder) {
            this.folder = folder;
        }

        RunResult run(Path input, Path answer, byte[] teamOutput, List<String> flags)
                throws ValidatorUnavailableException, SandboxException, InterruptedException {
            SandboxSession session = borrow();
            boolean healthy = false;
            Path outFile = null;
            try {
                outFile = Files.createTempFile("gb-team-output", ".txt");
                Files.write(outFile, teamOutput);
                List<String> argv = new ArrayList<>(plan.runCommand(limits.memoryMib()));
                argv.addAll(List.of("input", "answer", "."));
                argv.addAll(flags);
                RunSpec spec = new RunSpec(argv, false,
                        Map.of("input", input, "answer", answer, "team_output", outFile), Optional.of("team_output"),
                        RunLimits.forTool(limits, plan.profile()), plan.profile().env(), FEEDBACK_FILES);
                RunResult r = session.run(spec);
                healthy = r.outcome() != RunResult.Outcome.SANDBOX_ERROR;
                return r;
            } catch (IOException e) {
                healthy = true;
                throw new SandboxException("cannot stage the team output for the validator: " + e.getMessage(), e);
            } finally {
                if (outFile != null) {
                    try {
                        Files.deleteIfExists(outFile);
                    } catch (IOException e) {
                        LOG.warn("could not delete {}: {}", outFile, e.toString());
                    }
                }
                giveBack(session, healthy);
            }
        }

        private SandboxSession borrow() throws ValidatorUnavailableException, SandboxException, InterruptedException {
            while (true) {
                SandboxSession s = idle.pollFirst();
                if (s != null) return s;
                synchronized (this) {
                    if (closed) throw new ValidatorUnavailableException("the checker runner was closed");
                    if (brokenReason != null) throw new ValidatorUnavailableException(brokenReason);
                    if (all.size() < maxSessions) {
                        SandboxSession fresh = openAndCompile();
                        all.add(fresh);
                        return fresh;
                    }
                }
                s = idle.pollFirst(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (s != null) return s;
            }
        }

        private void giveBack(SandboxSession s, boolean healthy) {
            synchronized (this) {
                if (healthy && !closed) {
                    idle.addFirst(s);
                    return;
                }
                all.remove(s);
            }
            s.close();
        }

        /** Called with the monitor held: compiles are serialized per validator, which keeps the first one single. */
        private SandboxSession openAndCompile() throws ValidatorUnavailableException, SandboxException, InterruptedException {
            if (plan == null) {
                try {
                    plan = planner.plan(folder, Set.of());
                } catch (ProgramPlanner.NoPlanException e) {
                    brokenReason = "no validator program in " + folder + ": " + e.getMessage();
                    throw new ValidatorUnavailableException(brokenReason);
                } catch (IOException e) {
                    brokenReason = "cannot read the validator folder " + folder + ": " + e.getMessage();
                    throw new ValidatorUnavailableException(brokenReason);
                }
            }
            LanguageProfile profile = plan.profile();
            SandboxSession session = sandbox.open("validator-" + folder.getFileName(), folder, profile);
            if (!profile.compiled()) return session;
            boolean ok = false;
            try {
                RunSpec compile = new RunSpec(plan.compileCommand(ResourceLimits.COMPILE.memoryMib()), true, Map.of(),
                        Optional.empty(), RunLimits.forTool(ResourceLimits.COMPILE, profile), profile.env(), List.of());
                RunResult r = session.run(compile);
                if (r.outcome() == RunResult.Outcome.SANDBOX_ERROR) {
                    throw new SandboxException("compiling the output validator failed in the sandbox: " + r.diagnostics());
                }
                if (!r.succeeded()) {
                    String log = (r.stdout().excerpt(4000) + "\n" + r.stderr().excerpt(8000)).strip();
                    brokenReason = "the output validator " + folder.getFileName() + " (" + profile.displayName()
                            + ") does not compile" + (r.wallTimedOut() ? " (timed out)" : "") + ":\n" + log;
                    LOG.warn("{}", brokenReason);
                    throw new ValidatorUnavailableException(brokenReason);
                }
                ok = true;
                return session;
            } finally {
                if (!ok) session.close();
            }
        }

        synchronized void close() {
            for (SandboxSession s : all) {
                try {
                    s.close();
                } catch (RuntimeException e) {
                    LOG.warn("closing a validator session failed: {}", e.toString());
                }
            }
            all.clear();
            idle.clear();
        }
    }
}
