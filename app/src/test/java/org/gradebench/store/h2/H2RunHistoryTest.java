package org.gradebench.store.h2;

import org.flywaydb.core.Flyway;
import org.gradebench.core.grading.CompileResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.history.HistoryException;
import org.gradebench.core.history.Review;
import org.gradebench.core.history.SessionInfo;
import org.gradebench.core.history.SessionState;
import org.gradebench.core.history.SessionSummary;
import org.gradebench.core.history.StoredSession;
import org.gradebench.core.history.StoredSession.StoredSubmission;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.submission.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gradebench.store.h2.HistoryFixtures.T0;
import static org.gradebench.store.h2.HistoryFixtures.compileError;
import static org.gradebench.store.h2.HistoryFixtures.compiled;
import static org.gradebench.store.h2.HistoryFixtures.plain;
import static org.gradebench.store.h2.HistoryFixtures.session;
import static org.gradebench.store.h2.HistoryFixtures.test;

class H2RunHistoryTest {

    private static final Instant NOW = Instant.parse("2026-11-21T22:30:00Z");

    @TempDir
    Path dir;

    private H2RunHistory open() {
        return H2RunHistory.open(dir.resolve("data/history"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/history"), "gradebench", "");
    }

    @Test
    void migratesAnEmptyFolderToTheLatestSchema() throws Exception {
        try (H2RunHistory history = open()) {
            assertThat(history.schemaVersion()).isEqualTo("2");
            assertThat(history.databaseFile()).isEqualTo(dir.resolve("data/history.mv.db")).exists();
            assertThat(history.sizeBytes()).isPositive();
            assertThat(history.status()).hasValueSatisfying(s -> {
                assertThat(s.databaseFile()).isEqualTo(history.databaseFile());
                assertThat(s.schemaVersion()).isEqualTo("2");
            });
            assertThat(history.sessions()).isEmpty();
        }
        try (Connection c = raw(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\" "
                     + "WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            List<String> applied = new ArrayList<>();
            while (rs.next()) applied.add(rs.getString(1) + ":" + rs.getBoolean(2));
            assertThat(applied).containsExactly("1:true", "2:true");
        }
    }

    @Test
    void migratesADatabaseOfThePreviousSchemaKeepingItsData() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("data/history");
        Files.createDirectories(dir.resolve("data"));
        Flyway.configure().dataSource(url, "gradebench", "").locations(H2RunHistory.MIGRATIONS).target("1").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, "gradebench", ""); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO grading_session (id, started, state, assignment_title, assignment_path, "
                    + "tests_hash, checker, submissions_source, backend, jobs, unsafe) VALUES (7, "
                    + "TIMESTAMP WITH TIME ZONE '2026-01-02 03:04:05Z', 'COMPLETED', 'Old', '/a', 'h', 'exact', "
                    + "'/s', 'bwrap', 2, FALSE)");
            st.executeUpdate("INSERT INTO submission (session_id, submission_id, student, folder, identity_source, "
                    + "late, attempt, files_hash, recorded_at) VALUES (7, 'alice', 'Alice', '/x/alice', 'folder', "
                    + "FALSE, 1, 'fh', CURRENT_TIMESTAMP)");
        }
        try (H2RunHistory history = open()) {
            assertThat(history.schemaVersion()).isEqualTo("2");
            StoredSession old = history.load(7).orElseThrow();
            assertThat(old.summary().info().assignmentTitle()).isEqualTo("Old");
            assertThat(old.summary().info().started()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
            assertThat(old.submissions()).extracting(s -> s.submission().student()).containsExactly("Alice");
            history.saveReview(7, new Review("alice", Optional.of(8.5), "late but fine", Map.of()));
            assertThat(history.review(7, "alice")).map(Review::scoreOverride).contains(Optional.of(8.5));
        }
    }

    @Test
    void refusesADatabaseMadeByANewerGradebench() throws Exception {
        open().close();
        try (Connection c = raw(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", "
                    + "\"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", "
                    + "\"success\") VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'x', 1, TRUE)");
        }
        assertThatThrownBy(this::open).isInstanceOf(HistoryException.class)
                .hasMessageContaining("schema version 99").hasMessageContaining("newer Gradebench");
        // a failed open must not keep the file locked
        try (Connection c = raw()) {
            assertThat(c.isValid(1)).isTrue();
        }
    }

    @Test
    void acceptsThePathWithH2sExtension() {
        try (H2RunHistory history = H2RunHistory.open(dir.resolve("x/h.mv.db"))) {
            assertThat(history.databaseFile()).isEqualTo(dir.resolve("x/h.mv.db"));
        }
        assertThat(dir.resolve("x/h.mv.db")).exists();
        assertThat(dir.resolve("x/h.mv.db.mv.db")).doesNotExist();
    }

    @Test
    void roundTripsEveryField() {
        Instant submittedAt = Instant.parse("2026-11-20T23:59:59.987654321Z");
        Submission full = new Submission("lms-42", "Zoë Ünïcode", dir.resolve("sub/zoe"),
                new Submission.Identity("moodle", Optional.of("42"), Optional.of("zoe"), Optional.of("zoe@uni.example"),
                        true, Optional.of(submittedAt), 3));
        Submission bare = plain("folder-only");

        byte[] binary = {'o', 'k', 0, (byte) 0xFF, (byte) 0xFE, (byte) 0xC3, 0x28, '\n', 0};
        byte[] stderr = "Segmentation fault\u0000\r\n".getBytes();
        RunResult signaled = new RunResult(RunResult.Outcome.SIGNALED, -1, 11, 1999, 2501, 262144, true, 0,
                new CapturedOutput(binary, true), new CapturedOutput(stderr, false),
                Map.of("out/result.bin", new CapturedOutput(binary, true), "empty.txt", CapturedOutput.EMPTY),
                "");
        RunResult sandboxError = new RunResult(RunResult.Outcome.SANDBOX_ERROR, -1, 0, 0, 0, 0, false, 12,
                CapturedOutput.EMPTY, new CapturedOutput(new byte[0], true), Map.of(), "execve failed: ENOMEM\n\ttrace");
        RunResult notRun = RunResult.notRun("compile failed");
        TestResult t0 = new TestResult("t0 (signal)", Verdict.RE, signaled, "killed by SIGSEGV");
        TestResult t1 = new TestResult("t1", Verdict.SE, sandboxError, "");
        TestResult t2 = new TestResult("t2 ünï", Verdict.TLE, HistoryFixtures.exited(0, "x".repeat(200_000)),
                "line 1\nline 2\u0000");
        CompileResult compileWithFiles = new CompileResult(Verdict.AC, "java", "warning: [unchecked]\n",
                Optional.of(new RunResult(RunResult.Outcome.EXITED, 0, 0, 900, 1400, 120_000, false, 0,
                        new CapturedOutput("javac ok".getBytes(), false), new CapturedOutput(binary, true),
                        Map.of("Main.class", new CapturedOutput(binary, false)), "")));
        CompileResult noRun = new CompileResult(Verdict.CE, "", "no language matches: hello.rs", Optional.empty());

        SessionInfo info = new SessionInfo(T0, "Hello, wörld", "/assignments/hello", "sha256:0123", "tokens, 1e-6",
                "/home/ta/batch.zip", "docker", Map.of("java", "openjdk 17.0.15", "c", "gcc (Debian 12.2.0-14) 12.2.0"),
                6, true);
        long id;
        try (H2RunHistory history = open()) {
            id = history.startSession(info);
            history.recordSubmission(id, full, "sha256:files-full");
            history.recordSubmission(id, bare, "");
            history.recordCompile(id, full.id(), compileWithFiles);
            history.recordCompile(id, bare.id(), noRun);
            history.recordTest(id, full.id(), 2, t2);
            history.recordTest(id, full.id(), 0, t0);
            history.recordTest(id, full.id(), 1, t1);
            history.recordTest(id, bare.id(), 0, new TestResult("t0 (signal)", Verdict.CE, notRun, "not compiled"));
            history.finishSession(id, SessionState.COMPLETED);
        }
        try (H2RunHistory history = open()) {
            StoredSession stored = history.load(id).orElseThrow();
            SessionSummary summary = stored.summary();
            assertThat(summary.id()).isEqualTo(id);
            assertThat(summary.info()).isEqualTo(info);
            assertThat(summary.state()).isEqualTo(SessionState.COMPLETED);
            assertThat(summary.finished()).contains(NOW);
            assertThat(summary.submissions()).isEqualTo(2);
            assertThat(summary.results()).isEqualTo(4);
            assertThat(summary.accepted()).isZero();

            assertThat(stored.submissions()).containsExactly(
                    new StoredSubmission(full, "sha256:files-full", Optional.of(compileWithFiles), List.of(t0, t1, t2)),
                    new StoredSubmission(bare, "", Optional.of(noRun),
                            List.of(new TestResult("t0 (signal)", Verdict.CE, notRun, "not compiled"))));
            TestResult back = stored.submissions().get(0).tests().get(0);
            assertThat(back.run().stdout().bytes()).containsExactly(binary);
            assertThat(back.run().stdout().truncated()).isTrue();
            assertThat(back.run().files().get("out/result.bin").bytes()).containsExactly(binary);
            assertThat(history.session(id)).contains(summary);
        }
    }

    @Test
    void loadAndSessionOfAnUnknownIdAreEmpty() {
        try (H2RunHistory history = open()) {
            assertThat(history.load(12345)).isEmpty();
            assertThat(history.session(12345)).isEmpty();
        }
    }

    @Test
    void recordingReplacesTheSameCell() {
        try (H2RunHistory history = open()) {
            long id = history.startSession(session());
            history.recordSubmission(id, plain("a"), "h1");
            history.recordSubmission(id, new Submission("a", "Alice Renamed", Path.of("/new"),
                    Submission.Identity.NONE), "h2");
            history.recordCompile(id, "a", compileError());
            history.recordCompile(id, "a", compiled());

            RunResult withFile = new RunResult(RunResult.Outcome.EXITED, 0, 0, 1, 2, 3, false, 0,
                    CapturedOutput.EMPTY, CapturedOutput.EMPTY, Map.of("old.txt", CapturedOutput.EMPTY), "");
            history.recordTest(id, "a", 0, new TestResult("t0", Verdict.SE, withFile, "sandbox down"));
            history.recordTest(id, "a", 1, test("t1", Verdict.AC));
            TestResult rerun = new TestResult("t0", Verdict.AC, new RunResult(RunResult.Outcome.EXITED, 0, 0, 5, 6,
                    7, false, 0, new CapturedOutput("42\n".getBytes(), false), CapturedOutput.EMPTY,
                    Map.of("new.txt", new CapturedOutput("n".getBytes(), false)), ""), "ok");
            history.recordTest(id, "a", 0, rerun);

            StoredSession stored = history.load(id).orElseThrow();
            StoredSubmission a = stored.submissions().get(0);
            assertThat(stored.submissions()).hasSize(1);
            assertThat(a.submission().student()).isEqualTo("Alice Renamed");
            assertThat(a.submission().folder()).isEqualTo(Path.of("/new"));
            assertThat(a.filesHash()).isEqualTo("h2");
            assertThat(a.compile()).contains(compiled());
            assertThat(a.tests()).containsExactly(rerun, test("t1", Verdict.AC));
            assertThat(a.tests().get(0).run().files()).containsOnlyKeys("new.txt");
            assertThat(stored.summary().results()).isEqualTo(2);
            assertThat(stored.summary().accepted()).isEqualTo(1);
        }
    }

    @Test
    void loadsTestsInAssignmentOrderAndSubmissionsInRecordingOrder() {
        try (H2RunHistory history = open()) {
            long id = history.startSession(session());
            for (String s : List.of("zed", "amy", "mo")) history.recordSubmission(id, plain(s), "");
            int[] finishOrder = {3, 0, 4, 2, 1};
            for (String s : List.of("mo", "zed", "amy")) {
                for (int i : finishOrder) history.recordTest(id, s, i, test("case-" + (10 - i), Verdict.AC));
            }
            StoredSession stored = history.load(id).orElseThrow();
            assertThat(stored.submissions()).extracting(s -> s.submission().id()).containsExactly("zed", "amy", "mo");
            for (StoredSubmission s : stored.submissions()) {
                assertThat(s.tests()).extracting(TestResult::testName)
                        .containsExactly("case-10", "case-9", "case-8", "case-7", "case-6");
            }
        }
    }

    @Test
    void countsSubmissionsResultsAndAcceptedPerSessionNewestFirst() {
        try (H2RunHistory history = open()) {
            long older = history.startSession(session("/a/one", "/s/one", T0));
            long newer = history.startSession(session("/a/two", "/s/two", T0.plusSeconds(60)));
            long sameTimeLaterId = history.startSession(session("/a/two", "/s/three", T0.plusSeconds(60)));

            // newer: "good" all AC; "wrong" one WA; "broken" CE (tests placeholders); "untested" nothing yet;
            // "goodNoCompile" AC tests without a recorded compile
            for (String s : List.of("good", "wrong", "broken", "untested", "goodNoCompile")) {
                history.recordSubmission(newer, plain(s), "");
            }
            history.recordCompile(newer, "good", compiled());
            history.recordCompile(newer, "wrong", compiled());
            history.recordCompile(newer, "broken", compileError());
            for (int i = 0; i < 3; i++) {
                history.recordTest(newer, "good", i, test("t" + i, Verdict.AC));
                history.recordTest(newer, "wrong", i, test("t" + i, i == 1 ? Verdict.WA : Verdict.AC));
                history.recordTest(newer, "goodNoCompile", i, test("t" + i, Verdict.AC));
            }
            history.recordTest(newer, "broken", 0,
                    new TestResult("t0", Verdict.CE, RunResult.notRun("compile failed"), ""));
            history.recordSubmission(older, plain("x"), "");

            List<SessionSummary> sessions = history.sessions();
            assertThat(sessions).extracting(SessionSummary::id).containsExactly(sameTimeLaterId, newer, older);
            SessionSummary n = sessions.get(1);
            assertThat(n.submissions()).isEqualTo(5);
            assertThat(n.results()).isEqualTo(10);
            assertThat(n.accepted()).isEqualTo(2);
            assertThat(n.state()).isEqualTo(SessionState.RUNNING);
            assertThat(n.finished()).isEmpty();
            assertThat(n.info().toolchains()).isEqualTo(session().toolchains());
            assertThat(sessions.get(2).submissions()).isEqualTo(1);
            assertThat(sessions.get(2).results()).isZero();
            assertThat(sessions.get(0).submissions()).isZero();
        }
    }

    @Test
    void finishSessionSetsStateAndFinishedTime() {
        try (H2RunHistory history = open()) {
            long id = history.startSession(session());
            for (SessionState state : List.of(SessionState.CANCELLED, SessionState.FAILED, SessionState.COMPLETED)) {
                history.finishSession(id, state);
                assertThat(history.session(id)).hasValueSatisfying(s -> {
                    assertThat(s.state()).isEqualTo(state);
                    assertThat(s.finished()).contains(NOW);
                });
            }
            // resuming puts it back to RUNNING, unfinished
            history.finishSession(id, SessionState.RUNNING);
            assertThat(history.session(id)).hasValueSatisfying(s -> {
                assertThat(s.state()).isEqualTo(SessionState.RUNNING);
                assertThat(s.finished()).isEmpty();
            });
            assertThatThrownBy(() -> history.finishSession(id + 100, SessionState.COMPLETED))
                    .isInstanceOf(HistoryException.class).hasMessageContaining("no grading session " + (id + 100));
        }
    }

    @Test
    void latestUnfinishedIsTheNewestRunningSessionOfThatAssignmentAndSource() {
        try (H2RunHistory history = open()) {
            assertThat(history.latestUnfinished("/a/hello", "/s/batch.zip")).isEmpty();
            long oldRunning = history.startSession(session("/a/hello", "/s/batch.zip", T0));
            long newRunning = history.startSession(session("/a/hello", "/s/batch.zip", T0.plusSeconds(10)));
            long newestCompleted = history.startSession(session("/a/hello", "/s/batch.zip", T0.plusSeconds(20)));
            history.finishSession(newestCompleted, SessionState.COMPLETED);
            long otherSource = history.startSession(session("/a/hello", "/s/other.zip", T0.plusSeconds(30)));
            long otherAssignment = history.startSession(session("/a/bye", "/s/batch.zip", T0.plusSeconds(30)));

            assertThat(history.latestUnfinished("/a/hello", "/s/batch.zip")).map(SessionSummary::id)
                    .contains(newRunning);
            history.finishSession(newRunning, SessionState.CANCELLED);
            assertThat(history.latestUnfinished("/a/hello", "/s/batch.zip")).map(SessionSummary::id)
                    .contains(oldRunning);
            assertThat(history.latestUnfinished("/a/hello", "/s/other.zip")).map(SessionSummary::id)
                    .contains(otherSource);
            assertThat(history.latestUnfinished("/a/bye", "/s/batch.zip")).map(SessionSummary::id)
                    .contains(otherAssignment);
            assertThat(history.latestUnfinished("/a/bye", "/s/other.zip")).isEmpty();
        }
    }

    @Test
    void keepsEverythingAfterCloseAndReopen() {
        long id;
        try (H2RunHistory history = open()) {
            id = history.startSession(session());
            history.recordSubmission(id, plain("a"), "h");
            history.recordTest(id, "a", 0, test("t0", Verdict.WA));
        }
        try (H2RunHistory history = open()) {
            assertThat(history.sessions()).extracting(SessionSummary::id).containsExactly(id);
            assertThat(history.load(id).orElseThrow().submissions().get(0).tests())
                    .containsExactly(test("t0", Verdict.WA));
            long second = history.startSession(session());
            assertThat(second).isGreaterThan(id);
        }
    }

    @Test
    void refusesResultsOfUnrecordedSubmissionsWithAClearMessage() {
        try (H2RunHistory history = open()) {
            long id = history.startSession(session());
            assertThatThrownBy(() -> history.recordTest(id, "ghost", 0, test("t0", Verdict.AC)))
                    .isInstanceOf(HistoryException.class)
                    .hasMessageContaining("'ghost'").hasMessageContaining("not recorded");
            assertThatThrownBy(() -> history.recordCompile(id, "ghost", compiled()))
                    .isInstanceOf(HistoryException.class).hasMessageContaining("not recorded");
            assertThatThrownBy(() -> history.recordSubmission(id + 1, plain("a"), ""))
                    .isInstanceOf(HistoryException.class).hasMessageContaining("not recorded");
            // the failed writes left nothing behind and the history still works
            history.recordSubmission(id, plain("a"), "");
            assertThat(history.session(id)).map(SessionSummary::submissions).contains(1);
        }
    }

    @Test
    void storesReplacesAndDeletesReviews() {
        try (H2RunHistory history = open()) {
            long id = history.startSession(session());
            long other = history.startSession(session());
            for (String s : List.of("b", "a", "c")) history.recordSubmission(id, plain(s), "");
            history.recordSubmission(other, plain("a"), "");

            Review a = new Review("a", Optional.of(7.25), "Good work; see t2.", Map.of("t2", "off by one", "t3", "ü"));
            Review b = new Review("b", Optional.empty(), "", Map.of());
            history.saveReview(id, a);
            history.saveReview(id, b);
            history.saveReview(other, new Review("a", Optional.of(0.0), "other session", Map.of()));

            assertThat(history.review(id, "a")).contains(a);
            assertThat(history.review(id, "b")).contains(b);
            assertThat(history.review(id, "c")).isEmpty();
            assertThat(history.reviews(id)).containsExactly(Map.entry("b", b), Map.entry("a", a));
            assertThat(history.reviews(other).get("a").scoreOverride()).contains(0.0);

            Review replaced = new Review("a", Optional.empty(), "changed my mind", Map.of("t1", "nice"));
            history.saveReview(id, replaced);
            assertThat(history.review(id, "a")).contains(replaced);

            history.deleteReview(id, "a");
            history.deleteReview(id, "never-reviewed");
            assertThat(history.review(id, "a")).isEmpty();
            assertThat(history.reviews(id)).containsOnlyKeys("b");

            assertThatThrownBy(() -> history.saveReview(id, new Review("ghost", Optional.empty(), "x", Map.of())))
                    .isInstanceOf(HistoryException.class).hasMessageContaining("not recorded");
        }
    }

    @Test
    void failsClearlyOnceClosed() {
        H2RunHistory history = open();
        history.close();
        history.close();
        assertThatThrownBy(history::sessions).isInstanceOf(HistoryException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> history.startSession(session())).isInstanceOf(HistoryException.class);
    }
}
