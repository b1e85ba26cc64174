package org.gradebench;

import ch.qos.logback.core.PropertyDefinerBase;
import org.gradebench.store.DataDirectories;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells logback.xml where the log file lives: the "logs" folder in the user's data directory. */
public final class LogDirectory extends PropertyDefinerBase {

    public static Path path() {
        return DataDirectories.forCurrentUser().dataDirectory().resolve("logs");
    }

    @Override
    public String getPropertyValue() {
        Path dir = path();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return System.getProperty("java.io.tmpdir");
        }
        return dir.toString();
    }
}
