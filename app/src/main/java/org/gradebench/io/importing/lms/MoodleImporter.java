package org.gradebench.io.importing.lms;

import org.gradebench.core.submission.Submission;
import org.gradebench.io.importing.ImportOptions;
import org.gradebench.io.importing.ImportSession;
import org.gradebench.io.importing.LayoutImporter;
import org.gradebench.io.importing.SubmissionFormat;
import org.gradebench.io.importing.archive.Folders;

import org.gradebench.core.assignment.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moodle "Download all submissions" (lms-exports.md §1.1): folder mode of 4.1+ ({@code NAME_ID_assignsubmission_file/}),
 * 3.1–4.0 (same with a trailing {@code _}), flat mode ({@code NAME_ID_assignsubmission_file_FILE}), online text,
 * several plugins per student (merged into one folder), team folders ({@code GROUP_GROUPID_...}, {@code Default
 * group_...} without id) and blind marking ({@code Participant_ID_...}).
 *
 * <p>Moodle turns {@code _} in names into spaces, so the first {@code _<digits>_assign...} ends the label; labels
 * with an underscore (hand-renamed folders) are still accepted, the earliest split winning.
 *
 * <p>Submission id = the number in the name (participant id, or group id for teams: the name cannot tell which);
 * a "Default group" folder has no number and uses its label as id. Student = the label as Moodle wrote it (with
 * apostrophes already stripped by Moodle), or "Participant 1834521" under blind marking.
 */
public final class MoodleImporter implements LayoutImporter {

    private static final Logger log = LoggerFactory.getLogger(MoodleImporter.class);

    static final Pattern SEG = Pattern.compile(
            "^(?<label>[^/]*?)(?:_(?<id>\\d+))?_(?<ptype>assign(?:submission|feedback))_(?<plugin>[a-z0-9]+)(?:_(?<rest>.*))?$");

    @Override
    public SubmissionFormat format() {
        return SubmissionFormat.MOODLE;
    }

    @Override
    public boolean matches(Path root, ImportOptions options) throws IOException {
        // a CSV at the top is the grading worksheet or a note, not a student: it must not hide the layout
        return LmsFiles.mostly(Folders.children(root).stream().filter(p -> !isCsv(p)).toList(),
                p -> SEG.matcher(LmsFiles.name(p)).matches());
    }

