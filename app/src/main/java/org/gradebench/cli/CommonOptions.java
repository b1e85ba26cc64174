package org.gradebench.cli;

import org.gradebench.AppServices;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** Options every command shares. */
public final class CommonOptions {
    @Option(names = "--db", paramLabel = "PATH",
            description = "History database file (default: in your data folder, e.g. ~/.local/share/gradebench).")
    Path db;

    @Option(names = "--profiles", paramLabel = "DIR", description = "Folder of language profiles (default: the bundled sandbox-profiles/).")
    Path profiles;

    AppServices services(Integer jobs) throws AppServices.StartupException {
        return new AppServices(new AppServices.Options(Optional.ofNullable(db), Optional.ofNullable(profiles),
                jobs == null ? 0 : jobs));
    }
}
