package org.gradebench.sandbox.launcher;

import org.gradebench.core.run.RunLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherCommandTest {
    private static final RunLimits LIMITS = new RunLimits(Duration.ofMillis(1500), Duration.ofSeconds(4), 262144,
            344064, 32, 65536, 65536, 65537, 64, 67108864);

    @Test
    void buildsTheFullArgvInTheDocumentedOrder() {
        LauncherCommand c = new LauncherCommand("/.gb/gb-launch", 1, LIMITS, 2, Optional.of("/box/run/in"),
                "/box/out/stdout", "/box/out/stderr", Optional.of("/box/run"), List.of("/usr/bin/python3", "a b.py"));
        assertThat(c.argv()).containsExactly("/.gb/gb-launch", "--report-fd", "1", "--cpu-ms", "1500",
                "--wall-ms", "4000", "--as-kb", "344064", "--mem-kb", "262144", "--fsize", "65537", "--nproc", "34",
                "--nofile", "64", "--stdin", "/box/run/in", "--stdout", "/box/out/stdout", "--stderr",
                "/box/out/stderr", "--chdir", "/box/run", "--", "/usr/bin/python3", "a b.py");
    }

    @Test
    void optionalPartsAreLeftOutAndZeroMeansNoLimit() {
        RunLimits noAs = new RunLimits(Duration.ofSeconds(1), Duration.ofSeconds(2), 1024, 0, 8, 10, 10, 11, 16, 1024);
        LauncherCommand c = new LauncherCommand("gb", 3, noAs, 0, Optional.empty(), "o", "e", Optional.empty(),
                List.of("prog", "--", "-x"));
        assertThat(c.argv()).containsExactly("gb", "--report-fd", "3", "--cpu-ms", "1000", "--wall-ms", "2000",
                "--as-kb", "0", "--mem-kb", "1024", "--fsize", "11", "--nproc", "8", "--nofile", "16", "--stdout", "o",
                "--stderr", "e", "--", "prog", "--", "-x");
    }

    @Test
    void argvAsPutsTheProgramUidJustBeforeTheSeparator() {
        LauncherCommand c = new LauncherCommand("gb", 1, LIMITS, 0, Optional.empty(), "o", "e", Optional.empty(),
                List.of("prog", "--uid", "0", "--"));
        List<String> a = c.argvAs(65534, 65534);
        assertThat(a.subList(a.size() - 9, a.size())).containsExactly("--uid", "65534", "--gid", "65534", "--",
                "prog", "--uid", "0", "--");
        assertThat(a.subList(0, a.size() - 9)).isEqualTo(c.argv().subList(0, c.argv().size() - 5));
        assertThatThrownBy(() -> c.argvAs(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnEmptyProgram() {
        assertThatThrownBy(() -> new LauncherCommand("gb", 1, LIMITS, 0, Optional.empty(), "o", "e", Optional.empty(),
                List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
