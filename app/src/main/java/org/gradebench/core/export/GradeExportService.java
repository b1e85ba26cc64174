package org.gradebench.core.export;

import org.gradebench.core.assignment.InvalidInputException;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Port: writes a stored grading session (with the graders' score overrides and comments) as a grade file an LMS
 * imports, and optionally per-student feedback in that LMS's upload layout. Implemented in {@code io.export}; the
 * CLI ({@code gradebench export}) and the window's "Export grades" dialog both go through it, so they behave alike.
 */
public interface GradeExportService {

    /**
     * Exports one session. Blocking (database, disk): call it off the UI thread.
     *
     * @throws ExportRefusedException the export cannot be done as asked (no such session, a Brightspace export without
     *                                the grades file it needs, a non-empty feedback folder...): the message says what
     *                                to do; nothing was written
     * @throws InvalidInputException  the LMS template is not a grade file of that LMS (names the file and line)
     */
    Result export(Request request) throws ExportRefusedException, InvalidInputException, IOException;

    /** The grade files Gradebench writes, with what the dialog needs to explain them. */
    enum Format {
        MOODLE("Moodle grading worksheet", Template.RECOMMENDED,
                "the grading worksheet (Assignment > View all submissions > Grading action > Download grading worksheet)",
                "a zip for 'Upload multiple feedback files in a zip'"),
        CANVAS("Canvas gradebook CSV", Template.RECOMMENDED,
                "the gradebook export (Grades > Export > Export Current Gradebook View)",
                "one folder per student (Canvas has no bulk feedback upload)"),
        BLACKBOARD("Blackboard Grade Center CSV", Template.RECOMMENDED,
                "the Grade Center download (Grade Center > Work Offline > Download, comma delimited)",
                "one folder per student (Blackboard has no bulk feedback upload)"),
        BRIGHTSPACE("Brightspace grades import CSV", Template.NEEDED_WITHOUT_USERNAMES,
                "the grades export (Grades > Export, with Username and Org Defined ID ticked, CSV)",
                "one folder per student (Brightspace has no bulk feedback upload)"),
        CSV("Plain CSV (every test verdict)", Template.NONE, "", "one folder per student");

        private final String label;
        private final Template template;
        private final String templateFile;
        private final String feedbackLayout;

        Format(String label, Template template, String templateFile, String feedbackLayout) {
            this.label = label;
            this.template = template;
            this.templateFile = templateFile;
            this.feedbackLayout = feedbackLayout;
        }

        /** How the user knows it ("Moodle grading worksheet"). */
        public String label() {
            return label;
        }

        public Template template() {
            return template;
        }

        /** Which LMS file to download and pass as template, and where it is in the LMS ("" for none). */
        public String templateFile() {
            return templateFile;
        }

        /** What the feedback export produces for this LMS. */
        public String feedbackLayout() {
            return feedbackLayout;
        }

        /** The CLI name: moodle, canvas, blackboard, brightspace, csv. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Format parse(String s) {
            for (Format f : values()) if (f.id().equalsIgnoreCase(s.strip())) return f;
            throw new IllegalArgumentException("unknown export format '" + s + "' (moodle, canvas, blackboard, brightspace, csv)");
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Whether the LMS grade file downloaded from the LMS (the template) is needed. */
    enum Template {
        /** Not used (plain CSV). */
        NONE,
        /** Optional but safer: its rows, columns and maximum are kept and only the grades are filled in. */
        RECOMMENDED,
        /**
         * Brightspace: its submission download has no Username or OrgDefinedId, which its grade import needs; without
         * the grades export the export is refused unless the submissions carry usernames.
         */
        NEEDED_WITHOUT_USERNAMES
    }

    /**
     * One export.
     *
     * @param assignmentFolder the assignment to recompute scores with (default: where the session's assignment was)
     * @param out              the grade file to write (replaced atomically)
     * @param template         the grade CSV downloaded from the LMS; its headers and rows are kept
     * @param feedback         also write per-student feedback here (a name ending in .zip writes a zip)
     * @param decimalSeparator '.' or ','; default: as in the template, else '.'
     * @param column           the LMS grade item as the LMS shows it (default: the assignment title)
     * @param maxPoints        scale scores to this maximum (default: the template's, else the assignment's)
     * @param bom              write a UTF-8 byte-order mark (default: as the template; else Moodle yes, others no)
     * @param zone             zone of dates written for Moodle (default: this computer's)
     * @param match            how students are found in the template, in order: id, login, email, name (empty =
     *                         the format's default)
     * @param comments         also write the grader's comment into the LMS's feedback-text column
     * @param orgDefinedIdFromLmsId Brightspace: the submissions' LMS id is the OrgDefinedId
     */
    record Request(long sessionId, Optional<Path> assignmentFolder, Format format, Path out, Optional<Path> template,
                   Optional<Path> feedback, Optional<Character> decimalSeparator, Optional<String> column,
                   OptionalDouble maxPoints, Optional<Boolean> bom, Optional<ZoneId> zone, List<String> match,
                   boolean comments, boolean orgDefinedIdFromLmsId) {

        public Request {
            Objects.requireNonNull(assignmentFolder, "assignmentFolder");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(feedback, "feedback");
            Objects.requireNonNull(decimalSeparator, "decimalSeparator");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(maxPoints, "maxPoints");
            Objects.requireNonNull(bom, "bom");
            Objects.requireNonNull(zone, "zone");
            match = List.copyOf(match);
        }

        /** Every choice at its default. */
        public static Request of(long sessionId, Format format, Path out) {
            return new Request(sessionId, Optional.empty(), format, out, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), OptionalDouble.empty(), Optional.empty(), Optional.empty(),
                    List.of(), false, false);
        }

        public Request withAssignmentFolder(Path p) {
            return new Request(sessionId, Optional.ofNullable(p), format, out, template, feedback, decimalSeparator,
                    column, maxPoints, bom, zone, match, comments, orgDefinedIdFromLmsId);
        }

        public Request withTemplate(Path p) {
            return new Request(sessionId, assignmentFolder, format, out, Optional.ofNullable(p), feedback,
                    decimalSeparator, column, maxPoints, bom, zone, match, comments, orgDefinedIdFromLmsId);
        }

        public Request withFeedback(Path p) {
            return new Request(sessionId, assignmentFolder, format, out, template, Optional.ofNullable(p),
                    decimalSeparator, column, maxPoints, bom, zone, match, comments, orgDefinedIdFromLmsId);
        }

        public Request withDecimalSeparator(Character c) {
            return new Request(sessionId, assignmentFolder, format, out, template, feedback, Optional.ofNullable(c),
                    column, maxPoints, bom, zone, match, comments, orgDefinedIdFromLmsId);
        }

        public Request withColumn(String c) {
            return new Request(sessionId, assignmentFolder, format, out, template, feedback, decimalSeparator,
                    Optional.ofNullable(c).filter(s -> !s.isBlank()), maxPoints, bom, zone, match, comments,
                    orgDefinedIdFromLmsId);
        }

        public Request withComments(boolean c) {
            return new Request(sessionId, assignmentFolder, format, out, template, feedback, decimalSeparator,
                    column, maxPoints, bom, zone, match, c, orgDefinedIdFromLmsId);
        }
    }

    /** A submission left out of a file, and why (for the TA to fix in the LMS by hand). */
    record Skipped(String submissionId, String student, String reason) {
    }

    /** What the feedback export wrote. */
    record Feedback(Path target, int written, List<Skipped> skipped, List<String> warnings) {
        public Feedback {
            skipped = List.copyOf(skipped);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * What an export did.
     *
     * @param rows       student rows written (or filled in the template)
     * @param lmsMax     the maximum the scores were scaled to
     * @param overridden submission ids whose exported score is a manual override
     * @param skipped    submissions not in the grade file, and why
     * @param warnings   things to check before uploading
     */
    record Result(Format format, Path gradeFile, int rows, double lmsMax, List<String> overridden,
                  List<Skipped> skipped, List<String> warnings, Optional<Feedback> feedback) {
        public Result {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(gradeFile, "gradeFile");
            overridden = List.copyOf(overridden);
            skipped = List.copyOf(skipped);
            warnings = List.copyOf(warnings);
            Objects.requireNonNull(feedback, "feedback");
        }

        /** The files written: the grade file, then the feedback zip or folder. */
        public List<Path> files() {
            List<Path> out = new ArrayList<>();
            out.add(gradeFile);
            feedback.ifPresent(f -> out.add(f.target()));
            return out;
        }

        /**
         * The report as lines a person reads (the CLI prints them to stderr, the window shows them): files, rows,
         * overridden and skipped rows with the reason, then warnings prefixed with "warning: ".
         */
        public List<String> summaryLines() {
            List<String> l = new ArrayList<>();
            l.add(String.format(java.util.Locale.ROOT, "Wrote %d grade row(s) to %s (%s, out of %s)", rows, gradeFile,
                    format.id(), number(lmsMax)));
            if (overridden.isEmpty()) l.add("No manual overrides.");
            else l.add(overridden.size() + " overridden by hand: " + String.join(", ", overridden));
            if (!skipped.isEmpty()) {
                l.add(skipped.size() + " skipped (not in the file):");
                skipped.forEach(k -> l.add("  " + k.submissionId() + " (" + k.student() + "): " + k.reason()));
            }
            warnings.forEach(w -> l.add("warning: " + w));
            feedback.ifPresent(f -> {
                l.add("Wrote feedback for " + f.written() + " student(s) to " + f.target());
                f.skipped().forEach(k -> l.add("  no feedback for " + k.submissionId() + " (" + k.student() + "): " + k.reason()));
                f.warnings().forEach(w -> l.add("warning: " + w));
            });
            return l;
        }

        private static String number(double v) {
            return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
    }
}
