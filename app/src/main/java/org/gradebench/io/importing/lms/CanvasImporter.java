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
 * Canvas "Download Submissions" (lms-exports.md §2.1): a flat zip of {@code name_[LATE_]userid_attachmentid_file},
 * {@code name_userid_text.html}, {@code name_userid_link.html}, and {@code [LATE_]anon_XXXXX_...} under anonymous
 * grading. {@code LATE} is matched in any case (older Canvas wrote {@code late}).
 *
 * <p>Submission id = the Canvas user id ({@code anon_XXXXX} when anonymous); student = the name part as Canvas wrote
 * it (lower-cased sortable name without punctuation, or the group name); late = the LATE token.
 */
public final class CanvasImporter implements LayoutImporter {

    static final Pattern ANON = Pattern.compile(
            "^(?:(?<late>(?i:late))_)?anon_(?<anon>[1-9A-HJ-NP-Za-km-z]{5})_"
                    + "(?:(?<aid>\\d+)_(?<fname>.+)|(?<kind>(?i:text|link))\\.(?i:html))$");
    static final Pattern NAMED = Pattern.compile(
            "^(?<name>.+?)_(?:(?<late>(?i:late))_)?(?<uid>\\d+)_"
                    + "(?:(?<aid>\\d+)_(?<fname>.+)|(?<kind>(?i:text|link))\\.(?i:html))$");

    @Override
    public SubmissionFormat format() {
        return SubmissionFormat.CANVAS;
    }

    @Override
    public boolean matches(Path root, ImportOptions options) throws IOException {
        return LmsFiles.mostly(Folders.children(root), p -> LmsFiles.isFile(p) && parse(LmsFiles.name(p)) != null);
    }

    private static Matcher parse(String name) {
        Matcher a = ANON.matcher(name);
        if (a.matches()) return a;
        Matcher n = NAMED.matcher(name);
        return n.matches() ? n : null;
    }

    private static final class Student {
        final String id;
        final String lmsId;
        final String display;
        final Path folder;
        boolean late;

        Student(String id, String lmsId, String display, Path folder) {
            this.id = id;
            this.lmsId = lmsId;
            this.display = display;
            this.folder = folder;
        }
    }

    @Override
    public SubmissionFormat read(ImportSession s) throws IOException {
        Map<String, Student> students = new LinkedHashMap<>();
        for (Path p : s.rootEntries()) {
            String name = LmsFiles.name(p);
            Matcher m = LmsFiles.isFile(p) ? parse(name) : null;
            if (m == null) {
                s.warn(s.inputLabel() + ": " + name + ": ignored: not a Canvas submission file name");
                continue;
            }
            boolean anon = m.pattern() == ANON;
            String lmsId = anon ? m.group("anon") : m.group("uid");
            String id = anon ? "anon_" + lmsId : lmsId;
            Student st = students.get(id);
            if (st == null) {
                st = new Student(id, lmsId, anon ? id : m.group("name"), s.newFolder(ImportSession.SUBMISSIONS, id));
                students.put(id, st);
            }
            st.late |= m.group("late") != null;
            String kind = m.group("kind");
            s.placeFile(p, st.folder, kind != null ? kind.toLowerCase(java.util.Locale.ROOT) + ".html" : m.group("fname"));
        }
        for (Student st : students.values())
            s.add(new Submission(st.id, st.display, st.folder, new Submission.Identity("canvas", Optional.of(st.lmsId),
                    Optional.empty(), Optional.empty(), st.late, Optional.empty(), 1)));
        return SubmissionFormat.CANVAS;
    }
}
