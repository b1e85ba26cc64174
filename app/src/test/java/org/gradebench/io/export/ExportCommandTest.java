package org.gradebench.io.export;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.gradebench.AppServices;
import org.gradebench.cli.GradebenchCommand;
import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.AssignmentHashes;
import org.gradebench.core.assignment.TestCase;
import org.gradebench.core.grading.CompileResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.history.Review;
import org.gradebench.core.history.SessionInfo;
import org.gradebench.core.history.SessionState;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.submission.Submission;
import org.gradebench.store.h2.H2RunHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** `gradebench export` end to end: a real H2 history file, the sample assignment loaded by the real loader. */
class ExportCommandTest {
    @TempDir
    Path tmp;

    static Path root() {
        return Path.of(System.getProperty("gradebench.projectRoot", "..")).toAbsolutePath().normalize();
    }

    record Run(int exit, String err) {
    }

    Run run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new GradebenchCommand()).execute(args);
            return new Run(exit, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    /** The Python sample, loaded the way the CLI loads it (its history database is created on the way). */
    private static Assignment loadSample(Path db) throws Exception {
        Path sample = root().resolve("sample-assignments/python-word-frequency");
        try (AppServices services = new AppServices(new AppServices.Options(Optional.of(db),
                Optional.of(root().resolve("sandbox-profiles")), 1))) {
            return services.assignments().load(sample);
        }
    }

    @Test
    void exportsMoodleWorksheetAndFeedbackZipFromTheHistory() throws Exception {
        Path profiles = root().resolve("sandbox-profiles");
        Path db = tmp.resolve("history");
        Assignment a = loadSample(db);
        try (H2RunHistory h = H2RunHistory.open(db)) {
            long sid = h.startSession(new SessionInfo(Instant.now(), a.title(), a.root().toString(), AssignmentHashes.testsHash(a),
                    "tokens", tmp.resolve("subs.zip").toString(), "bwrap", Map.of(), 1, false));
            record(h, sid, a, "1834521", "Zoë Ångström", null);
            record(h, sid, a, "1834533", "Seán O'Connor", "01-sample");
            h.saveReview(sid, new Review("1834533", Optional.of(80.0), "See me.", Map.of()));
            h.finishSession(sid, SessionState.COMPLETED);
        }
        Path out = tmp.resolve("grades.csv");
        Path zip = tmp.resolve("feedback.zip");
        Run r = run("export", "--db", db.toString(), "--profiles", profiles.toString(), "--session", "latest",
                "--format", "moodle", "--out", out.toString(), "--feedback", zip.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("Wrote 2 grade row(s)").contains("1 overridden by hand: 1834533")
                .contains("Wrote feedback for 2 student(s)").doesNotContain("tests changed");
        List<List<String>> t = ExportFixture.parse(out);
        assertThat(ExportFixture.row(t, 0, "Participant 1834521")).containsEntry("Grade", "100.00").containsEntry("Maximum Grade", "100.00");
        assertThat(ExportFixture.row(t, 0, "Participant 1834533")).containsEntry("Grade", "80.00")
                .containsEntry("Gradebench override", "overridden (computed 91.67)");
        List<String> names = new ArrayList<>();
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) names.add(e.getName());
            String html = new String(z.getInputStream(z.getEntry("Seán OConnor_1834533_assignfeedback_file/feedback.html"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertThat(html).contains("80.00 / 100.00").contains("See me.").contains("01-sample");
        }
        assertThat(names).containsExactlyInAnyOrder(
                "Zoë Ångström_1834521_assignfeedback_file/feedback.html", "Zoë Ångström_1834521_assignfeedback_file/feedback.txt",
                "Seán OConnor_1834533_assignfeedback_file/feedback.html", "Seán OConnor_1834533_assignfeedback_file/feedback.txt");
    }

    @Test
    void brightspaceWithoutTheGradesExportExitsWith2AndNamesTheFileToDownload() throws Exception {
        Path profiles = root().resolve("sandbox-profiles");
        Path db = tmp.resolve("history");
        Assignment a = loadSample(db);
        try (H2RunHistory h = H2RunHistory.open(db)) {
            long sid = h.startSession(new SessionInfo(Instant.now(), a.title(), a.root().toString(), AssignmentHashes.testsHash(a),
                    "tokens", tmp.resolve("Lab Download.zip").toString(), "bwrap", Map.of(), 1, false));
            record(h, sid, a, "101251-556702", "Seán O'Connor", null);
            h.finishSession(sid, SessionState.COMPLETED);
        }
        Path out = tmp.resolve("d2l.csv");
        Run r = run("export", "--db", db.toString(), "--profiles", profiles.toString(), "--session", "latest",
                "--format", "brightspace", "--column", "Lab 1", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("no Username or OrgDefinedId").contains("Grades > Export").contains("--lms-template FILE");
        assertThat(out).doesNotExist();
    }

    @Test
    void badUsageAndMissingThingsExitWith2() throws Exception {
        Path profiles = root().resolve("sandbox-profiles");
        Path db = tmp.resolve("history");
        Path out = tmp.resolve("g.csv");
        Run badFormat = run("export", "--db", db.toString(), "--profiles", profiles.toString(), "--session", "1",
                "--format", "sakai", "--out", out.toString());
        assertThat(badFormat.exit()).isEqualTo(2);
        assertThat(badFormat.err()).contains("unknown export format 'sakai'");
        Run noSession = run("export", "--db", db.toString(), "--profiles", profiles.toString(), "--session", "latest",
                "--format", "csv", "--out", out.toString());
        assertThat(noSession.exit()).isEqualTo(2);
        assertThat(noSession.err()).contains("no grading sessions");
        Run noTemplate = run("export", "--db", db.toString(), "--profiles", profiles.toString(), "--session", "1",
                "--format", "canvas", "--out", out.toString(), "--lms-template", tmp.resolve("missing.csv").toString());
        assertThat(noTemplate.exit()).isEqualTo(2);
        assertThat(out).doesNotExist();
    }

    private static void record(H2RunHistory h, long sid, Assignment a, String id, String name, String failing) {
        h.recordSubmission(sid, new Submission(id, name, Path.of("/nonexistent", id), new Submission.Identity("moodle",
                Optional.of(id), Optional.empty(), Optional.empty(), false, Optional.empty(), 1)), "hash");
        h.recordCompile(sid, id, new CompileResult(Verdict.AC, "python3", "", Optional.empty()));
        int i = 0;
        for (TestCase tc : a.tests()) {
            Verdict v = tc.name().equals(failing) ? Verdict.WA : Verdict.AC;
            RunResult run = new RunResult(RunResult.Outcome.EXITED, 0, 0, 5, 6, 1000, false, 0,
                    new CapturedOutput("wrong\n".getBytes(StandardCharsets.UTF_8), false), CapturedOutput.EMPTY, Map.of(), "");
            h.recordTest(sid, id, i++, new TestResult(tc.name(), v, run, v == Verdict.AC ? "ok" : "differs"));
        }
    }
}
