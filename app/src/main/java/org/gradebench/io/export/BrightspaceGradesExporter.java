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
 * D2L Brightspace "Grades → Import" CSV (lms-exports.md §4.2): a key column ({@code OrgDefinedId} or
 * {@code Username}), one {@code <Item> Points Grade} column and the {@code End-of-Line Indicator} column whose cells
 * are {@code #}.
 *
 * <p>Brightspace's assignment download names files by display name and numeric ids whose meaning is unverified, so
 * those ids are <em>not</em> used as OrgDefinedId unless {@link ExportOptions#orgDefinedIdFromLmsId()} says so;
 * without it rows are keyed by Username (the submission's login). The practical route is a template: the grades CSV
 * exported from Brightspace (with OrgDefinedId, Username, names, email), where students are found by login, email or
 * name and only the item's cells are filled. An unknown item name creates a new grade item on import, so pass
 * {@link ExportOptions#column()} with the item's exact name. A file that would have no student row (no submission
 * has a username, or nobody is found in the template) is refused with an {@code InvalidInputException} saying which
 * Brightspace file to export, never written: Brightspace would "import" it without error and change nothing. Overrides cannot get a column (it would be read as a
 * grade item): they are reported on the console only. Whether feedback text can be imported through this CSV is
 * unverified, so it is not written.
 */
public final class BrightspaceGradesExporter implements GradeExporter {
    static final String EOL = "End-of-Line Indicator";
    static final String POINTS_GRADE = " Points Grade";
    private static final Pattern MAX_POINTS = Pattern.compile("MaxPoints:\\s*([0-9]+(?:[.,][0-9]+)?)");

    @Override
    public ExportFormat format() {
        return ExportFormat.BRIGHTSPACE;
    }

    @Override
    public ExportReport write(GradeBook book, ExportOptions options, Path out) throws IOException, InvalidInputException {
        ExportContext ctx = new ExportContext(book, options);
        List<MatchKey> order = options.match().isEmpty()
                ? (options.orgDefinedIdFromLmsId() ? Identities.defaultOrder() : List.of(MatchKey.LOGIN, MatchKey.EMAIL, MatchKey.NAME))
                : options.match();
        List<List<String>> records = new ArrayList<>();
        int written = 0;
        CsvDialect dialect;
        if (options.template().isPresent()) {
            CsvTable t = ctx.template();
            int org = t.column(List.of("OrgDefinedId", "OrgDefinedID", "Org Defined ID"));
            int user = t.column("Username");
            if (org < 0 && user < 0) {
                throw new InvalidInputException(t.file(), 1, "is not a Brightspace grades file: no OrgDefinedId or Username column");
            }
            int col = findColumn(t, options.column().orElse(book.title()));
            Matcher mp = MAX_POINTS.matcher(t.header().get(col));
            ctx.resolveMax(mp.find() ? Texts.parseNumber(mp.group(1)) : OptionalDouble.empty(), "MaxPoints");
            int email = t.column("Email");
            int first = t.column("First Name");
            int last = t.column("Last Name");
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < t.rows().size(); i++) candidates.add(i);
            Map<GradeRow, Integer> matched = TemplateMatcher.match(t, candidates, ctx.rows(), order,
                    (k, row) -> switch (k) {
                        case ID -> CsvTable.cell(row, org);
                        case LOGIN -> CsvTable.cell(row, user);
                        case EMAIL -> CsvTable.cell(row, email);
                        case NAME -> first < 0 || last < 0 ? Optional.empty() : Optional.of(row.get(first) + " " + row.get(last));
                    },
                    BrightspaceGradesExporter::submissionKey, ctx);
            List<String> header = new ArrayList<>(t.header());
            int eol = t.column(EOL);
            if (eol < 0) {
                header.add(EOL);
                eol = header.size() - 1;
            }
            records.add(header);
            List<List<String>> rows = new ArrayList<>();
            for (List<String> r : t.rows()) {
                List<String> copy = new ArrayList<>(r);
                while (copy.size() < header.size()) copy.add("");
                if (copy.get(eol).isEmpty()) copy.set(eol, "#");
                rows.add(copy);
            }
            for (GradeRow r : ctx.rows()) {
                Integer i = matched.get(r);
                if (i == null) continue;
                double v = r.scaled(ctx.lmsMax);
                ctx.checkRange(r, v);
                rows.get(i).set(col, ctx.grade(v));
                written++;
            }
            if (written == 0 && !ctx.rows().isEmpty()) {
                // the template would go back unchanged: the TA would believe the grades were uploaded
                throw new InvalidInputException(t.file(), 0, "none of the " + ctx.rows().size() + " students was found "
                        + "in this Brightspace grades file (" + ctx.skipped.stream().filter(k -> !k.reason().equals(GradeBook.OLDER_ATTEMPT))
                        .limit(3).map(k -> k.student() + ": " + k.reason()).reduce((x, y) -> x + "; " + y).orElse("")
                        + "). Export the grades of this course's class list from Brightspace (Grades > Export, with "
                        + "Username, Org Defined ID, First and Last Name and Email ticked) and use that file.");
            }
            records.addAll(rows);
            dialect = new CsvDialect(t.dialect().delimiter(), CsvDialect.Quoting.MINIMAL,
                    options.bom().orElse(t.dialect().bom()), t.dialect().lineEnding());
        } else {
            String item = options.column().orElse(book.title()).strip();
            String column = item.contains(POINTS_GRADE.strip()) ? item : item + POINTS_GRADE;
            Matcher mp = MAX_POINTS.matcher(column);
            ctx.resolveMax(mp.find() ? Texts.parseNumber(mp.group(1)) : OptionalDouble.empty(), "MaxPoints");
            if (options.column().isEmpty()) {
                ctx.warn("Brightspace creates a new grade item when '" + item + "' is not the exact name of an existing "
                        + "one; pass --column with the item's name");
            }
            String key = options.orgDefinedIdFromLmsId() ? "OrgDefinedId" : "Username";
            if (!ctx.rows().isEmpty() && ctx.rows().stream().allMatch(r -> keyOf(r, options).isEmpty())) {
                // A file of nothing but a header would "import" without error and change no grade: refuse instead.
                throw new InvalidInputException(null, 0, options.orgDefinedIdFromLmsId()
                        ? "none of the " + ctx.rows().size() + " submissions has an LMS id to use as OrgDefinedId, so "
                        + "no Brightspace row can be written. " + NEED_GRADES_EXPORT
                        : "a Brightspace submissions download has no Username or OrgDefinedId, and Brightspace's grade "
                        + "import needs one of them, so none of the " + ctx.rows().size() + " students could be "
                        + "written. " + NEED_GRADES_EXPORT);
            }
            records.add(List.of(key, column, EOL));
            for (GradeRow r : ctx.rows()) {
                Optional<String> k = keyOf(r, options);
                if (k.isEmpty()) {
                    ctx.skip(r, options.orgDefinedIdFromLmsId() ? "no LMS id to use as OrgDefinedId"
                            : "no Brightspace username (login); use --lms-template with the grades CSV exported from "
                            + "Brightspace to match by email or name, or --orgdefinedid-from-id");
                    continue;
                }
                double v = r.scaled(ctx.lmsMax);
                ctx.checkRange(r, v);
                records.add(List.of(k.get().strip(), ctx.grade(v), "#"));
                written++;
            }
            dialect = new CsvDialect(',', CsvDialect.Quoting.MINIMAL, options.bom().orElse(false), "\r\n");
        }
        ExportContext.writeAtomically(out, dialect, records);
        return ctx.report(out, format(), written);
    }

    /** What to tell a TA who has no usable key: the exact file to download and how to pass it. */
    static final String NEED_GRADES_EXPORT = "In Brightspace open Grades > Export, choose 'Org Defined ID' and "
            + "'Username' as key fields, tick 'First Name', 'Last Name' and 'Email' under user details and this grade "
            + "item, export as CSV, and pass that file as the LMS grade file (gradebench export --lms-template FILE, "
            + "or 'LMS grade file' in the export dialog): students are then found by email or name and only the "
            + "grades are filled in.";

    private static Optional<String> keyOf(GradeRow r, ExportOptions options) {
        Optional<String> k = options.orgDefinedIdFromLmsId() ? r.submission().identity().lmsId() : r.submission().identity().login();
        return k.filter(v -> !v.isBlank());
    }

    static Optional<String> submissionKey(MatchKey k, GradeRow r) {
        var s = r.submission();
        return switch (k) {
            case ID -> s.identity().lmsId();
            case LOGIN -> s.identity().login();
            case EMAIL -> s.identity().email();
            case NAME -> Optional.of(s.student());
        };
    }

    /** Exact header; else "<item> Points Grade" optionally followed by Brightspace's "<Numeric MaxPoints:...>". */
    static int findColumn(CsvTable t, String item) throws InvalidInputException {
        String w = item.strip();
        int exact = t.column(w);
        if (exact >= 0 && w.contains(POINTS_GRADE.strip())) return exact;
        String base = w.endsWith(POINTS_GRADE) ? w.substring(0, w.length() - POINTS_GRADE.length()) : w;
        List<String> options = new ArrayList<>();
        for (int i = 0; i < t.header().size(); i++) {
            String h = t.header().get(i).strip();
            if (h.equals(base + POINTS_GRADE) || h.startsWith(base + POINTS_GRADE + " <")) return i;
            if (h.contains(POINTS_GRADE)) options.add(h);
        }
        throw new InvalidInputException(t.file(), 1, "has no '" + base + POINTS_GRADE + "' column; pass --column with one of: "
                + (options.isEmpty() ? "(no Points Grade columns found)" : String.join(" | ", options)));
    }
}
