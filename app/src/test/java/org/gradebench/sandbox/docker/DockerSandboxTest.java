package org.gradebench.sandbox.docker;

import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.RunLimits;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.SandboxException;
import org.gradebench.core.run.SandboxSession;
import org.gradebench.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Docker backend against a real engine (see {@link DockerTestSupport} for which one). */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerSandboxTest {
    static final int NOBODY = 65534;

    private DockerSandbox bind;
    private DockerSandbox copy;
    private LanguageProfile python;
    private LanguageProfile c;

    @BeforeAll
    void setUp() throws Exception {
        var docker = DockerTestSupport.client();
        DockerEndpoint ep = DockerTestSupport.endpoint();
        bind = new DockerSandbox(docker, ep, DockerOptions.defaults().withTransfer(TransferMode.BIND));
        copy = new DockerSandbox(docker, ep, DockerOptions.defaults().withTransfer(TransferMode.COPY));
        python = DockerTestSupport.profile("python3", List.of("python3", "{mainPath}"), List.of());
        c = DockerTestSupport.profile("c", List.of("{prog}/main"), List.of("gcc", "-O2", "-o", "main", "{sources}"));
    }

    @AfterAll
    void tearDown() {
        if (bind != null) bind.close();
        if (copy != null) copy.close();
    }

    static RunLimits limits(long cpuMs, long wallMs, long memMib, int procs) {
        return SandboxTestSupport.limits(cpuMs, wallMs, memMib, true, procs);
    }

    static RunSpec test(List<String> argv, RunLimits limits) {
        return new RunSpec(argv, false, Map.of(), Optional.empty(), limits, Map.of(), List.of());
    }

    private DockerSandbox sandbox(TransferMode mode) {
        return mode == TransferMode.COPY ? copy : bind;
    }

    private static Path source(Path dir, String name, String text) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), text);
        return dir;
    }

    @ParameterizedTest
    @EnumSource(value = TransferMode.class, names = {"BIND", "COPY"})
    void pythonReadsStdinFromAFileAndWritesCollectedFiles(TransferMode mode, @TempDir Path tmp) throws Exception {
        Path prog = source(tmp.resolve("p"), "main.py", """
                import sys, os
                nums = [int(x) for x in sys.stdin.read().split()]
                print(sum(nums))
                os.makedirs('feedback', exist_ok=True)
                open('feedback/judge.txt', 'w').write('n=%d' % len(nums))
                print(os.getcwd(), os.getuid(), file=sys.stderr)
                """);
        Path input = Files.writeString(tmp.resolve("1.in"), "1 2 3 4\n");
        try (SandboxSession s = sandbox(mode).open("py-stdin", prog, python)) {
            RunResult r = s.run(new RunSpec(List.of("python3", "/box/prog/main.py"), false, Map.of("input", input),
                    Optional.of("input"), limits(2000, 5000, 128, 16), Map.of(), List.of("feedback", "missing.txt")));
            assertThat(r.succeeded()).as(r + r.stderr().text()).isTrue();
            assertThat(r.stdout().text()).isEqualTo("10\n");
            assertThat(r.stderr().text().strip()).isEqualTo("/box/run " + NOBODY);
            assertThat(r.files()).containsOnlyKeys("feedback/judge.txt");
            assertThat(r.files().get("feedback/judge.txt").text()).isEqualTo("n=4");
            assertThat(r.peakMemoryKb()).isGreaterThan(1000);
            assertThat(r.cpuMs()).isLessThan(2000);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TransferMode.class, names = {"BIND", "COPY"})
    void cCompilesThenRunsReadOnly(TransferMode mode, @TempDir Path tmp) throws Exception {
        Path prog = source(tmp.resolve("c"), "main.c", """
                #include <stdio.h>
                #include <errno.h>
                #include <string.h>
                int main(void) {
                    int a, b;
                    if (scanf("%d %d", &a, &b) != 2) return 2;
                    printf("%d\\n", a + b);
                    FILE *f = fopen("/box/prog/tamper", "w");
                    fprintf(stderr, "prog write: %s\\n", f ? "ALLOWED" : strerror(errno));
                    return 0;
                }
                """);
        Path input = Files.writeString(tmp.resolve("in"), "40 2");
        try (SandboxSession s = sandbox(mode).open("c-compile", prog, c)) {
            RunResult cc = s.run(new RunSpec(List.of("gcc", "-O2", "-o", "main", "main.c"), true, Map.of(),
                    Optional.empty(), HostileLimits.tool(), Map.of(), List.of()));
            assertThat(cc.succeeded()).as(cc + cc.stderr().text()).isTrue();
            for (int i = 0; i < 2; i++) {
                RunResult r = s.run(new RunSpec(List.of("/box/prog/main"), false, Map.of("in", input),
                        Optional.of("in"), limits(1000, 3000, 64, 8), Map.of(), List.of()));
                assertThat(r.succeeded()).as(r + r.stderr().text()).isTrue();
                assertThat(r.stdout().text()).isEqualTo("42\n");
                assertThat(r.stderr().text()).contains("prog write: ").doesNotContain("ALLOWED");
            }
        }
    }

    @Test
    void cpuLoopIsStoppedAtTheCpuLimit(@TempDir Path tmp) throws Exception {
        Path prog = source(tmp.resolve("p"), "main.py", "while True: pass\n");
        try (SandboxSession s = bind.open("tle", prog, python)) {
            long t0 = System.nanoTime();
            RunResult r = s.run(test(List.of("python3", "/box/prog/main.py"), limits(1000, 5000, 128, 8)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.succeeded()).isFalse();
            assertThat(r.outcome()).as(r.toString()).isEqualTo(RunResult.Outcome.SIGNALED);
            assertThat(r.cpuMs()).as(r.toString()).isGreaterThanOrEqualTo(850);
            assertThat(ms).as(r.toString()).isLessThan(5000);
        }
    }

    @Test
    void sleeperIsKilledAtTheWallLimit(@TempDir Path tmp) throws Exception {
        Path prog = source(tmp.resolve("p"), "main.py", "import time\ntime.sleep(60)\n");
        try (SandboxSession s = bind.open("wall", prog, python)) {
            RunResult r = s.run(test(List.of("python3", "/box/prog/main.py"), limits(1000, 1500, 128, 8)));
            assertThat(r.wallTimedOut()).as(r.toString()).isTrue();
            assertThat(r.cpuMs()).isLessThan(500);
        }
    }

    @Test
    void theTestContainerIsStartedDuringTheCompileOnceTheShapeIsKnown(@TempDir Path tmp) throws Exception {
        Path prog = source(tmp.resolve("p"), "main.py", "print(input())\n");
        Path in = Files.writeString(tmp.resolve("in"), "hello\n");
        RunSpec compile = new RunSpec(List.of("python3", "-m", "py_compile", "/box/prog/main.py"), true, Map.of(),
                Optional.empty(), limits(5000, 10_000, 256, 32), Map.of(), List.of());
        RunSpec test = new RunSpec(List.of("python3", "/box/prog/main.py"), false, Map.of("in", in), Optional.of("in"),
                limits(1000, 3000, 64, 8), Map.of(), List.of());
        try (DockerSandbox sandbox = new DockerSandbox(DockerTestSupport.client(), DockerTestSupport.endpoint(),
                DockerOptions.defaults().withTransfer(TransferMode.BIND))) {
            for (int i = 0; i < 3; i++) {
                String session;
                try (SandboxSession s = sandbox.open("prepared-" + i, prog, python)) {
                    session = ((DockerSandboxSession) s).sessionId();
                    assertThat(s.run(compile).succeeded()).isTrue();
                    if (i < 2) {
                        for (int t = 0; t < 2; t++) assertThat(s.run(test).stdout().text()).isEqualTo("hello\n");
                        assertThat(((DockerSandboxSession) s).containersCreated()).isEqualTo(2);
                        // The first session teaches the sandbox which shape follows the compile; later ones use it.
                        assertThat(((DockerSandboxSession) s).preparedUsed()).isEqualTo(i == 0 ? 0 : 1);
                    }
                    // i == 2: a compile error would end here; the container prepared for tests is not wanted.
                }
                assertThat(DockerTestSupport.containersOf(session)).as("nothing left once closed").isEmpty();
            }
        }
        assertNoSandboxProcesses();
    }

    @Test
    void aProgramCannotStopOrKillItsLauncher(@TempDir Path tmp) throws Exception {
        // The launcher is root in the container and the program is not: the signals are refused, the run ends with
        // the program's own verdict, and the warm container is kept.
        Path prog = source(tmp.resolve("p"), "main.py", """
                import os, signal
                for sig in (signal.SIGSTOP, signal.SIGKILL):
                    try:
                        os.kill(os.getppid(), sig)
                        print("sent", sig)
                    except PermissionError as e:
                        print("refused", int(sig))
                """);
        try (SandboxSession s = bind.open("stop-launcher", prog, python)) {
            RunResult r = s.run(test(List.of("python3", "/box/prog/main.py"), limits(1000, 1500, 64, 8)));
            assertThat(r.outcome()).as(r + r.stderr().text()).isEqualTo(RunResult.Outcome.EXITED);
            assertThat(r.stdout().text()).isEqualTo("refused 19\nrefused 9\n");
            RunResult next = s.run(test(List.of("/bin/sh", "-c", "echo fresh"), limits(1000, 2000, 64, 8)));
            assertThat(next.stdout().text()).isEqualTo("fresh\n");
            assertThat(((DockerSandboxSession) s).containersCreated()).isEqualTo(1);
        }
        assertNoSandboxProcesses();
    }

    @Test
    void aLauncherThatNeverReportsIsKilledByTheHostAtWallPlusGrace(@TempDir Path tmp) throws Exception {
        // The program cannot stop its launcher any more; freezing the whole container stands in for a launcher
        // that hangs. The host backstop then kills the container: a wall timeout, not a hang.
        Path prog = source(tmp.resolve("p"), "main.py", "import time\ntime.sleep(60)\n");
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "docker-test-pause"));
        try (SandboxSession s = bind.open("frozen-launcher", prog, python)) {
            String session = ((DockerSandboxSession) s).sessionId();
            Future<?> pause = pool.submit(() -> {
                waitForContainer(session);
                // Freeze only once the program runs: the container may be up (started during the compile) before
                // the test's exec exists, and an exec into a paused container is refused, not hung.
                String id = DockerTestSupport.containersOf(session).get(0).getId();
                for (int i = 0; i < 200 && !programRunsIn(id); i++) Thread.sleep(25);
                assertThat(programRunsIn(id)).as("the program started in " + id).isTrue();
                DockerTestSupport.client().pauseContainerCmd(id).exec();
                return null;
            });
            long t0 = System.nanoTime();
            RunResult r = s.run(test(List.of("python3", "/box/prog/main.py"), limits(1000, 1500, 64, 8)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            pause.get(10, TimeUnit.SECONDS);
            assertThat(r.wallTimedOut()).as(r.toString()).isTrue();
            assertThat(r.succeeded()).isFalse();
            assertThat(ms).isBetween(1500L, 1500 + DockerOptions.defaults().killGrace().toMillis() + 3000);
            RunResult next = s.run(test(List.of("/bin/sh", "-c", "echo fresh"), limits(1000, 2000, 64, 8)));
            assertThat(next.stdout().text()).isEqualTo("fresh\n");
            assertThat(((DockerSandboxSession) s).containersCreated()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        assertNoSandboxProcesses();
    }

    @ParameterizedTest
    @EnumSource(value = TransferMode.class, names = {"BIND", "COPY"})
    void memoryHogIsStoppedNearTheLimit(TransferMode mode, @TempDir Path tmp) throws Exception {
        Path prog = source(tmp.resolve("p"), "main.py", """
                blocks = []
                while True:
                    blocks.append(bytearray(b'x' * (8 << 20)))
                """);
        try (SandboxSession s = sandbox(mode).open("mle", prog, python)) {
            RunResult r = s.run(test(List.of("python3", "/box/prog/main.py"), limits(5000, 10000, 96, 8)));
            assertThat(r.succeeded()).isFalse();
            assertThat(r.peakMemoryKb() >= 96 * 1024 * 9 / 10 || r.stderr().text().contains("MemoryError"))
                    .as(r + r.stderr().text()).isTrue();
        }
    }

    @Test
    void memoryCgroupKillsWhatTheLauncherCannotSee(@TempDir Path tmp) throws Exception {
        // No RLIMIT_AS and an allocation faster than the launcher's polling: the container's cgroup is the backstop.
        Path prog = source(tmp.resolve("p"), "main.py", "x = bytearray(b'y' * (1 << 30))\nprint(len(x))\n");
        LanguageProfile noAs = new LanguageProfile("python3", "python3", List.of("py"), List.of(), Optional.empty(),
                List.of(), List.of("python3"), List.of(), List.of(), List.of(), Map.of(), false, 0,
                python.dockerImage());
        try (SandboxSession s = bind.open("oom", prog, noAs)) {
            RunResult r = s.run(test(List.of("python3", "/box/prog/main.py"),
                    SandboxTestSupport.limits(5000, 10000, 64, false, 8)));
            assertThat(r.succeeded()).isFalse();
            assertThat(r.peakMemoryKb()).as(r.toString()).isGreaterThanOrEqualTo(64 * 1024 * 9 / 10);
            assertThat(r.stdout().text()).isEmpty();
        }
    }

    @Test
    void forkBombIsContainedAndLeavesNothing(@TempDir Path tmp) throws Exception {
        Path prog = source(tmp.resolve("p"), "bomb.sh", ":(){ :|:& };:\n");
        String session;
        try (SandboxSession s = bind.open("bomb", prog, python)) {
            session = ((DockerSandboxSession) s).sessionId();
            long t0 = System.nanoTime();
            RunResult r = s.run(test(List.of("/bin/sh", "/box/prog/bomb.sh"), limits(1000, 2000, 128, 16)));
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(6000);
            assertThat(r.succeeded()).isFalse();
            // the session still works: the next run gets a fresh container
            RunResult ok = s.run(test(List.of("/bin/sh", "-c", "echo alive"), limits(1000, 2000, 64, 8)));
            assertThat(ok.stdout().text()).isEqualTo("alive\n");
            assertThat(((DockerSandboxSession) s).containersCreated()).isEqualTo(2);
        }
        assertThat(DockerTestSupport.containersOf(session)).isEmpty();
        assertNoSandboxProcesses();
    }

    @Test
    void networkIsUnreachable(@TempDir Path tmp) throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            listener.configureBlocking(false);
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            Path prog = source(tmp.resolve("p"), "main.py", """
                    import socket, sys
                    for host, port in (('127.0.0.1', int(sys.argv[1])), ('192.0.2.1', 80), ('example.com', 80)):
                        try:
                            socket.create_connection((host, port), timeout=1)
                            print(host, 'CONNECTED')
                        except OSError as e:
                            print(host, 'failed', type(e).__name__)
                    print(sorted(n for _, n in socket.if_nameindex()))
                    """);
            try (SandboxSession s = bind.open("net", prog, python)) {
                RunResult r = s.run(test(List.of("python3", "/box/prog/main.py", Integer.toString(port)),
                        limits(3000, 8000, 128, 8)));
                assertThat(r.succeeded()).as(r + r.stderr().text()).isTrue();
                assertThat(r.stdout().text()).doesNotContain("CONNECTED").contains("['lo']");
            }
            assertThat(listener.accept()).isNull();
        }
    }

    /**
     * The runner (a fork per run inside the container) and the exec per run give the same verdicts, measurements and
     * cleanup; a program that goes after every process it can see (forged requests on their stdin, forged answers on
     * their stdout, SIGKILL) reaches none of them, and the next run is served by the same container.
     */
    @ParameterizedTest
    @EnumSource(value = DockerOptions.Strategy.class, names = {"RUNNER", "WARM_CONTAINER"})
    void bothWarmStrategiesGiveTheSameVerdictsAndSurviveAnAttackOnTheirProcesses(DockerOptions.Strategy strategy,
                                                                                @TempDir Path tmp) throws Exception {
        Path prog = source(tmp.resolve("p"), "main.py", "a, b = map(int, input().split())\nprint(a + b)\n");
        Path input = Files.writeString(tmp.resolve("in"), "40 2\n");
        RunSpec sum = new RunSpec(List.of("python3", "/box/prog/main.py"), false, Map.of("in", input),
                Optional.of("in"), limits(2000, 5000, 128, 8), Map.of(), List.of());
        String attack = "n=0; for d in /proc/[0-9]*; do p=${d#/proc/}; [ \"$p\" = $$ ] && continue;"
                + " for f in 0 1 2; do (printf 'GB1 2\\n/bin/sh\\0-c\\0' > $d/fd/$f) 2>/dev/null && echo OPENED $d/fd/$f;"
                + " done; kill -9 $p 2>/dev/null && echo KILLED $p; n=$((n+1)); done; echo seen=$n";
        try (DockerSandbox sandbox = new DockerSandbox(DockerTestSupport.client(), DockerTestSupport.endpoint(),
                DockerOptions.defaults().withTransfer(TransferMode.BIND).withStrategy(strategy));
             SandboxSession s = sandbox.open("strategy-" + strategy, prog, python)) {
            RunResult first = s.run(sum);
            assertThat(first.succeeded()).as(first + first.stderr().text()).isTrue();
            assertThat(first.stdout().text()).isEqualTo("42\n");
            assertThat(first.cpuMs()).isBetween(1L, 2000L);
            assertThat(first.peakMemoryKb()).isGreaterThan(1000);

            RunResult hit = s.run(test(List.of("/bin/sh", "-c", attack), limits(2000, 5000, 128, 8)));
            assertThat(hit.succeeded()).as(hit + hit.stderr().text()).isTrue();
            assertThat(hit.stdout().text()).doesNotContain("OPENED", "KILLED");
            // docker-init, the keepalive and the launcher at least (and the runner, in that strategy)
            assertThat(Integer.parseInt(hit.stdout().text().replaceAll("(?s).*seen=(\\d+).*", "$1")))
                    .as(hit.stdout().text()).isGreaterThanOrEqualTo(strategy == DockerOptions.Strategy.RUNNER ? 4 : 3);

            RunResult again = s.run(sum);
            assertThat(again.stdout().text()).as(again + again.stderr().text()).isEqualTo("42\n");
            assertThat(((DockerSandboxSession) s).containersCreated()).as("one warm container served all runs")
                    .isEqualTo(1);

            // Same container shape (memory, pids): only the abnormal end makes the session replace the container.
            RunResult tle = s.run(test(List.of("python3", "-c", "while True: pass"), limits(500, 5000, 128, 8)));
            assertThat(tle.outcome()).as(tle.toString()).isEqualTo(RunResult.Outcome.SIGNALED);
            assertThat(tle.cpuMs()).as(tle.toString()).isGreaterThanOrEqualTo(400);
            RunResult after = s.run(sum);
            assertThat(after.stdout().text()).as(after + after.stderr().text()).isEqualTo("42\n");
            assertThat(((DockerSandboxSession) s).containersCreated()).as("recreated after the abnormal run")
                    .isEqualTo(2);
        }
    }

    /** Each runner holds a connection and docker-java's stdin thread; closing its session must end both. */
    @Test
    void closedSessionsLeaveNoRunnerThreadsBehind(@TempDir Path tmp) throws Exception {
        Path prog = source(tmp.resolve("p"), "x.sh", "");
        RunSpec echo = test(List.of("/bin/sh", "-c", "echo ok"), limits(1000, 3000, 64, 8));
        try (SandboxSession warm = bind.open("threads-warm", prog, python)) {
            assertThat(warm.run(echo).stdout().text()).isEqualTo("ok\n");
        }
        long before = awaitThreadCount(Long.MAX_VALUE);
        for (int i = 0; i < 6; i++) {
            try (SandboxSession s = bind.open("threads-" + i, prog, python)) {
                assertThat(s.run(echo).stdout().text()).isEqualTo("ok\n");
                assertThat(s.run(echo).stdout().text()).isEqualTo("ok\n");
            }
        }
        assertThat(awaitThreadCount(before + 2)).as(Thread.getAllStackTraces().keySet().toString())
                .isLessThanOrEqualTo(before + 2);
    }

    /** Live threads once they have settled (waits up to 5 s for the count to drop to {@code atMost}). */
    private static long awaitThreadCount(long atMost) throws InterruptedException {
        long n = Thread.activeCount();
        for (int i = 0; i < 50 && n > atMost; i++) {
            Thread.sleep(100);
            n = Thread.activeCount();
        }
        return n;
    }

    @Test
    void stateDoesNotLeakBetweenRunsOfAWarmContainer(@TempDir Path tmp) throws Exception {
        Path prog = source(tmp.resolve("p"), "x.sh", "");
        try (SandboxSession s = bind.open("leak", prog, python)) {
            RunResult w = s.run(test(List.of("/bin/sh", "-c", "echo a > /tmp/state; echo b > /dev/shm/state;"
                    + " echo c > /box/run/state; mkdir /tmp/locked; touch /tmp/locked/f; chmod 000 /tmp/locked;"
                    + " echo written"), limits(1000, 3000, 64, 8)));
            assertThat(w.stdout().text()).as(w + w.stderr().text()).isEqualTo("written\n");
            RunResult r = s.run(test(List.of("/bin/sh", "-c", "ls -A /tmp /dev/shm /box/run"),
                    limits(1000, 3000, 64, 8)));
            assertThat(r.stdout().text()).doesNotContain("state", "locked");
            assertThat(((DockerSandboxSession) s).containersCreated()).as("the warm container was reused").isEqualTo(1);
        }
    }

    @Test
    void interruptingARunRemovesItsContainer(@TempDir Path tmp) throws Exception {
        Path prog = source(tmp.resolve("p"), "x.sh", "");
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "docker-test-cancel"));
        try (SandboxSession s = bind.open("cancel", prog, python)) {
            String session = ((DockerSandboxSession) s).sessionId();
            Future<RunResult> f = pool.submit(() -> s.run(test(List.of("python3", "-c", "import time; time.sleep(30)"),
                    limits(1000, 30_000, 64, 8))));
            waitForContainer(session);
            Thread.sleep(300);
            f.cancel(true);
            long t0 = System.nanoTime();
            awaitNoContainers(session, Duration.ofSeconds(10));
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertNoSandboxProcesses();
    }

    @Test
    void closingASessionMidRunEndsTheRunAndRemovesTheContainer(@TempDir Path tmp) throws Exception {
        Path prog = source(tmp.resolve("p"), "x.sh", "");
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "docker-test-close"));
        try {
            SandboxSession s = bind.open("close", prog, python);
            String session = ((DockerSandboxSession) s).sessionId();
            Future<RunResult> f = pool.submit(() -> s.run(test(List.of("python3", "-c", "import time; time.sleep(30)"),
                    limits(1000, 30_000, 64, 8))));
            waitForContainer(session);
            Thread.sleep(300);
            s.close();
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SandboxException.class);
            assertThat(DockerTestSupport.containersOf(session)).isEmpty();
        } finally {
            pool.shutdownNow();
        }
        assertNoSandboxProcesses();
    }

    @Test
    void reaperRemovesContainersOfACrashedOwnerAndKeepsLiveSessions(@TempDir Path tmp) throws Exception {
        var docker = DockerTestSupport.client();
        OwnerId crashed = new OwnerId(OwnerId.current().host(), 999_999_999L, 1L);
        String staleSession = "stale-" + System.nanoTime();
        ContainerSpec spec = new ContainerSpecBuilder(python.dockerImage(), ContainerShape.of(
                test(List.of("true"), limits(1000, 1000, 64, 8))))
                .session(staleSession, crashed.toString(), "crashed").copy().build();
        String stale = spec.applyTo(docker.createContainerCmd(python.dockerImage())).exec().getId();
        try (SandboxSession live = bind.open("live", source(tmp.resolve("p"), "x", ""), python)) {
            live.run(test(List.of("/bin/true"), limits(1000, 2000, 64, 8)));
            String liveSession = ((DockerSandboxSession) live).sessionId();
            List<String> removed = new DockerReaper(docker).reap(bind.liveSessions());
            assertThat(removed).contains(stale);
            assertThat(DockerTestSupport.containersOf(staleSession)).isEmpty();
            assertThat(DockerTestSupport.containersOf(liveSession)).hasSize(1);
        }
    }

    @Test
    void missingImageSaysHowToGetIt(@TempDir Path tmp) throws Exception {
        LanguageProfile ghost = new LanguageProfile("ghost", "ghost", List.of("g"), List.of(), Optional.empty(),
                List.of(), List.of("x"), List.of(), List.of(), List.of(), Map.of(), true, 0, "gradebench/ghost:local");
        assertThatThrownBy(() -> bind.open("ghost", source(tmp.resolve("p"), "x", ""), ghost))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("image gradebench/ghost:local not found: run `gradebench images build`");
    }

    @Test
    void probeReportsEngineVersionAndImagesPerProfile() {
        LanguageProfile ghost = new LanguageProfile("ghost", "ghost", List.of("g"), List.of(), Optional.empty(),
                List.of(), List.of("x"), List.of(), List.of(), List.of(), Map.of(), true, 0, "gradebench/ghost:local");
        DockerStatus st = new DockerProbe(DockerTestSupport.client(), DockerTestSupport.endpoint())
                .probe(List.of(python, ghost));
        assertThat(st.reachable()).isTrue();
        assertThat(st.serverVersion()).isNotBlank();
        assertThat(st.apiVersion()).matches("1\\.\\d+");
        assertThat(st.usable()).as("a missing image only affects its profile").isTrue();
        assertThat(st.images()).extracting(DockerStatus.ImageStatus::present).containsExactly(true, false);
        assertThat(st.problems()).singleElement().asString().contains("gradebench/ghost:local not found");
        assertThat(st.toSandboxStatus().version()).startsWith("Docker Engine ").contains("(API 1.");
        assertThat(bind.status().usable()).isTrue();
    }

    @Test
    void unreachableEngineIsReportedClearly() {
        DockerEndpoint nowhere = DockerEndpoint.of("unix:///run/gradebench-no-such.sock");
        DockerSandbox s = new DockerSandbox(new DockerClientFactory().create(nowhere), nowhere, DockerOptions.defaults());
        assertThat(s.status().usable()).isFalse();
        assertThat(s.status().details()).containsExactly(
                "Docker engine not reachable at unix:///run/gradebench-no-such.sock: start Docker or set DOCKER_HOST");
    }

    private static boolean programRunsIn(String containerId) {
        var top = DockerTestSupport.client().topContainerCmd(containerId).exec();
        return top.getProcesses() != null && java.util.Arrays.stream(top.getProcesses())
                .anyMatch(p -> String.join(" ", p).contains("/box/prog/main.py"));
    }

    static void waitForContainer(String session) throws InterruptedException {
        for (int i = 0; i < 100 && DockerTestSupport.containersOf(session).isEmpty(); i++) Thread.sleep(50);
        assertThat(DockerTestSupport.containersOf(session)).isNotEmpty();
    }

    static void awaitNoContainers(String session, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end && !DockerTestSupport.containersOf(session).isEmpty()) Thread.sleep(50);
        assertThat(DockerTestSupport.containersOf(session)).isEmpty();
    }

    /**
     * Programs run as nobody: on the host, no process of that uid inside a Docker cgroup may survive a closed
     * session (nobody's processes outside containers belong to someone else on this machine).
     */
    static void assertNoSandboxProcesses() throws Exception {
        if (!SandboxTestSupport.runningAsRoot()) return;
        List<Long> left = List.of();
        for (int i = 0; i < 40; i++) {
            left = SandboxTestSupport.processesOf(NOBODY).stream().filter(DockerSandboxTest::inContainer).toList();
            if (left.isEmpty()) return;
            Thread.sleep(50);
        }
        assertThat(left).as("processes of uid 65534 left on the host").isEmpty();
    }

    private static boolean inContainer(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/cgroup")).contains("/docker/");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Generous limits for compiles. */
    static final class HostileLimits {
        static RunLimits tool() {
            return new RunLimits(Duration.ofSeconds(30), Duration.ofSeconds(60), 1024 * 1024, 0, 64, 1 << 20, 1 << 20,
                    64L << 20, 256, 64L << 20);
        }
    }
}
