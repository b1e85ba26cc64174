package org.gradebench.core.submission;

import org.gradebench.core.assignment.InvalidInputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Port: turns a folder or archive the user gave into submissions (implemented in io.importing). */
public interface SubmissionSource {

    /**
     * @param input     a folder or an archive
     * @param workspace a private folder the importer may extract into; the returned submissions point inside it
     *                  (or inside {@code input} when it is a folder that needs no extraction)
     */
    ImportResult load(Path input, Path workspace) throws IOException, InvalidInputException;

    /**
     * @param warnings one line per entry that was skipped (unsafe path, link, bomb, encrypted...), naming the entry;
     *                 the rest of the import still succeeded
     */
    record ImportResult(String format, List<Submission> submissions, List<String> warnings) {
        public ImportResult {
            submissions = List.copyOf(submissions);
            warnings = List.copyOf(warnings);
        }
    }
}
