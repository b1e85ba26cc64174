package org.gradebench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;


@Command(name = "gradebench", mixinStandardHelpOptions = true, versionProvider = GradebenchCommand.Version.class,
        description = {"Gradebench: grade programming assignments offline, in a sandbox.",
                "Without a command, opens the workbench window."},
        subcommands = {GradeCommand.class, HistoryCommand.class, ExportCommand.class, DoctorCommand.class,
                BenchCommand.class, BenchUiCommand.class, ImagesCommand.class, CommandLine.HelpCommand.class})
public final class GradebenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (guiAvailable()) {
            launchGui(new String[0]);
        } else {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** The window needs a display; on a server or in CI the command line is the only way. */
    public static boolean guiAvailable() {
        boolean display = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        return display || System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).matches(".*(mac|win).*");
    }

    public static void launchGui(String[] args) {
        org.gradebench.GradebenchApp.launchApp(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = GradebenchCommand.class.getPackage().getImplementationVersion();
            return new String[]{"gradebench " + (v == null ? "development build" : v),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
