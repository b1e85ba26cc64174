package org.gradebench.core.assignment;

import java.nio.file.Path;

/** Port: reads an assignment folder or problem package (implemented in io.assignment). */
public interface AssignmentLoader {
    /**
     * @throws InvalidInputException naming the file and the line or field when the folder is not a valid assignment
     */
    Assignment load(Path folder) throws InvalidInputException;
}
