package org.gradebench.io.export;

import org.gradebench.core.assignment.InvalidInputException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Moodle assignment "Offline grading worksheet" for "Upload grading worksheet" (lms-exports.md §1.2).
 *
 * <p>Moodle's importer needs the exact English headers {@code Identifier}, {@code Grade} and
 * {@code Last modified (grade)}; it reads the participant id from the end of the Identifier cell and skips a row
 * whose "Last modified (grade)" is older than the grade already in Moodle (a {@code -} counts as 1970). So every row
 * written gets the current time in Moodle's own English format ({@code Saturday, 21 November 2026, 10:30 PM}) in
 * {@link ExportOptions#zone()}, which should be the Moodle site's zone. Unknown columns are ignored by Moodle, so the
 * file also carries a {@code Gradebench override} column saying which grades are manual overrides.
 *
 * <p>With a template (the worksheet downloaded from Moodle) every column, row, the separator and the byte-order mark
 * are kept; for matched students only the grade column and "Last modified (grade)" are replaced (and "Feedback
 * comments" with {@link ExportOptions#comments()}). Unmatched rows are left as downloaded, which Moodle treats as
 * unchanged. A localized worksheet works when {@link ExportOptions#column()} names its grade column and its other two
 * required headers are English; otherwise download it with the interface in English. Scale-graded assignments are
 * refused: Gradebench exports points.
 *
 * <p>Without a template, rows need the participant id (Moodle imports set it); others are skipped.
 */
public final class MoodleWorksheetExporter implements GradeExporter {
    static final String IDENTIFIER = "Identifier";
    static final String GRADE = "Grade";
    static final String LAST_MODIFIED_GRADE = "Last modified (grade)";
    static final String FEEDBACK_COMMENTS = "Feedback comments";
    static final String OVERRIDE = "Gradebench override";
    static final List<String> MAXIMUM = List.of("Maximum Grade", "Maximum grade");
    /** Moodle's strftimedaydatetime, %A, %d %B %Y, %I:%M %p with leading zeros removed, in English. */
    static final DateTimeFormatter MOODLE_DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy, h:mm a", Locale.ENGLISH);

    @Override
    public ExportFormat format() {
        return ExportFormat.MOODLE;
    }

    @Override
    public ExportReport write(GradeBook book, ExportOptions options, Path out) throws IOException, InvalidInputException {
        ExportContext ctx = new ExportContext(book, options);
        String now = MOODLE_DATE.format(ZonedDateTime.now(options.clock().withZone(options.zone())));
        List<List<String>> records = new ArrayList<>();
        int written = 0;
        CsvDialect dialect;
        if (options.template().isPresent()) {
            CsvTable t = ctx.template();
            String gradeHeader = options.column().orElse(GRADE);
            int id = t.column(IDENTIFIER);
            int grade = t.column(gradeHeader);
            int modified = t.column(LAST_MODIFIED_GRADE);
            List<String> missing = new ArrayList<>();
            if (id < 0) missing.add(IDENTIFIER);
            if (grade < 0) missing.add(gradeHeader);
            if (modified < 0) missing.add(LAST_MODIFIED_GRADE);
            if (!missing.isEmpty()) {
                throw new InvalidInputException(t.file(), 1, "is not a Moodle grading worksheet: no " + String.join(", ", missing)
                        + " column (Moodle needs these exact English headers; for a localized worksheet pass --column with its grade header)");
            }
            int max = t.column(MAXIMUM);
            if (max < 0 && t.column("Scale") >= 0) {
                throw new InvalidInputException(t.file(), 1, "the assignment is graded with a scale; Gradebench exports points");
            }
            ctx.decimal = options.decimalSeparator().orElse(detectDecimal(t, max, grade));
            ctx.resolveMax(templateMax(t, max, ctx), "Maximum Grade");
            int feedback = t.column(FEEDBACK_COMMENTS);
            if (options.comments() && feedback < 0) {
                ctx.warn("the worksheet has no 'Feedback comments' column (feedback comments disabled in Moodle?): comments are not exported");
            }
            int changeable = t.column("Grade can be changed");
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < t.rows().size(); i++) {
                if (Identities.trailingDigits(t.rows().get(i).get(id)).isPresent()) candidates.add(i);
            }
            int email = t.column("Email address");
            int username = t.column("Username");
            int fullName = t.column("Full name");
            int group = t.column("Group");
            Map<GradeRow, List<Integer>> matched = group >= 0 ? teams(t, group, ctx) : singles(TemplateMatcher.match(t, candidates, ctx.rows(),
                    options.match().isEmpty() ? Identities.defaultOrder() : options.match(),
                    (k, row) -> switch (k) {
                        case ID -> Identities.trailingDigits(row.get(id));
                        case EMAIL -> CsvTable.cell(row, email);
                        case LOGIN -> CsvTable.cell(row, username);
                        case NAME -> CsvTable.cell(row, fullName);
                    },
                    (k, r) -> submissionKey(k, r), ctx));
            int overrideCol = t.column(OVERRIDE);
            List<String> header = new ArrayList<>(t.header());
            if (overrideCol < 0) {
                header.add(OVERRIDE);
                overrideCol = header.size() - 1;
            }
            records.add(header);
            List<List<String>> rows = new ArrayList<>();
            for (List<String> row : t.rows()) {
                List<String> copy = new ArrayList<>(row);
                while (copy.size() < header.size()) copy.add("");
                rows.add(copy);
            }
            for (GradeRow r : ctx.rows()) {
                List<Integer> targets = matched.getOrDefault(r, List.of());
                double v = r.scaled(ctx.lmsMax);
                if (!targets.isEmpty()) ctx.checkRange(r, v);
                for (int i : targets) {
                    List<String> row = rows.get(i);
                    row.set(grade, ctx.grade(v));
                    row.set(modified, now);
                    row.set(overrideCol, overrideCell(r, ctx));
                    if (options.comments() && feedback >= 0 && !r.comment().isBlank()) {
                        row.set(feedback, Texts.htmlParagraphs(r.comment()));
                    }
                    if (changeable >= 0 && row.get(changeable).strip().equalsIgnoreCase("No")) {
                        ctx.warn("'" + r.submission().id() + "': Moodle says the grade cannot be changed (locked or "
                                + "overridden in the gradebook); the upload will skip it");
                    }
                    written++;
                }
            }
            records.addAll(rows);
            dialect = new CsvDialect(t.dialect().delimiter(), CsvDialect.Quoting.PHP,
                    options.bom().orElse(t.dialect().bom()), t.dialect().lineEnding());
        } else {
            ctx.resolveMax(OptionalDouble.empty(), "");
            if (options.column().isPresent() && !options.column().get().equals(GRADE)) {
                ctx.warn("Moodle's worksheet has one grade column, always named 'Grade'; --column only renames it for "
                        + "localized worksheets");
            }
            boolean emails = ctx.rows().stream().anyMatch(r -> r.submission().identity().email().isPresent());
            List<String> header = new ArrayList<>(List.of(IDENTIFIER, "Full name"));
            if (emails) header.add("Email address");
            header.addAll(List.of("Status", options.column().orElse(GRADE), "Maximum Grade", "Grade can be changed",
                    "Last modified (submission)", LAST_MODIFIED_GRADE));
            if (options.comments()) header.add(FEEDBACK_COMMENTS);
            header.add(OVERRIDE);
            records.add(header);
            for (GradeRow r : ctx.rows()) {
                Optional<String> pid = Identities.moodleParticipantId(r.submission());
                if (pid.isEmpty()) {
                    ctx.skip(r, "no Moodle participant id (not imported from Moodle?); use --lms-template with the "
                            + "worksheet downloaded from Moodle to match by email or name");
                    continue;
                }
                double v = r.scaled(ctx.lmsMax);
                ctx.checkRange(r, v);
                List<String> row = new ArrayList<>();
                row.add("Participant " + pid.get());
                row.add(Texts.safeText(r.submission().student()));
                if (emails) row.add(Texts.safeText(r.submission().identity().email().orElse("")));
                row.add(r.submission().identity().late() ? "Submitted for grading - late" : "Submitted for grading");
                row.add(ctx.grade(v));
                row.add(ctx.grade(ctx.lmsMax));
                row.add("Yes");
                row.add(r.submission().identity().submittedAt()
                        .map(at -> MOODLE_DATE.format(at.atZone(options.zone()))).orElse("-"));
                row.add(now);
                if (options.comments()) row.add(Texts.htmlParagraphs(r.comment()));
                row.add(overrideCell(r, ctx));
                records.add(row);
                written++;
            }
            dialect = new CsvDialect(',', CsvDialect.Quoting.PHP, options.bom().orElse(true), "\n");
        }
        ExportContext.writeAtomically(out, dialect, records);
        return ctx.report(out, format(), written);
    }

    private static Map<GradeRow, List<Integer>> singles(Map<GradeRow, Integer> m) {
        Map<GradeRow, List<Integer>> out = new java.util.LinkedHashMap<>();
        m.forEach((r, i) -> out.put(r, List.of(i)));
        return out;
    }

    /**
     * Team submissions (the worksheet has a Group column, lms-exports.md §1.1): the number in a team's folder is the
     * Moodle group id, not a participant id, so ids are not used; the submission's label (the group name, or
     * "Default group") is matched against the Group column and every member's row gets the team's grade.
     */
    private static Map<GradeRow, List<Integer>> teams(CsvTable t, int group, ExportContext ctx) {
        Map<String, List<Integer>> byGroup = new java.util.HashMap<>();
        for (int i = 0; i < t.rows().size(); i++) {
            String g = Texts.nameKey(t.rows().get(i).get(group));
            if (!g.isEmpty()) byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
        }
        Map<GradeRow, List<Integer>> out = new java.util.LinkedHashMap<>();
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (GradeRow r : ctx.rows()) {
            String label = r.submission().student();
            List<Integer> members = byGroup.getOrDefault(Texts.nameKey(label), List.of());
            if (members.isEmpty()) {
                ctx.skip(r, "team '" + label + "' is not in the worksheet's Group column");
            } else if (members.stream().anyMatch(taken::contains)) {
                ctx.skip(r, "team '" + label + "' was already filled from another submission");
            } else {
                taken.addAll(members);
                out.put(r, members);
            }
        }
        ctx.warn("team assignment (the worksheet has a Group column): grades were matched by group name and copied to "
                + "every member of the group");
        return out;
    }

    static Optional<String> submissionKey(MatchKey k, GradeRow r) {
        var s = r.submission();
        return switch (k) {
            case ID -> Identities.moodleParticipantId(s);
            case LOGIN -> s.identity().login();
            case EMAIL -> s.identity().email();
            case NAME -> Optional.of(s.student());
        };
    }

    private static String overrideCell(GradeRow r, ExportContext ctx) {
        return r.overridden() ? "overridden (computed " + ctx.grade(r.computedScaled(ctx.lmsMax)) + ")" : "";
    }

    private static char detectDecimal(CsvTable t, int max, int grade) {
        for (List<String> row : t.rows()) {
            for (int c : new int[]{max, grade}) {
                String v = CsvTable.cell(row, c).orElse("");
                if (v.matches("\\d+,\\d+")) return ',';
                if (v.matches("\\d+\\.\\d+")) return '.';
            }
        }
        return '.';
    }

    private static OptionalDouble templateMax(CsvTable t, int max, ExportContext ctx) {
        if (max < 0) return OptionalDouble.empty();
        OptionalDouble found = OptionalDouble.empty();
        for (List<String> row : t.rows()) {
            OptionalDouble v = Texts.parseNumber(row.get(max));
            if (v.isEmpty()) continue;
            if (found.isPresent() && found.getAsDouble() != v.getAsDouble()) {
                ctx.warn("the worksheet lists different maximum grades; using " + Texts.number(found.getAsDouble(), 2, '.'));
                break;
            }
            found = v;
        }
        return found;
    }
}
