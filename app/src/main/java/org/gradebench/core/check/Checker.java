package org.gradebench.core.check;

import java.nio.file.Path;

/** Judges one output against the expected answer. Implementations are thread-safe. */
public interface Checker {

    /**
     * @param input    the test input file
     * @param expected the expected output ("answer") file
     * @param output   what the program wrote to stdout (already capped)
     */
    CheckResult check(Path input, Path expected, byte[] output) throws InterruptedException;
}
