package org.gradebench.cli;

import org.gradebench.AppServices;
import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.CheckerSpec;
import org.gradebench.core.assignment.ResourceLimits;
import org.gradebench.core.assignment.Scoring;
import org.gradebench.core.assignment.TestCase;
import org.gradebench.core.grading.GradingEngine;
import org.gradebench.core.grading.GradingListener;
import org.gradebench.core.grading.GradingOutcome;
import org.gradebench.core.grading.GradingRequest;
import org.gradebench.core.grading.SubmissionResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.ProgramPlan;
import org.gradebench.core.run.ProgramPlanner;
import org.gradebench.core.run.RunLimits;
import org.gradebench.core.run.RunQueue;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.Sandbox;
import org.gradebench.core.run.SandboxSession;
import org.gradebench.core.submission.Submission;
import org.gradebench.sandbox.bwrap.BwrapSandbox;
import org.gradebench.sandbox.docker.DockerOptions;
import org.gradebench.sandbox.docker.DockerSandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure grading speed on this machine.",
                "Grades N generated submissions x M tests of a trivial program with the full engine (queue, sandbox, "
                        + "checker, history in a temporary database) and, in the same run, the floors: for bwrap a bare "
                        + "loop (one run's bwrap + launcher command replayed by parallel shell loops, no JVM involved), "
                        + "and the same runs straight through the Sandbox API (bwrap + launcher, or the container's "
                        + "runner + launcher) with nothing else; for Docker also an exec per run and a container per "
                        + "run. Prints runs per second, per-run cost and CPU per run for each."})
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--backend", defaultValue = "bwrap", paramLabel = "bwrap|docker|both",
            description = "Backend(s) to measure (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = {"-n", "--submissions"}, defaultValue = "50", description = "Generated submissions (default: ${DEFAULT-VALUE}).")
    int submissions;

    @Option(names = {"-m", "--tests"}, defaultValue = "20", description = "Tests per submission (default: ${DEFAULT-VALUE}).")
    int tests;

    @Option(names = {"-j", "--jobs"}, defaultValue = "2", description = "Parallel runs (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--rounds", defaultValue = "1",
            description = "Measure everything this many times, interleaved, and judge the best of each (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--language", defaultValue = "python3", description = "Profile of the generated program (default: ${DEFAULT-VALUE}).")
    String language;

    /** What one measurement found. */
    record Figures(String what, int runs, double seconds, int jobs, CpuUse cpu) {
        double runsPerSecond() {
            return runs / seconds;
        }

        /** Wall time one worker spends per run. */
        double msPerRun() {
            return seconds * 1000.0 * jobs / runs;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) throw new IllegalArgumentException("--rounds must be at least 1");
        var out = System.out;
        Path tmp = Files.createTempDirectory("gradebench-bench");
        try (AppServices services = new AppServices(new AppServices.Options(Optional.of(tmp.resolve("history")),
                Optional.ofNullable(common.profiles), jobs))) {
            LanguageProfile profile = services.profiles().stream().filter(p -> p.name().equals(language)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no profile named " + language));
            Assignment assignment = generate(tmp, profile);
            List<Submission> subs = assignment.tests().isEmpty() ? List.of() : listSubmissions(tmp.resolve("subs"));
            out.printf(Locale.ROOT, "Benchmark: %d submissions x %d tests = %d runs of a trivial %s program, %d job(s), %d core(s)%n",
                    submissions, tests, submissions * tests, profile.displayName(), jobs, Runtime.getRuntime().availableProcessors());
            List<String> backends = backend.equals("both") ? List.of("bwrap", "docker") : List.of(backend);
            boolean allOk = true;
            Figures bwrapReference = null;
            for (String b : backends) {
                Sandbox sandbox;
                try {
                    sandbox = services.sandbox(b);
                } catch (AppServices.NoSandboxException e) {
                    out.println(b + ": not available: " + e.getMessage());
                    allOk = false;
                    continue;
                }
                // Warm up: JIT, page cache, the sandbox probe.
                floor(services, sandbox, assignment, subs.subList(0, Math.min(2, subs.size())), profile);
                List<Figures> bares = new ArrayList<>();
                List<Figures> floors = new ArrayList<>();
                List<Figures> engines = new ArrayList<>();
                List<List<Figures>> others = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    // Interleaved, so that a burst of load elsewhere on the machine hits all three alike.
                    if (sandbox instanceof BwrapSandbox bw) bares.add(bareLoop(services, bw, assignment, subs, profile));
                    floors.add(floor(services, sandbox, assignment, subs, profile));
                    engines.add(engine(services, sandbox, assignment, subs, out));
                    if (sandbox instanceof DockerSandbox ds) others.add(otherStrategies(services, ds, assignment, subs, profile));
                }
                out.printf(Locale.ROOT, "%n%s%n", b);
                for (int i = 0; i < rounds; i++) {
                    if (rounds > 1) out.printf(Locale.ROOT, " round %d%n", i + 1);
                    if (!bares.isEmpty()) print(out, bares.get(i));
                    print(out, floors.get(i));
                    print(out, engines.get(i));
                    if (!others.isEmpty()) others.get(i).forEach(f -> print(out, f));
                }
                // Best of the rounds: interference from other work on the machine only ever adds time.
                Optional<Figures> bare = bares.stream().min(Comparator.comparingDouble(Figures::seconds));
                Figures floor = floors.stream().min(Comparator.comparingDouble(Figures::seconds)).orElseThrow();
                Figures engine = engines.stream().min(Comparator.comparingDouble(Figures::seconds)).orElseThrow();
                if (rounds > 1) out.printf(Locale.ROOT, " best of %d rounds: bare loop %s, Sandbox API %.2f s, engine %.2f s%n",
                        rounds, bare.map(f -> String.format(Locale.ROOT, "%.2f s", f.seconds())).orElse("-"),
                        floor.seconds(), engine.seconds());
                // The reference the engine is held to: the bare loop where there is one (bwrap), else the API floor.
                Figures reference = bare.orElse(floor);
                double overhead = (engine.seconds() / reference.seconds() - 1) * 100;
                bare.ifPresent(f -> out.printf(Locale.ROOT, "  Sandbox API over the bare loop: %+.1f %% (%.2f ms per run)%n",
                        (floor.seconds() / f.seconds() - 1) * 100, floor.msPerRun() - f.msPerRun()));
                out.printf(Locale.ROOT, "  engine overhead over the %s: %+.1f %% (%.2f ms per run)%n",
                        bare.isPresent() ? "bare loop" : "floor", overhead, engine.msPerRun() - reference.msPerRun());
                double per1000 = engine.seconds() * 1000.0 / engine.runs();
                out.printf(Locale.ROOT, "  projected 1,000-run session: %.1f s%n", per1000);
                if (b.equals("bwrap")) bwrapReference = reference;
                if (b.equals("docker")) {
                    // Per test, what one worker waits for a run: the program itself plus everything Docker adds.
                    out.printf(Locale.ROOT, "  Docker per test: %.1f ms per run per job through the engine%s%n",
                            engine.msPerRun(), bwrapReference == null ? "" : String.format(Locale.ROOT,
                                    " (%+.1f ms next to bwrap's %s in this run)", engine.msPerRun()
                                            - bwrapReference.msPerRun(), bwrapReference.what()));
                    if (language.equals("python3") && jobs == 2) {
                        out.printf(Locale.ROOT, "  target Docker per-test cost under 80 ms: %s%n",
                                engine.msPerRun() < 80 ? "met" : "NOT met");
                    }
                }
                if (b.equals("bwrap") && language.equals("python3") && jobs == 2) {
                    boolean okOverhead = overhead <= 15;
                    boolean okTotal = per1000 < 15;
                    out.printf(Locale.ROOT, "  target engine within 15 %% of the bare loop: %s%n", okOverhead ? "met" : "NOT met");
                    out.printf(Locale.ROOT, "  target 1,000 runs under 15 s: %s%n", okTotal ? "met" : "NOT met");
                }
            }
            return allOk ? 0 : 1;
        } finally {
            deleteTree(tmp);
        }
    }

    private static void print(java.io.PrintStream out, Figures f) {
        out.printf(Locale.ROOT, "  %-34s %5d runs in %6.2f s  %7.1f runs/s  %6.2f ms per run per job"
                        + "  (CPU per run: grader %.2f ms, sandboxed processes %.2f ms)%n",
                f.what(), f.runs(), f.seconds(), f.runsPerSecond(), f.msPerRun(),
                f.cpu().graderMs() / f.runs(), f.cpu().childrenMs() / f.runs());
    }

    /**
     * CPU time used between two samples: by this JVM's own threads, and by the finished child processes it waited for
     * (bwrap, the launcher and the program, from /proc/self/stat; 0 where that file does not exist). Shows whether a
     * slower engine costs grader CPU or makes the sandboxed side slower.
     */
    record CpuUse(double graderMs, double childrenMs) {
        static CpuUse now() {
            double grader = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1e6 : 0;
            double children = 0;
            try {
                String stat = Files.readString(Path.of("/proc/self/stat"));
                // Fields after the parenthesised command name; cutime and cstime are fields 16 and 17 (1-based).
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                children = (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10.0; // USER_HZ is 100 on Linux
            } catch (IOException | RuntimeException e) {
                // not Linux: children unknown
            }
            return new CpuUse(grader, children);
        }

        CpuUse since(CpuUse start) {
            return new CpuUse(graderMs - start.graderMs, childrenMs - start.childrenMs);
        }
    }

    private Assignment generate(Path tmp, LanguageProfile profile) throws IOException {
        Path testDir = Files.createDirectories(tmp.resolve("assignment/tests"));
        List<TestCase> cases = new ArrayList<>();
        for (int t = 1; t <= tests; t++) {
            String name = String.format(Locale.ROOT, "t%03d", t);
            Path in = Files.writeString(testDir.resolve(name + ".in"), t + " " + (t * 7) + "\n");
            Path ans = Files.writeString(testDir.resolve(name + ".out"), (t + t * 7) + "\n");
            cases.add(new TestCase(name, in, ans, 1, "", false, Optional.empty()));
        }
        String source = switch (profile.name()) {
            case "python3" -> "a, b = map(int, input().split())\nprint(a + b)\n";
            case "c" -> "#include <stdio.h>\nint main(void){long a,b;if(scanf(\"%ld %ld\",&a,&b)!=2)return 1;printf(\"%ld\\n\",a+b);return 0;}\n";
            case "javascript" -> "const [a,b]=require('fs').readFileSync(0,'utf8').trim().split(/\\s+/).map(Number);console.log(a+b);\n";
            default -> throw new IllegalArgumentException("bench generates python3, c or javascript programs");
        };
        String file = switch (profile.name()) {
            case "python3" -> "main.py";
            case "c" -> "main.c";
            default -> "main.js";
        };
        for (int s = 1; s <= submissions; s++) {
            Path dir = Files.createDirectories(tmp.resolve("subs").resolve(String.format(Locale.ROOT, "student%04d", s)));
            Files.writeString(dir.resolve(file), source);
        }
        return new Assignment("bench", tmp.resolve("assignment"), Assignment.Format.NATIVE, Optional.empty(),
                Set.of(profile.name()), ResourceLimits.DEFAULTS, CheckerSpec.tokens(), Scoring.DEFAULT, cases);
    }

    private static List<Submission> listSubmissions(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(Comparator.naturalOrder()).map(p -> Submission.plain(p.getFileName().toString(), p)).toList();
        }
    }

    /**
     * The bare loop: the same sandboxed work as the engine's (per submission one compile step where the profile has
     * one, then every test), as bwrap + launcher command lines prepared once by the sandbox (same binds, limits, uid
     * and files as the engine's runs) and replayed by {@code jobs} parallel /bin/sh loops, one workspace each. No JVM
     * work per run at all, so it is what the sandbox itself costs on this machine.
     */
    private Figures bareLoop(AppServices services, BwrapSandbox sandbox, Assignment a, List<Submission> subs,
                             LanguageProfile profile) throws Exception {
        int tests = a.tests().size();
        ProgramPlan plan = new ProgramPlanner(services.profiles()).plan(subs.get(0).folder(), a.languages());
        TestCase test = a.tests().get(0);
        RunSpec spec = new RunSpec(plan.runCommand(a.limits().memoryMib()), false, Map.of("input", test.input()),
                Optional.of("input"), RunLimits.forTest(a.limits(), profile), Map.of(), List.of());
        RunSpec compile = new RunSpec(plan.compileCommand(a.limits().memoryMib()), true, Map.of(), Optional.empty(),
                RunLimits.forTool(ResourceLimits.COMPILE, plan.profile()), Map.of(), List.of());
        Path script = Files.createTempFile("gradebench-bare", ".sh");
        List<SandboxSession> boxes = new ArrayList<>();
        List<BwrapSandbox.BareRun> prepared = new ArrayList<>();
        try {
            StringBuilder sh = new StringBuilder("#!/bin/sh\n");
            for (int j = 0; j < jobs; j++) {
                SandboxSession box = sandbox.open("bare-loop-" + j, subs.get(0).folder(), plan.profile());
                boxes.add(box);
                int mySubs = subs.size() / jobs + (j < subs.size() % jobs ? 1 : 0);
                sh.append("(s=0; while [ $s -lt ").append(mySubs).append(" ]; do");
                if (plan.profile().compiled()) {
                    BwrapSandbox.BareRun c = sandbox.prepareBare(box, compile, "bare-compile");
                    prepared.add(c);
                    appendRun(sh, c);
                }
                BwrapSandbox.BareRun t = sandbox.prepareBare(box, spec, "bare-test");
                prepared.add(t);
                sh.append(" t=0; while [ $t -lt ").append(tests).append(" ]; do");
                appendRun(sh, t);
                sh.append(" t=$((t+1)); done; s=$((s+1)); done) &\n");
            }
            sh.append("wait\n");
            Files.writeString(script, sh);
            CpuUse cpu = CpuUse.now();
            long start = System.nanoTime();
            Process p = new ProcessBuilder("/bin/sh", script.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("the bare loop did not finish in 30 minutes");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuUse used = CpuUse.now().since(cpu);
            for (BwrapSandbox.BareRun bare : prepared) {
                String report = Files.readString(bare.report());
                if (!report.contains("\"exited\":true,\"code\":0")) {
                    throw new IllegalStateException("the bare loop's last run failed: " + report.strip());
                }
            }
            return new Figures("bare loop (sh + bwrap + launcher)", subs.size() * tests, seconds, jobs, used);
        } finally {
            for (BwrapSandbox.BareRun bare : prepared) bare.close();
            for (SandboxSession box : boxes) box.close();
            Files.deleteIfExists(script);
        }
    }

    private static void appendRun(StringBuilder sh, BwrapSandbox.BareRun run) {
        for (String arg : run.argv()) sh.append(' ').append(shellQuote(arg));
        sh.append(" >").append(shellQuote(run.report().toString())).append(" </dev/null 2>&1 || exit 1;");
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** The same runs straight through the sandbox: no queue, no planning, no checking, no history. */
    private Figures floor(AppServices services, Sandbox sandbox, Assignment a, List<Submission> subs, LanguageProfile profile)
            throws Exception {
        ProgramPlanner planner = new ProgramPlanner(services.profiles());
        RunLimits limits = RunLimits.forTest(a.limits(), profile);
        AtomicInteger failures = new AtomicInteger();
        CpuUse cpu = CpuUse.now();
        long start = System.nanoTime();
        try (RunQueue pool = new RunQueue(jobs)) {
            List<Future<?>> futures = new ArrayList<>();
            for (Submission s : subs) {
                futures.add(pool.submit(() -> {
                    try {
                        ProgramPlan plan = planner.plan(s.folder(), a.languages());
                        try (SandboxSession box = sandbox.open(s.id(), s.folder(), plan.profile())) {
                            if (plan.profile().compiled()) {
                                box.run(new RunSpec(plan.compileCommand(256), true, Map.of(), Optional.empty(),
                                        RunLimits.forTool(ResourceLimits.COMPILE, plan.profile()), Map.of(), List.of()));
                            }
                            List<String> argv = plan.runCommand(a.limits().memoryMib());
                            for (TestCase t : a.tests()) {
                                RunResult r = box.run(new RunSpec(argv, false, Map.of("input", t.input()), Optional.of("input"),
                                        limits, Map.of(), List.of()));
                                if (!r.succeeded()) failures.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : futures) f.get(30, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failures.get() > 0) throw new IllegalStateException(failures.get() + " floor runs failed");
        String how = sandbox instanceof DockerSandbox ds && ds.strategy() == DockerOptions.Strategy.RUNNER
                ? "runner, from Java" : "from Java";
        return new Figures("Sandbox API (" + sandbox.name() + ", " + how + ")", subs.size() * a.tests().size(), seconds, jobs,
                CpuUse.now().since(cpu));
    }

    /**
     * The Docker strategies the default one was chosen over, through the Sandbox API on the first few submissions (a
     * container per run costs a few hundred ms per run): one {@code docker exec} per run in a warm container, and a
     * new container per run.
     */
    private List<Figures> otherStrategies(AppServices services, DockerSandbox sandbox, Assignment a,
                                          List<Submission> subs, LanguageProfile profile) throws Exception {
        List<Figures> out = new ArrayList<>();
        List<Submission> few = subs.subList(0, Math.min(subs.size(), Math.max(jobs, 4)));
        for (DockerOptions.Strategy s : DockerOptions.Strategy.values()) {
            if (s == sandbox.strategy()) continue;
            try (DockerSandbox other = sandbox.withStrategy(s)) {
                Figures f = floor(services, other, a, few, profile);
                out.add(new Figures(f.what().replace("from Java", switch (s) {
                    case RUNNER -> "runner";
                    case WARM_CONTAINER -> "exec per run";
                    case CONTAINER_PER_RUN -> "container per run";
                }), f.runs(), f.seconds(), f.jobs(), f.cpu()));
            }
        }
        return out;
    }

    private Figures engine(AppServices services, Sandbox sandbox, Assignment a, List<Submission> subs, java.io.PrintStream out)
            throws Exception {
        GradingEngine engine = services.engine(sandbox);
        GradingRequest request = new GradingRequest(a, subs, "bench", services.checkers(sandbox), Map.of(), Optional.empty(),
                Set.of(), false);
        CpuUse cpu = CpuUse.now();
        long start = System.nanoTime();
        GradingOutcome o = engine.start(request, GradingListener.NONE).outcome().get(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        long notAccepted = o.results().stream().map(SubmissionResult::verdict).filter(v -> v != Verdict.AC).count();
        if (notAccepted > 0) {
            out.println("warning: " + notAccepted + " generated submissions were not accepted; figures are suspect");
        }
        return new Figures("engine (queue+sandbox+checker+H2)", subs.size() * a.tests().size(), seconds, jobs,
                CpuUse.now().since(cpu));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
