package org.gradebench.cli;

import org.gradebench.AppServices;
import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.check.CheckerProvider;
import org.gradebench.core.grading.GradingEngine;
import org.gradebench.core.grading.GradingOutcome;
import org.gradebench.core.grading.GradingRequest;
import org.gradebench.core.history.SessionSummary;
import org.gradebench.core.run.Sandbox;
import org.gradebench.core.submission.SubmissionSource;
import org.gradebench.io.importing.ImportOptions;
import org.gradebench.io.report.CsvReportWriter;
import org.gradebench.io.report.JsonReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Grade a folder or archive of submissions against an assignment, in a sandbox.",
                "Progress goes to stderr, a summary table to stdout. Every finished result is stored in the history "
                        + "database at once; --resume continues an interrupted session."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:grading completed (whatever the verdicts)", "1:grading was cancelled",
                "2:bad usage or bad input (assignment, archive, profile)", "3:system error (no usable sandbox, database, I/O)"})
public final class GradeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = {"-a", "--assignment"}, required = true, paramLabel = "DIR",
            description = "Assignment folder (assignment.yaml + tests/) or ICPC/Kattis problem package.")
    Path assignment;

    @Option(names = {"-s", "--submissions"}, required = true, paramLabel = "DIR|ZIP",
            description = "Folder (one subfolder or file per student), an archive of the same, or an LMS export.")
    Path submissions;

    @Option(names = "--backend", defaultValue = "auto", paramLabel = "auto|bwrap|docker",
            description = "Sandbox backend (default: ${DEFAULT-VALUE}: bwrap when usable, else Docker).")
    String backend;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Runs in parallel (default: number of cores).")
    Integer jobs;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write the JSON report here.")
    Path report;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write a CSV of grades here.")
    Path csv;

    @Option(names = "--lms-worksheet", paramLabel = "FILE.csv",
            description = "Moodle: the grading worksheet CSV (Assignment > View all submissions > Grading action > "
                    + "Download grading worksheet). Moodle's submissions zip does not say who was late; the worksheet's "
                    + "Status does, and gives emails. Default: a worksheet inside the download, or next to it named "
                    + "Grades-<zip name>.csv.")
    Path worksheet;

    @Option(names = "--resume", description = "Continue the newest unfinished session of this assignment and submissions.")
    boolean resume;

    @Option(names = "--tests", split = ",", paramLabel = "NAME", description = "Run only these tests.")
    List<String> onlyTests = List.of();

    @Option(names = "--unsafe-no-sandbox",
            description = "Run student code WITHOUT a sandbox (dangerous: it can read and delete your files).")
    boolean unsafe;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Override
    public Integer call() {
        var err = System.err;
        var out = System.out;
        try (AppServices services = common.services(jobs)) {
            Assignment a;
            try {
                a = services.assignments().load(assignment.toAbsolutePath().normalize());
            } catch (InvalidInputException e) {
                err.println("gradebench: invalid assignment: " + e.getMessage());
                return 2;
            }
            if (a.tests().isEmpty()) {
                err.println("gradebench: " + assignment + " has no tests");
                return 2;
            }
            Set<String> only = Set.copyOf(onlyTests);
            for (String t : only) {
                if (a.test(t).isEmpty()) {
                    err.println("gradebench: the assignment has no test named '" + t + "'");
                    return 2;
                }
            }
            Sandbox sandbox;
            try {
                sandbox = unsafe ? services.unsandboxed() : services.sandbox(backend);
            } catch (AppServices.NoSandboxException e) {
                err.println("gradebench: " + e.getMessage());
                return 3;
            }
            if (unsafe) {
                err.println("WARNING: --unsafe-no-sandbox: student code runs WITHOUT a sandbox, with your permissions. "
                        + "It can read, change and delete your files and reach the network. This session is marked "
                        + "unsandboxed in the history.");
            }
            if (!Files.exists(submissions)) {
                err.println("gradebench: " + submissions + " does not exist");
                return 2;
            }
            Path source = submissions.toAbsolutePath().normalize();
            SubmissionSource.ImportResult imported;
            try {
                if (worksheet != null && !Files.isRegularFile(worksheet)) {
                    err.println("gradebench: the Moodle grading worksheet " + worksheet + " does not exist");
                    return 2;
                }
                ImportOptions importOptions = worksheet == null ? ImportOptions.defaults()
                        : ImportOptions.defaults().withMoodleWorksheet(worksheet.toAbsolutePath().normalize());
                imported = services.submissions(importOptions).load(source, services.newWorkspace("import"));
            } catch (InvalidInputException e) {
                err.println("gradebench: invalid submissions: " + e.getMessage());
                return 2;
            }
            imported.warnings().forEach(w -> err.println("warning: " + w));
            if (!quiet) {
                err.printf("Grading %d submission(s) (%s) x %d test(s) of \"%s\" with %s, %d job(s)%n",
                        imported.submissions().size(), imported.format(), only.isEmpty() ? a.tests().size() : only.size(),
                        a.title(), sandbox.name(), services.queue().parallelism());
            }
            Optional<Long> resumeId = Optional.empty();
            if (resume) {
                Optional<SessionSummary> unfinished = services.history()
                        .latestUnfinished(a.root().toAbsolutePath().toString(), source.toString());
                if (unfinished.isPresent()) {
                    resumeId = Optional.of(unfinished.get().id());
                    if (!quiet) err.printf("Resuming session %d (%d results already recorded)%n",
                            unfinished.get().id(), unfinished.get().results());
                } else if (!quiet) {
                    err.println("Nothing to resume for this assignment and submissions: starting a new session.");
                }
            }
            GradingEngine engine = services.engine(sandbox);
            CheckerProvider checkers = services.checkers(sandbox);
            ProgressReporter progress = new ProgressReporter(err, System.console() != null, quiet);
            GradingRequest request = new GradingRequest(a, imported.submissions(), source.toString(), checkers,
                    services.toolchainVersions(sandbox), resumeId, only, unsafe);
            GradingEngine.GradingHandle handle = engine.start(request, progress);
            Thread hook = services.threads().newThread(handle::cancel);
            Runtime.getRuntime().addShutdownHook(hook);
            GradingOutcome outcome;
            try {
                outcome = handle.outcome().get();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting because of a signal; the hook is cancelling the session
                }
            }
            progress.done(outcome.progress());
            SummaryTable.print(out, outcome.results());
            if (!quiet) {
                err.printf("Session %d %s in %.1f s (%.1f runs/s). History: %s%n", outcome.sessionId(),
                        outcome.state().name().toLowerCase(java.util.Locale.ROOT), outcome.elapsed().toMillis() / 1000.0,
                        outcome.progress().runsPerSecond(), services.databaseLocation());
            }
            if (report != null) {
                new JsonReportWriter().write(report, new JsonReportWriter.Header(a.title(), sandbox.name(),
                        outcome.sessionId(), outcome.state().name(), unsafe), outcome.results());
            }
            if (csv != null) {
                List<String> names = outcome.results().isEmpty() ? List.of()
                        : outcome.results().get(0).tests().stream().map(t -> t.testName()).toList();
                new CsvReportWriter().write(csv, names, outcome.results());
            }
            return outcome.state() == org.gradebench.core.history.SessionState.COMPLETED ? 0 : 1;
        } catch (AppServices.StartupException e) {
            err.println("gradebench: " + e.getMessage());
            return 3;
        } catch (IOException e) {
            err.println("gradebench: " + e.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            err.println("gradebench: internal error: " + e.getCause());
            return 3;
        }
    }
}
