package org.gradebench.io.profile;

import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.run.LanguageProfile;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the sandbox-profiles folder at runtime. Order: the system property {@code gradebench.home} (its
 * sandbox-profiles/ subfolder), then {@code gradebench.projectRoot} (set by the test build), then the first
 * sandbox-profiles/ found walking up from the working directory, then walking up from where the classes were loaded.
 * When none is found, {@link #loadProfiles} falls back to the copies the build put on the classpath, so a packaged
 * app still works and a user-edited folder still wins.
 */
public final class ProfileLocator {
    public static final String FOLDER = "sandbox-profiles";

    private final ProfileLoader loader;

    public ProfileLocator(ProfileLoader loader) {
        this.loader = loader;
    }

    public Optional<Path> locate() {
        List<Path> starts = new ArrayList<>();
        String home = System.getProperty("gradebench.home");
        if (home != null && !home.isBlank()) {
            Path p = Path.of(home).resolve(FOLDER);
            // An explicit home is authoritative: don't silently fall back to some other folder.
            return Files.isDirectory(p) ? Optional.of(p.toAbsolutePath().normalize()) : Optional.empty();
        }
        String root = System.getProperty("gradebench.projectRoot");
        if (root != null && !root.isBlank()) starts.add(Path.of(root));
        starts.add(Path.of("").toAbsolutePath());
        codeSource().ifPresent(starts::add);
        for (Path start : starts) {
            for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(FOLDER);
                if (Files.isDirectory(candidate)) return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The located folder's profiles, or the built-in ones from the classpath. */
    public List<LanguageProfile> loadProfiles() throws InvalidInputException {
        Optional<Path> dir = locate();
        if (dir.isPresent()) return loader.loadAll(dir.get());
        return loader.loadBuiltIn(ProfileLocator.class.getClassLoader());
    }

    private static Optional<Path> codeSource() {
        try {
            CodeSource cs = ProfileLocator.class.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) return Optional.empty();
            return Optional.of(Path.of(cs.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }
}
