package org.gradebench.core.submission;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One student's submission, already extracted to a folder of source files.
 *
 * @param id      stable identifier: the LMS identifier when known, else the folder or file name as given
 * @param student display name as the LMS (or the folder name) gave it
 * @param folder  extracted files (read-only for the grader; copied into the sandbox)
 */
public record Submission(String id, String student, Path folder, Identity identity) {

    public Submission {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(identity, "identity");
    }

    public static Submission plain(String id, Path folder) {
        return new Submission(id, id, folder, Identity.NONE);
    }

    /**
     * What an LMS told us about the submitter. Every field is optional; {@code source} names the importer
     * ("folder", "moodle", "canvas", ...).
     */
    public record Identity(String source, Optional<String> lmsId, Optional<String> login, Optional<String> email,
                           boolean late, Optional<Instant> submittedAt, int attempt) {
        public static final Identity NONE =
                new Identity("folder", Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), 1);

        public Identity {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(lmsId, "lmsId");
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(submittedAt, "submittedAt");
        }
    }
}
