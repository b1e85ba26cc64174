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
 * Blackboard Learn (Original) Grade Center "Work Offline → Upload" file, comma-delimited (lms-exports.md §3.2).
 *
 * <p>The student key is {@code Username}; a grade column is matched by the {@code |<column id>} at the end of its
 * header, and a column without an id becomes a <b>new text column</b> on upload. So pass
 * {@link ExportOptions#column()} as in a Grade Center download ({@code "Essay 1 [Total Pts: 100 Score] |92376"}),
 * or use a template. Comma-delimited uploads must quote every value, which this writer does. Last/First Name are
 * informational (split on the last space of the display name). No column can be added for overrides (it would become a
 * Grade Center column): they are reported on the console only.
 *
 * <p>With a template (a Grade Center download, comma or tab delimited, UTF-8), everything is kept; matched rows get
 * the grade, and with {@link ExportOptions#comments()} the comment in {@code Feedback to Learner} (with
 * {@code Feedback Format} = {@code HTML}) when the download has those columns (single-column downloads with
 * comments; the other Feedback Format values are unverified). Tab-delimited {@code .xls} downloads encoded in
 * UTF-16 are refused with a message: save them as UTF-8 first.
 */
public final class BlackboardGradeCenterExporter implements GradeExporter {
    private static final Pattern COLUMN_ID = Pattern.compile("\\|\\s*(\\d+)\\s*$");
    private static final Pattern TOTAL_PTS = Pattern.compile("\\[Total Pts:\\s*(?:up to\\s*)?([0-9]+(?:[.,][0-9]+)?)");

    @Override
    public ExportFormat format() {
        return ExportFormat.BLACKBOARD;
    }

    @Override
    public ExportReport write(GradeBook book, ExportOptions options, Path out) throws IOException, InvalidInputException {
        ExportContext ctx = new ExportContext(book, options);
        List<List<String>> records = new ArrayList<>();
        int written = 0;
        CsvDialect dialect;
        if (options.template().isPresent()) {
            CsvTable t = ctx.template();
            int user = t.column("Username");
            if (user < 0) throw new InvalidInputException(t.file(), 1, "is not a Grade Center download: no Username column");
            int col = findColumn(t, options.column(), book.title());
            ctx.resolveMax(totalPoints(t.header().get(col)), "Total Pts");
            int first = t.column("First Name");
            int last = t.column("Last Name");
            int feedback = t.column("Feedback to Learner");
            int feedbackFormat = t.column("Feedback Format");
            if (options.comments() && feedback < 0) {
                ctx.warn("the download has no 'Feedback to Learner' column (download a single column with comments): "
                        + "comments are not exported");
            }
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < t.rows().size(); i++) candidates.add(i);
            Map<GradeRow, Integer> matched = TemplateMatcher.match(t, candidates, ctx.rows(),
                    options.match().isEmpty() ? Identities.defaultOrder() : options.match(),
                    (k, row) -> switch (k) {
                        case ID, LOGIN -> CsvTable.cell(row, user);
                        case EMAIL -> CsvTable.cell(row, t.column("Email"));
                        case NAME -> first < 0 || last < 0 ? Optional.empty() : Optional.of(row.get(first) + " " + row.get(last));
                    },
                    BlackboardGradeCenterExporter::submissionKey, ctx);
            records.add(t.header());
            List<List<String>> rows = new ArrayList<>();
            t.rows().forEach(r -> rows.add(new ArrayList<>(r)));
            for (GradeRow r : ctx.rows()) {
                Integer i = matched.get(r);
                if (i == null) continue;
                double v = r.scaled(ctx.lmsMax);
                ctx.checkRange(r, v);
                rows.get(i).set(col, ctx.grade(v));
                if (options.comments() && feedback >= 0 && !r.comment().isBlank()) {
                    rows.get(i).set(feedback, Texts.htmlParagraphs(r.comment()));
                    if (feedbackFormat >= 0) rows.get(i).set(feedbackFormat, "HTML");
                }
                written++;
            }
            records.addAll(rows);
            dialect = new CsvDialect(t.dialect().delimiter(),
                    t.dialect().delimiter() == ',' ? CsvDialect.Quoting.ALL : CsvDialect.Quoting.MINIMAL,
                    options.bom().orElse(t.dialect().bom()), t.dialect().lineEnding());
        } else {
            String column = options.column().orElse(book.title());
            OptionalDouble headerMax = totalPoints(column);
            ctx.resolveMax(headerMax, "Total Pts");
            if (options.column().isEmpty()) {
                column = book.title() + " [Total Pts: " + Texts.number(ctx.lmsMax, 2, '.').replaceAll("\\.00$", "") + " Score]";
            }
            if (!COLUMN_ID.matcher(column).find()) {
                ctx.warn("the Blackboard column '" + column + "' has no '|column id': the upload will create a new "
                        + "column; pass --column as in a Grade Center download (\"Name [Total Pts: 100 Score] |12345\")");
            }
            records.add(List.of("Last Name", "First Name", "Username", column));
            for (GradeRow r : ctx.rows()) {
                Optional<String> username = Identities.blackboardUsername(r.submission());
                if (username.isEmpty()) {
                    ctx.skip(r, "no Blackboard username (not imported from Blackboard and no login); use --lms-template "
                            + "with a Grade Center download to match by name");
                    continue;
                }
                double v = r.scaled(ctx.lmsMax);
                ctx.checkRange(r, v);
                String[] fl = Identities.firstLast(r.submission().student());
                records.add(List.of(Texts.safeText(fl[1]), Texts.safeText(fl[0]), username.get(), ctx.grade(v)));
                written++;
            }
            dialect = new CsvDialect(',', CsvDialect.Quoting.ALL, options.bom().orElse(false), "\r\n");
        }
        ExportContext.writeAtomically(out, dialect, records);
        return ctx.report(out, format(), written);
    }

    static Optional<String> submissionKey(MatchKey k, GradeRow r) {
        var s = r.submission();
        return switch (k) {
            case ID -> Identities.blackboardUsername(s);
            case LOGIN -> s.identity().login();
            case EMAIL -> s.identity().email();
            case NAME -> Optional.of(s.student());
        };
    }

    static OptionalDouble totalPoints(String header) {
        Matcher m = TOTAL_PTS.matcher(header);
        return m.find() ? Texts.parseNumber(m.group(1)) : OptionalDouble.empty();
    }

    /** Exact header, else same "|column id", else the one header whose name (before " [") is the title. */
    static int findColumn(CsvTable t, Optional<String> wanted, String title) throws InvalidInputException {
        List<Integer> gradeColumns = new ArrayList<>();
        for (int i = 0; i < t.header().size(); i++) {
            if (COLUMN_ID.matcher(t.header().get(i)).find()) gradeColumns.add(i);
        }
        if (wanted.isPresent()) {
            String w = wanted.get().strip();
            int exact = t.column(w);
            if (exact >= 0) return exact;
            Matcher m = COLUMN_ID.matcher(w);
            String id = m.find() ? m.group(1) : w.matches("\\d+") ? w : null;
            if (id != null) {
                for (int i : gradeColumns) {
                    Matcher h = COLUMN_ID.matcher(t.header().get(i));
                    if (h.find() && h.group(1).equals(id)) return i;
                }
            }
            List<Integer> byName = byName(t, gradeColumns, w);
            if (byName.size() == 1) return byName.get(0);
            throw noColumn(t, "'" + w + "'", gradeColumns);
        }
        List<Integer> byName = byName(t, gradeColumns, title);
        if (byName.size() == 1) return byName.get(0);
        throw noColumn(t, "named '" + title + "'", gradeColumns);
    }

    private static List<Integer> byName(CsvTable t, List<Integer> columns, String name) {
        List<Integer> out = new ArrayList<>();
        for (int i : columns) {
            String h = t.header().get(i);
            int bracket = h.indexOf(" [");
            String n = (bracket >= 0 ? h.substring(0, bracket) : h.replaceAll("\\|\\s*\\d+\\s*$", "")).strip();
            if (n.equals(name.strip())) out.add(i);
        }
        return out;
    }

    private static InvalidInputException noColumn(CsvTable t, String what, List<Integer> candidates) {
        List<String> names = candidates.stream().map(i -> t.header().get(i)).toList();
        return new InvalidInputException(t.file(), 1, "has no grade column " + what + "; pass --column with one of: "
                + (names.isEmpty() ? "(none found)" : String.join(" | ", names)));
    }
}
