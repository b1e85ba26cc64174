package org.gradebench.store.h2;

import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.history.SessionSummary;
import org.gradebench.core.history.StoredSession;
import org.gradebench.core.history.StoredSession.StoredSubmission;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.submission.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Workers record from many threads at once, as the engine's pool does. */
class H2RunHistoryConcurrencyTest {

    private static final int THREADS = 8;
    private static final int SUBMISSIONS_PER_THREAD = 10;
    private static final int TESTS = 12;

    @TempDir
    Path dir;

    private static TestResult result(String submission, int test) {
        byte[] stdout = (submission + "/" + test + "\n").repeat(20).getBytes(StandardCharsets.UTF_8);
        RunResult run = new RunResult(RunResult.Outcome.EXITED, 0, 0, test, test * 2L, 1024 + test, false, 0,
                new CapturedOutput(stdout, false), CapturedOutput.EMPTY,
                test % 4 == 0 ? Map.of("answer.txt", new CapturedOutput(stdout, true)) : Map.of(), "");
        return new TestResult("t" + test, test % 5 == 4 ? Verdict.WA : Verdict.AC, run, "cell " + submission + "/" + test);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void eightThreadsRecordingAtOnceLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        StoredSession stored;
        long sizeBeforeClose;
        try (H2RunHistory history = H2RunHistory.open(dir.resolve("history"))) {
            long session = history.startSession(HistoryFixtures.session());
            history.recordSubmission(session, HistoryFixtures.plain("hot"), "h");
            CyclicBarrier start = new CyclicBarrier(THREADS);
            AtomicInteger hotWrites = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    Random random = new Random(thread);
                    for (int k = 0; k < SUBMISSIONS_PER_THREAD; k++) {
                        String id = "s" + thread + "-" + k;
                        history.recordSubmission(session, Submission.plain(id, Path.of("/x", id)), "h" + id);
                        history.recordCompile(session, id, HistoryFixtures.compiled());
                        List<Integer> order = new ArrayList<>();
                        for (int i = 0; i < TESTS; i++) order.add(i);
                        Collections.shuffle(order, random);
                        for (int i : order) history.recordTest(session, id, i, result(id, i));
                        // contention: every thread also upserts the same rows
                        history.recordSubmission(session, HistoryFixtures.plain("hot"), "h");
                        TestResult hot = result("hot", thread);
                        history.recordTest(session, "hot", 0, new TestResult("same cell", hot.verdict(), hot.run(),
                                hot.checkerMessage()));
                        hotWrites.incrementAndGet();
                        history.sessions();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();

            stored = history.load(session).orElseThrow();
            SessionSummary summary = stored.summary();
            assertThat(hotWrites.get()).isEqualTo(THREADS * SUBMISSIONS_PER_THREAD);
            assertThat(summary.submissions()).isEqualTo(THREADS * SUBMISSIONS_PER_THREAD + 1);
            assertThat(summary.results()).isEqualTo(THREADS * SUBMISSIONS_PER_THREAD * TESTS + 1);
            for (StoredSubmission s : stored.submissions()) {
                String id = s.submission().id();
                if (id.equals("hot")) {
                    assertThat(s.tests()).hasSize(1);
                    continue;
                }
                assertThat(s.filesHash()).isEqualTo("h" + id);
                assertThat(s.compile()).contains(HistoryFixtures.compiled());
                List<TestResult> expected = new ArrayList<>();
                for (int i = 0; i < TESTS; i++) expected.add(result(id, i));
                assertThat(s.tests()).as(id).isEqualTo(expected);
            }
            sizeBeforeClose = history.sizeBytes();
        } finally {
            pool.shutdownNow();
        }
        // that many writes make close() compact the file; the data must come through intact
        try (H2RunHistory history = H2RunHistory.open(dir.resolve("history"))) {
            assertThat(history.sizeBytes()).isLessThan(sizeBeforeClose);
            assertThat(history.load(stored.summary().id())).contains(stored);
        }
    }
}
