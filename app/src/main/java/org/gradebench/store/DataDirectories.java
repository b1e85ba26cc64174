package org.gradebench.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where Gradebench keeps its per-user data, following each platform's convention:
 * <ul>
 *   <li>Linux and other Unix: {@code $XDG_DATA_HOME/gradebench}, else {@code ~/.local/share/gradebench}</li>
 *   <li>macOS: {@code ~/Library/Application Support/Gradebench}</li>
 *   <li>Windows: {@code %APPDATA%\Gradebench}, else {@code ~\AppData\Roaming\Gradebench}</li>
 * </ul>
 * Nothing is created here; callers create what they write. Build it with {@link #forCurrentUser()}; the constructor
 * takes the environment explicitly so every platform can be tested anywhere.
 */
public final class DataDirectories {

    private final String osName;
    private final Map<String, String> environment;
    private final Path home;

    public DataDirectories(String osName, Map<String, String> environment, Path home) {
        this.osName = Objects.requireNonNull(osName, "osName").toLowerCase(Locale.ROOT);
        this.environment = Map.copyOf(environment);
        this.home = Objects.requireNonNull(home, "home");
    }

    public static DataDirectories forCurrentUser() {
        return new DataDirectories(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home")));
    }

    /** The per-user data directory. */
    public Path dataDirectory() {
        if (osName.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            Path base = usable(appData) ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve("Gradebench");
        }
        if (osName.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Gradebench");
        }
        String xdg = environment.get("XDG_DATA_HOME");
        // the XDG spec says a relative value is invalid and must be ignored
        Path base = usable(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("gradebench");
    }

    /**
     * The default history database, without H2's file extension: pass it to
     * {@link org.gradebench.store.h2.H2RunHistory#open}.
     */
    public Path historyDatabase() {
        return dataDirectory().resolve("history");
    }

    private static boolean usable(String value) {
        return value != null && !value.isBlank();
    }
}
