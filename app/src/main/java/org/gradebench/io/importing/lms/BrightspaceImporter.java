package org.gradebench.io.importing.lms;

import org.gradebench.core.submission.Submission;
import org.gradebench.io.importing.ImportOptions;
import org.gradebench.io.importing.ImportSession;
import org.gradebench.io.importing.LayoutImporter;
import org.gradebench.io.importing.SubmissionFormat;
import org.gradebench.io.importing.SupersededAttempt;
import org.gradebench.io.importing.archive.Folders;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * D2L Brightspace assignment download (lms-exports.md §4.1): {@code index.html} plus flat files
 * {@code <n>-<n> - <Name> - <Mon D, YYYY HMM AM> - <file>}, or (unverified variant) one folder per submission
 * {@code <n>-<n> - <Name> - <date>/}. Parsing anchors on the date, so {@code " - "} inside names and file names is
 * fine. Every resubmission is present: the newest per student wins, the others are superseded.
 *
 * <p>The meaning of the numeric prefix is unverified (it differs between a student's submissions), so the
 * submission id is the student's display name as Brightspace wrote it; {@code lmsId} carries the numeric prefix of
 * the submission that was kept. {@code index.html} is ignored.
 */
public final class BrightspaceImporter implements LayoutImporter {

    static final Pattern ENTRY = Pattern.compile(
            "^(?<ids>\\d+(?:-\\d+)?) - (?<name>.+?) - (?<date>[A-Z][a-z]{2} \\d{1,2}, \\d{4} \\d{3,4} [AP]M)(?: - (?<fname>.+))?$");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, uuuu h mm a", Locale.ENGLISH);

    @Override
    public SubmissionFormat format() {
        return SubmissionFormat.BRIGHTSPACE;
    }

    @Override
    public boolean matches(Path root, ImportOptions options) throws IOException {
        List<Path> kids = new ArrayList<>(Folders.children(root));
        kids.removeIf(p -> LmsFiles.name(p).equalsIgnoreCase("index.html"));
        return LmsFiles.mostly(kids, p -> matchEntry(p) != null);
    }

    private static Matcher matchEntry(Path p) {
        Matcher m = ENTRY.matcher(LmsFiles.name(p));
        if (!m.matches()) return null;
        boolean file = m.group("fname") != null;
        return file ? (LmsFiles.isFile(p) ? m : null) : (LmsFiles.isDir(p) ? m : null);
    }

    private static final class Sub {
        final String ids;
        final String name;
        final String date;
        final Optional<LocalDateTime> when;
        final List<Path> files = new ArrayList<>();
        final List<String> fileNames = new ArrayList<>();
        final List<Path> dirs = new ArrayList<>();

        Sub(String ids, String name, String date) {
            this.ids = ids;
            this.name = name;
            this.date = date;
            this.when = parseDate(date);
        }

        long firstId() {
            String first = ids.contains("-") ? ids.substring(0, ids.indexOf('-')) : ids;
            try {
                return Long.parseLong(first);
            } catch (NumberFormatException e) {
                return Long.MAX_VALUE;
            }
        }
    }

    @Override
    public SubmissionFormat read(ImportSession s) throws IOException {
        Map<String, Sub> subs = new LinkedHashMap<>();
        for (Path p : s.rootEntries()) {
            String n = LmsFiles.name(p);
            if (n.equalsIgnoreCase("index.html")) continue;
            Matcher m = matchEntry(p);
            if (m == null) {
                s.warn(s.inputLabel() + ": " + n + ": ignored: not a Brightspace submission name");
                continue;
            }
            String ids = m.group("ids");
            String firstId = ids.contains("-") ? ids.substring(0, ids.indexOf('-')) : ids;
            // One submission = same first number, student and time; its files each have their own second number.
            String key = firstId + "\u0000" + m.group("name") + "\u0000" + m.group("date");
            Sub sub = subs.computeIfAbsent(key, k -> new Sub(ids, m.group("name"), m.group("date")));
            if (m.group("fname") != null) {
                sub.files.add(p);
                sub.fileNames.add(m.group("fname"));
            } else sub.dirs.add(p);
        }
        Map<String, List<Sub>> byStudent = new LinkedHashMap<>();
        for (Sub sub : subs.values()) byStudent.computeIfAbsent(sub.name, k -> new ArrayList<>()).add(sub);
        for (Map.Entry<String, List<Sub>> e : byStudent.entrySet()) {
            List<Sub> list = e.getValue();
            list.sort(Comparator.comparing((Sub x) -> x.when.orElse(LocalDateTime.MIN)).thenComparingLong(Sub::firstId));
            String student = e.getKey();
            for (int i = 0; i < list.size(); i++) {
                Sub sub = list.get(i);
                boolean latest = i == list.size() - 1;
                boolean returned = latest || !s.options().latestAttemptOnly();
                String id = latest ? student : student + "#" + (i + 1);
                Path folder = returned ? s.newFolder(ImportSession.SUBMISSIONS, id)
                        : s.newFolder(ImportSession.SUPERSEDED, student + "_" + sub.ids);
                for (int f = 0; f < sub.files.size(); f++) s.placeFile(sub.files.get(f), folder, sub.fileNames.get(f));
                for (Path d : sub.dirs) s.placeTree(d, folder);
                Optional<Instant> at = sub.when.map(t -> t.atZone(s.options().timeZone()).toInstant());
                if (sub.when.isEmpty())
                    s.warn(s.inputLabel() + ": " + student + ": unreadable date '" + sub.date + "'");
                if (returned)
                    s.add(new Submission(id, student, folder, new Submission.Identity("brightspace",
                            Optional.of(sub.ids), Optional.empty(), Optional.empty(), false, at, i + 1)));
                else
                    s.supersede(new SupersededAttempt(student, i + 1, sub.date, folder, at));
            }
        }
        return SubmissionFormat.BRIGHTSPACE;
    }

    /** {@code "May 12, 2020 1104 PM"}: the time has no colon, so split its last two digits off as minutes. */
    static Optional<LocalDateTime> parseDate(String date) {
        Matcher m = Pattern.compile("^(.+ \\d{4}) (\\d{1,2})(\\d{2}) ([AP]M)$").matcher(date);
        if (!m.matches()) return Optional.empty();
        try {
            return Optional.of(LocalDateTime.parse(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4),
                    DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
