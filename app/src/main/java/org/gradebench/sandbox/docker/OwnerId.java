package org.gradebench.sandbox.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Identifies the Gradebench process that created a container: {@code host:pid:startMillis}. The start time guards
 * against pid reuse after a crash; the host name keeps a shared (remote) engine's other users' containers safe.
 */
record OwnerId(String host, long pid, long startMillis) {

    static OwnerId current() {
        ProcessHandle self = ProcessHandle.current();
        return new OwnerId(hostName(), self.pid(), startMillis(self));
    }

    static Optional<OwnerId> parse(String label) {
        if (label == null) return Optional.empty();
        int b = label.lastIndexOf(':');
        int a = b < 0 ? -1 : label.lastIndexOf(':', b - 1);
        if (a <= 0) return Optional.empty();
        try {
            return Optional.of(new OwnerId(label.substring(0, a), Long.parseLong(label.substring(a + 1, b)),
                    Long.parseLong(label.substring(b + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True when this id names a process still running on this machine (same pid and same start time). */
    boolean aliveHere() {
        if (!host.equals(hostName())) return false;
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> Math.abs(startMillis(p) - startMillis) < 2000 || startMillis == 0).orElse(false);
    }

    boolean onThisHost() {
        return host.equals(hostName());
    }

    @Override
    public String toString() {
        return host + ":" + pid + ":" + startMillis;
    }

    private static long startMillis(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static String hostName() {
        try {
            String h = Files.readString(Path.of("/etc/hostname")).strip();
            if (!h.isEmpty()) return h.replace(':', '_');
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        String env = System.getenv("HOSTNAME");
        return env == null || env.isBlank() ? "localhost" : env.strip().replace(':', '_');
    }
}
