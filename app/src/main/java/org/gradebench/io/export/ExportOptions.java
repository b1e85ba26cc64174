package org.gradebench.io.export;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Choices for a grade export. Everything the LMS reference marks unverified is an option here rather than a guess.
 *
 * @param column           the LMS grade item: Canvas {@code "Essay 1 (128834)"}, Blackboard
 *                         {@code "Essay 1 [Total Pts: 100 Score] |92376"}, Brightspace {@code "Essay 1"} or
 *                         {@code "Essay 1 Points Grade"}, Moodle: the grade column's header (default "Grade", for a
 *                         localized worksheet). Default: the assignment title.
 * @param template         the grade CSV the TA downloaded from the LMS; its headers, rows, other columns, separator and
 *                         byte-order mark are kept and only the grade (and, with {@code comments}, the feedback text)
 *                         of matched students is filled in
 * @param maxPoints        the LMS item's maximum; scores are scaled from the assignment's maximum to it. Default: the
 *                         maximum found in the template (Moodle "Maximum Grade", Canvas "Points Possible", Blackboard
 *                         "Total Pts", Brightspace "MaxPoints"), else the assignment's own
 * @param decimalSeparator '.' or ','; default: what the template uses, else '.'
 * @param bom              write a UTF-8 byte-order mark; default: as the template, else Moodle yes (its downloads
 *                         have one), others no
 * @param zone             time zone of written dates (Moodle "Last modified (grade)"); Moodle parses them in the
 *                         server's zone, so use the site's zone when it differs from this computer's
 * @param clock            "now" for Moodle's "Last modified (grade)"
 * @param match            how submissions are found in a template, in order; empty = the format's default
 *                         (ID, LOGIN, EMAIL, NAME; Brightspace without ID, see {@code orgDefinedIdFromLmsId})
 * @param comments         also write the grader's comment into the LMS's text-feedback column (Moodle "Feedback
 *                         comments", Blackboard "Feedback to Learner" when the template has it). Off by default: an
 *                         empty cell may overwrite feedback already typed in the LMS
 * @param orgDefinedIdFromLmsId Brightspace: the submissions' LMS id is the OrgDefinedId (e.g. imported from a
 *                         student-number folder layout). Off by default: the ids in a Brightspace download are not
 *                         known to be OrgDefinedIds (lms-exports.md §4.1), so rows are keyed by Username
 */
public record ExportOptions(Optional<String> column, Optional<Path> template, OptionalDouble maxPoints,
                            Optional<Character> decimalSeparator, Optional<Boolean> bom, ZoneId zone, Clock clock,
                            List<MatchKey> match, boolean comments, boolean orgDefinedIdFromLmsId) {

    public ExportOptions {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(maxPoints, "maxPoints");
        Objects.requireNonNull(decimalSeparator, "decimalSeparator");
        Objects.requireNonNull(bom, "bom");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(clock, "clock");
        match = List.copyOf(match);
        decimalSeparator.ifPresent(c -> {
            if (c != '.' && c != ',') throw new IllegalArgumentException("decimal separator must be '.' or ','");
        });
        if (maxPoints.isPresent() && !(maxPoints.getAsDouble() > 0 && Double.isFinite(maxPoints.getAsDouble()))) {
            throw new IllegalArgumentException("max points must be a positive number");
        }
        column.ifPresent(c -> {
            if (c.isBlank()) throw new IllegalArgumentException("the grade column name is empty");
        });
    }

    public static ExportOptions defaults() {
        return new ExportOptions(Optional.empty(), Optional.empty(), OptionalDouble.empty(), Optional.empty(),
                Optional.empty(), ZoneId.systemDefault(), Clock.systemUTC(), List.of(), false, false);
    }

    public ExportOptions withColumn(String c) {
        return new ExportOptions(Optional.of(c), template, maxPoints, decimalSeparator, bom, zone, clock, match, comments, orgDefinedIdFromLmsId);
    }

    public ExportOptions withTemplate(Path t) {
        return new ExportOptions(column, Optional.of(t), maxPoints, decimalSeparator, bom, zone, clock, match, comments, orgDefinedIdFromLmsId);
    }

    public ExportOptions withMaxPoints(double m) {
        return new ExportOptions(column, template, OptionalDouble.of(m), decimalSeparator, bom, zone, clock, match, comments, orgDefinedIdFromLmsId);
    }

    public ExportOptions withDecimalSeparator(char c) {
        return new ExportOptions(column, template, maxPoints, Optional.of(c), bom, zone, clock, match, comments, orgDefinedIdFromLmsId);
    }

    public ExportOptions withBom(boolean b) {
        return new ExportOptions(column, template, maxPoints, decimalSeparator, Optional.of(b), zone, clock, match, comments, orgDefinedIdFromLmsId);
    }

    public ExportOptions withClock(Clock c, ZoneId z) {
        return new ExportOptions(column, template, maxPoints, decimalSeparator, bom, z, c, match, comments, orgDefinedIdFromLmsId);
    }

    public ExportOptions withMatch(List<MatchKey> m) {
        return new ExportOptions(column, template, maxPoints, decimalSeparator, bom, zone, clock, m, comments, orgDefinedIdFromLmsId);
    }

    public ExportOptions withComments(boolean c) {
        return new ExportOptions(column, template, maxPoints, decimalSeparator, bom, zone, clock, match, c, orgDefinedIdFromLmsId);
    }

    public ExportOptions withOrgDefinedIdFromLmsId(boolean o) {
        return new ExportOptions(column, template, maxPoints, decimalSeparator, bom, zone, clock, match, comments, o);
    }
}
