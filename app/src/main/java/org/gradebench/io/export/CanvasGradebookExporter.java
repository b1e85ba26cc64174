package org.gradebench.io.export;

import org.gradebench.core.assignment.InvalidInputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canvas gradebook CSV for "Import" in the Gradebook (lms-exports.md §2.2).
 *
 * <p>Canvas matches students by {@code ID} (user id), then SIS ids, then exact name, and an assignment column by the
 * {@code (<assignment id>)} at the end of its header, else by exact title, <b>else it creates a new assignment</b>. So
 * pass {@link ExportOptions#column()} as shown in the gradebook export ({@code "Essay 1 (128834)"}); without the id a
 * warning is given. For the same reason no extra column (such as an override flag) can be added: overrides are
 * reported on the console only. The {@code "    Points Possible"} row (four leading spaces) carries the maximum.
 * Scores have 2 decimals; UTF-8 without byte-order mark (Canvas's default download), comma separated.
 *
 * <p>Anonymous-grading ids ({@code anon_xxxxx}) are not user ids and cannot be imported through the gradebook:
 * those rows are skipped. With a template (the gradebook CSV exported from Canvas) every column is kept and only the
 * grade item's cells of matched students are replaced.
 */
public final class CanvasGradebookExporter implements GradeExporter {
    static final String POINTS_POSSIBLE = "    Points Possible";
    private static final Pattern WITH_ID = Pattern.compile("\\A(.*)\\s\\((\\d+)\\)\\z");

    @Override
    public ExportFormat format() {
        return ExportFormat.CANVAS;
    }

    @Override
    public ExportReport write(GradeBook book, ExportOptions options, Path out) throws IOException, InvalidInputException {
        ExportContext ctx = new ExportContext(book, options);
        List<List<String>> records = new ArrayList<>();
        int written = 0;
        CsvDialect dialect;
        if (options.template().isPresent()) {
            CsvTable t = ctx.template();
            int id = t.column("ID");
            int student = t.column("Student");
            int first = t.column("FirstName");
            int last = t.column("LastName");
            if (id < 0 || (student < 0 && (first < 0 || last < 0))) {
                throw new InvalidInputException(t.file(), 1, "is not a Canvas gradebook export: the header needs Student "
                        + "(or LastName, FirstName) and ID");
            }
            int col = findColumn(t, options.column(), book.title());
            int pointsRow = -1;
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < t.rows().size(); i++) {
                List<String> row = t.rows().get(i);
                String firstCell = row.get(0).strip();
                if (firstCell.equalsIgnoreCase("Points Possible")) pointsRow = i;
                else if (row.get(id).isBlank() && (firstCell.startsWith("Manual Posting") || firstCell.startsWith("Muted")
                        || row.stream().allMatch(String::isBlank))) continue;
                else candidates.add(i);
            }
            OptionalDouble templateMax = pointsRow < 0 ? OptionalDouble.empty() : Texts.parseNumber(t.rows().get(pointsRow).get(col));
            ctx.resolveMax(templateMax, "Points Possible");
            if (options.decimalSeparator().isEmpty() && pointsRow >= 0 && t.rows().get(pointsRow).get(col).matches("\\d+,\\d+")) {
                ctx.decimal = ',';
            }
            int login = t.column("SIS Login ID");
            Map<GradeRow, Integer> matched = TemplateMatcher.match(t, candidates, anonymousSkipped(book, ctx),
                    options.match().isEmpty() ? Identities.defaultOrder() : options.match(),
                    (k, row) -> switch (k) {
                        case ID -> CsvTable.cell(row, id);
                        case LOGIN -> CsvTable.cell(row, login);
                        case EMAIL -> Optional.empty();
                        case NAME -> student >= 0 ? CsvTable.cell(row, student)
                                : Optional.of(row.get(first) + " " + row.get(last));
                    },
                    CanvasGradebookExporter::submissionKey, ctx);
            records.add(t.header());
            List<List<String>> rows = new ArrayList<>();
            t.rows().forEach(r -> rows.add(new ArrayList<>(r)));
            for (GradeRow r : ctx.rows()) {
                Integer i = matched.get(r);
                if (i == null) continue;
                double v = r.scaled(ctx.lmsMax);
                ctx.checkRange(r, v);
                rows.get(i).set(col, ctx.grade(v));
                written++;
            }
            records.addAll(rows);
            dialect = new CsvDialect(t.dialect().delimiter(), CsvDialect.Quoting.MINIMAL,
                    options.bom().orElse(t.dialect().bom()), t.dialect().lineEnding());
        } else {
            ctx.resolveMax(OptionalDouble.empty(), "");
            String column = options.column().orElse(book.title());
            if (!WITH_ID.matcher(column).matches()) {
                ctx.warn("the Canvas column '" + column + "' has no '(assignment id)': Canvas will match it by exact title "
                        + "or create a new assignment; pass --column \"Title (id)\" as in your gradebook export");
            }
            boolean logins = ctx.rows().stream().anyMatch(r -> r.submission().identity().login().isPresent());
            List<String> header = new ArrayList<>(List.of("Student", "ID"));
            if (logins) header.add("SIS Login ID");
            header.add("Section");
            header.add(column);
            records.add(header);
            List<String> points = new ArrayList<>();
            points.add(POINTS_POSSIBLE);
            while (points.size() < header.size() - 1) points.add("");
            points.add(ctx.grade(ctx.lmsMax));
            records.add(points);
            for (GradeRow r : anonymousSkipped(book, ctx)) {
                Optional<String> uid = Identities.canvasUserId(r.submission());
                Optional<String> login = r.submission().identity().login();
                if (uid.isEmpty() && login.isEmpty()) {
                    ctx.skip(r, "no Canvas user id or login (not imported from Canvas?); use --lms-template with the "
                            + "gradebook CSV exported from Canvas to match by name");
                    continue;
                }
                double v = r.scaled(ctx.lmsMax);
                ctx.checkRange(r, v);
                List<String> row = new ArrayList<>();
                // With an ID present the name is informational, so it can be defused; Canvas matches by ID first.
                row.add(uid.isPresent() ? Texts.safeText(r.submission().student()) : r.submission().student());
                row.add(uid.orElse(""));
                if (logins) row.add(login.orElse(""));
                row.add("");
                row.add(ctx.grade(v));
                records.add(row);
                written++;
            }
            dialect = new CsvDialect(',', CsvDialect.Quoting.MINIMAL, options.bom().orElse(false), "\r\n");
        }
        ExportContext.writeAtomically(out, dialect, records);
        return ctx.report(out, format(), written);
    }

    private static List<GradeRow> anonymousSkipped(GradeBook book, ExportContext ctx) {
        List<GradeRow> keep = new ArrayList<>();
        for (GradeRow r : ctx.rows()) {
            if (Identities.canvasAnonymous(r.submission())) {
                ctx.skip(r, "anonymous grading id: Canvas's gradebook import needs user ids; enter this grade in "
                        + "SpeedGrader or export after anonymity is lifted");
            } else {
                keep.add(r);
            }
        }
        return keep;
    }

    static Optional<String> submissionKey(MatchKey k, GradeRow r) {
        var s = r.submission();
        return switch (k) {
            case ID -> Identities.canvasUserId(s);
            case LOGIN -> s.identity().login();
            case EMAIL -> s.identity().email();
            case NAME -> Optional.of(s.student());
        };
    }

    /** The grade item's column: exact header, else same assignment id, else the title with or without an id. */
    static int findColumn(CsvTable t, Optional<String> wanted, String title) throws InvalidInputException {
        List<Integer> assignments = new ArrayList<>();
        for (int i = 0; i < t.header().size(); i++) {
            if (WITH_ID.matcher(t.header().get(i).strip()).matches()) assignments.add(i);
        }
        if (wanted.isPresent()) {
            String w = wanted.get().strip();
            int exact = t.column(w);
            if (exact >= 0) return exact;
            Matcher m = WITH_ID.matcher(w);
            String id = m.matches() ? m.group(2) : w.matches("\\d+") ? w : null;
            if (id != null) {
                for (int i : assignments) {
                    Matcher h = WITH_ID.matcher(t.header().get(i).strip());
                    if (h.matches() && h.group(2).equals(id)) return i;
                }
            }
            for (int i : assignments) {
                Matcher h = WITH_ID.matcher(t.header().get(i).strip());
                if (h.matches() && h.group(1).strip().equals(w)) return i;
            }
            throw noColumn(t, "'" + w + "'", assignments);
        }
        List<Integer> byTitle = new ArrayList<>();
        for (int i : assignments) {
            Matcher h = WITH_ID.matcher(t.header().get(i).strip());
            if (h.matches() && h.group(1).strip().equals(title.strip())) byTitle.add(i);
        }
        if (byTitle.size() == 1) return byTitle.get(0);
        throw noColumn(t, byTitle.isEmpty() ? "titled '" + title + "'" : "unique for '" + title + "'", assignments);
    }

    private static InvalidInputException noColumn(CsvTable t, String what, List<Integer> candidates) {
        List<String> names = candidates.stream().map(i -> t.header().get(i)).toList();
        return new InvalidInputException(t.file(), 1, "has no assignment column " + what + "; pass --column with one of: "
                + (names.isEmpty() ? "(none found)" : String.join(" | ", names)));
    }
}
