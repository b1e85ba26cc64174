package org.gradebench.cli;

import org.gradebench.AppServices;
import org.gradebench.AppWorkbench;
import org.gradebench.ui.bench.UiBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "bench-ui", mixinStandardHelpOptions = true,
        description = {"Measure the window with a large synthetic session: frame times while scrolling the results "
                + "matrix, time to select a cell and show its diff, heap in use. Needs a display (Xvfb works)."})
public final class BenchUiCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--students", defaultValue = "1000", description = "Rows (default: ${DEFAULT-VALUE}).")
    int students;

    @Option(names = "--tests", defaultValue = "50", description = "Columns (default: ${DEFAULT-VALUE}).")
    int tests;

    @Override
    public Integer call() throws Exception {
        if (!GradebenchCommand.guiAvailable()) {
            System.err.println("gradebench: bench-ui needs a display (set DISPLAY, e.g. Xvfb :99 & DISPLAY=:99)");
            return 3;
        }
        try (AppServices services = common.services(null)) {
            UiBenchmark.Result r = UiBenchmark.run(students, tests, new AppWorkbench(services), services.threads());
            var out = System.out;
            out.printf("Session: %d students x %d tests, model filled in %d ms%n", r.rows(), r.tests(), r.loadMs());
            out.println("Scrolling, frame to frame:   " + r.scrollFrames());
            out.println("Scrolling, matrix paint:     " + r.scrollPaint());
            out.println("Select a cell, FX thread:    " + r.selectFx());
            out.println("Select a cell, diff shown:   " + r.select());
            out.printf("Heap in use after GC: %d MB (max %d MB)%n", r.heapMb(), r.maxHeapMb());
            return 0;
        }
    }
}
