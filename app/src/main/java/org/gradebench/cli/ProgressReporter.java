package org.gradebench.cli;

import org.gradebench.core.grading.GradingListener;
import org.gradebench.core.grading.Progress;
import org.gradebench.core.grading.SubmissionResult;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress on stderr: a redrawn bar on a terminal, a line every few seconds otherwise (logs, CI). Counts, rate and
 * ETA. Thread-safe; rate-limited so thousands of events a second cost nothing.
 */
final class ProgressReporter implements GradingListener {
    private static final long TERMINAL_INTERVAL_MS = 100;
    private static final long LOG_INTERVAL_MS = 5000;

    private final PrintStream err;
    private final boolean terminal;
    private final boolean quiet;
    private long lastPrint;
    private int lastLength;

    ProgressReporter(PrintStream err, boolean terminal, boolean quiet) {
        this.err = err;
        this.terminal = terminal;
        this.quiet = quiet;
    }

    @Override
    public void submissionFinished(SubmissionResult result, Progress progress) {
        print(progress, false);
    }

    @Override
    public void testFinished(org.gradebench.core.submission.Submission s, int testIndex,
                             org.gradebench.core.grading.TestResult result, Progress progress) {
        print(progress, false);
    }

    synchronized void print(Progress p, boolean force) {
        if (quiet) return;
        long now = System.nanoTime() / 1_000_000;
        long interval = terminal ? TERMINAL_INTERVAL_MS : LOG_INTERVAL_MS;
        if (!force && now - lastPrint < interval) return;
        lastPrint = now;
        String line = line(p);
        if (terminal) {
            String pad = line.length() < lastLength ? " ".repeat(lastLength - line.length()) : "";
            err.print("\r" + line + pad);
            lastLength = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    synchronized void done(Progress p) {
        if (quiet) return;
        print(p, true);
        if (terminal) err.println();
    }

    static String line(Progress p) {
        int width = 30;
        int filled = (int) Math.round(p.fraction() * width);
        String bar = "=".repeat(Math.max(0, filled - 1)) + (filled > 0 && filled < width ? ">" : filled == width ? "=" : "")
                + " ".repeat(width - filled);
        String eta = p.eta().map(ProgressReporter::format).orElse("--:--");
        return String.format(Locale.ROOT, "[%s] %d/%d runs  %d/%d submissions  %.1f runs/s  ETA %s",
                bar, p.doneCells(), p.totalCells(), p.doneSubmissions(), p.totalSubmissions(), p.runsPerSecond(), eta);
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
