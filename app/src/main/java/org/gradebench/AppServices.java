package org.gradebench;

import org.gradebench.core.assignment.AssignmentLoader;
import org.gradebench.core.check.CheckerProvider;
import org.gradebench.core.grading.GradingEngine;
import org.gradebench.core.history.HistoryException;
import org.gradebench.core.history.ReviewStore;
import org.gradebench.core.history.RunHistory;
import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.ProgramPlanner;
import org.gradebench.core.run.RunQueue;
import org.gradebench.core.run.Sandbox;
import org.gradebench.core.submission.SubmissionSource;
import org.gradebench.store.DataDirectories;
import org.gradebench.store.h2.H2RunHistory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;

/**
 * The composition root: builds every service once, with constructors, for the CLI and the window alike. Nothing
 * else in the application constructs adapters (sandbox, store, io); everything else receives them.
 */
public final class AppServices implements AutoCloseable {

    /**
     * @param db          history database file (default: the user's data folder)
     * @param profilesDir language profiles folder (default: the bundled sandbox-profiles/)
     * @param jobs        parallelism (0 = number of cores)
     */
    public record Options(Optional<Path> db, Optional<Path> profilesDir, int jobs) {
        public static Options defaults() {
            return new Options(Optional.empty(), Optional.empty(), 0);
        }
    }

    /** The application cannot start as asked (bad profiles, database in use...): the message is for the user. */
    public static final class StartupException extends Exception {
        private static final long serialVersionUID = 1L;

        public StartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** No sandbox backend can run programs here; the message says what to install or start. */
    public static final class NoSandboxException extends Exception {
        private static final long serialVersionUID = 1L;

        public NoSandboxException(String message) {
            super(message);
        }
    }

    private final Options options;
    private final DataDirectories dirs = DataDirectories.forCurrentUser();
    private final RunQueue queue;
    private final ThreadFactory threads = new RunQueue.NamedThreadFactory("gradebench-bg");
    private final List<LanguageProfile> profiles;
    private H2RunHistory history;

    public AppServices(Options options) throws StartupException {
        this.options = options;
        this.profiles = List.of();
        this.queue = new RunQueue(options.jobs() > 0 ? options.jobs() : RunQueue.defaultParallelism());
    }

    public List<LanguageProfile> profiles() {
        return profiles;
    }

    public RunQueue queue() {
        return queue;
    }

    /** The factory for the few background threads outside the run queue (shutdown hooks, probes). */
    public ThreadFactory threads() {
        return threads;
    }

    public Path databaseLocation() {
        return options.db().orElseGet(dirs::historyDatabase);
    }

    public synchronized RunHistory history() throws StartupException {
        return h2();
    }

    public synchronized ReviewStore reviews() throws StartupException {
        return h2();
    }

    private H2RunHistory h2() throws StartupException {
        if (history == null) {
            try {
                history = H2RunHistory.open(databaseLocation());
            } catch (HistoryException e) {
                throw new StartupException(e.getMessage(), e);
            }
        }
        return history;
    }

    public AssignmentLoader assignments() {
        throw new UnsupportedOperationException("assignment loader not wired yet");
    }

    public SubmissionSource submissions() {
        throw new UnsupportedOperationException("submission source not wired yet");
    }

    public Sandbox sandbox(String choice) throws NoSandboxException {
        throw new NoSandboxException("no sandbox backend wired yet");
    }

    public Sandbox unsandboxed() throws NoSandboxException {
        throw new NoSandboxException("no sandbox backend wired yet");
    }

    public GradingEngine engine(Sandbox sandbox) throws StartupException {
        return new GradingEngine(sandbox, new ProgramPlanner(profiles), history(), queue, Clock.systemUTC());
    }

    public CheckerProvider checkers(Sandbox sandbox) {
        throw new UnsupportedOperationException("checkers not wired yet");
    }

    public Map<String, String> toolchainVersions(Sandbox sandbox) {
        return Map.of();
    }

    /** A fresh folder under the data directory for extracted submissions; kept so history can show sources later. */
    public Path newWorkspace(String kind) throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path dir = dirs.dataDirectory().resolve("workspaces").resolve(kind + "-" + stamp + "-" + UUID.randomUUID().toString().substring(0, 8));
        return Files.createDirectories(dir);
    }

    @Override
    public synchronized void close() {
        queue.close();
        if (history != null) history.close();
    }
}
