package org.gradebench.io.export;

import java.util.Locale;

/** The grade files Gradebench writes. */
public enum ExportFormat {
    /** Moodle assignment "Offline grading worksheet" upload (lms-exports.md §1.2) + feedback-files zip (§1.3). */
    MOODLE,
    /** Canvas gradebook import CSV with the Points Possible row (§2.2). */
    CANVAS,
    /** Blackboard Learn Original Grade Center "Work Offline" upload, comma-delimited (§3.2). */
    BLACKBOARD,
    /** D2L Brightspace grades import CSV with the End-of-Line Indicator column (§4.2). */
    BRIGHTSPACE,
    /** Gradebench's own CSV: identity, computed and exported score, override flag, comment, every test verdict. */
    CSV;

    public static ExportFormat parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown export format '" + s + "' (moodle, canvas, blackboard, brightspace, csv)");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
