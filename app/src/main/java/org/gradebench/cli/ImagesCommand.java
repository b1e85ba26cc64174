package org.gradebench.cli;

import org.gradebench.AppServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "images", mixinStandardHelpOptions = true,
        description = "Docker images for the Docker backend.",
        subcommands = {ImagesCommand.Build.class})
public final class ImagesCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("Usage: gradebench images build [PROFILE...]   (see gradebench images build --help)");
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = {"Create one local image per language profile from this machine's installed toolchains, "
                    + "with no registry (for offline laptops). Each image is tagged as its profile names it "
                    + "(docker.image, e.g. gradebench/python3:local).",
                    "Online, you can instead pull an official image (python:3.11-slim, gcc:12, eclipse-temurin:17, "
                            + "node:20-slim...) and set the profile's docker.image to it."})
    static final class Build implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(arity = "0..*", paramLabel = "PROFILE", description = "Profiles to build (default: all installed).")
        List<String> profiles = List.of();

        @Override
        public Integer call() {
            var out = System.out;
            try (AppServices services = common.services(null)) {
                var status = services.dockerStatus();
                if (!status.reachable()) {
                    // The probe's problems say what is wrong (not running, a bad DOCKER_HOST, missing certificates).
                    System.err.println("gradebench: no usable Docker engine: " + String.join("; ", status.problems()));
                    return 3;
                }
                boolean failed = false;
                for (AppServices.ImageBuild b : services.buildImages(profiles)) {
                    if (b.result().isPresent()) {
                        var r = b.result().get();
                        out.printf(Locale.ROOT, "built   %-11s %-28s %,d files, %.0f MB, %.1f s%n", b.profile(), b.image(),
                                r.files(), r.tarBytes() / 1e6, r.took().toMillis() / 1000.0);
                    } else {
                        boolean missing = b.problem().startsWith("toolchain not installed");
                        failed |= !missing || profiles.contains(b.profile());
                        out.printf(Locale.ROOT, "%s %-11s %s%n", missing ? "skipped" : "FAILED ", b.profile(), b.problem());
                    }
                }
                return failed ? 1 : 0;
            } catch (AppServices.StartupException | java.io.IOException e) {
                System.err.println("gradebench: " + e.getMessage());
                return 3;
            }
        }
    }
}
