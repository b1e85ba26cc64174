package org.gradebench.io.importing;

import org.gradebench.core.assignment.InvalidInputException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One submission layout (an LMS export or a generic convention). {@link #matches} must be cheap (names, at most a
 * small manifest); {@link #read} groups the files into per-submission folders through the {@link ImportSession}.
 */
public interface LayoutImporter {

    SubmissionFormat format();

    /** @param root a candidate root folder (not yet the session's: detection may still descend a wrapper) */
    boolean matches(Path root, ImportOptions options) throws IOException;

    /** @return the format actually read (the generic importer tells folders from files here) */
    SubmissionFormat read(ImportSession session) throws IOException, InvalidInputException;
}
