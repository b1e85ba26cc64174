package org.gradebench;

import org.gradebench.cli.GradebenchCommand;
import picocli.CommandLine;

/**
 * Plain main class (not a JavaFX Application, so it starts with JavaFX on the classpath): no arguments opens the
 * workbench window, anything else is the command line.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 && GradebenchCommand.guiAvailable()) {
            GradebenchCommand.launchGui(new String[0]);
            return;
        }
        int code = new CommandLine(new GradebenchCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        System.exit(code);
    }
}
