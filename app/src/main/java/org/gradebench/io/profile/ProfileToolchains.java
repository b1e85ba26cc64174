package org.gradebench.io.profile;

import org.gradebench.core.run.LanguageProfile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a profile's toolchain exists on this host, so a missing compiler shows up as a clear configuration
 * problem ("Go: /usr/bin/go not found") instead of every submission failing in the sandbox.
 */
public final class ProfileToolchains {

    /**
     * @param missingToolchain toolchain paths that do not exist (the profile cannot work)
     * @param missingBinds     bind folders that do not exist (the runtime may fail in the sandbox)
     */
    public record Report(String profile, String displayName, List<String> missingToolchain, List<String> missingBinds) {
        public Report {
            missingToolchain = List.copyOf(missingToolchain);
            missingBinds = List.copyOf(missingBinds);
        }

        public boolean usable() {
            return missingToolchain.isEmpty();
        }

        /** One line for logs and the settings view. */
        public String summary() {
            if (missingToolchain.isEmpty() && missingBinds.isEmpty()) return displayName + ": toolchain found";
            StringBuilder sb = new StringBuilder(displayName).append(": ");
            if (!missingToolchain.isEmpty()) {
                sb.append("not usable, missing ").append(String.join(", ", missingToolchain))
                        .append(" (install the toolchain or edit sandbox-profiles/").append(profile).append(".yaml)");
            }
            if (!missingBinds.isEmpty()) {
                if (!missingToolchain.isEmpty()) sb.append("; ");
                sb.append("bind folder(s) not found: ").append(String.join(", ", missingBinds));
            }
            return sb.toString();
        }
    }

    private ProfileToolchains() {
    }

    /** Follows links: /usr/bin/java is a chain through /etc/alternatives and must end at a real file. */
    public static Report check(LanguageProfile profile) {
        List<String> missing = new ArrayList<>();
        for (String p : profile.toolchain()) {
            Path path = Path.of(p);
            if (!Files.exists(path) || (!Files.isDirectory(path) && !Files.isExecutable(path))) {
                missing.add(p);
            }
        }
        List<String> binds = new ArrayList<>();
        for (String b : profile.binds()) if (!Files.exists(Path.of(b))) binds.add(b);
        return new Report(profile.name(), profile.displayName(), missing, binds);
    }

    public static List<Report> checkAll(List<LanguageProfile> profiles) {
        return profiles.stream().map(ProfileToolchains::check).toList();
    }
}