    private static boolean isCsv(Path p) {
        return LmsFiles.isFile(p) && LmsFiles.name(p).toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private record Student(String key, String label, Optional<String> id, Path folder) {
    }

    @Override
    public SubmissionFormat read(ImportSession s) throws IOException, InvalidInputException {
        Map<String, Student> students = new LinkedHashMap<>();
        List<String> found = new ArrayList<>();
        Optional<Path> worksheetFile = MoodleWorksheet.locate(s.options(),
                s.rootEntries().stream().filter(MoodleImporter::isCsv).toList(), s.input(), found);
        found.forEach(s::warn);
        for (Path p : s.rootEntries()) {
            String name = LmsFiles.name(p);
            if (worksheetFile.isPresent() && p.equals(worksheetFile.get())) continue;
            Matcher m = SEG.matcher(name);
            if (!m.matches()) {
                s.warn(s.inputLabel() + ": " + name + ": ignored: not a Moodle submission name");
                continue;
            }
            if (m.group("ptype").equals("assignfeedback")) {
                s.warn(s.inputLabel() + ": " + name + ": ignored: feedback files, not a submission");
                continue;
            }
            String label = m.group("label").strip();
            String id = m.group("id");
            String key = id != null ? id : label.isEmpty() ? name : label;
            Student st = students.get(key);
            if (st == null) {
                st = new Student(key, label, Optional.ofNullable(id), s.newFolder(ImportSession.SUBMISSIONS, key));
                students.put(key, st);
            }
            String rest = m.group("rest");
            boolean folderMode = rest == null || rest.isEmpty();
            if (LmsFiles.isDir(p) && folderMode) {
                s.placeTree(p, st.folder());
            } else if (LmsFiles.isFile(p) && !folderMode) {
                s.placeFile(p, st.folder(), rest);
            } else if (LmsFiles.isDir(p)) {
                // a flat-mode name that is a folder: the student's own sub-folder, flattened by older Moodle
                s.placeTree(p, st.folder().resolve(rest));
            } else {
                s.warn(s.inputLabel() + ": " + name + ": ignored: a file named like a Moodle submission folder");
            }
        }
        MoodleWorksheet worksheet = worksheetFile.isPresent() ? MoodleWorksheet.read(worksheetFile.get(), s.options()) : null;
        int matched = 0;
        int late = 0;
        for (Student st : students.values()) {
            String student = st.label().isEmpty() ? st.key() : st.label();
            boolean blind = st.id().isPresent() && s.options().moodleParticipantLabels().stream()
                    .anyMatch(l -> l.equalsIgnoreCase(st.label()));
            if (blind) student = st.label() + " " + st.id().get();
            Submission.Identity identity = new Submission.Identity("moodle", st.id(), Optional.empty(), Optional.empty(),
                    false, Optional.empty(), 1);
            if (worksheet != null) {
                Optional<Submission.Identity> fromSheet = fromWorksheet(worksheet, st, identity);
                if (fromSheet.isPresent()) {
                    identity = fromSheet.get();
                    matched++;
                    if (identity.late()) late++;
                    if (!blind && !worksheet.teams && st.id().isPresent()) {
                        student = worksheet.byParticipant.get(st.id().get()).fullName().orElse(student);
                    }
                } else {
                    s.warn(worksheet.file.getFileName() + ": no row for " + student + st.id().map(i -> " (" + i + ")").orElse("")
                            + ": late flag unknown (is it this assignment's worksheet?)");
                }
            }
            s.add(new Submission(st.key(), student, st.folder(), identity));
        }
        if (worksheet != null) {
            if (matched == 0 && !students.isEmpty()) {
                if (s.options().moodleWorksheet().isPresent()) {
                    throw new InvalidInputException(worksheet.file, "no participant of this download is in this grading "
                            + "worksheet: download the worksheet of the same assignment (and group)");
                }
                s.warn(worksheet.file.getFileName() + ": matches none of the " + students.size()
                        + " submissions; not used (late flags unknown)");
            }
            log.info("{}: late flags from the grading worksheet {}: {} of {} matched, {} late", s.inputLabel(),
                    worksheet.file, matched, students.size(), late);
        }
        return SubmissionFormat.MOODLE;
    }

    /**
     * The identity with what the worksheet says: a person by participant id; a team (worksheet with a Group column)
     * by group name (or, in Moodle 4.0 and older, {@code GROUP-MEMBER_PARTICIPANTID}), late when any member's row is
     * late, without a member's email.
     */
    private static Optional<Submission.Identity> fromWorksheet(MoodleWorksheet w, Student st, Submission.Identity base) {
        if (w.teams) {
            List<MoodleWorksheet.Row> members = w.group(st.label());
            if (members.isEmpty()) {
                // Moodle <= 4.0 named team folders GROUP-MEMBER_PARTICIPANTID: there the number is a participant id
                MoodleWorksheet.Row r = st.id().map(w.byParticipant::get).orElse(null);
                String label = MoodleWorksheet.cleanKey(st.label());
                if (r == null || r.group().isEmpty() || !label.startsWith(MoodleWorksheet.cleanKey(r.group().get()) + "-")) {
                    return Optional.empty();
                }
                members = w.group(r.group().get());
            }
            boolean late = members.stream().anyMatch(MoodleWorksheet.Row::late);
            Optional<Instant> at = members.stream().map(MoodleWorksheet.Row::submittedAt).flatMap(Optional::stream)
                    .max(Instant::compareTo);
            return Optional.of(new Submission.Identity(base.source(), base.lmsId(), Optional.empty(), Optional.empty(),
                    late, at, base.attempt()));
        }
        if (st.id().isEmpty()) return Optional.empty();
        MoodleWorksheet.Row r = w.byParticipant.get(st.id().get());
        if (r == null) return Optional.empty();
        return Optional.of(new Submission.Identity(base.source(), base.lmsId(), r.username(), r.email(), r.late(),
                r.submittedAt(), base.attempt()));
    }
}
