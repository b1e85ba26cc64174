package org.gradebench.sandbox.bwrap;

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
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ordinary programs in the real bwrap sandbox: results, measurements, inputs and outputs. */
@Tag("sandbox")
class BwrapBasicRunTest {
    private static BwrapSandbox sandbox;

    @BeforeAll
    static void setUp() {
        sandbox = new BwrapSandbox(SandboxTestSupport.bwrapConfig());
    }

    @AfterAll
    static void tearDown() {
        sandbox.close();
    }

    private static RunSpec spec(List<String> argv) {
        return spec(argv, SandboxTestSupport.small());
    }

    private static RunSpec spec(List<String> argv, RunLimits limits) {
        return new RunSpec(argv, false, Map.of(), Optional.empty(), limits, Map.of(), List.of());
    }

    private static RunLimits compile() {
        return SandboxTestSupport.limits(30_000, 60_000, 1024, false, 64);
    }

    @Test
    void statusReportsAUsableBackend() {
        SandboxTestSupport.requireUsable(sandbox);
        assertThat(sandbox.status().version()).startsWith("bubblewrap ");
        assertThat(sandbox.status().details()).anyMatch(d -> d.startsWith("trivial run:"));
    }

    @Test
    void pythonHello(@TempDir Path src) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        Files.writeString(src.resolve("main.py"), "print('hello from', __name__)\n");
        try (SandboxSession s = sandbox.open("py", src, SandboxTestSupport.plain())) {
            RunResult r = s.run(spec(List.of("/usr/bin/python3", "/box/prog/main.py")));
            assertThat(r.outcome()).isEqualTo(RunResult.Outcome.EXITED);
            assertThat(r.exitCode()).isZero();
            assertThat(r.stdout().text()).isEqualTo("hello from __main__\n");
            assertThat(r.stderr().size()).isZero();
            assertThat(r.peakMemoryKb()).isBetween(1000L, 64L * 1024);
            assertThat(r.wallTimedOut()).isFalse();
        }
    }

    /** Test runs of a session share one run folder (see BwrapSession): nothing of one run may reach the next. */
    @Test
    void consecutiveRunsShareNothing(@TempDir Path src, @TempDir Path data) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        Files.writeString(src.resolve("main.py"), """
                import os, sys
                text = sys.stdin.read()
                if text.startswith("big"):
                    print("x" * 5000)
                    print("noise", file=sys.stderr)
                    for fd in (1, 2):
                        os.fchmod(fd, 0)   # the program owns its output files: try to spoil them for the next run
                else:
                    print(text.strip())
                """);
        Path big = Files.writeString(data.resolve("big.in"), "big\n");
        Path small = Files.writeString(data.resolve("small.in"), "small\n");
        try (SandboxSession s = sandbox.open("reuse", src, SandboxTestSupport.plain())) {
            RunResult first = s.run(new RunSpec(List.of("/usr/bin/python3", "/box/prog/main.py"), false,
                    Map.of("input", big), Optional.of("input"), SandboxTestSupport.small(), Map.of(), List.of()));
            assertThat(first.exitCode()).isZero();
            assertThat(first.stdout().size()).isEqualTo(5001);
            RunResult second = s.run(new RunSpec(List.of("/usr/bin/python3", "/box/prog/main.py"), false,
                    Map.of("input", small), Optional.of("input"), SandboxTestSupport.small(), Map.of(), List.of()));
            assertThat(second.exitCode()).isZero();
            assertThat(second.stdout().text()).isEqualTo("small\n");
            assertThat(second.stderr().size()).isZero();
        }
    }

    @Test
    void compileCThenRunWithStdinAndExitCodes(@TempDir Path src, @TempDir Path data) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        Files.writeString(src.resolve("main.c"), """
                #include <stdio.h>
                int main(void) { long a, b; if (scanf("%ld %ld", &a, &b) != 2) return 2; printf("%ld\\n", a + b); return a == 0 ? 5 : 0; }
                """);
        Path input = Files.writeString(data.resolve("1.in"), "40 2\n");
        Path zero = Files.writeString(data.resolve("2.in"), "0 0\n");
        try (SandboxSession s = sandbox.open("c", src, SandboxTestSupport.plain())) {
            RunResult c = s.run(new RunSpec(List.of("/usr/bin/gcc", "-O2", "-o", "/box/prog/a.out", "main.c"), true,
                    Map.of(), Optional.empty(), compile(), Map.of(), List.of()));
            assertThat(c.succeeded()).as(c.stderr().text()).isTrue();
            RunResult r = s.run(new RunSpec(List.of("/box/prog/a.out"), false, Map.of("input", input),
                    Optional.of("input"), SandboxTestSupport.small(), Map.of(), List.of()));
            assertThat(r.succeeded()).as(r.toString()).isTrue();
            assertThat(r.stdout().bytes()).isEqualTo("42\n".getBytes(StandardCharsets.UTF_8));
            RunResult five = s.run(new RunSpec(List.of("/box/prog/a.out"), false, Map.of("in/zero.txt", zero),
                    Optional.of("in/zero.txt"), SandboxTestSupport.small(), Map.of(), List.of()));
            assertThat(five.outcome()).isEqualTo(RunResult.Outcome.EXITED);
            assertThat(five.exitCode()).isEqualTo(5);
            RunResult noInput = s.run(spec(List.of("/box/prog/a.out")));
            assertThat(noInput.exitCode()).as("stdin is /dev/null without an input file").isEqualTo(2);
        }
    }

    @Test
    void javaCompileAndRunWithAHeapFlag(@TempDir Path src) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        Files.writeString(src.resolve("Main.java"), """
                public class Main {
                    public static void main(String[] args) {
                        System.out.println("max heap MiB " + Runtime.getRuntime().maxMemory() / (1024 * 1024));
                    }
                }
                """);
        try (SandboxSession s = sandbox.open("java", src, SandboxTestSupport.java())) {
            RunResult c = s.run(new RunSpec(List.of("/usr/bin/javac", "-J-XX:+UseSerialGC", "-d", "/box/prog",
                    "Main.java"), true, Map.of(), Optional.empty(), compile(), Map.of(), List.of()));
            assertThat(c.succeeded()).as(c.stderr().text() + c.stdout().text()).isTrue();
            RunResult r = s.run(spec(List.of("/usr/bin/java", "-Xmx64m", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                    "-cp", "/box/prog", "Main"), SandboxTestSupport.limits(5000, 20_000, 256, false, 64)));
            assertThat(r.succeeded()).as(r + r.stderr().text()).isTrue();
            assertThat(r.stdout().text()).matches("max heap MiB (5\\d|6\\d)\\n");
            assertThat(r.cpuMs()).isPositive();
        }
    }

    @Test
    void signalsAreReportedAsSignals(@TempDir Path src) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        try (SandboxSession s = sandbox.open("sig", src, SandboxTestSupport.plain())) {
            RunResult r = s.run(spec(List.of("/bin/sh", "-c", "kill -SEGV $$")));
            assertThat(r.outcome()).isEqualTo(RunResult.Outcome.SIGNALED);
            assertThat(r.signal()).isEqualTo(11);
            RunResult pipe = s.run(spec(List.of("/usr/bin/python3", "-c",
                    "import signal,sys; sys.exit(0 if signal.getsignal(signal.SIGPIPE) == signal.SIG_IGN else 9)")));
            // CPython itself ignores SIGPIPE; the point is that the run completed normally through the launcher.
            assertThat(pipe.outcome()).isEqualTo(RunResult.Outcome.EXITED);
            RunResult mask = s.run(spec(List.of("/bin/sh", "-c", "grep -E '^Sig(Blk|Ign)' /proc/self/status")));
            assertThat(mask.stdout().text()).contains("SigBlk:\t0000000000000000", "SigIgn:\t0000000000000000");
        }
    }

    @Test
    void cpuTimeAndPeakMemoryAreMeasured(@TempDir Path src) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        Files.writeString(src.resolve("burn.py"), """
                import time
                end = time.process_time() + 0.4
                while time.process_time() < end:
                    pass
                """);
        Files.writeString(src.resolve("mem.py"), """
                b = bytearray(100 * 1024 * 1024)
                for i in range(0, len(b), 4096):
                    b[i] = 1
                print(len(b))
                """);
        try (SandboxSession s = sandbox.open("measure", src, SandboxTestSupport.plain())) {
            RunLimits roomy = SandboxTestSupport.limits(5000, 30_000, 256, true, 16);
            RunResult burn = s.run(spec(List.of("/usr/bin/python3", "/box/prog/burn.py"), roomy));
            assertThat(burn.succeeded()).isTrue();
            assertThat(burn.cpuMs()).isBetween(380L, 1000L);
            RunResult mem = s.run(spec(List.of("/usr/bin/python3", "/box/prog/mem.py"), roomy));
            assertThat(mem.succeeded()).as(mem + mem.stderr().text()).isTrue();
            assertThat(mem.peakMemoryKb()).isGreaterThanOrEqualTo(100L * 1024).isLessThan(160L * 1024);
        }
    }

    @Test
    void outputIsCappedAndEnvironmentPassed(@TempDir Path src) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        try (SandboxSession s = sandbox.open("out", src, SandboxTestSupport.plain())) {
            RunLimits l = SandboxTestSupport.small();
            RunLimits capped = new RunLimits(l.cpuTime(), l.wallTime(), l.memoryKib(), l.addressSpaceKib(),
                    l.processes(), 1000, 10, l.fileSizeBytes(), l.openFiles(), l.scratchBytes());
            RunResult r = s.run(new RunSpec(List.of("/bin/sh", "-c",
                    "head -c 5000 /dev/zero | tr '\\0' a; echo \"$GB_MARK\" >&2; echo more >&2"), false, Map.of(),
                    Optional.empty(), capped, Map.of("GB_MARK", "marker-value"), List.of()));
            assertThat(r.succeeded()).isTrue();
            assertThat(r.stdout().size()).isEqualTo(1000);
            assertThat(r.stdout().truncated()).isTrue();
            assertThat(r.stderr().text()).isEqualTo("marker-val");
            assertThat(r.stderr().truncated()).isTrue();
        }
    }

    @Test
    void programFolderIsWritableOnlyWhileCompilingAndCollectReadsFiles(@TempDir Path src) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        Files.writeString(src.resolve("a.txt"), "A");
        try (SandboxSession s = sandbox.open("rw", src, SandboxTestSupport.plain())) {
            RunResult w = s.run(new RunSpec(List.of("/bin/sh", "-c", "echo built > /box/prog/artifact && pwd"), true,
                    Map.of(), Optional.empty(), compile(), Map.of(), List.of()));
            assertThat(w.succeeded()).as(w.stderr().text()).isTrue();
            assertThat(w.stdout().text()).isEqualTo("/box/prog\n");
            RunResult ro = s.run(spec(List.of("/bin/sh", "-c",
                    "cat /box/prog/artifact /box/prog/a.txt; pwd; echo x > /box/prog/other || echo refused")));
            assertThat(ro.stdout().text()).isEqualTo("built\nA/box/run\nrefused\n");
            RunResult col = s.run(new RunSpec(List.of("/bin/sh", "-c",
                    "mkdir -p feedback/sub && echo judged > feedback/judgemessage.txt && echo x > feedback/sub/y"),
                    false, Map.of(), Optional.empty(), SandboxTestSupport.small(), Map.of(), List.of("feedback")));
            assertThat(col.succeeded()).isTrue();
            assertThat(col.files()).containsOnlyKeys("feedback/judgemessage.txt", "feedback/sub/y");
            assertThat(col.files().get("feedback/judgemessage.txt").text()).isEqualTo("judged\n");
        }
    }

    @Test
    void compileTimeAttacksAreContained(@TempDir Path src) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        Files.writeString(src.resolve("shadow.c"), "#include \"/etc/shadow\"\nint main(void) { return 0; }\n");
        Files.writeString(src.resolve("zero.c"), "#include \"/dev/zero\"\nint main(void) { return 0; }\n");
        try (SandboxSession s = sandbox.open("cc", src, SandboxTestSupport.plain())) {
            RunLimits cc = SandboxTestSupport.limits(2000, 4000, 256, false, 64);
            RunResult shadow = s.run(new RunSpec(List.of("/usr/bin/gcc", "-c", "shadow.c"), true, Map.of(),
                    Optional.empty(), cc, Map.of(), List.of()));
            assertThat(shadow.succeeded()).isFalse();
            assertThat(shadow.stderr().text()).contains("/etc/shadow: No such file or directory")
                    .doesNotContain("root:");
            RunResult zero = s.run(new RunSpec(List.of("/usr/bin/gcc", "-c", "zero.c"), true, Map.of(),
                    Optional.empty(), cc, Map.of(), List.of()));
            assertThat(zero.succeeded()).as("an endless include is stopped by the limits").isFalse();
        }
    }

    @Test
    void missingProgramIsALaunchErrorNotASandboxError(@TempDir Path src) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        try (SandboxSession s = sandbox.open("missing", src, SandboxTestSupport.plain())) {
            RunResult r = s.run(spec(List.of("/box/prog/a.out")));
            assertThat(r.launchErrno()).isEqualTo(2);
            assertThat(r.outcome()).isEqualTo(RunResult.Outcome.EXITED);
            assertThat(r.exitCode()).isEqualTo(127);
        }
    }

    @Test
    void workspaceIsRemovedOnClose(@TempDir Path src) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        Files.writeString(src.resolve("x"), "x");
        Path ws;
        try (SandboxSession s = sandbox.open("gone", src, SandboxTestSupport.plain())) {
            RunResult r = s.run(new RunSpec(List.of("/bin/sh", "-c", "mkdir -p d/e && chmod 000 d && ln -s /etc/passwd"
                    + " /box/prog/link && echo $$"), true, Map.of(), Optional.empty(), compile(), Map.of(), List.of()));
            assertThat(r.succeeded()).as(r.stderr().text()).isTrue();
            ws = ((BwrapSession) s).workspaceForTests();
            assertThat(ws).isDirectory();
        }
        assertThat(ws).doesNotExist();
        assertThat(Path.of("/etc/passwd")).isRegularFile();
    }

    @Test
    void openRejectsAMissingFolder(@TempDir Path tmp) {
        SandboxTestSupport.requireUsable(sandbox);
        assertThatThrownBy(() -> sandbox.open("nope", tmp.resolve("missing"), SandboxTestSupport.plain()))
                .isInstanceOf(SandboxException.class);
    }
}
