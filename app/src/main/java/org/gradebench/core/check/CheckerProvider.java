package org.gradebench.core.check;

import org.gradebench.core.assignment.CheckerSpec;

/**
 * Gives the checker for a spec, building it on first use (a custom checker is compiled once per grading session).
 * Thread-safe: workers ask concurrently. Closed by the engine when the session ends.
 */
public interface CheckerProvider extends AutoCloseable {

    Checker checker(CheckerSpec spec);

    @Override
    default void close() {
    }
}
