package org.gradebench.store.h2;

import org.gradebench.core.grading.CompileResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.history.SessionInfo;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.submission.Submission;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Sample records for the store tests (also used by the child process of the crash test). */
final class HistoryFixtures {

    static final Instant T0 = Instant.parse("2026-11-21T10:15:30.123456789Z");

    private HistoryFixtures() {
    }

    static SessionInfo session(String assignmentPath, String source, Instant started) {
        return new SessionInfo(started, "Hello " + assignmentPath, assignmentPath, "sha256:abc", "exact (trim)",
                source, "bwrap", Map.of("c", "gcc 12.2.0", "python", "Python 3.11.2"), 4, false);
    }

    static SessionInfo session() {
        return session("/a/hello", "/s/batch.zip", T0);
    }

    static Submission plain(String id) {
        return Submission.plain(id, Path.of("/tmp/extracted", id));
    }

    static RunResult exited(int exit, String stdout) {
        return new RunResult(RunResult.Outcome.EXITED, exit, 0, 12, 34, 5678, false, 0,
                new CapturedOutput(stdout.getBytes(StandardCharsets.UTF_8), false), CapturedOutput.EMPTY, Map.of(), "");
    }

    static TestResult test(String name, Verdict verdict) {
        return new TestResult(name, verdict, exited(verdict == Verdict.RE ? 1 : 0, "out of " + name), "msg " + name);
    }

    static CompileResult compiled() {
        return new CompileResult(Verdict.AC, "c", "", Optional.of(exited(0, "")));
    }

    static CompileResult compileError() {
        return new CompileResult(Verdict.CE, "c", "main.c:1: error: expected ';'", Optional.of(exited(1, "")));
    }
}
