package org.gradebench.sandbox.bwrap;

import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunLimits;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.Sandbox;
import org.gradebench.core.run.SandboxSession;
import org.gradebench.sandbox.SandboxBackends;
import org.gradebench.sandbox.SandboxTestSupport;
import org.gradebench.sandbox.launcher.HostFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URISyntaxException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-program suite (shared/reference/sandbox.md §5): each program in src/test/resources/hostile/ runs in the
 * real bwrap sandbox with small limits; the test asserts the raw outcome that decides its verdict and that the host
 * is untouched (no leftover process, no connection, no secret in the output, no file written outside).
 */
@Tag("sandbox")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass(name = "{0}")
@MethodSource("org.gradebench.sandbox.SandboxBackends#all")
class HostileProgramsTest {
    /** The same suite runs against every backend (bwrap, Docker); an unusable one skips (fails under CI). */
    @Parameter
    SandboxBackends.Backend backend;
    static final long MEM_MIB = 128;
    static final long MEM_KIB = MEM_MIB * 1024;
    static final String SECRET = "gb-secret-" + Long.toHexString(System.nanoTime());
    static final String EXPECTED = "gb-expected-answer-" + Long.toHexString(System.nanoTime());

    private Sandbox sandbox;
    private SandboxSession c;
    private SandboxSession j;
    private Path host;
    private ServerSocketChannel tcp;
    private ServerSocketChannel unix;
    private Ctx ctx;

    /** What the programs are told about the host, and what the test watches. */
    record Ctx(int port, Path unixSocket, Path secret, Path expected, List<Path> watched, String backend) {
        boolean docker() {
            return backend.equals("docker");
        }

    }

