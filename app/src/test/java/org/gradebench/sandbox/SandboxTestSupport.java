package org.gradebench.sandbox;

import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.RunLimits;
import org.gradebench.core.run.Sandbox;
import org.gradebench.core.run.SandboxStatus;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared helpers for the sandbox integration tests. */
public final class SandboxTestSupport {
    private SandboxTestSupport() {
    }

    /**
     * Skips the test when the backend is unusable, except under CI=true where a missing backend is a failure: CI
     * must never pass because the sandbox tests silently did not run.
     */
    public static void requireUsable(Sandbox sandbox) {
        SandboxStatus status = sandbox.status();
        String why = sandbox.name() + " sandbox not usable here: " + String.join("; ", status.details());
        if ("true".equals(System.getenv("CI"))) {
            assertThat(status.usable()).as(why).isTrue();
        }
        Assumptions.assumeTrue(status.usable(), why);
    }

    /**
     * The bwrap settings for tests: the defaults but a uid range of their own, so the suite never shares uids with a
     * Gradebench app (or an older build without cross-process uid locks) running on the same machine.
     */
    public static org.gradebench.sandbox.bwrap.BwrapConfig bwrapConfig() {
        org.gradebench.sandbox.bwrap.BwrapConfig d = org.gradebench.sandbox.bwrap.BwrapConfig.defaults();
        return new org.gradebench.sandbox.bwrap.BwrapConfig(d.bwrap(), 64200, 8, d.runtimeRoot(),
                d.launcher(), d.grace());
    }

    public static boolean runningAsRoot() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A profile with the given binds/env (the engine's YAML profiles are loaded elsewhere). */
    public static LanguageProfile profile(String name, List<String> binds, boolean limitAs, int extraProcesses) {
        return new LanguageProfile(name, name, List.of("x"), List.of(), Optional.empty(), List.of(), List.of("true"),
                List.of(), List.of(), binds, Map.of(), limitAs, extraProcesses, "none");
    }

    public static LanguageProfile plain() {
        return profile("plain", List.of(), true, 0);
    }

    public static LanguageProfile java() {
        return profile("java", List.of("/etc/alternatives", "/etc/java-17-openjdk"), false, 32);
    }

    /** Small limits that keep the whole suite quick. */
    public static RunLimits limits(long cpuMs, long wallMs, long memMib, boolean limitAs, int procs) {
        long memKib = memMib * 1024;
        long as = limitAs ? memKib + memKib / 4 + 16 * 1024 : 0;
        return new RunLimits(Duration.ofMillis(cpuMs), Duration.ofMillis(wallMs), memKib, as, procs, 64 * 1024,
                64 * 1024, 1024 * 1024, 64, 8L * 1024 * 1024);
    }

    public static RunLimits small() {
        return limits(1000, 2500, 128, true, 16);
    }

    /** Pids of every process owned by {@code uid}. */
    public static List<Long> processesOf(int uid) throws IOException {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path d : ds) {
                try {
                    if ((Integer) Files.getAttribute(d, "unix:uid", LinkOption.NOFOLLOW_LINKS) == uid) {
                        pids.add(Long.parseLong(d.getFileName().toString()));
                    }
                } catch (IOException | NumberFormatException e) {
                    // gone
                }
            }
        }
        return pids;
    }

    /** Descendants of this JVM that are still alive (the sandbox must leave none). */
    public static List<ProcessHandle> jvmDescendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }
}
