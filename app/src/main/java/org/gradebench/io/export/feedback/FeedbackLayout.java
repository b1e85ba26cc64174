package org.gradebench.io.export.feedback;

import org.gradebench.core.submission.Submission;
import org.gradebench.io.export.ExportFormat;
import org.gradebench.io.export.Identities;
import org.gradebench.io.export.Texts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Per-student folder names for each LMS's feedback upload (lms-exports.md).
 *
 * <ul>
 *   <li>Moodle (§1.3, "Upload multiple feedback files in a zip"): {@code <name>_<participant id>_assignfeedback_file/};
 *       Moodle splits each segment on {@code _}, so the name is cleaned as Moodle's clean_filename does and its
 *       underscores become spaces. Submissions without a participant id cannot be placed.</li>
 *   <li>Canvas (§2.1): {@code <name>_<user id>/} named like Canvas's download prefix (lower case, non-word characters
 *       removed). Canvas's "Re-Upload Submissions" only attaches files whose names carry the user id <em>and an
 *       attachment id of that submission</em>, which Gradebench does not keep, so these folders are for uploading
 *       by hand (SpeedGrader comments); the README says so.</li>
 *   <li>Blackboard (§3): {@code <username>/}; Blackboard Original has no bulk feedback-file upload.</li>
 *   <li>Brightspace (§4): {@code <display name> - <username or id>/}; whether a bulk feedback upload exists is
 *       unverified, so this is for uploading by hand.</li>
 *   <li>Plain CSV: {@code <submission id>/}.</li>
 * </ul>
 */
public final class FeedbackLayout {
    static final int MAX_NAME = 100;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}_]", Pattern.UNICODE_CHARACTER_CLASS);

    private FeedbackLayout() {
    }

    /** The student's folder, or empty when this LMS cannot identify the submission from a folder name. */
    public static Optional<String> folder(ExportFormat format, Submission s) {
        return switch (format) {
            case MOODLE -> Identities.moodleParticipantId(s).map(pid -> {
                String name = Texts.moodleCleanFilename(s.student().replace('_', ' ')).strip();
                if (name.isEmpty()) name = "Participant";
                return Texts.safeFileName(name, MAX_NAME) + "_" + pid + "_assignfeedback_file";
            });
            case CANVAS -> {
                String key = s.identity().lmsId().orElse(s.id()).strip();
                if (key.toLowerCase(Locale.ROOT).startsWith("anon_")) yield Optional.of(Texts.safeFileName(key, MAX_NAME));
                String name = NON_WORD.matcher(s.student().toLowerCase(Locale.ROOT)).replaceAll("");
                // cut the name, never the key
                yield Optional.of(Texts.safeFileName(name.isEmpty() ? "student" : name, MAX_NAME - 40) + "_"
                        + Texts.safeFileName(key, 40));
            }
            case BLACKBOARD -> Optional.of(Texts.safeFileName(
                    (s.identity().source().equals("blackboard") ? s.identity().lmsId().or(() -> s.identity().login())
                            : s.identity().login().or(() -> s.identity().lmsId())).orElse(s.id()), MAX_NAME));
            case BRIGHTSPACE -> Optional.of(Texts.safeFileName(s.student(), MAX_NAME - 40) + " - "
                    + Texts.safeFileName(s.identity().login().or(() -> s.identity().lmsId()).orElse(s.id()), 40));
            case CSV -> Optional.of(Texts.safeFileName(s.id(), MAX_NAME));
        };
    }

    /** What the TA does with the folders, per LMS; empty for Moodle, whose zip must hold nothing but student folders. */
    static String readme(ExportFormat format) {
        return switch (format) {
            case MOODLE -> "";
            case CANVAS -> """
                    Gradebench feedback for Canvas
                    ==============================
                    One folder per student, named <name>_<Canvas user id>, with feedback.html and feedback.txt.
                    Canvas's "Re-Upload Submissions" only accepts files named with the user id AND the attachment id
                    of that student's submitted file, which Gradebench does not keep, so these cannot be bulk-uploaded.
                    Attach them (or paste feedback.txt) as a submission comment in SpeedGrader.
                    """;
            case BLACKBOARD -> """
                    Gradebench feedback for Blackboard
                    ==================================
                    One folder per student, named by Blackboard username, with feedback.html and feedback.txt.
                    Blackboard Learn (Original) has no bulk upload of feedback files: attach them in the grading
                    page of each attempt, or export with --comments and a single-column Grade Center download that
                    has the "Feedback to Learner" column.
                    """;
            case BRIGHTSPACE -> """
                    Gradebench feedback for Brightspace
                    ===================================
                    One folder per student, named "<display name> - <username or id>", with feedback.html and
                    feedback.txt. Whether Brightspace can bulk-import feedback files is not verified: attach them in
                    the assignment's evaluation page of each student.
                    """;
            case CSV -> """
                    Gradebench feedback
                    ===================
                    One folder per submission (named by its id), with feedback.html and feedback.txt.
                    """;
        };
    }
}
