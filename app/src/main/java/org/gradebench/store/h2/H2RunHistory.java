package org.gradebench.store.h2;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.gradebench.core.grading.CompileResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.history.HistoryException;
import org.gradebench.core.history.HistoryInUseException;
import org.gradebench.core.history.HistoryStatus;
import org.gradebench.core.history.Review;
import org.gradebench.core.history.ReviewStore;
import org.gradebench.core.history.RunHistory;
import org.gradebench.core.history.SessionInfo;
import org.gradebench.core.history.SessionState;
import org.gradebench.core.history.SessionSummary;
import org.gradebench.core.history.StoredSession;
import org.gradebench.core.history.StoredSession.StoredSubmission;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.submission.Submission;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The grading history in an embedded H2 file database, schema managed by Flyway.
 *
 * <p>Durability: every write runs in its own transaction and is handed to the operating system before the method
 * returns ({@code WRITE_DELAY=0}), so killing the process (even with SIGKILL) loses no recorded result. It does not
 * fsync each commit: a power failure may lose the last moments.
 *
 * <p>Concurrency: thread-safe; a small connection pool lets worker threads write in parallel (H2's MVCC gives row
 * level locking) and lets views read while a session is being graded. Transient conflicts are retried. Interrupting a
 * thread that is recording does not damage the database (the write completes; the interrupt flag stays set).
 *
 * <p>Size: H2 appends every commit to the file, so during a long session the file grows by roughly 10-20 KiB per
 * recorded result. When this instance wrote a lot, {@link #close()} compacts the file (rewriting the live data, about
 * 0.7 s for a 35 MB file; 2,000 results shrank to under 1 MB).
 *
 * <p>Only one process may open a database file at a time (H2's file lock); a second one gets a
 * {@link HistoryInUseException} naming the process that holds it when that process is a Gradebench.
 *
 * <p>Open with {@link #open(Path)}; always {@link #close()} it (the composition root owns it). The database is not
 * closed by a JVM shutdown hook, so that workers still recording while the application shuts down do not fail.
 */
public final class H2RunHistory implements RunHistory, ReviewStore {

    private static final Logger log = LoggerFactory.getLogger(H2RunHistory.class);

    /** Flyway location of the schema migrations. */
    static final String MIGRATIONS = "classpath:org/gradebench/store/h2/migration";
    static final String FILE_SUFFIX = ".mv.db";
    private static final String OWNER_SUFFIX = ".owner";
    private static final String USER = "gradebench";
    private static final int MAX_CONNECTIONS = 16;
    private static final int MAX_ATTEMPTS = 6;
    /** Writes after which {@link #close()} compacts the file (see the class comment on size). */
    private static final long COMPACT_AFTER_WRITES = 500;

    /** The raw run columns, in the order {@link #bindRun} binds them (shared by compile_result and test_result). */
    private static final List<String> RUN_COLUMNS = List.of("outcome", "exit_code", "term_signal", "cpu_ms", "wall_ms",
            "peak_memory_kb", "wall_timed_out", "launch_errno", "stdout", "stdout_truncated", "stderr",
            "stderr_truncated", "diagnostics");
    private static final String RUN_SELECT = String.join(", ", RUN_COLUMNS);
    private static final String RUN_ASSIGN = String.join(" = ?, ", RUN_COLUMNS) + " = ?";
    private static final String RUN_PARAMS = String.join(", ", Collections.nCopies(RUN_COLUMNS.size(), "?"));

    private static final String SUMMARY_SELECT = """
            SELECT s.id, s.started, s.finished, s.state, s.assignment_title, s.assignment_path, s.tests_hash,
                   s.checker, s.submissions_source, s.backend, s.jobs, s.unsafe,
                   (SELECT COUNT(*) FROM submission u WHERE u.session_id = s.id) AS submission_count,
                   (SELECT COUNT(*) FROM test_result t WHERE t.session_id = s.id) AS result_count,
                   (SELECT COUNT(*) FROM submission u WHERE u.session_id = s.id
                       AND EXISTS (SELECT 1 FROM test_result t
                                   WHERE t.session_id = u.session_id AND t.submission_id = u.submission_id)
                       AND NOT EXISTS (SELECT 1 FROM test_result t
                                       WHERE t.session_id = u.session_id AND t.submission_id = u.submission_id
                                         AND t.verdict <> 'AC')
                       AND NOT EXISTS (SELECT 1 FROM compile_result r
                                       WHERE r.session_id = u.session_id AND r.submission_id = u.submission_id
                                         AND r.verdict IN ('CE', 'SE'))) AS accepted_count
            FROM grading_session s
            """;
    private static final String SUMMARY_ORDER = " ORDER BY s.started DESC, s.id DESC";

    private final Path base;
    private final JdbcConnectionPool pool;
    private final Clock clock;
    private final String schemaVersion;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong writes = new AtomicLong();

    private H2RunHistory(Path base, JdbcConnectionPool pool, Clock clock, String schemaVersion) {
        this.base = base;
        this.pool = pool;
        this.clock = clock;
        this.schemaVersion = schemaVersion;
    }

    /** Opens (creating and migrating as needed) the history at {@code database}; see {@link #open(Path, Clock)}. */
    public static H2RunHistory open(Path database) {
        return open(database, Clock.systemUTC());
    }

    /**
     * Opens the history database, creating its folder and file when missing and migrating its schema.
     *
     * @param database the database path without H2's extension ({@code .../history} is stored in
     *                 {@code .../history.mv.db}); a path ending in {@code .mv.db} is accepted too
     * @param clock    stamps {@code recorded at} and {@code finished}
     * @throws HistoryInUseException when another process has it open
     * @throws HistoryException      when it cannot be created, opened or migrated (damaged, newer schema, ...)
     */
    public static H2RunHistory open(Path database, Clock clock) {
        Path base = basePath(database);
        Path file = dataFile(base);
        if (base.toString().contains(";")) {
            throw new HistoryException("The history database path must not contain ';': " + file);
        }
        try {
            Files.createDirectories(base.getParent());
        } catch (IOException e) {
            throw new HistoryException("Cannot create the folder of the history database " + file + ": " + e, e);
        }
        // async: AsynchronousFileChannel is not closed when the calling thread is interrupted; with H2's default
        //   FileChannel, cancelling a session (which interrupts workers) mid-write breaks the database for everyone.
        // WRITE_DELAY=0: a commit is written to the file before it returns; with the default 500 ms delay a killed
        //   process loses the last half second of results (H2RunHistoryProcessTest catches that).
        // PAGE_SIZE=4096 (default 16 KiB): each commit rewrites the B-tree pages it touched; smaller pages halve
        //   that growth (measured: 2,000 results took 68 MB with 16 KiB pages, 35 MB with 4 KiB) and are faster.
        // DB_CLOSE_ON_EXIT=FALSE: no shutdown hook closing the database under workers that are still recording.
        String url = "jdbc:h2:async:" + base + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;PAGE_SIZE=4096";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, USER, "");
        pool.setMaxConnections(MAX_CONNECTIONS);
        try {
            // the first connection opens the file and takes H2's lock: fail here, before Flyway wraps the error
            try (Connection ignored = pool.getConnection()) {
                log.debug("Opened {}", file);
            } catch (SQLException e) {
                throw openFailure(base, e);
            }
            String version = migrate(pool, file);
            writeOwner(base);
            log.info("History database {} (schema version {})", file, version);
            return new H2RunHistory(base, pool, clock, version);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    private static String migrate(JdbcConnectionPool pool, Path file) {
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(pool)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load();
            flyway.migrate();
            MigrationInfo current = flyway.info().current();
            if (current == null) throw new HistoryException("The history database " + file + " has no schema");
            if (current.getState() == MigrationState.FUTURE_SUCCESS || current.getState() == MigrationState.FUTURE_FAILED) {
                throw new HistoryException("The history database " + file + " has schema version "
                        + current.getVersion() + ", made by a newer Gradebench. Use that version, or choose another "
                        + "database with --db.");
            }
            if (current.getState().isFailed()) {
                throw new HistoryException("The history database " + file + " has a failed migration to version "
                        + current.getVersion() + "; restore a backup or choose another database with --db.");
            }
            return current.getVersion().getVersion();
        } catch (FlywayException e) {
            throw new HistoryException("Cannot prepare the history database " + file + ": " + e.getMessage(), e);
        }
    }

    private static HistoryException openFailure(Path base, SQLException e) {
        Path file = dataFile(base);
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> {
                OptionalLong owner = liveOwner(base);
                String who = owner.isPresent() ? "another Gradebench (pid " + owner.getAsLong() + ")"
                        : "another program (perhaps another Gradebench)";
                yield new HistoryInUseException(file, owner, "The history database " + file + " is in use by " + who
                        + ". Close it, or choose another database with --db.", e);
            }
            case ErrorCode.FILE_CORRUPTED_1 -> new HistoryException("The history database " + file
                    + " is damaged; move it away (Gradebench then starts a new one) or choose another with --db.", e);
            case ErrorCode.FILE_VERSION_ERROR_1 -> new HistoryException("The history database " + file
                    + " was written by an incompatible H2 version; export it with that version or choose another "
                    + "database with --db.", e);
            case ErrorCode.WRONG_USER_OR_PASSWORD -> new HistoryException("The database " + file
                    + " was not created by Gradebench; choose another with --db.", e);
            default -> new HistoryException("Cannot open the history database " + file + ": " + e.getMessage(), e);
        };
    }

    // ---- owner file: lets a second process name the first in its error ----

    private static void writeOwner(Path base) {
        Path owner = ownerFile(base);
        try {
            Files.writeString(owner, ProcessHandle.current().pid() + "\n" + Instant.now() + "\n");
        } catch (IOException e) {
            log.warn("Cannot write {} (only used to name this process to others): {}", owner, e.toString());
        }
    }

    private static OptionalLong liveOwner(Path base) {
        try {
            String first = Files.readString(ownerFile(base)).lines().findFirst().orElse("").trim();
            long pid = Long.parseLong(first);
            if (pid == ProcessHandle.current().pid()) return OptionalLong.empty();
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            // a stale file whose pid was reused by an unrelated program must not be blamed
            boolean looksLikeJava = process.flatMap(p -> p.info().command())
                    .map(c -> c.contains("java") || c.toLowerCase(java.util.Locale.ROOT).contains("gradebench")).orElse(process.isPresent());
            return process.isPresent() && looksLikeJava ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static void removeOwner(Path base) {
        Path owner = ownerFile(base);
        try {
            String first = Files.readString(owner).lines().findFirst().orElse("").trim();
            if (first.equals(Long.toString(ProcessHandle.current().pid()))) Files.deleteIfExists(owner);
        } catch (NoSuchFileException e) {
            // nothing to remove
        } catch (IOException e) {
            log.debug("Cannot remove {}: {}", owner, e.toString());
        }
    }

    // ---- status ----

    /** The H2 file holding the history. */
    public Path databaseFile() {
        return dataFile(base);
    }

    /** Size of {@link #databaseFile()} in bytes (0 when it does not exist). */
    public long sizeBytes() {
        try {
            return Files.size(databaseFile());
        } catch (IOException e) {
            return 0;
        }
    }

    /** The schema version applied when the database was opened, e.g. "2". */
    public String schemaVersion() {
        return schemaVersion;
    }

    @Override
    public Optional<HistoryStatus> status() {
        return Optional.of(new HistoryStatus(databaseFile(), sizeBytes(), schemaVersion));
    }

    // ---- writes ----

    @Override
    public long startSession(SessionInfo info) {
        return inTransaction("start a grading session", c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO grading_session (started, state, assignment_title, assignment_path, tests_hash, checker,
                                                 submissions_source, backend, jobs, unsafe)
                    VALUES (?, 'RUNNING', ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                setInstant(ps, 1, info.started());
                ps.setString(2, info.assignmentTitle());
                ps.setString(3, info.assignmentPath());
                ps.setString(4, info.testsHash());
                ps.setString(5, info.checker());
                ps.setString(6, info.submissionsSource());
                ps.setString(7, info.backend());
                ps.setInt(8, info.jobs());
                ps.setBoolean(9, info.unsafe());
                ps.executeUpdate();
                id = generatedId(ps);
            }
            if (!info.toolchains().isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO session_toolchain (session_id, profile, toolchain_version) VALUES (?, ?, ?)")) {
                    for (Map.Entry<String, String> t : info.toolchains().entrySet()) {
                        ps.setLong(1, id);
                        ps.setString(2, t.getKey());
                        ps.setString(3, t.getValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return id;
        });
    }

    /** Sets the state; {@code finished} is stamped now, or cleared when the state goes back to RUNNING (resume). */
    @Override
    public void finishSession(long sessionId, SessionState state) {
        inTransaction("finish grading session " + sessionId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE grading_session SET state = ?, finished = ? WHERE id = ?")) {
                ps.setString(1, state.name());
                if (state == SessionState.RUNNING) ps.setNull(2, Types.TIMESTAMP_WITH_TIMEZONE);
                else setInstant(ps, 2, clock.instant());
                ps.setLong(3, sessionId);
                if (ps.executeUpdate() == 0) throw new HistoryException("There is no grading session " + sessionId);
            }
            return null;
        });
    }

    @Override
    public void recordSubmission(long sessionId, Submission submission, String filesHash) {
        inTransaction("record submission '" + submission.id() + "' of session " + sessionId, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    MERGE INTO submission (session_id, submission_id, student, folder, identity_source, lms_id, login,
                                           email, late, submitted_at, attempt, files_hash, recorded_at)
                    KEY (session_id, submission_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                Submission.Identity identity = submission.identity();
                ps.setLong(1, sessionId);
                ps.setString(2, submission.id());
                ps.setString(3, submission.student());
                ps.setString(4, submission.folder().toString());
                ps.setString(5, identity.source());
                ps.setString(6, identity.lmsId().orElse(null));
                ps.setString(7, identity.login().orElse(null));
                ps.setString(8, identity.email().orElse(null));
                ps.setBoolean(9, identity.late());
                setInstant(ps, 10, identity.submittedAt().orElse(null));
                ps.setInt(11, identity.attempt());
                ps.setString(12, filesHash);
                setInstant(ps, 13, clock.instant());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void recordCompile(long sessionId, String submissionId, CompileResult compile) {
        inTransaction("record the compile step of '" + submissionId + "' in session " + sessionId, c -> {
            Optional<Long> existing = findId(c,
                    "SELECT id FROM compile_result WHERE session_id = ? AND submission_id = ?", sessionId, submissionId);
            long id;
            if (existing.isPresent()) {
                id = existing.get();
                try (PreparedStatement ps = c.prepareStatement("UPDATE compile_result SET verdict = ?, "
                        + "language_profile = ?, compile_log = ?, " + RUN_ASSIGN + ", recorded_at = ? WHERE id = ?")) {
                    int i = bindCompile(ps, compile);
                    ps.setLong(i, id);
                    ps.executeUpdate();
                }
                deleteFiles(c, "DELETE FROM compile_file WHERE compile_id = ?", id);
            } else {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO compile_result (verdict, language_profile, "
                        + "compile_log, " + RUN_SELECT + ", recorded_at, session_id, submission_id) VALUES (?, ?, ?, "
                        + RUN_PARAMS + ", ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    int i = bindCompile(ps, compile);
                    ps.setLong(i++, sessionId);
                    ps.setString(i, submissionId);
                    ps.executeUpdate();
                    id = generatedId(ps);
                }
            }
            insertFiles(c, "INSERT INTO compile_file (compile_id, file_name, content, truncated) VALUES (?, ?, ?, ?)",
                    id, compile.run().map(RunResult::files).orElse(Map.of()));
            return null;
        });
    }

    @Override
    public void recordTest(long sessionId, String submissionId, int testIndex, TestResult result) {
        inTransaction("record test '" + result.testName() + "' of '" + submissionId + "' in session " + sessionId, c -> {
            Optional<Long> existing = findId(c,
                    "SELECT id FROM test_result WHERE session_id = ? AND submission_id = ? AND test_name = ?",
                    sessionId, submissionId, result.testName());
            long id;
            if (existing.isPresent()) {
                id = existing.get();
                try (PreparedStatement ps = c.prepareStatement("UPDATE test_result SET test_index = ?, verdict = ?, "
                        + "checker_message = ?, " + RUN_ASSIGN + ", recorded_at = ? WHERE id = ?")) {
                    int i = bindTest(ps, testIndex, result);
                    ps.setLong(i, id);
                    ps.executeUpdate();
                }
                deleteFiles(c, "DELETE FROM test_file WHERE test_result_id = ?", id);
            } else {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO test_result (test_index, verdict, "
                        + "checker_message, " + RUN_SELECT + ", recorded_at, session_id, submission_id, test_name) "
                        + "VALUES (?, ?, ?, " + RUN_PARAMS + ", ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    int i = bindTest(ps, testIndex, result);
                    ps.setLong(i++, sessionId);
                    ps.setString(i++, submissionId);
                    ps.setString(i, result.testName());
                    ps.executeUpdate();
                    id = generatedId(ps);
                }
            }
            insertFiles(c, "INSERT INTO test_file (test_result_id, file_name, content, truncated) VALUES (?, ?, ?, ?)",
                    id, result.run().files());
            return null;
        });
    }

    private int bindCompile(PreparedStatement ps, CompileResult compile) throws SQLException {
        ps.setString(1, compile.verdict().name());
        ps.setString(2, compile.language());
        ps.setString(3, compile.log());
        int i = bindRun(ps, 4, compile.run().orElse(null));
        setInstant(ps, i++, clock.instant());
        return i;
    }

    private int bindTest(PreparedStatement ps, int testIndex, TestResult result) throws SQLException {
        ps.setInt(1, testIndex);
        ps.setString(2, result.verdict().name());
        ps.setString(3, result.checkerMessage());
        int i = bindRun(ps, 4, result.run());
        setInstant(ps, i++, clock.instant());
        return i;
    }

    /** Binds {@link #RUN_COLUMNS} from {@code first}; a null run binds NULLs. Returns the next parameter index. */
    private static int bindRun(PreparedStatement ps, int first, RunResult run) throws SQLException {
        int i = first;
        if (run == null) {
            int[] types = {Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.BIGINT, Types.BIGINT, Types.BIGINT,
                    Types.BOOLEAN, Types.INTEGER, Types.BLOB, Types.BOOLEAN, Types.BLOB, Types.BOOLEAN, Types.CLOB};
            for (int type : types) ps.setNull(i++, type);
            return i;
        }
        ps.setString(i++, run.outcome().name());
        ps.setInt(i++, run.exitCode());
        ps.setInt(i++, run.signal());
        ps.setLong(i++, run.cpuMs());
        ps.setLong(i++, run.wallMs());
        ps.setLong(i++, run.peakMemoryKb());
        ps.setBoolean(i++, run.wallTimedOut());
        ps.setInt(i++, run.launchErrno());
        ps.setBytes(i++, run.stdout().bytes());
        ps.setBoolean(i++, run.stdout().truncated());
        ps.setBytes(i++, run.stderr().bytes());
        ps.setBoolean(i++, run.stderr().truncated());
        ps.setString(i++, run.diagnostics());
        return i;
    }

    private static void deleteFiles(Connection c, String sql, long ownerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, ownerId);
            ps.executeUpdate();
        }
    }

    private static void insertFiles(Connection c, String sql, long ownerId, Map<String, CapturedOutput> files)
            throws SQLException {
        if (files.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<String, CapturedOutput> f : files.entrySet()) {
                ps.setLong(1, ownerId);
                ps.setString(2, f.getKey());
                ps.setBytes(3, f.getValue().bytes());
                ps.setBoolean(4, f.getValue().truncated());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // ---- reads ----

    @Override
    public List<SessionSummary> sessions() {
        return read("list grading sessions", c -> {
            Map<Long, Map<String, String>> toolchains = toolchains(c, null);
            List<SessionSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SUMMARY_SELECT + SUMMARY_ORDER);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(summary(rs, toolchains));
            }
            return List.copyOf(out);
        });
    }

    @Override
    public Optional<SessionSummary> session(long sessionId) {
        return read("read grading session " + sessionId, c -> summary(c, sessionId));
    }

    @Override
    public Optional<SessionSummary> latestUnfinished(String assignmentPath, String submissionsSource) {
        return read("find an unfinished session", c -> {
            Optional<Long> id = findId(c, """
                    SELECT id FROM grading_session
                    WHERE assignment_path = ? AND submissions_source = ? AND state = 'RUNNING'
                    ORDER BY started DESC, id DESC LIMIT 1""", assignmentPath, submissionsSource);
            return id.isEmpty() ? Optional.empty() : summary(c, id.get());
        });
    }

    @Override
    public Optional<StoredSession> load(long sessionId) {
        return read("load grading session " + sessionId, c -> {
            Optional<SessionSummary> summary = summary(c, sessionId);
            if (summary.isEmpty()) return Optional.empty();

            Map<String, Submission> submissions = new LinkedHashMap<>();
            Map<String, String> filesHashes = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT submission_id, student, folder, identity_source, lms_id, login, email, late, submitted_at,
                           attempt, files_hash
                    FROM submission WHERE session_id = ? ORDER BY id""")) {
                ps.setLong(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        Submission.Identity identity = new Submission.Identity(rs.getString(4),
                                Optional.ofNullable(rs.getString(5)), Optional.ofNullable(rs.getString(6)),
                                Optional.ofNullable(rs.getString(7)), rs.getBoolean(8),
                                Optional.ofNullable(instant(rs, 9)), rs.getInt(10));
                        submissions.put(id, new Submission(id, rs.getString(2), Path.of(rs.getString(3)), identity));
                        filesHashes.put(id, rs.getString(11));
                    }
                }
            }

            Map<Long, Map<String, CapturedOutput>> compileFiles = files(c, """
                    SELECT f.compile_id, f.file_name, f.content, f.truncated
                    FROM compile_file f JOIN compile_result r ON r.id = f.compile_id
                    WHERE r.session_id = ?""", sessionId);
            Map<String, CompileResult> compiles = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, submission_id, verdict, language_profile, "
                    + "compile_log, " + RUN_SELECT + " FROM compile_result WHERE session_id = ?")) {
                ps.setLong(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Optional<RunResult> run = rs.getString(6) == null ? Optional.empty()
                                : Optional.of(run(rs, 6, compileFiles.getOrDefault(rs.getLong(1), Map.of())));
                        compiles.put(rs.getString(2),
                                new CompileResult(verdict(rs.getString(3)), rs.getString(4), rs.getString(5), run));
                    }
                }
            }

            Map<Long, Map<String, CapturedOutput>> testFiles = files(c, """
                    SELECT f.test_result_id, f.file_name, f.content, f.truncated
                    FROM test_file f JOIN test_result t ON t.id = f.test_result_id
                    WHERE t.session_id = ?""", sessionId);
            Map<String, List<TestResult>> tests = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, submission_id, test_name, verdict, "
                    + "checker_message, " + RUN_SELECT + " FROM test_result WHERE session_id = ? "
                    + "ORDER BY test_index, id")) {
                ps.setLong(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        RunResult run = run(rs, 6, testFiles.getOrDefault(rs.getLong(1), Map.of()));
                        tests.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(
                                new TestResult(rs.getString(3), verdict(rs.getString(4)), run, rs.getString(5)));
                    }
                }
            }

            List<StoredSubmission> stored = new ArrayList<>(submissions.size());
            for (Submission s : submissions.values()) {
                stored.add(new StoredSubmission(s, filesHashes.get(s.id()), Optional.ofNullable(compiles.get(s.id())),
                        tests.getOrDefault(s.id(), List.of())));
            }
            return Optional.of(new StoredSession(summary.get(), stored));
        });
    }

    private Optional<SessionSummary> summary(Connection c, long sessionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SUMMARY_SELECT + " WHERE s.id = ?")) {
            ps.setLong(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(summary(rs, toolchains(c, sessionId)));
            }
        }
    }

    private static SessionSummary summary(ResultSet rs, Map<Long, Map<String, String>> toolchains)
            throws SQLException {
        long id = rs.getLong("id");
        SessionInfo info = new SessionInfo(instant(rs, "started"), rs.getString("assignment_title"),
                rs.getString("assignment_path"), rs.getString("tests_hash"), rs.getString("checker"),
                rs.getString("submissions_source"), rs.getString("backend"),
                toolchains.getOrDefault(id, Map.of()), rs.getInt("jobs"), rs.getBoolean("unsafe"));
        return new SessionSummary(id, info, SessionState.valueOf(rs.getString("state")),
                Optional.ofNullable(instant(rs, "finished")), rs.getInt("submission_count"),
                rs.getInt("result_count"), rs.getInt("accepted_count"));
    }

    /** Toolchains of one session, or of every session when {@code sessionId} is null. */
    private static Map<Long, Map<String, String>> toolchains(Connection c, Long sessionId) throws SQLException {
        String sql = "SELECT session_id, profile, toolchain_version FROM session_toolchain"
                + (sessionId == null ? "" : " WHERE session_id = ?");
        Map<Long, Map<String, String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (sessionId != null) ps.setLong(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
        return out;
    }

    private static Map<Long, Map<String, CapturedOutput>> files(Connection c, String sql, long sessionId)
            throws SQLException {
        Map<Long, Map<String, CapturedOutput>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(rs.getString(2), new CapturedOutput(rs.getBytes(3), rs.getBoolean(4)));
                }
            }
        }
        return out;
    }

    /** Reads {@link #RUN_COLUMNS} starting at column {@code first}. */
    private static RunResult run(ResultSet rs, int first, Map<String, CapturedOutput> files) throws SQLException {
        int i = first;
        RunResult.Outcome outcome = RunResult.Outcome.valueOf(rs.getString(i++));
        int exitCode = rs.getInt(i++);
        int signal = rs.getInt(i++);
        long cpuMs = rs.getLong(i++);
        long wallMs = rs.getLong(i++);
        long peakKb = rs.getLong(i++);
        boolean wallTimedOut = rs.getBoolean(i++);
        int launchErrno = rs.getInt(i++);
        byte[] stdout = rs.getBytes(i++);
        CapturedOutput out = new CapturedOutput(stdout == null ? new byte[0] : stdout, rs.getBoolean(i++));
        byte[] stderr = rs.getBytes(i++);
        CapturedOutput err = new CapturedOutput(stderr == null ? new byte[0] : stderr, rs.getBoolean(i++));
        String diagnostics = rs.getString(i);
        return new RunResult(outcome, exitCode, signal, cpuMs, wallMs, peakKb, wallTimedOut, launchErrno, out, err,
                files, diagnostics == null ? "" : diagnostics);
    }

    private static Verdict verdict(String name) {
        return Verdict.valueOf(name);
    }

    // ---- reviews ----

    @Override
    public void saveReview(long sessionId, Review review) {
        inTransaction("save the review of '" + review.submissionId() + "' in session " + sessionId, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    MERGE INTO review (session_id, submission_id, score_override, review_comment, updated_at)
                    KEY (session_id, submission_id) VALUES (?, ?, ?, ?, ?)""")) {
                ps.setLong(1, sessionId);
                ps.setString(2, review.submissionId());
                if (review.scoreOverride().isPresent()) ps.setDouble(3, review.scoreOverride().get());
                else ps.setNull(3, Types.DOUBLE);
                ps.setString(4, review.comment());
                setInstant(ps, 5, clock.instant());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM review_test_comment WHERE session_id = ? AND submission_id = ?")) {
                ps.setLong(1, sessionId);
                ps.setString(2, review.submissionId());
                ps.executeUpdate();
            }
            if (!review.testComments().isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_test_comment (session_id, "
                        + "submission_id, test_name, review_comment) VALUES (?, ?, ?, ?)")) {
                    for (Map.Entry<String, String> t : review.testComments().entrySet()) {
                        ps.setLong(1, sessionId);
                        ps.setString(2, review.submissionId());
                        ps.setString(3, t.getKey());
                        ps.setString(4, t.getValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Review> review(long sessionId, String submissionId) {
        return read("read the review of '" + submissionId + "' in session " + sessionId,
                c -> Optional.ofNullable(reviews(c, sessionId, submissionId).get(submissionId)));
    }

    @Override
    public Map<String, Review> reviews(long sessionId) {
        return read("read the reviews of session " + sessionId, c -> reviews(c, sessionId, null));
    }

    /** Reviews of a session (or of one submission), in submission order. */
    private static Map<String, Review> reviews(Connection c, long sessionId, String submissionId) throws SQLException {
        String only = submissionId == null ? "" : " AND submission_id = ?";
        Map<String, Map<String, String>> comments = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT submission_id, test_name, review_comment "
                + "FROM review_test_comment WHERE session_id = ?" + only)) {
            ps.setLong(1, sessionId);
            if (submissionId != null) ps.setString(2, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    comments.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
        Map<String, Review> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT r.submission_id, r.score_override, r.review_comment
                FROM review r JOIN submission u ON u.session_id = r.session_id AND u.submission_id = r.submission_id
                WHERE r.session_id = ?""" + (submissionId == null ? "" : " AND r.submission_id = ?")
                + " ORDER BY u.id")) {
            ps.setLong(1, sessionId);
            if (submissionId != null) ps.setString(2, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    double score = rs.getDouble(2);
                    Optional<Double> override = rs.wasNull() ? Optional.empty() : Optional.of(score);
                    out.put(id, new Review(id, override, rs.getString(3), comments.getOrDefault(id, Map.of())));
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public void deleteReview(long sessionId, String submissionId) {
        inTransaction("delete the review of '" + submissionId + "' in session " + sessionId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM review WHERE session_id = ? AND submission_id = ?")) {
                ps.setLong(1, sessionId);
                ps.setString(2, submissionId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    // ---- lifecycle ----

    /**
     * Closes the database, compacting the file first when many results were recorded since it was opened. Call it
     * once no thread records any more: it shuts the database down for every connection of this process (there is
     * only one {@code H2RunHistory} per database per process). Idempotent; calls after close fail with a
     * {@link HistoryException}.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        if (writes.get() >= COMPACT_AFTER_WRITES) {
            long begin = System.nanoTime();
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                st.execute("SHUTDOWN COMPACT");
                log.info("Compacted {} to {} KiB in {} ms", databaseFile(), sizeBytes() / 1024,
                        (System.nanoTime() - begin) / 1_000_000);
            } catch (SQLException e) {
                // not fatal: everything is committed; the file just stays larger until the next compaction
                log.warn("Could not compact {}: {}", databaseFile(), e.toString());
            }
        }
        pool.dispose();
        removeOwner(base);
        log.debug("Closed {}", databaseFile());
    }

    // ---- plumbing ----

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction, committed before returning. Conflicts between concurrent writers (two
     * threads upserting the same row, lock timeouts) roll back and retry the whole transaction.
     */
    private <T> T inTransaction(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = connection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    writes.incrementAndGet();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                if (attempt < MAX_ATTEMPTS && isTransient(e)) {
                    log.debug("Retrying ({}) after a conflict: {}", what, e.getMessage());
                    continue;
                }
                throw failure(what, e);
            }
        }
    }

    /** Reads from one consistent snapshot, so counts and rows agree while workers keep writing. */
    private <T> T read(String what, Work<T> work) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private Connection connection() throws SQLException {
        if (closed.get()) throw new HistoryException("The history database " + databaseFile() + " is closed");
        return pool.getConnection();
    }

    private static boolean isTransient(SQLException e) {
        int code = e.getErrorCode();
        return code == ErrorCode.CONCURRENT_UPDATE_1 || code == ErrorCode.LOCK_TIMEOUT_1
                || code == ErrorCode.DEADLOCK_1 || code == ErrorCode.DUPLICATE_KEY_1;
    }

    private HistoryException failure(String what, SQLException e) {
        if (e.getErrorCode() == ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1) {
            return new HistoryException("Cannot " + what + ": the session or submission it belongs to is not recorded",
                    e);
        }
        return new HistoryException("Cannot " + what + " in the history database " + databaseFile() + ": "
                + e.getMessage(), e);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            log.debug("Rollback failed: {}", e.toString());
        }
    }

    private static Optional<Long> findId(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) throw new SQLException("no generated key");
            return keys.getLong(1);
        }
    }

    private static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        else ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Path basePath(Path database) {
        Path absolute = database.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        return name.endsWith(FILE_SUFFIX)
                ? absolute.resolveSibling(name.substring(0, name.length() - FILE_SUFFIX.length())) : absolute;
    }

    private static Path dataFile(Path base) {
        return base.resolveSibling(base.getFileName() + FILE_SUFFIX);
    }

    private static Path ownerFile(Path base) {
        return base.resolveSibling(base.getFileName() + OWNER_SUFFIX);
    }

    @Override
    public String toString() {
        return "H2RunHistory[" + databaseFile() + "]";
    }
}
