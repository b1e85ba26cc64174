package org.gradebench.sandbox.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.SandboxSession;
import org.gradebench.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cost of one run through the Docker backend (median of warm runs of /bin/true), per strategy and transfer mode.
 * The numbers go to the log; the assertion only catches a regression by an order of magnitude (the test machine is
 * shared and noisy).
 */
@Tag("docker")
class DockerOverheadTest {
    private static final Logger LOG = LoggerFactory.getLogger(DockerOverheadTest.class);
    private static final int RUNS = 15;

    @TempDir
    Path tmp;
    private com.github.dockerjava.api.DockerClient docker;
    private DockerEndpoint ep;
    private LanguageProfile py;
    private Path prog;
    private Path input;

    @BeforeEach
    void setUp() throws Exception {
        docker = DockerTestSupport.client();
        ep = DockerTestSupport.endpoint();
        py = DockerTestSupport.profile("python3", List.of("python3"), List.of());
        prog = Files.createDirectories(tmp.resolve("p"));
        input = Files.writeString(tmp.resolve("in"), "1 2\n");
    }

    @Test
    void theRunnerIsCheaperThanAnExecPerRunWhichIsCheaperThanAContainerPerRun() throws Exception {
        long runnerBind = median(TransferMode.BIND, DockerOptions.Strategy.RUNNER);
        long runnerCopy = median(TransferMode.COPY, DockerOptions.Strategy.RUNNER);
        long warmBind = median(TransferMode.BIND, DockerOptions.Strategy.WARM_CONTAINER);
        long warmCopy = median(TransferMode.COPY, DockerOptions.Strategy.WARM_CONTAINER);
        long perRun = median(TransferMode.BIND, DockerOptions.Strategy.CONTAINER_PER_RUN);
        LOG.info("docker run overhead (median of {}): runner bind {} ms, runner copy {} ms, exec per run bind {} ms, "
                + "exec per run copy {} ms, container per run {} ms", RUNS, runnerBind, runnerCopy, warmBind, warmCopy,
                perRun);
        assertThat(runnerBind).isLessThan(warmBind);
        assertThat(warmBind).isLessThan(perRun);
        assertThat(runnerBind).isLessThan(1000);
    }

