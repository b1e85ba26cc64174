package org.gradebench.cli;

import org.gradebench.AppServices;
import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.AssignmentHashes;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.history.Review;
import org.gradebench.core.history.SessionSummary;
import org.gradebench.core.history.StoredSession;
import org.gradebench.io.export.ExportFormat;
import org.gradebench.io.export.ExportOptions;
import org.gradebench.io.export.ExportReport;
import org.gradebench.io.export.GradeBook;
import org.gradebench.io.export.GradeExporter;
import org.gradebench.io.export.MatchKey;
import org.gradebench.io.export.Texts;
import org.gradebench.io.export.feedback.FeedbackWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a graded session as a grade file your LMS imports, and per-student feedback.",
                "The exported score is the grader's override when there is one, else the computed score. "
                        + "A summary (overridden and skipped rows, warnings) goes to stderr.",
                "Tip: pass --lms-template with the grade file you downloaded from the LMS (Moodle grading worksheet, "
                        + "Canvas gradebook export, Blackboard Grade Center download, Brightspace grades export): "
                        + "its columns and rows are kept and only the grades are filled in."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:exported (see stderr for skipped rows)", "2:bad usage or bad input (session, template, assignment)",
                "3:system error (database, I/O)"})
public final class ExportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--session", required = true, paramLabel = "ID|latest", description = "Session to export.")
    String session;

    @Option(names = {"-a", "--assignment"}, paramLabel = "DIR",
            description = "Assignment folder (default: where the session's assignment was).")
    Path assignment;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "moodle|canvas|blackboard|brightspace|csv",
            description = "Grade file format.")
    String format;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "Grade file to write.")
    Path out;

    @Option(names = "--feedback", paramLabel = "DIR|ZIP",
            description = "Also write per-student feedback (HTML and text) in the LMS's upload layout; a name ending "
                    + "in .zip writes a zip (for Moodle: the 'Upload multiple feedback files in a zip' file).")
    Path feedback;

    @Option(names = "--column", paramLabel = "NAME",
            description = "LMS grade item, as the LMS shows it: Canvas \"Essay 1 (128834)\", Blackboard "
                    + "\"Essay 1 [Total Pts: 100 Score] |92376\", Brightspace \"Essay 1\" (default: the assignment title).")
    String column;

    @Option(names = "--lms-template", paramLabel = "FILE",
            description = "The grade CSV downloaded from the LMS: keep its headers and rows, fill in the grades.")
    Path template;

    @Option(names = "--max-points", paramLabel = "N",
            description = "Scale scores to this maximum (default: the template's maximum, else the assignment's).")
    Double maxPoints;

    @Option(names = "--decimal-separator", paramLabel = ". or ,", description = "Default: as in the template, else '.'.")
    String decimal;

    @Option(names = "--bom", negatable = true,
            description = "Write a UTF-8 byte-order mark (default: as the template; else on for Moodle, off otherwise).")
    Boolean bom;

    @Option(names = "--timezone", paramLabel = "ZONE",
            description = "Zone of dates written for Moodle (default: this computer's); use the Moodle site's zone.")
    String zone;

    @Option(names = "--match", split = ",", paramLabel = "KEY",
            description = "How students are found in the template, in order: id, login, email, name "
                    + "(default: id,login,email,name; Brightspace: login,email,name).")
    List<String> match = List.of();

    @Option(names = "--comments",
            description = "Also write the grader's comment into the LMS's feedback-text column (Moodle 'Feedback comments', "
                    + "Blackboard 'Feedback to Learner'). Off by default: empty cells may clear feedback typed in the LMS.")
    boolean comments;

    @Option(names = "--orgdefinedid-from-id",
            description = "Brightspace: the submissions' LMS id is the OrgDefinedId (default: key rows by Username).")
    boolean orgDefinedId;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        ExportFormat fmt;
        ExportOptions options;
        try {
            fmt = ExportFormat.parse(format);
            options = options();
        } catch (IllegalArgumentException | DateTimeException e) {
            err.println("gradebench: " + e.getMessage());
            return 2;
        }
        if (template != null && !Files.isRegularFile(template)) {
            err.println("gradebench: template " + template + " does not exist");
            return 2;
        }
        if (feedback != null && !feedback.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")
                && Files.isDirectory(feedback)) {
            try (var list = Files.list(feedback)) {
                if (list.findAny().isPresent()) {
                    err.println("gradebench: feedback folder " + feedback + " is not empty; choose a new folder (or a .zip)");
                    return 2;
                }
            } catch (IOException e) {
                err.println("gradebench: " + e.getMessage());
                return 3;
            }
        }
        try (AppServices services = common.services(null)) {
            Optional<Long> id = sessionId(services, err);
            if (id.isEmpty()) return 2;
            Optional<StoredSession> stored = services.history().load(id.get());
            if (stored.isEmpty()) {
                err.println("gradebench: no session " + id.get() + " in " + services.databaseLocation());
                return 2;
            }
            SessionSummary s = stored.get().summary();
            Path assignmentPath = assignment != null ? assignment.toAbsolutePath().normalize() : Path.of(s.info().assignmentPath());
            Assignment a;
            try {
                a = services.assignments().load(assignmentPath);
            } catch (InvalidInputException | RuntimeException e) {
                err.println("gradebench: cannot load the assignment " + assignmentPath + ": " + e.getMessage());
                err.println("  Scores are computed from the assignment's tests and weights; pass --assignment DIR.");
                return 2;
            }
            try {
                if (!AssignmentHashes.testsHash(a).equals(s.info().testsHash())) {
                    err.println("warning: the assignment's tests changed since session " + s.id()
                            + " was graded; scores use the tests as they are now");
                }
            } catch (RuntimeException e) {
                err.println("warning: cannot check whether the tests changed: " + e.getMessage());
            }
            Map<String, Review> reviews = services.reviews().reviews(s.id());
            GradeBook book = GradeBook.of(stored.get(), reviews, Optional.of(a));
            if (book.rows().isEmpty()) err.println("warning: session " + s.id() + " has no submissions");
            ExportReport report = GradeExporter.of(fmt).write(book, options, out);
            print(err, report);
            if (feedback != null) {
                FeedbackWriter.Result fb = new FeedbackWriter(Clock.systemUTC())
                        .write(book, fmt, report.lmsMax(), report.decimal(), feedback);
                err.printf("Wrote feedback for %d student(s) to %s%n", fb.written(), fb.target());
                fb.skipped().forEach(k -> err.printf("  no feedback for %s (%s): %s%n", k.submissionId(), k.student(), k.reason()));
                fb.warnings().forEach(w -> err.println("warning: " + w));
            }
            return 0;
        } catch (InvalidInputException e) {
            err.println("gradebench: " + e.getMessage());
            return 2;
        } catch (AppServices.StartupException | IOException e) {
            err.println("gradebench: " + e.getMessage());
            return 3;
        }
    }

    private ExportOptions options() {
        ExportOptions o = ExportOptions.defaults();
        if (column != null) o = o.withColumn(column);
        if (template != null) o = o.withTemplate(template);
        if (maxPoints != null) o = o.withMaxPoints(maxPoints);
        if (decimal != null) {
            if (decimal.length() != 1) throw new IllegalArgumentException("--decimal-separator must be '.' or ','");
            o = o.withDecimalSeparator(decimal.charAt(0));
        }
        if (bom != null) o = o.withBom(bom);
        if (zone != null) o = o.withClock(Clock.systemUTC(), ZoneId.of(zone));
        if (!match.isEmpty()) o = o.withMatch(match.stream().map(MatchKey::parse).toList());
        return o.withComments(comments).withOrgDefinedIdFromLmsId(orgDefinedId);
    }

    private Optional<Long> sessionId(AppServices services, PrintStream err) throws AppServices.StartupException {
        if (session.equalsIgnoreCase("latest")) {
            List<SessionSummary> all = services.history().sessions();
            if (all.isEmpty()) {
                err.println("gradebench: no grading sessions yet in " + services.databaseLocation());
                return Optional.empty();
            }
            return Optional.of(all.get(0).id());
        }
        try {
            return Optional.of(Long.parseLong(session.strip()));
        } catch (NumberFormatException e) {
            err.println("gradebench: --session must be a session id or 'latest', not '" + session + "'");
            return Optional.empty();
        }
    }

    static void print(PrintStream err, ExportReport r) {
        err.printf("Wrote %d grade row(s) to %s (%s, out of %s)%n", r.written(), r.file(), r.format().id(),
                Texts.number(r.lmsMax(), 2, '.'));
        if (r.overridden().isEmpty()) {
            err.println("No manual overrides.");
        } else {
            err.printf("%d overridden by hand: %s%n", r.overridden().size(), String.join(", ", r.overridden()));
        }
        if (!r.skipped().isEmpty()) {
            err.printf("%d skipped (not in the file):%n", r.skipped().size());
            r.skipped().forEach(k -> err.printf("  %s (%s): %s%n", k.submissionId(), k.student(), k.reason()));
        }
        r.warnings().forEach(w -> err.println("warning: " + w));
    }
}
