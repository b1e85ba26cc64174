package org.gradebench.cli;

import org.gradebench.AppServices;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.export.ExportRefusedException;
import org.gradebench.core.export.GradeExportService;
import org.gradebench.core.history.SessionSummary;
import org.gradebench.io.export.MatchKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
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
            description = "The grade CSV downloaded from the LMS: keep its headers and rows, fill in the grades. "
                    + "Needed for Brightspace (Grades > Export with Username and Org Defined ID): its submissions "
                    + "download has no usernames.")
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
        GradeExportService.Format fmt;
        try {
            fmt = GradeExportService.Format.parse(format);
            if (decimal != null && decimal.length() != 1) throw new IllegalArgumentException("--decimal-separator must be '.' or ','");
            if (zone != null) ZoneId.of(zone);
            match.forEach(MatchKey::parse);
        } catch (IllegalArgumentException | DateTimeException e) {
            err.println("gradebench: " + e.getMessage());
            return 2;
        }
        try (AppServices services = common.services(null)) {
            Optional<Long> id = sessionId(services, err);
            if (id.isEmpty()) return 2;
            GradeExportService.Request request = new GradeExportService.Request(id.get(), Optional.ofNullable(assignment),
                    fmt, out, Optional.ofNullable(template), Optional.ofNullable(feedback),
                    Optional.ofNullable(decimal).map(d -> d.charAt(0)), Optional.ofNullable(column),
                    maxPoints == null ? OptionalDouble.empty() : OptionalDouble.of(maxPoints), Optional.ofNullable(bom),
                    Optional.ofNullable(zone).map(ZoneId::of), match, comments, orgDefinedId);
            GradeExportService.Result result = services.gradeExport().export(request);
            result.summaryLines().forEach(err::println);
            return 0;
        } catch (ExportRefusedException | InvalidInputException e) {
            err.println("gradebench: " + e.getMessage());
            return 2;
        } catch (AppServices.StartupException | IOException e) {
            err.println("gradebench: " + e.getMessage());
            return 3;
        }
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
}
