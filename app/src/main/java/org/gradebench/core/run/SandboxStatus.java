package org.gradebench.core.run;

import java.util.List;

/**
 * What a backend found when probed.
 *
 * @param usable  the backend can run programs now
 * @param version e.g. "bubblewrap 0.8.0" or "Docker Engine 20.10.24 (API 1.41)"
 * @param details human-readable findings, problems first, each with what fixes it
 */
public record SandboxStatus(String backend, boolean usable, String version, List<String> details) {
    public SandboxStatus {
        details = List.copyOf(details);
    }

    public static SandboxStatus unusable(String backend, String problem) {
        return new SandboxStatus(backend, false, "", List.of(problem));
    }
}
