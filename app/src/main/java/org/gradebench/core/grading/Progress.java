package org.gradebench.core.grading;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts for a progress bar. A cell is one (submission, test) pair; cells that did not need running (CE, resumed)
 * count as done.
 */
public record Progress(int doneCells, int totalCells, int doneSubmissions, int totalSubmissions, Duration elapsed,
                       int cellsRun) {

    public double fraction() {
        return totalCells == 0 ? 1 : (double) doneCells / totalCells;
    }

    /** Runs per second over the cells actually run in this session. */
    public double runsPerSecond() {
        double s = elapsed.toMillis() / 1000.0;
        return s <= 0 ? 0 : cellsRun / s;
    }

    /** Estimated time left, from the rate so far; empty until there is a rate. */
    public Optional<Duration> eta() {
        if (doneCells == 0 || cellsRun == 0 || doneCells >= totalCells) return Optional.empty();
        double perCell = (double) elapsed.toMillis() / cellsRun;
        return Optional.of(Duration.ofMillis((long) (perCell * (totalCells - doneCells))));
    }
}