    /** One hostile program: how to run it, its limits, and the contained outcome it must have. */
    record Case(String name, boolean java, Function<Ctx, List<String>> argv, RunLimits limits,
                BiConsumer<RunResult, Ctx> expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeParameterizedClassInvocation
    void setUp(SandboxBackends.Backend backend) throws Exception {
        this.backend = backend;
        sandbox = backend.create();
        if (!sandbox.status().usable()) return;
        host = Files.createTempDirectory("gb-hostile-host");
        Files.setPosixFilePermissions(host, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path secret = Files.writeString(host.resolve("secret.txt"), SECRET);
        Path expected = Files.writeString(host.resolve("1.ans"), EXPECTED);
        for (Path p : List.of(secret, expected)) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        tcp = ServerSocketChannel.open();
        tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        tcp.configureBlocking(false);
        Path sock = host.resolve("gb.sock");
        unix = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        unix.bind(UnixDomainSocketAddress.of(sock));
        unix.configureBlocking(false);
        Files.setPosixFilePermissions(sock, PosixFilePermissions.fromString("rwxrwxrwx"));
        ctx = new Ctx(((InetSocketAddress) tcp.getLocalAddress()).getPort(), sock, secret, expected,
                List.of(host.resolve("written-by-sandbox"), Path.of("/tmp/gb-hostile-owned"), Path.of("/gb-owned"),
                        Path.of("/usr/gb-owned"), Path.of("/etc/gb-owned")), backend.name());

        Path src = Files.createTempDirectory("gb-hostile-src");
        Path res = resources();
        HostFiles.copyTree(res, src.resolve("c"));
        HostFiles.deleteTree(src.resolve("c/java"));
        c = sandbox.open("hostile-c", src.resolve("c"), backend.profile("plain", true, 0));
        RunResult cc = c.run(new RunSpec(List.of("/bin/sh", "-c",
                "for f in *.c; do gcc -O2 -pthread -o \"${f%.c}\" \"$f\" 2>&1 || exit 1; done"), true, Map.of(),
                Optional.empty(), tool(), Map.of(), List.of()));
        assertThat(cc.succeeded()).as("compiling the hostile C programs: " + cc.stdout().text() + cc.stderr().text())
                .isTrue();
        j = sandbox.open("hostile-java", res.resolve("java"), backend.profile("java", false, 32));
        RunResult jc = j.run(new RunSpec(List.of("/bin/sh", "-c", "/usr/bin/javac -J-XX:+UseSerialGC"
                + " -J-XX:TieredStopAtLevel=1 -J-XX:-UsePerfData -d /box/prog *.java"), true, Map.of(),
                Optional.empty(), tool(), Map.of(), List.of()));
        assertThat(jc.succeeded()).as("compiling the hostile Java programs: " + jc.stderr().text()).isTrue();
        HostFiles.deleteTree(src);
    }

    @AfterParameterizedClassInvocation
    void tearDown() throws IOException {
        if (c != null) c.close();
        if (j != null) j.close();
        if (tcp != null) tcp.close();
        if (unix != null) unix.close();
        if (host != null) HostFiles.deleteTree(host);
        if (sandbox != null) sandbox.close();
        assertThat(backend.leftoverResources()).as("containers of closed sessions").isEmpty();
    }

    private static Path resources() throws URISyntaxException {
        return Path.of(HostileProgramsTest.class.getResource("/hostile/cpu_loop.c").toURI()).getParent();
    }

    static RunLimits tool() {
        return new RunLimits(Duration.ofSeconds(60), Duration.ofSeconds(120), 2048 * 1024, 0, 128, 1 << 20, 1 << 20,
                256L << 20, 256, 256L << 20);
    }

    /**
     * The wall limit is generous (10 s) so that programs which must reach their CPU or memory outcome get there even
     * on a loaded machine (the sandbox runs at nice 10); unloaded they end after about 1 s of CPU anyway.
     */
    static RunLimits limits() {
        return SandboxTestSupport.limits(1000, 10_000, MEM_MIB, true, 16);
    }

    /** For programs that only end at the wall limit (sleepers, fork bombs): a short one keeps the suite quick. */
    static RunLimits shortWall() {
        return SandboxTestSupport.limits(1000, 2500, MEM_MIB, true, 16);
    }

    static RunLimits runtimeLimits(int procs) {
        return SandboxTestSupport.limits(3000, 15_000, MEM_MIB, false, procs);
    }

    static Case c(String name, BiConsumer<RunResult, Ctx> expect) {
        return new Case(name, false, x -> List.of("/box/prog/" + name), limits(), expect);
    }

    static Case cShort(String name, BiConsumer<RunResult, Ctx> expect) {
        return new Case(name, false, x -> List.of("/box/prog/" + name), shortWall(), expect);
    }

    static Case c(String name, Function<Ctx, List<String>> args, BiConsumer<RunResult, Ctx> expect) {
        return new Case(name, false, x -> {
            List<String> a = new ArrayList<>();
            a.add("/box/prog/" + name);
            a.addAll(args.apply(x));
            return a;
        }, limits(), expect);
    }

    static Case interp(String name, RunLimits limits, BiConsumer<RunResult, Ctx> expect, String... argv) {
        return new Case(name, false, x -> List.of(argv), limits, expect);
    }

    static Case java(String cls, BiConsumer<RunResult, Ctx> expect) {
        return new Case(cls, true, x -> List.of("/usr/bin/java", "-Xmx" + MEM_MIB + "m", "-Xss8m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-cp", "/box/prog", cls),
                runtimeLimits(48), expect);
    }

    static void signaled(RunResult r, Integer... signals) {
        assertThat(r.outcome()).as(r.toString()).isEqualTo(RunResult.Outcome.SIGNALED);
        assertThat(r.signal()).as(r.toString()).isIn((Object[]) signals);
    }

    static void exited(RunResult r, int code) {
        assertThat(r.outcome()).as(r + " " + r.stderr().excerpt(500)).isEqualTo(RunResult.Outcome.EXITED);
        assertThat(r.exitCode()).as(r.stderr().excerpt(500)).isEqualTo(code);
    }

    /**
     * CPU limit reached: killed by the launcher's polled total (cpu over the limit) or by RLIMIT_CPU's SIGXCPU. The
     * kernel fires RLIMIT_CPU on its precise runtime clock while rusage reports tick-sampled time, which on a loaded
     * VM can read ~10% lower, so a SIGXCPU run may show a little under the limit.
     */
    static void cpuTle(RunResult r) {
        assertThat(r.succeeded()).isFalse();
        assertThat(r.wallTimedOut()).as(r.toString()).isFalse();
        assertThat(r.cpuMs()).as(r.toString()).isGreaterThanOrEqualTo(r.signal() == 24 ? 850 : 1000);
    }

    static void wallTle(RunResult r) {
        assertThat(r.wallTimedOut()).as(r.toString()).isTrue();
        assertThat(r.cpuMs()).as(r.toString()).isLessThan(300);
        signaled(r, 9);
    }

    static void memoryHit(RunResult r) {
        assertThat(r.succeeded()).isFalse();
        assertThat(r.peakMemoryKb()).as(r.toString()).isGreaterThanOrEqualTo(MEM_KIB * 9 / 10);
    }

    static List<String> lines(CapturedOutput o) {
        return o.text().lines().toList();
    }

    static Stream<Case> cases() {
        return Stream.of(
                // CPU and time
                c("cpu_loop", (r, x) -> {
                    cpuTle(r);
                    signaled(r, 9, 24);
                }),
                c("threads_spin", (r, x) -> {
                    cpuTle(r);
                    signaled(r, 9, 24);
                }),
                c("fork_cpu", (r, x) -> {
                    // 4 x 0.9 s: every process stays under RLIMIT_CPU, the total over processes does not.
                    assertThat(r.cpuMs()).as(r.toString()).isGreaterThan(1000);
                    signaled(r, 9);
                    assertThat(r.wallTimedOut()).isFalse();
                }),
                c("ignore_signals", (r, x) -> {
                    cpuTle(r);
                    signaled(r, 9);
                }),
                cShort("sleep", (r, x) -> wallTle(r)),
                cShort("select_forever", (r, x) -> wallTle(r)),
                cShort("sigstop", (r, x) -> wallTle(r)),
                // memory
                c("malloc_hog", (r, x) -> memoryHit(r)),
                c("static_array", (r, x) -> {
                    assertThat(r.succeeded()).isFalse();
                    assertThat(r.launchErrno() == 12 || r.outcome() == RunResult.Outcome.SIGNALED)
                            .as(r.toString()).isTrue();
                }),
                c("memory_split", (r, x) -> {
                    // 4 x 77 MiB: no single process reaches the limit, the polled total does.
                    assertThat(r.peakMemoryKb()).as(r.toString()).isGreaterThan(MEM_KIB);
                    signaled(r, 9);
                    assertThat(r.wallTimedOut()).isFalse();
                }),
                c("recursion", (r, x) -> {
                    assertThat(r.outcome()).isEqualTo(RunResult.Outcome.SIGNALED);
                    assertThat(r.signal() == 11 || r.peakMemoryKb() >= MEM_KIB * 9 / 10).as(r.toString()).isTrue();
                }),
                interp("py_memory.py", limits(), (r, x) -> {
                    assertThat(r.succeeded()).isFalse();
                    assertThat(r.peakMemoryKb() >= MEM_KIB * 9 / 10 || r.stderr().text().contains("MemoryError"))
                            .as(r + r.stderr().excerpt(300)).isTrue();
                }, "/usr/bin/python3", "/box/prog/py_memory.py"),
                java("JavaMemory", (r, x) -> {
                    assertThat(r.succeeded()).isFalse();
                    assertThat(r.peakMemoryKb() >= MEM_KIB * 9 / 10
                            || r.stderr().text().contains("OutOfMemoryError")).as(r + r.stderr().excerpt(300)).isTrue();
                }),
                // processes
                cShort("fork_bomb", (r, x) -> {
                    assertThat(r.succeeded()).isFalse();
                    assertThat(r.wallMs()).isLessThan(3500);
                }),
                interp("fork_bomb.sh", shortWall(), (r, x) -> assertThat(r.wallMs()).isLessThan(3500),
                        "/bin/sh", "/box/prog/fork_bomb.sh"),
                interp("fork_bomb.py", shortWall(), (r, x) -> {
                    assertThat(r.succeeded()).isFalse();
                    assertThat(r.wallMs()).isLessThan(3500);
                }, "/usr/bin/python3", "/box/prog/fork_bomb.py"),
                c("thread_bomb", (r, x) -> {
                    exited(r, 1);
                    String out = r.stdout().text().strip();
                    assertThat(out).startsWith("threads=");
                    // RLIMIT_NPROC = processes + 2 (for the launcher and bwrap). It is counted per user namespace, so
                    // the grader's own processes (as an ordinary user: this very JVM's threads) do not eat into it.
                    assertThat(Integer.parseInt(out.substring(8))).as("capped by the process limit")
                            .isBetween(12, 18);
                }),
                java("JavaThreads", (r, x) -> {
                    assertThat(r.succeeded()).as(r.stdout().text()).isFalse();
                }),
                c("daemon", (r, x) -> {
                    exited(r, 0);
                    assertThat(r.stdout().text()).isEqualTo("main done\n");
                }),
                // output and files
                c("stdout_flood", (r, x) -> {
                    signaled(r, 25);
                    assertThat(r.stdout().truncated()).isTrue();
                    assertThat(r.stdout().size()).isEqualTo(64 * 1024);
                }),
                c("stderr_flood", (r, x) -> {
                    signaled(r, 25);
                    assertThat(r.stderr().truncated()).isTrue();
                }),
                interp("py_flood.py", limits(), (r, x) -> {
                    assertThat(r.succeeded()).isFalse();
                    assertThat(r.stdout().truncated()).isTrue();
                }, "/usr/bin/python3", "/box/prog/py_flood.py"),
                c("disk_fill", (r, x) -> {
                    exited(r, 1);
                    assertThat(r.stdout().text()).contains("No space left on device");
                    int files = Integer.parseInt(r.stdout().text().replaceAll("(?s).*after (\\d+) files.*", "$1"));
                    assertThat(files).as("an 8 MiB /tmp").isLessThanOrEqualTo(16);
                }),
                interp("shm_fill.py", limits(), (r, x) -> {
                    exited(r, 0);
                    assertThat(r.stdout().text()).startsWith("stopped after").contains("No space left on device");
                    int mib = Integer.parseInt(r.stdout().text().replaceAll("(?s)stopped after (\\d+) MiB.*", "$1"));
                    assertThat(mib).as("/dev/shm is at most 16 MiB").isLessThanOrEqualTo(16);
                }, "/usr/bin/python3", "/box/prog/shm_fill.py"),
                cShort("inode_flood", (r, x) -> assertThat(r.succeeded()).isFalse()),
                c("fd_exhaust", (r, x) -> {
                    exited(r, 1);
                    assertThat(r.stdout().text()).startsWith("fds=").contains("Too many open files");
                    int fds = Integer.parseInt(r.stdout().text().replaceAll("(?s)fds=(\\d+).*", "$1"));
                    assertThat(fds).isLessThanOrEqualTo(61);
                }),
                // network and host access
                c("net_connect", x -> List.of(Integer.toString(x.port())), (r, x) -> {
                    exited(r, 0);
                    assertThat(r.stdout().text()).doesNotContain("CONNECTED")
                            .contains("127.0.0.1:" + x.port() + " connect failed", "192.0.2.1:80 connect failed");
                }),
                c("unix_socket", x -> List.of(x.unixSocket().toString(), "gb-test-abstract"), (r, x) -> {
                    exited(r, 0);
                    assertThat(r.stdout().text()).doesNotContain("CONNECTED").contains(x.unixSocket() + " failed");
                }),
                c("read_secrets", x -> List.of(x.secret().toString(), x.expected().toString()), (r, x) -> {
                    exited(r, 0);
                    assertThat(r.stdout().text()).doesNotContain("READ", "LISTED", "root:")
                            .contains(x.secret() + ": No such file or directory");
                }),
                c("write_outside", x -> x.watched().stream().map(Path::toString).toList(), (r, x) -> {
                    exited(r, 0);
                    // /tmp and /box/run are the run's private tmpfs mounts: writing there is allowed (the host paths
                    // of the same name are checked to stay absent); everything else must be refused.
                    for (String line : lines(r.stdout())) {
                        if (!line.startsWith("/box/run/") && !line.startsWith("/tmp/")
                                && !line.startsWith("/dev/shm/")) {
                            assertThat(line).doesNotContain("WROTE");
                        }
                    }
                    assertThat(r.stdout().text()).contains("/box/run/ok: WROTE", "/tmp/ok: WROTE", "/dev/shm/ok: WROTE",
                            x.docker() ? "/dev/gb-owned: Permission denied" : "/dev/gb-owned: Read-only file system");
                }),
                c("proc_snoop", (r, x) -> {
                    exited(r, 0);
                    assertThat(r.stdout().text()).doesNotContain("OPENED", "LISTED", "ESCAPED");
                    int pids = Integer.parseInt(lines(r.stdout()).get(0).substring(5));
                    // Docker: docker-init, the keepalive and the runner (root, unreadable) share the container's pid
                    // namespace.
                    assertThat(pids).as("only the launcher and the program").isLessThanOrEqualTo(x.docker() ? 5 : 2);
                }),
                c("env_dump", (r, x) -> {
                    exited(r, 0);
                    // bwrap itself sets PWD for --chdir; nothing of the grader's environment gets through.
                    assertThat(lines(r.stdout())).containsExactlyInAnyOrder(
                            "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/tmp", "LANG=C.UTF-8", "PWD=/box/run");
                }),
                c("kill_parent", (r, x) -> {
                    // bwrap: the launcher is the namespace's pid 1, which ignores signals from inside. Docker: the
                    // launcher is root in the container and the program is not, so the signals are refused.
                    exited(r, 0);
                    assertThat(r.stdout().text()).matches(x.docker() ? "ppid=\\d+\nsurvived\n" : "ppid=1\nsurvived\n");
                }),
                c("kill_launcher", (r, x) -> {
                    exited(r, 0);
                    assertThat(r.stdout().text()).contains("same parent: yes\n");
                    if (x.docker()) {
                        assertThat(r.stdout().text()).contains("kill parent: Operation not permitted\n",
                                "stop parent: Operation not permitted\n");
                    }
                }),
                c("forbidden_syscalls", (r, x) -> {
                    exited(r, 0);
                    List<String> out = lines(r.stdout());
                    assertThat(out).as("every probe is answered").hasSize(14).contains("fork: works");
                    for (String line : out) {
                        if (!line.startsWith("fork:")) assertThat(line).as("the seccomp filter").endsWith(": refused");
                    }
                }),
                c("runner_attack", (r, x) -> {
                    // The report arrived, so nothing that measures the run was reached.
                    exited(r, 0);
                    assertThat(r.stdout().text()).doesNotContain("OPENED").contains("opened=0");
                    // bwrap: the launcher is pid 1 of the run's own namespace, so kill(1) "succeeds" and is ignored.
                    // Docker: every other process in the container is root's, and kill is refused.
                    if (x.docker()) assertThat(r.stdout().text()).doesNotContain("KILLED").contains("killed=0");
                }),
                c("no_privileges", (r, x) -> {
                    exited(r, 0);
                    String out = r.stdout().text();
                    assertThat(out).doesNotContain("uid=0 ", "euid=0 ").containsPattern("NoNewPrivs:\\s+1\n");
                    if (x.docker()) assertThat(out).as("no supplementary groups").contains("groups=0\n");
                    for (String set : List.of("CapInh", "CapPrm", "CapEff", "CapAmb")) {
                        assertThat(out).as(set).containsPattern(set + ":\\s+0000000000000000\n");
                    }
                }),
                c("symlink_games", (r, x) -> {
                    exited(r, 0);
                    assertThat(r.stdout().text()).startsWith("visible output\n").doesNotContain("DONE", "root:");
                }),
                c("forge_report", (r, x) -> {
                    exited(r, 7);
                    assertThat(r.stdout().text()).contains("/proc/1/fd/1: no", "/proc/1/fd/2: no", "/proc/1/fd/3: no")
                            .doesNotContain("fd3: WROTE");
                }),
                c("privilege", (r, x) -> {
                    exited(r, 0);
                    assertThat(r.stdout().text()).doesNotContain("SUCCEEDED").contains("unshare-user:", "chroot:");
                }),
                c("tiocsti", (r, x) -> {
                    exited(r, 0);
                    assertThat(r.stdout().text()).doesNotContain("INJECTED", "OPENED");
                }),
                // plain crashes
                c("crash_null", (r, x) -> signaled(r, 11)),
                c("crash_div", (r, x) -> signaled(r, 8)),
                c("crash_abort", (r, x) -> signaled(r, 6)),
                c("exit3", (r, x) -> exited(r, 3)),
                interp("py_exception.py", limits(), (r, x) -> {
                    exited(r, 1);
                    assertThat(r.stderr().text()).contains("KeyError");
                }, "/usr/bin/python3", "/box/prog/py_exception.py"),
                interp("js_exception.js", runtimeLimits(32), (r, x) -> {
                    exited(r, 1);
                    assertThat(r.stderr().text()).contains("Error: boom");
                }, "/usr/bin/node", "/box/prog/js_exception.js"),
                java("JavaException", (r, x) -> {
                    exited(r, 1);
                    assertThat(r.stderr().text()).contains("IllegalStateException: boom");
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileProgramIsContained(Case k) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        long start = System.nanoTime();
        RunResult r = (k.java() ? j : c).run(new RunSpec(k.argv().apply(ctx), false, Map.of(), Optional.empty(),
                k.limits(), Map.of(), List.of()));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        k.expect().accept(r, ctx);
        assertThat(elapsedMs).as("the run ends soon after its wall limit")
                .isLessThan(k.limits().wallTime().toMillis() + 2500);
        assertHostUntouched(r);
    }

    @Test
    void stateDoesNotLeakBetweenRuns() throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        RunResult w = c.run(new RunSpec(List.of("/bin/sh", "/box/prog/state_write.sh"), false, Map.of(),
                Optional.empty(), limits(), Map.of(), List.of()));
        exited(w, 0);
        assertThat(w.stdout().text()).isEqualTo("written\n");
        RunResult rd = c.run(new RunSpec(List.of("/bin/sh", "/box/prog/state_read.sh"), false, Map.of(),
                Optional.empty(), limits(), Map.of(), List.of()));
        exited(rd, 0);
        assertThat(rd.stdout().text()).isEqualTo("clean\n");
        assertHostUntouched(rd);
    }

    @Test
    void linksAndFifosInACollectedScratchAreNotFollowed() throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        RunResult r = c.run(new RunSpec(List.of("/box/prog/symlink_games"), false, Map.of(), Optional.empty(),
                limits(), Map.of(), List.of("out.txt", "fifo.txt", "etc")));
        exited(r, 0);
        assertThat(r.stdout().text()).contains("link out.txt: made", "fifo: made", "dirlink: made");
        assertThat(r.files()).as("links and FIFOs are never read").isEmpty();
        assertHostUntouched(r);
    }

    private void assertHostUntouched(RunResult r) throws Exception {
        assertThat(r.stdout().text() + r.stderr().text()).doesNotContain(SECRET, EXPECTED);
        assertThat(tcp.accept()).as("a connection reached the host listener").isNull();
        assertThat(unix.accept()).as("a connection reached the host unix socket").isNull();
        for (Path p : ctx.watched()) assertThat(p).doesNotExist();
        assertThat(Files.readString(ctx.secret())).isEqualTo(SECRET);
        if (ctx.docker()) {
            assertNoDockerLeftovers();
        } else {
            assertNoLeftovers();
        }
    }

    private void assertNoDockerLeftovers() throws Exception {
        List<Long> left = List.of();
        for (int attempt = 0; attempt < 20; attempt++) {
            left = backend.leftoverProcesses();
            if (left.isEmpty()) return;
            Thread.sleep(50);
        }
        assertThat(left).as("processes left behind in the containers").isEmpty();
    }

    /**
     * No descendant of this JVM and (as root) no process of a sandbox uid survives a run. A uid whose lock another
     * Gradebench process holds (another test suite, the app) is in use there and is skipped.
     */
    static void assertNoLeftovers() throws Exception {
        Set<Long> left = new HashSet<>();
        for (int attempt = 0; attempt < 20; attempt++) {
            left.clear();
            if (SandboxTestSupport.runningAsRoot()) {
                BwrapConfig d = SandboxTestSupport.bwrapConfig();
                Path locks = Path.of(System.getProperty("java.io.tmpdir"), "gradebench-0", "uid-locks");
                for (int uid = d.uidBase(); uid < d.uidBase() + d.uidCount(); uid++) {
                    Path lockFile = locks.resolve("uid-" + uid + ".lock");
                    if (!Files.exists(lockFile)) {
                        left.addAll(SandboxTestSupport.processesOf(uid));
                        continue;
                    }
                    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                         FileLock lock = ch.tryLock()) {
                        if (lock != null) left.addAll(SandboxTestSupport.processesOf(uid));
                    }
                }
            }
            SandboxTestSupport.jvmDescendants().forEach(h -> left.add(h.pid()));
            if (left.isEmpty()) return;
            Thread.sleep(50);
        }
        assertThat(left).as("processes left behind: " + Arrays.toString(left.toArray())).isEmpty();
    }
}
