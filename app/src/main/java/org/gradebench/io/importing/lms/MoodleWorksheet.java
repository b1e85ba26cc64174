package org.gradebench.io.importing.lms;

import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.io.importing.ImportOptions;
import org.gradebench.io.importing.archive.ArchiveFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Moodle's offline grading worksheet CSV (lms-exports.md §1.2), read for what the submissions zip does not say: who
 * was late (the Status cell, e.g. "Submitted for grading - 1 day 2 hours late - Graded"), the email and username
 * (when the site shows them), the full name with the apostrophes Moodle strips from folder names, and the
 * submission time. Rows are keyed by participant id, the number in the Identifier cell ("Participant 1834521"),
 * which is the number in the zip's folder names.
 *
 * <p>Where it comes from, in order: {@link ImportOptions#moodleWorksheet()}; else a worksheet CSV among the
 * download's top-level entries (the TA dropped it into the folder); else, next to the archive or folder the TA gave,
 * a CSV named {@code <anything>-<that name>.csv}: Moodle names the zip {@code <course>-<assignment>-<cmid>.zip}
 * and the worksheet {@code Grades-<course>-<assignment>-<cmid>.csv} ("Grades" is localized). A file is only taken
 * when its header has a Status column and its first column holds participant identifiers; two candidates in the
 * same place are ambiguous and neither is used (with a warning).
 *
 * <p>Team assignments (a Group column): folders carry a group id, not a participant id, so teams are matched by
 * group name instead, and a team is late when its members' rows say so.
 */
final class MoodleWorksheet {
    private static final Pattern IDENTIFIER = Pattern.compile("^\\D*?(\\d+)\\s*$");
    private static final List<String> STATUS = List.of("status", "estado", "statut", "stato", "estat");
    private static final List<String> FULL_NAME = List.of("full name", "vollständiger name", "nom complet",
            "nombre completo", "nome completo", "nom", "volledige naam");
    private static final List<String> GROUP = List.of("group", "gruppe", "groupe", "grupo", "gruppo", "groep");
    private static final List<String> SUBMITTED = List.of("last modified (submission)");
    /** userdate() with strftimedaydatetime, English: "Thursday, 7 March 2024, 2:05 PM". */
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy, h:mm a", Locale.ENGLISH);

    record Row(String participantId, int line, Optional<String> fullName, Optional<String> email,
               Optional<String> username, String status, boolean late, Optional<String> group,
               Optional<Instant> submittedAt) {
    }

    final Path file;
    final Map<String, Row> byParticipant;
    final boolean teams;

    private MoodleWorksheet(Path file, Map<String, Row> byParticipant, boolean teams) {
        this.file = file;
        this.byParticipant = byParticipant;
        this.teams = teams;
    }

    /** The worksheet's rows of one group (team assignments); names compared as Moodle cleans folder names. */
    List<Row> group(String folderLabel) {
        String key = cleanKey(folderLabel);
        return byParticipant.values().stream().filter(r -> r.group().map(MoodleWorksheet::cleanKey).orElse("").equals(key)).toList();
    }

    /** Moodle's clean_filename drops these from names in the zip (§1.4); the worksheet keeps them. */
    static String cleanKey(String name) {
        return name.replaceAll("[&<>\"`|':\\\\/\\p{Cntrl}]", "").replace('_', ' ').strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a worksheet.
     *
     * @throws InvalidInputException not a Moodle grading worksheet (names the file and what is missing)
     */
    static MoodleWorksheet read(Path file, ImportOptions options) throws IOException, InvalidInputException {
        if (!Files.isRegularFile(file)) throw new InvalidInputException(file, "the Moodle grading worksheet does not exist");
        List<List<String>> rows = LmsFiles.readCsv(file);
        if (rows.isEmpty()) throw new InvalidInputException(file, 1, "is empty, not a Moodle grading worksheet");
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int status = index(header, STATUS);
        if (status < 0) {
            throw new InvalidInputException(file, 1, "is not a Moodle grading worksheet: no Status column (download it "
                    + "with Assignment > View all submissions > Grading action > Download grading worksheet)");
        }
        int email = -1;
        for (int i = 0; i < header.size() && email < 0; i++) if (header.get(i).contains("mail")) email = i;
        int username = header.indexOf("username");
        int fullName = index(header, FULL_NAME);
        int group = index(header, GROUP);
        int submitted = index(header, SUBMITTED);
        Map<String, Row> out = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            Matcher m = IDENTIFIER.matcher(cell(row, 0));
            if (!m.matches()) {
                throw new InvalidInputException(file, r + 1, "is not a Moodle grading worksheet: the first column should "
                        + "be an identifier like 'Participant 1834521', not '" + cell(row, 0) + "'");
            }
            String st = cell(row, status);
            out.put(m.group(1), new Row(m.group(1), r + 1, present(cell(row, fullName)), present(cell(row, email)),
                    present(cell(row, username)), st, late(st, options.moodleLateMarkers()), present(cell(row, group)),
                    date(cell(row, submitted), options)));
        }
        return new MoodleWorksheet(file, out, group >= 0);
    }

    /** Whether a Status cell says late: one of the markers as a whole word ("2 hours late", not "latent"). */
    static boolean late(String status, List<String> markers) {
        String s = status.toLowerCase(Locale.ROOT);
        for (String marker : markers) {
            Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(marker.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])",
                    Pattern.UNICODE_CHARACTER_CLASS);
            if (p.matcher(s).find()) return true;
        }
        return false;
    }

    private static Optional<Instant> date(String cell, ImportOptions options) {
        if (cell.isEmpty() || cell.equals("-")) return Optional.empty();
        try {
            return Optional.of(LocalDateTime.parse(cell, ENGLISH_DATE).atZone(options.timeZone()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty(); // another language: the time is a nicety, the late flag comes from Status
        }
    }

    /** Whether a CSV looks like a grading worksheet (header with Status, first data cell a participant identifier). */
    static boolean looksLike(Path csv) {
        try {
            List<List<String>> rows = LmsFiles.readCsv(csv);
            if (rows.size() < 2) return false;
            List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            return index(header, STATUS) > 0 && IDENTIFIER.matcher(cell(rows.get(1), 0)).matches()
                    && !cell(rows.get(1), 0).chars().allMatch(Character::isDigit);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The worksheet to use for a Moodle download, or empty (see the class comment for where it is looked for).
     *
     * @param rootCsvs top-level CSV files of the download
     */
    static Optional<Path> locate(ImportOptions options, List<Path> rootCsvs, Path input, List<String> warnings) throws IOException {
        if (options.moodleWorksheet().isPresent()) return options.moodleWorksheet();
        List<Path> inside = rootCsvs.stream().filter(MoodleWorksheet::looksLike).toList();
        if (inside.size() == 1) return Optional.of(inside.get(0));
        if (inside.size() > 1) {
            warnings.add(input.getFileName() + ": " + inside.size() + " Moodle grading worksheets inside; none used "
                    + "(late flags unknown): keep one, or pass --lms-worksheet FILE");
            return Optional.empty();
        }
        Path dir = input.getParent();
        if (dir == null || input.getFileName() == null || !Files.isDirectory(dir)) return Optional.empty();
        String base = ArchiveFormat.stripArchiveExtension(input.getFileName().toString());
        String suffix = ("-" + base + ".csv").toLowerCase(Locale.ROOT);
        List<Path> beside = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix))
                    .filter(MoodleWorksheet::looksLike).sorted().forEach(beside::add);
        }
        if (beside.size() == 1) return Optional.of(beside.get(0));
        if (beside.size() > 1) {
            warnings.add(input.getFileName() + ": several grading worksheets next to it (" + beside.stream()
                    .map(p -> p.getFileName().toString()).reduce((a, b) -> a + ", " + b).orElse("")
                    + "); none used (late flags unknown): pass --lms-worksheet FILE");
        }
        return Optional.empty();
    }

    private static int index(List<String> header, List<String> aliases) {
        for (String a : aliases) {
            int i = header.indexOf(a);
            if (i >= 0) return i;
        }
        return -1;
    }

    private static String cell(List<String> row, int i) {
        return i >= 0 && i < row.size() ? row.get(i).strip() : "";
    }

    private static Optional<String> present(String v) {
        return v.isEmpty() || v.equals("-") ? Optional.empty() : Optional.of(v);
    }

}
