package org.gradebench.store.h2;

import org.gradebench.core.grading.TestResult;
import org.gradebench.core.history.HistoryInUseException;
import org.gradebench.core.history.StoredSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** Behaviour across processes: SIGKILL mid-session, and two processes on one database. */
class H2RunHistoryProcessTest {

    @TempDir
    Path dir;

    private Process child(String mode, Path db) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=nonexistent-so-defaults.xml",
                HistoryChildProcess.class.getName(), mode, db.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Reads stdout lines until one starts with {@code prefix}; fails if the child exits first. */
    private static String awaitLine(BufferedReader out, String prefix) throws IOException {
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(prefix)) return line;
        }
        return fail("child exited before printing " + prefix);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aKilledProcessLosesNoResultItReportedAsRecorded() throws Exception {
        Path db = dir.resolve("history");
        Process p = child("record", db);
        List<Integer> committed = new ArrayList<>();
        long session;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            session = Long.parseLong(awaitLine(out, "SESSION ").split(" ")[1]);
            // kill mid-stream right after a confirmation: the newest results were committed microseconds ago
            while (committed.size() < 300) {
                String[] parts = awaitLine(out, "COMMITTED ").split(" ");
                committed.add(Integer.parseInt(parts[2]));
            }
            // through the handle: Process.destroyForcibly() would also close our end of its stdout
            p.toHandle().destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // lines already in the pipe were also committed before they were printed
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("COMMITTED ")) committed.add(Integer.parseInt(line.split(" ")[2]));
            }
        }
        assertThat(p.exitValue()).isEqualTo(137);

        try (H2RunHistory history = H2RunHistory.open(db)) {
            StoredSession stored = history.load(session).orElseThrow();
            List<TestResult> tests = stored.submissions().get(0).tests();
            assertThat(tests.size()).isGreaterThanOrEqualTo(committed.size());
            for (int i : committed) {
                assertThat(tests.get(i)).isEqualTo(HistoryChildProcess.resultOf(i));
            }
            // the session was never finished: it is what --resume finds
            assertThat(history.latestUnfinished(HistoryFixtures.session().assignmentPath(),
                    HistoryFixtures.session().submissionsSource())).hasValueSatisfying(s -> {
                        assertThat(s.id()).isEqualTo(session);
                        assertThat(s.results()).isEqualTo(tests.size());
                    });
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aSecondProcessIsToldWhichGradebenchHoldsTheDatabase() throws Exception {
        Path db = dir.resolve("shared/history");
        Process holder = child("hold", db);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            long pid = Long.parseLong(awaitLine(out, "READY ").split(" ")[1]);
            assertThat(pid).isEqualTo(holder.pid());

            assertThatThrownBy(() -> H2RunHistory.open(db))
                    .isInstanceOfSatisfying(HistoryInUseException.class, e -> {
                        assertThat(e.ownerPid()).hasValue(pid);
                        assertThat(e.database()).isEqualTo(dir.resolve("shared/history.mv.db"));
                    })
                    .hasMessage("The history database " + dir.resolve("shared/history.mv.db")
                            + " is in use by another Gradebench (pid " + pid + "). Close it, or choose another "
                            + "database with --db.");

            holder.getOutputStream().close();
            awaitLine(out, "CLOSED");
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            holder.destroyForcibly();
        }
        // once the other process is gone the database opens normally
        try (H2RunHistory history = H2RunHistory.open(db)) {
            assertThat(history.sessions()).isEmpty();
        }
    }
}
