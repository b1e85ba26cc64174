package org.gradebench.store.h2;

import org.gradebench.core.grading.Verdict;
import org.gradebench.core.history.HistoryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Cancelling a session interrupts worker threads, possibly in the middle of a write. */
class H2RunHistoryInterruptTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void interruptingAWriterNeitherBreaksTheDatabaseNorLosesTheWrite() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (H2RunHistory history = H2RunHistory.open(dir.resolve("history"))) {
            long session = history.startSession(HistoryFixtures.session());
            history.recordSubmission(session, HistoryFixtures.plain("s"), "");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger written = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            Thread[] writer = new Thread[1];
            Future<?> writes = pool.submit(() -> {
                writer[0] = Thread.currentThread();
                for (int i = 0; i < 400; i++) {
                    try {
                        history.recordTest(session, "s", i, HistoryFixtures.test("t" + i, Verdict.AC));
                        written.incrementAndGet();
                    } catch (HistoryException e) {
                        failed.incrementAndGet();
                    }
                    Thread.interrupted();
                }
                stop.set(true);
                return null;
            });
            Future<?> interrupter = pool.submit(() -> {
                while (!stop.get()) {
                    Thread w = writer[0];
                    if (w != null) w.interrupt();
                    Thread.onSpinWait();
                }
                return null;
            });
            writes.get();
            interrupter.get();

            assertThat(failed.get()).as("writes failed by an interrupt").isZero();
            assertThat(history.load(session).orElseThrow().submissions().get(0).tests()).hasSize(400);
            // and the database still accepts writes from other threads
            history.recordTest(session, "s", 400, HistoryFixtures.test("after", Verdict.AC));
        } finally {
            pool.shutdownNow();
        }
        try (H2RunHistory history = H2RunHistory.open(dir.resolve("history"))) {
            assertThat(history.sessions().get(0).results()).isEqualTo(401);
        }
    }

    @Test
    void aWriteByAnInterruptedThreadIsRecordedAndTheFlagKept() {
        try (H2RunHistory history = H2RunHistory.open(dir.resolve("history"))) {
            long session = history.startSession(HistoryFixtures.session());
            history.recordSubmission(session, HistoryFixtures.plain("s"), "");
            Thread.currentThread().interrupt();
            try {
                history.recordTest(session, "s", 0, HistoryFixtures.test("t0", Verdict.AC));
                assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag kept").isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThat(history.session(session).orElseThrow().results()).isEqualTo(1);
        }
    }
}
