package org.gradebench;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.check.CheckerProvider;
import org.gradebench.core.export.GradeExportService;
import org.gradebench.core.grading.GradingEngine;
import org.gradebench.core.grading.GradingListener;
import org.gradebench.core.grading.GradingRequest;
import org.gradebench.core.history.HistoryException;
import org.gradebench.core.history.ReviewStore;
import org.gradebench.core.history.RunHistory;
import org.gradebench.core.run.ComponentStatus;
import org.gradebench.core.run.Sandbox;
import org.gradebench.core.submission.SubmissionSource;
import org.gradebench.ui.common.UserError;
import org.gradebench.ui.common.Workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The window's view of {@link AppServices}: translates infrastructure failures into messages a TA can act on. */
public final class AppWorkbench implements Workbench {
    private final AppServices services;

    public AppWorkbench(AppServices services) {
        this.services = services;
    }

    @Override
    public Assignment loadAssignment(Path folder) throws InvalidInputException, UserError {
        if (!Files.isDirectory(folder)) {
            throw new UserError(folder + " is not a folder.", "Pick the folder that contains assignment.yaml or problem.yaml.");
        }
        try {
            Assignment a = services.assignments().load(folder);
            if (a.tests().isEmpty()) {
                throw new UserError("\"" + a.title() + "\" has no tests, so there is nothing to grade.",
                        "Add tests (input and expected output files) to " + folder + ".");
            }
            return a;
        } catch (UnsupportedOperationException e) {
            throw new UserError("This build cannot read assignments yet.", "Update Gradebench.", e);
        }
    }

    @Override
    public SubmissionSource.ImportResult importSubmissions(Path input) throws IOException, InvalidInputException, UserError {
        if (!Files.exists(input)) {
            throw new UserError(input + " does not exist.", "Pick a folder of submissions or an LMS export archive.");
        }
        try {
            return services.submissions().load(input, services.newWorkspace("import"));
        } catch (UnsupportedOperationException e) {
            throw new UserError("This build cannot import submissions yet.", "Update Gradebench.", e);
        }
    }

    @Override
    public GradingEngine.GradingHandle startGrading(GradingJob job, GradingListener listener) throws UserError {
        Sandbox sandbox;
        try {
            sandbox = services.sandbox(job.backend());
        } catch (AppServices.NoSandboxException e) {
            throw new UserError("No sandbox can run the programs: " + e.getMessage(),
                    "Open the Components panel (status bar) for what to install, or pick another sandbox in the toolbar.", e);
        }
        try {
            services.queue().setParallelism(Math.max(1, job.jobs()));
            GradingEngine engine = services.engine(sandbox);
            CheckerProvider checkers = services.checkers(sandbox);
            GradingRequest request = new GradingRequest(job.assignment(), job.submissions(), job.submissionsSource(),
                    checkers, services.toolchainVersions(sandbox), Optional.empty(), job.onlyTests(), false);
            return engine.start(request, listener);
        } catch (AppServices.StartupException | HistoryException e) {
            throw new UserError("The history database cannot be used: " + e.getMessage(),
                    "Close any other Gradebench window using it, then try again.", e);
        }
    }

    @Override
    public RunHistory history() throws UserError {
        try {
            return services.history();
        } catch (AppServices.StartupException | HistoryException e) {
            throw new UserError("The history database cannot be opened: " + e.getMessage(),
                    "Close any other Gradebench using it (only one may use it at a time).", e);
        }
    }

    @Override
    public ReviewStore reviews() throws UserError {
        try {
            return services.reviews();
        } catch (AppServices.StartupException | HistoryException e) {
            throw new UserError("The history database cannot be opened: " + e.getMessage(),
                    "Close any other Gradebench using it (only one may use it at a time).", e);
        }
    }

    @Override
    public GradeExportService gradeExport() throws UserError {
        try {
            return services.gradeExport();
        } catch (AppServices.StartupException | HistoryException e) {
            throw new UserError("The history database cannot be opened: " + e.getMessage(),
                    "Close any other Gradebench using it (only one may use it at a time).", e);
        }
    }

    @Override
    public List<Component> components() {
        List<Component> out = new ArrayList<>();
        for (ComponentStatus c : services.components()) {
            String name = c.component();
            String lower = name.toLowerCase(Locale.ROOT);
            String group = lower.startsWith("image") ? "Docker images"
                    : lower.contains("sandbox") || lower.contains("bubblewrap") || lower.contains("docker") ? "Sandbox"
                    : lower.contains("toolchain") ? "Toolchains"
                    : lower.contains("database") ? "Database" : lower.contains("log") ? "Log" : "Other";
            String shortName = group.equals("Sandbox") ? (lower.contains("docker") ? "docker" : lower.contains("bubblewrap") ? "bwrap" : name)
                    : group.equals("Docker images") ? name.replaceFirst("(?i)^image for ", "")
                    : name.replace(" toolchain", "");
            Component.State state = switch (c.level()) {
                case OK -> Component.State.OK;
                case WARNING -> Component.State.WARNING;
                case ERROR -> Component.State.MISSING;
            };
            String detail = c.summary() + (c.details().isEmpty() ? "" : " \u2013 " + String.join("; ", c.details()));
            out.add(new Component(group, shortName, state, detail, c.fix()));
        }
        return out;
    }

    @Override
    public Optional<Path> samplesFolder() {
        for (String prop : List.of("gradebench.home", "gradebench.projectRoot")) {
            String v = System.getProperty(prop);
            if (v != null && Files.isDirectory(Path.of(v, "sample-assignments"))) {
                return Optional.of(Path.of(v, "sample-assignments").toAbsolutePath().normalize());
            }
        }
        Path here = Path.of("sample-assignments");
        return Files.isDirectory(here) ? Optional.of(here.toAbsolutePath().normalize()) : Optional.empty();
    }

    @Override
    public Path logFile() {
        return LogDirectory.path().resolve("gradebench.log");
    }
}
