package org.gradebench.io.importing;

import java.util.Locale;

/** Layouts the importer recognises; {@link #id()} is the {@code ImportResult.format} string. */
public enum SubmissionFormat {
    GRADESCOPE, BLACKBOARD, BRIGHTSPACE, MOODLE, CANVAS, GITHUB_CLASSROOM,
    /** One sub-folder per student (id = folder name). */
    FOLDER_PER_STUDENT,
    /** One file (or archive) per student (id = file name). */
    FILE_PER_STUDENT,
    /** Both sub-folders and files at the top: each one is a submission. */
    MIXED;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SubmissionFormat fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
