package org.gradebench.io.importing.lms;

import org.gradebench.core.submission.Submission;
import org.gradebench.io.importing.ImportOptions;
import org.gradebench.io.importing.ImportSession;
import org.gradebench.io.importing.LayoutImporter;
import org.gradebench.io.importing.SubmissionFormat;
import org.gradebench.io.importing.archive.Folders;

import java.io.IOException;
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

    static final Pattern SEG = Pattern.compile(
            "^(?<label>[^/]*?)(?:_(?<id>\\d+))?_(?<ptype>assign(?:submission|feedback))_(?<plugin>[a-z0-9]+)(?:_(?<rest>.*))?$");

    @Override
    public SubmissionFormat format() {
        return SubmissionFormat.MOODLE;
    }

    @Override
    public boolean matches(Path root, ImportOptions options) throws IOException {
        return LmsFiles.mostly(Folders.children(root), p -> SEG.matcher(LmsFiles.name(p)).matches());
    }

    private record Student(String key, String label, Optional<String> id, Path folder) {
    }

    @Override
    public SubmissionFormat read(ImportSession s) throws IOException {
        Map<String, Student> students = new LinkedHashMap<>();
        for (Path p : s.rootEntries()) {
            String name = LmsFiles.name(p);
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
        for (Student st : students.values()) {
            String student = st.label().isEmpty() ? st.key() : st.label();
            if (st.id().isPresent() && s.options().moodleParticipantLabels().stream()
                    .anyMatch(l -> l.equalsIgnoreCase(st.label())))
                student = st.label() + " " + st.id().get();
            s.add(new Submission(st.key(), student, st.folder(), new Submission.Identity("moodle", st.id(),
                    Optional.empty(), Optional.empty(), false, Optional.empty(), 1)));
        }
        return SubmissionFormat.MOODLE;
    }
}
