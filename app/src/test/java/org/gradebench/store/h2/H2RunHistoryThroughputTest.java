package org.gradebench.store.h2;

import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast results can be recorded, printed for the record. Asserts only that everything arrived: timing depends on
 * the machine and must not fail a build.
 */
class H2RunHistoryThroughputTest {

    private static final int SUBMISSIONS = 200;
    private static final int TESTS = 10;

    @TempDir
    Path dir;

    private static TestResult result(int test) {
        byte[] stdout = new byte[2048];
        Arrays.fill(stdout, (byte) ('a' + test));
        return new TestResult("t" + test, Verdict.AC, new RunResult(RunResult.Outcome.EXITED, 0, 0, 15, 40, 9000,
                false, 0, new CapturedOutput(stdout, false), new CapturedOutput(new byte[100], false), Map.of(), ""),
                "");
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void printsRecordingThroughput() throws Exception {
        for (int threads : new int[] {1, 4}) {
            try (H2RunHistory history = H2RunHistory.open(dir.resolve("bench-" + threads))) {
                long session = history.startSession(HistoryFixtures.session());
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                long begin = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int s = thread; s < SUBMISSIONS; s += threads) {
                            String id = "s" + s;
                            history.recordSubmission(session, HistoryFixtures.plain(id), "h");
                            history.recordCompile(session, id, HistoryFixtures.compiled());
                            for (int i = 0; i < TESTS; i++) history.recordTest(session, id, i, result(i));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) f.get();
                pool.shutdown();
                double seconds = (System.nanoTime() - begin) / 1e9;
                int results = SUBMISSIONS * TESTS;
                long loadBegin = System.nanoTime();
                int loaded = history.load(session).orElseThrow().submissions().stream()
                        .mapToInt(s -> s.tests().size()).sum();
                double loadSeconds = (System.nanoTime() - loadBegin) / 1e9;
                System.out.printf("H2RunHistory throughput, %d thread(s): %d results (+%d submissions, %d compiles) "
                                + "in %.2f s = %.0f results/s (%.0f writes/s); load %.2f s; file %d KiB%n",
                        threads, results, SUBMISSIONS, SUBMISSIONS, seconds, results / seconds,
                        (results + 2.0 * SUBMISSIONS) / seconds, loadSeconds, history.sizeBytes() / 1024);
                assertThat(loaded).isEqualTo(results);
            }
            Path file = dir.resolve("bench-" + threads + H2RunHistory.FILE_SUFFIX);
            System.out.printf("H2RunHistory file after close (compacted), %d thread(s): %d KiB%n", threads,
                    java.nio.file.Files.size(file) / 1024);
        }
    }
}
