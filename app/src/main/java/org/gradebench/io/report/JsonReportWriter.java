package org.gradebench.io.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.gradebench.core.grading.SubmissionResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.submission.Submission;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The JSON report of a grading session: a public interface. The fields documented in the README ("assignment",
 * "backend", "submissions"[{"id", "student", "language", "verdict", "score", "maxScore", "compile"{"verdict","log"},
 * "tests"[{"name","verdict","cpuMs","wallMs","memoryKb","exitCode","signal","stdout","stderr"}]}]) only ever gain
 * siblings, never change. Streamed, so a 1,000-submission report never sits in memory twice.
 */
public final class JsonReportWriter {
    /** Outputs in the report are excerpts; the full capped output is in the history database. */
    public static final int EXCERPT_BYTES = 4096;

    private final JsonFactory factory = new JsonFactory();

    public record Header(String assignment, String backend, long sessionId, String state, boolean unsafe) {
    }

    /** Writes atomically: a crash never leaves half a report where a script expects a whole one. */
    public void write(Path file, Header header, List<SubmissionResult> results) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".report", ".json.tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(out, header, results);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public void write(OutputStream out, Header header, List<SubmissionResult> results) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("assignment", header.assignment());
            g.writeStringField("backend", header.backend());
            g.writeNumberField("sessionId", header.sessionId());
            g.writeStringField("state", header.state());
            g.writeBooleanField("unsandboxed", header.unsafe());
            g.writeArrayFieldStart("submissions");
            for (SubmissionResult r : results) {
                submission(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void submission(JsonGenerator g, SubmissionResult r) throws IOException {
        Submission s = r.submission();
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeStringField("student", s.student());
        g.writeStringField("language", r.compile().language());
        g.writeStringField("verdict", r.verdict().name());
        g.writeNumberField("score", r.score());
        g.writeNumberField("maxScore", r.maxScore());
        identity(g, s.identity());
        g.writeObjectFieldStart("compile");
        g.writeStringField("verdict", r.compile().verdict().name());
        g.writeStringField("log", r.compile().log());
        g.writeEndObject();
        g.writeArrayFieldStart("tests");
        for (TestResult t : r.tests()) {
            test(g, t);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void identity(JsonGenerator g, Submission.Identity id) throws IOException {
        g.writeObjectFieldStart("identity");
        g.writeStringField("source", id.source());
        if (id.lmsId().isPresent()) g.writeStringField("lmsId", id.lmsId().get());
        if (id.login().isPresent()) g.writeStringField("login", id.login().get());
        if (id.email().isPresent()) g.writeStringField("email", id.email().get());
        g.writeBooleanField("late", id.late());
        if (id.submittedAt().isPresent()) g.writeStringField("submittedAt", id.submittedAt().get().toString());
        g.writeNumberField("attempt", id.attempt());
        g.writeEndObject();
    }

    private static void test(JsonGenerator g, TestResult t) throws IOException {
        RunResult run = t.run();
        g.writeStartObject();
        g.writeStringField("name", t.testName());
        g.writeStringField("verdict", t.verdict().name());
        g.writeStringField("message", t.checkerMessage());
        boolean ran = run.outcome() == RunResult.Outcome.EXITED || run.outcome() == RunResult.Outcome.SIGNALED;
        if (ran) {
            g.writeNumberField("cpuMs", run.cpuMs());
            g.writeNumberField("wallMs", run.wallMs());
            g.writeNumberField("memoryKb", run.peakMemoryKb());
            if (run.outcome() == RunResult.Outcome.EXITED) g.writeNumberField("exitCode", run.exitCode());
            else g.writeNullField("exitCode");
            if (run.outcome() == RunResult.Outcome.SIGNALED) g.writeNumberField("signal", run.signal());
            else g.writeNullField("signal");
        } else {
            g.writeNullField("cpuMs");
            g.writeNullField("wallMs");
            g.writeNullField("memoryKb");
            g.writeNullField("exitCode");
            g.writeNullField("signal");
        }
        output(g, "stdout", run.stdout());
        output(g, "stderr", run.stderr());
        g.writeEndObject();
    }

    private static void output(JsonGenerator g, String name, CapturedOutput out) throws IOException {
        g.writeStringField(name, out.excerpt(EXCERPT_BYTES));
        g.writeBooleanField(name + "Truncated", out.truncated() || out.size() > EXCERPT_BYTES);
    }
}
