package org.gradebench.ui.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Window state remembered between runs (size, split positions, theme, recent assignments), in a small properties
 * file in the data folder. A missing or unreadable file means defaults; a write failure is logged, never shown:
 * losing a window size is not worth interrupting anyone.
 */
public final class UiPreferences {
    private static final Logger log = LoggerFactory.getLogger(UiPreferences.class);
    private static final int MAX_RECENT = 8;

    private final Path file;
    private final Properties props = new Properties();

    public UiPreferences(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException | IllegalArgumentException e) {
                log.warn("ignoring unreadable window preferences {}: {}", file, e.toString());
            }
        }
    }

    public Path file() {
        return file;
    }

    public double getDouble(String key, double fallback) {
        String v = props.getProperty(key);
        if (v == null) return fallback;
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? d : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public void putDouble(String key, double value) {
        props.setProperty(key, Double.toString(value));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(props.getProperty(key));
    }

    public void put(String key, String value) {
        props.setProperty(key, value);
    }

    public boolean darkTheme() {
        return "dark".equals(props.getProperty("theme"));
    }

    public void setDarkTheme(boolean dark) {
        props.setProperty("theme", dark ? "dark" : "light");
    }

    /** Most recent first. */
    public List<Path> recentAssignments() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String v = props.getProperty("recent." + i);
            if (v == null) break;
            try {
                out.add(Path.of(v));
            } catch (RuntimeException e) {
                // a path from another OS: skip it
            }
        }
        return out;
    }

    public void addRecentAssignment(Path folder) {
        List<Path> list = new ArrayList<>(recentAssignments());
        Path abs = folder.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) props.setProperty("recent." + i, list.get(i).toString());
            else props.remove("recent." + i);
        }
    }

    public void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                props.store(w, "Gradebench window state");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            log.warn("could not save window preferences to {}: {}", file, e.toString());
        }
    }
}
