package org.gradebench.core.assignment;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Bad user input (an assignment file, a profile, an archive): the message names the file and, where known, the line
 * or entry. Never used for infrastructure failures.
 */
public class InvalidInputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final int line;

    public InvalidInputException(Path file, int line, String problem) {
        super(format(file, line, problem));
        this.file = file;
        this.line = line;
    }

    public InvalidInputException(Path file, int line, String problem, Throwable cause) {
        super(format(file, line, problem), cause);
        this.file = file;
        this.line = line;
    }

    public InvalidInputException(Path file, String problem) {
        this(file, 0, problem);
    }

    private static String format(Path file, int line, String problem) {
        String where = file == null ? "" : file.toString();
        if (line > 0) where += ":" + line;
        return where.isEmpty() ? problem : where + ": " + problem;
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }
}
