package org.gradebench.cli;

import org.gradebench.AppServices;
import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.grading.SessionResults;
import org.gradebench.core.grading.SubmissionResult;
import org.gradebench.core.history.SessionSummary;
import org.gradebench.core.history.StoredSession;
import org.gradebench.io.report.JsonReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"List past grading sessions, or show one.",
                "Scores are recomputed from the stored verdicts with the assignment as it is now on disk."})
public final class HistoryCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..1", paramLabel = "SESSION", description = "Session id to show (default: list all).")
    Long sessionId;

    @Option(names = "--report", paramLabel = "FILE.json", description = "With SESSION: write its JSON report.")
    Path report;

    @Override
    public Integer call() {
        var out = System.out;
        var err = System.err;
        try (AppServices services = common.services(null)) {
            if (sessionId == null) {
                List<SessionSummary> sessions = services.history().sessions();
                if (sessions.isEmpty()) {
                    out.println("No grading sessions yet in " + services.databaseLocation());
                    return 0;
                }
                out.printf(Locale.ROOT, "%5s  %-16s  %-10s  %-7s  %5s  %7s  %8s  %s%n", "id", "started", "state", "backend",
                        "subs", "results", "accepted", "assignment");
                for (SessionSummary s : sessions) {
                    out.printf(Locale.ROOT, "%5d  %-16s  %-10s  %-7s  %5d  %7d  %8d  %s%s%n", s.id(),
                            WHEN.format(s.info().started()), s.state().name().toLowerCase(Locale.ROOT), s.info().backend(),
                            s.submissions(), s.results(), s.accepted(), s.info().assignmentTitle(),
                            s.info().unsafe() ? "  [UNSANDBOXED]" : "");
                }
                return 0;
            }
            Optional<StoredSession> stored = services.history().load(sessionId);
            if (stored.isEmpty()) {
                err.println("gradebench: no session " + sessionId + " in " + services.databaseLocation());
                return 2;
            }
            SessionSummary s = stored.get().summary();
            out.printf(Locale.ROOT, "Session %d: %s%n  started  %s (%s)%n  backend  %s%s, %d job(s)%n  checker  %s%n  tests    %s%n  from     %s%n",
                    s.id(), s.info().assignmentTitle(), WHEN.format(s.info().started()), s.state().name().toLowerCase(Locale.ROOT),
                    s.info().backend(), s.info().unsafe() ? " (UNSANDBOXED)" : "", s.info().jobs(), s.info().checker(),
                    s.info().testsHash().substring(0, Math.min(12, s.info().testsHash().length())), s.info().submissionsSource());
            s.info().toolchains().forEach((k, v) -> out.printf(Locale.ROOT, "  %-8s %s%n", k, v));
            Optional<Assignment> assignment = loadQuietly(services, Path.of(s.info().assignmentPath()));
            if (assignment.isEmpty()) {
                out.println("  (the assignment folder is gone or invalid: scores are not shown)");
            }
            List<SubmissionResult> results = SessionResults.of(stored.get(), assignment);
            out.println();
            SummaryTable.print(out, results);
            if (report != null) {
                new JsonReportWriter().write(report, new JsonReportWriter.Header(s.info().assignmentTitle(), s.info().backend(),
                        s.id(), s.state().name(), s.info().unsafe()), results);
            }
            return 0;
        } catch (AppServices.StartupException | IOException e) {
            err.println("gradebench: " + e.getMessage());
            return 3;
        }
    }

    private static Optional<Assignment> loadQuietly(AppServices services, Path path) {
        try {
            return Optional.of(services.assignments().load(path));
        } catch (InvalidInputException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
