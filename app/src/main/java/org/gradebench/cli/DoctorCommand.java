package org.gradebench.cli;

import org.gradebench.AppServices;
import org.gradebench.core.run.ComponentStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check what Gradebench needs on this machine: sandboxes, toolchains, database.",
                "Exit code 0 when at least one sandbox backend is usable, 1 otherwise."})
public final class DoctorCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        var out = System.out;
        try (AppServices services = common.services(null)) {
            List<ComponentStatus> all = services.components();
            for (ComponentStatus c : all) {
                String mark = switch (c.level()) {
                    case OK -> "ok  ";
                    case WARNING -> "warn";
                    case ERROR -> "FAIL";
                };
                out.printf("[%s] %-28s %s%n", mark, c.component(), c.summary());
                for (String d : c.details()) out.printf("       %-28s %s%n", "", d);
                if (!c.fix().isEmpty()) out.printf("       %-28s -> %s%n", "", c.fix());
            }
            boolean sandbox = all.stream().anyMatch(c -> c.component().toLowerCase(java.util.Locale.ROOT).contains("sandbox")
                    && c.level() == ComponentStatus.Level.OK
                    || c.component().startsWith("Docker engine") && c.level() == ComponentStatus.Level.OK);
            if (!sandbox) {
                out.println();
                out.println("No sandbox backend is usable: Gradebench will refuse to run student code. Install bubblewrap"
                        + " (Linux) or start Docker (any OS).");
            }
            return sandbox ? 0 : 1;
        } catch (AppServices.StartupException e) {
            System.err.println("gradebench: " + e.getMessage());
            return 3;
        }
    }
}
