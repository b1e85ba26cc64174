package org.gradebench.sandbox.bwrap;

import org.gradebench.core.run.RunLimits;
import org.gradebench.sandbox.launcher.LauncherCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BwrapCommandLineTest {
    private static final RunLimits LIMITS = new RunLimits(Duration.ofSeconds(1), Duration.ofSeconds(3), 65536, 0, 16,
            1000, 1000, 1001, 32, 8 << 20);
    private static final List<String> LAYOUT = List.of("--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib");

    private static LauncherCommand launch(Optional<String> stdin) {
        return new LauncherCommand(BwrapCommandLine.LAUNCHER, 1, LIMITS, 2, stdin, BwrapCommandLine.STDOUT,
                BwrapCommandLine.STDERR, Optional.of("/box/run"), List.of("/usr/bin/python3", "/box/prog/main.py"));
    }

    private static BwrapCommandLine testRun(OptionalInt uid, Map<String, String> env) {
        return new BwrapCommandLine("/usr/bin/bwrap", uid, "/gb/gb-launch", LAYOUT, List.of("/opt/jdk"),
                Path.of("/rt/launcher/gb-launch"), Path.of("/ws/prog"), false, Optional.empty(),
                Map.of("input", Path.of("/ws/r1/in/f0")), Path.of("/ws/r1/out/stdout"), Path.of("/ws/r1/out/stderr"),
                env, 8 << 20, launch(Optional.of("/box/run/input")));
    }

    @Test
    void rootRunDropsToTheSandboxUidAndBuildsTheFullPolicy() {
        List<String> argv = testRun(OptionalInt.of(64123), Map.of("PYTHONHASHSEED", "0")).argv();
        assertThat(argv).containsExactly(
                "/gb/gb-launch", "--exec-as", "64123", "64123", "--",
                "/usr/bin/bwrap", "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent",
                "--new-session", "--as-pid-1", "--cap-drop", "ALL", "--clearenv",
                "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin", "--setenv", "HOME", "/tmp",
                "--setenv", "LANG", "C.UTF-8", "--setenv", "PYTHONHASHSEED", "0",
                "--ro-bind", "/usr", "/usr", "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib",
                "--ro-bind-try", "/etc/alternatives", "/etc/alternatives",
                "--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache",
                "--ro-bind-try", "/opt/jdk", "/opt/jdk",
                "--ro-bind", "/rt/launcher/gb-launch", "/.gb/gb-launch",
                "--ro-bind", "/ws/prog", "/box/prog",
                "--size", Integer.toString(8 << 20), "--tmpfs", "/box/run",
                "--ro-bind", "/ws/r1/in/f0", "/box/run/input",
                "--bind", "/ws/r1/out/stdout", "/box/out/stdout", "--bind", "/ws/r1/out/stderr", "/box/out/stderr",
                "--proc", "/proc", "--dev", "/dev", "--size", Integer.toString(8 << 20), "--tmpfs", "/dev/shm",
                "--size", Integer.toString(8 << 20), "--tmpfs", "/tmp",
                "--remount-ro", "/dev", "--remount-ro", "/", "--chdir", "/box/run", "--",
                "/.gb/gb-launch", "--report-fd", "1", "--cpu-ms", "1000", "--wall-ms", "3000", "--as-kb", "0",
                "--mem-kb", "65536", "--fsize", "1001", "--nproc", "18", "--nofile", "32",
                "--stdin", "/box/run/input", "--stdout", "/box/out/stdout", "--stderr", "/box/out/stderr",
                "--chdir", "/box/run", "--", "/usr/bin/python3", "/box/prog/main.py");
    }

    @Test
    void ordinaryUserHasNoSetprivAndNeverBindsTheHostRoot() {
        List<String> argv = testRun(OptionalInt.empty(), Map.of()).argv();
        assertThat(argv.get(0)).isEqualTo("/usr/bin/bwrap");
        assertThat(argv).doesNotContain("--exec-as", "--share-net", "--bind-try");
        for (int i = 0; i + 2 < argv.size(); i++) {
            if (argv.get(i).endsWith("bind") || argv.get(i).endsWith("bind-try")) {
                assertThat(argv.get(i + 1)).isNotIn("/", "/etc", "/home", "/root", "/run", "/var", "/tmp");
            }
        }
    }

    @Test
    void compileRunBindsTheProgramWritableAndCollectRunUsesAHostScratch() {
        LauncherCommand l = new LauncherCommand(BwrapCommandLine.LAUNCHER, 1, LIMITS, 2, Optional.empty(),
                BwrapCommandLine.STDOUT, BwrapCommandLine.STDERR, Optional.of("/box/prog"), List.of("gcc", "x.c"));
        List<String> argv = new BwrapCommandLine("/usr/bin/bwrap", OptionalInt.empty(), "/gb/gb-launch", LAYOUT,
                List.of(), Path.of("/l"), Path.of("/ws/prog"), true, Optional.of(Path.of("/ws/r2/scratch")), Map.of(),
                Path.of("/o"), Path.of("/e"), Map.of(), 1 << 20, l).argv();
        String joined = String.join(" ", argv);
        assertThat(joined).contains("--bind /ws/prog /box/prog", "--bind /ws/r2/scratch /box/run",
                "--chdir /box/prog --");
        assertThat(joined).doesNotContain("--tmpfs /box/run");
    }

    @Test
    void rejectsBadEnvAndBinds() {
        assertThatThrownBy(() -> testRun(OptionalInt.empty(), Map.of("A=B", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BwrapCommandLine("/b", OptionalInt.empty(), "/s", LAYOUT, List.of("/"),
                Path.of("/l"), Path.of("/p"), false, Optional.empty(), Map.of(), Path.of("/o"), Path.of("/e"),
                Map.of(), 1, launch(Optional.empty()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BwrapCommandLine("/b", OptionalInt.empty(), "/s", LAYOUT, List.of(),
                Path.of("/l"), Path.of("/p"), false, Optional.empty(), Map.of("../x", Path.of("/i")), Path.of("/o"),
                Path.of("/e"), Map.of(), 1, launch(Optional.empty()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rootLayoutMirrorsMergedUsrSymlinksAndBindsRealFolders(@TempDir Path root) throws Exception {
        Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
        Files.createDirectories(root.resolve("lib"));
        assertThat(BwrapSandbox.hostRootLayout(root)).containsExactly("--symlink", "usr/bin", "/bin",
                "--ro-bind", root.resolve("lib").toString(), "/lib");
    }
}