    /**
     * Where a run's time goes at {@code --jobs 2}: a bare {@code docker exec} of {@code true} (the floor of an exec
     * per run: exec create, start, attach, exit), a bare exec of the same Python program, and the full Gradebench run
     * of it (prelude, launcher, limits, measuring, staging and reading files) through the runner and through an exec
     * per run, each as wall time per run per job, in alternating rounds so the machine's load hits all alike. The
     * runner must beat even a bare exec of the program; an exec per run adds Gradebench's share on top of the exec.
     */
    @Test
    void aRunThroughTheRunnerCostsLessThanABareExecOfTheSameProgram() throws Exception {
        Files.writeString(prog.resolve("main.py"), "a, b = map(int, input().split())\nprint(a + b)\n");
        RunSpec spec = new RunSpec(List.of("/usr/bin/python3", "/box/prog/main.py"), false, Map.of("in", input),
                Optional.of("in"), SandboxTestSupport.limits(2000, 5000, 128, true, 16), Map.of(), List.of());
        int jobs = 2;
        int perRound = 10;
        List<Double> bareTrue = new ArrayList<>();
        List<Double> barePython = new ArrayList<>();
        List<Double> viaRunner = new ArrayList<>();
        List<Double> viaExec = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> new Thread(r, "docker-overhead"));
        try (DockerSandbox runner = new DockerSandbox(docker, ep, DockerOptions.defaults());
             DockerSandbox exec = new DockerSandbox(docker, ep,
                     DockerOptions.defaults().withStrategy(DockerOptions.Strategy.WARM_CONTAINER));
             SandboxSession a = runner.open("overhead-a", prog, py);
             SandboxSession b = runner.open("overhead-b", prog, py);
             SandboxSession c = exec.open("overhead-c", prog, py);
             SandboxSession d = exec.open("overhead-d", prog, py)) {
            List<SandboxSession> runners = List.of(a, b);
            List<SandboxSession> execs = List.of(c, d);
            for (SandboxSession s : List.of(a, b, c, d)) assertThat(s.run(spec).stdout().text()).isEqualTo("3\n");
            for (int round = 0; round < 3; round++) {
                bareTrue.add(perRunPerJob(pool, execs, perRound, s -> bareExec(docker, s, "/bin/true")));
                barePython.add(perRunPerJob(pool, execs, perRound,
                        s -> bareExec(docker, s, "/usr/bin/python3", "-c", "a, b = map(int, '1 2'.split()); print(a + b)")));
                viaRunner.add(perRunPerJob(pool, runners, perRound, s -> {
                    RunResult r = s.run(spec);
                    assertThat(r.succeeded()).as(r.toString()).isTrue();
                }));
                viaExec.add(perRunPerJob(pool, execs, perRound, s -> {
                    RunResult r = s.run(spec);
                    assertThat(r.succeeded()).as(r.toString()).isTrue();
                }));
            }
        } finally {
            pool.shutdownNow();
        }
        double t = median(bareTrue);
        double p = median(barePython);
        double fr = median(viaRunner);
        double fe = median(viaExec);
        LOG.info("per run per job at {} jobs (median of 3 rounds of {}): bare docker exec of true {} ms, bare exec of "
                        + "the Python program {} ms, full Gradebench run through the runner {} ms, through an exec per "
                        + "run {} ms (Gradebench's share there {} ms)",
                jobs, perRound * jobs, Math.round(t), Math.round(p), Math.round(fr), Math.round(fe), Math.round(fe - p));
        assertThat(fr).as("a run through the runner, next to a bare exec of the same program").isLessThan(p);
        assertThat(t).as("a bare exec is the floor of an exec per run").isLessThan(fe);
        assertThat(fe - p).as("Gradebench's share of an exec per run, next to a bare exec of the program")
                .isLessThan(Math.max(40, p));
    }

    private interface OnSession {
        void run(SandboxSession s) throws Exception;
    }

    private static double perRunPerJob(ExecutorService pool, List<SandboxSession> sessions, int n, OnSession job)
            throws Exception {
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (SandboxSession s : sessions) {
            fs.add(pool.submit(() -> {
                for (int i = 0; i < n; i++) job.run(s);
                return null;
            }));
        }
        for (Future<?> f : fs) f.get(5, TimeUnit.MINUTES);
        return (System.nanoTime() - t0) / 1e6 / n;
    }

    /** One exec into the session's warm container as the sandbox uid, waited for like a run: no prelude, no launcher. */
    private static void bareExec(com.github.dockerjava.api.DockerClient docker, SandboxSession s, String... argv)
            throws Exception {
        String container = ((DockerSandboxSession) s).containerId().orElseThrow();
        String exec = docker.execCreateCmd(container).withUser(DockerOptions.NOBODY + ":" + DockerOptions.NOBODY)
                .withAttachStdout(true).withAttachStderr(true).withCmd(argv).exec().getId();
        try (ResultCallback.Adapter<Frame> cb = docker.execStartCmd(exec).exec(new ResultCallback.Adapter<>())) {
            assertThat(cb.awaitCompletion(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    /** Median wall time of warm runs of /bin/true with one transfer mode and strategy. */
    private long median(TransferMode mode, DockerOptions.Strategy strategy) throws Exception {
        try (DockerSandbox sandbox = new DockerSandbox(docker, ep,
                DockerOptions.defaults().withTransfer(mode).withStrategy(strategy));
             SandboxSession s = sandbox.open("bench", prog, py)) {
            RunSpec spec = new RunSpec(List.of("/bin/true"), false, Map.of("in", input), Optional.of("in"),
                    SandboxTestSupport.small(), Map.of(), List.of());
            s.run(spec); // warm-up: creates the container
            List<Long> ms = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                RunResult r = s.run(spec);
                ms.add((System.nanoTime() - t0) / 1_000_000);
                assertThat(r.succeeded()).as(r.toString()).isTrue();
            }
            Collections.sort(ms);
            LOG.info("{} {}: {}", mode, strategy, ms);
            return ms.get(ms.size() / 2);
        }
    }
}
