package org.gradebench.ui.export;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.AssignmentHashes;
import org.gradebench.core.assignment.CheckerSpec;
import org.gradebench.core.assignment.ResourceLimits;
import org.gradebench.core.assignment.Scoring;
import org.gradebench.core.assignment.TestCase;
import org.gradebench.core.export.GradeExportService.Format;
import org.gradebench.core.grading.CompileResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.history.Review;
import org.gradebench.core.history.SessionInfo;
import org.gradebench.core.history.SessionState;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.submission.Submission;
import org.gradebench.io.export.CsvTable;
import org.gradebench.io.export.LmsGradeExportService;
import org.gradebench.store.h2.H2RunHistory;
import org.gradebench.ui.common.UiPreferences;
import org.gradebench.ui.common.UserMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export dialog's ViewModel without the toolkit, over the real export service and a real H2 history: the session
 * on screen (with an override and a comment) is exported, and what happened is told in sentences.
 */
class ExportViewModelTest {
    @TempDir
    Path dir;

    private H2RunHistory history;
    private Assignment assignment;
    private long session;
    private final ConcurrentLinkedQueue<Runnable> ui = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> background = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void record() throws Exception {
        history = H2RunHistory.open(dir.resolve("history"));
        Path tests = Files.createDirectories(dir.resolve("lab/tests"));
        List<TestCase> cases = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Files.writeString(tests.resolve("0" + i + ".in"), "in\n");
            Files.writeString(tests.resolve("0" + i + ".out"), "out\n");
            cases.add(new TestCase("0" + i, tests.resolve("0" + i + ".in"), tests.resolve("0" + i + ".out"), 1, "", false, Optional.empty()));
        }
        assignment = new Assignment("Lab 1: Échos, \"quotes\"", dir.resolve("lab"), Assignment.Format.NATIVE, Optional.empty(),
                Set.of(), ResourceLimits.DEFAULTS, CheckerSpec.tokens(), new Scoring(Scoring.Mode.SUM, 10), cases);
        session = history.startSession(new SessionInfo(Instant.now(), assignment.title(), assignment.root().toString(),
                AssignmentHashes.testsHash(assignment), "tokens", dir.resolve("subs").toString(), "bwrap", Map.of(), 1, false));
        add("1834521", "Zoë Ångström", Verdict.AC, Verdict.AC);
        add("1834533", "Seán O'Connor", Verdict.AC, Verdict.WA);
        add("1834550", "Smith, John", Verdict.WA, Verdict.WA);
        history.saveReview(session, new Review("1834550", Optional.of(7.5), "Good idea, wrong loop; see me.", Map.of()));
        history.finishSession(session, SessionState.COMPLETED);
    }

    private void add(String id, String name, Verdict t1, Verdict t2) {
        history.recordSubmission(session, new Submission(id, name, dir.resolve("subs").resolve(id),
                new Submission.Identity("canvas", Optional.of(id), Optional.empty(), Optional.empty(), false, Optional.empty(), 1)), "h" + id);
        history.recordCompile(session, id, new CompileResult(Verdict.AC, "c", "", Optional.empty()));
        int i = 0;
        for (Verdict v : List.of(t1, t2)) {
            RunResult run = new RunResult(RunResult.Outcome.EXITED, 0, 0, 5, 6, 1000, false, 0,
                    new CapturedOutput((v == Verdict.AC ? "out\n" : "nope\n").getBytes(StandardCharsets.UTF_8), false),
                    CapturedOutput.EMPTY, Map.of(), "");
            history.recordTest(session, id, i, new TestResult("0" + (i + 1), v, run, v == Verdict.AC ? "ok" : "differs"));
            i++;
        }
    }

    @AfterEach
    void close() {
        history.close();
    }

    private ExportViewModel vm() {
        return new ExportViewModel(() -> new LmsGradeExportService(history, history, f -> assignment, Clock.systemUTC()),
                session, assignment.title(), new UiPreferences(dir.resolve("prefs.properties")), ui::add, background::add);
    }

    /** Runs the background work, then the UI updates it posted, like the two threads would. */
    private void settle() {
        Runnable r;
        while ((r = background.poll()) != null) r.run();
        while ((r = ui.poll()) != null) r.run();
    }

    @Test
    void exportsTheSessionWithItsOverrideAndFeedbackAndSaysWhatWasWritten() throws Exception {
        ExportViewModel vm = vm();
        vm.formatProperty().set(Format.CANVAS);
        Path out = dir.resolve("out/canvas grades.csv");
        vm.outProperty().set(out.toString());
        vm.feedbackProperty().set(true);
        vm.feedbackTargetProperty().set("");
        vm.export();
        assertThat(vm.runningProperty().get()).isTrue();
        settle();

        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.messageProperty().get().severity()).isEqualTo(UserMessage.Severity.SUCCESS);
        assertThat(vm.messageProperty().get().text()).isEqualTo("Exported 3 grade(s) to canvas grades.csv, feedback for 3 student(s).");
        Path feedback = dir.resolve("out/canvas grades-feedback");
        assertThat(vm.reportProperty().get())
                .contains("Files written:\n  " + out + "\n  " + feedback)
                .contains("3 grade row(s), 1 overridden by hand, 0 skipped.")
                .contains("1 overridden by hand: 1834550");
        CsvTable t = CsvTable.read(out);
        int student = t.column("Student");
        int id = t.column("ID");
        int grade = t.header().size() - 1;
        assertThat(t.header().get(grade)).startsWith("Lab 1");
        List<List<String>> students = t.rows().stream().filter(r -> !r.get(student).strip().startsWith("Points Possible")).toList();
        assertThat(students).extracting(r -> r.get(id) + "=" + r.get(grade))
                .containsExactlyInAnyOrder("1834521=10.00", "1834533=5.00", "1834550=7.50");
        assertThat(Files.list(feedback).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void brightspaceWithoutItsGradesExportIsARefusalInSentencesAndWritesNothing() {
        ExportViewModel vm = vm();
        vm.formatProperty().set(Format.BRIGHTSPACE);
        assertThat(vm.templateHintProperty().get()).startsWith("Needed: the grades export (Grades > Export");
        Path out = dir.resolve("d2l.csv");
        vm.outProperty().set(out.toString());
        vm.feedbackProperty().set(false);
        vm.export();
        settle();
        UserMessage m = vm.messageProperty().get();
        assertThat(m.severity()).isEqualTo(UserMessage.Severity.ERROR);
        assertThat(m.text()).contains("no Username or OrgDefinedId").contains("Grades > Export")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(m.action()).startsWith("Pick that file in 'LMS grade file' above");
        assertThat(vm.reportProperty().get()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void choicesAreCheckedAndSuggestionsFollowTheFormat() {
        UiPreferences prefs = new UiPreferences(dir.resolve("prefs.properties"));
        prefs.put("export.dir", dir.toString());
        ExportViewModel vm = new ExportViewModel(() -> { throw new AssertionError("not reached"); }, session, assignment.title(),
                prefs, ui::add, background::add);
        vm.formatProperty().set(Format.MOODLE);
        assertThat(vm.outProperty().get()).endsWith("-session-" + session + "-moodle.csv");
        assertThat(vm.feedbackTargetProperty().get()).endsWith("-feedback.zip");
        assertThat(vm.templateHintProperty().get()).contains("Download grading worksheet");
        vm.formatProperty().set(Format.CSV);
        assertThat(vm.outProperty().get()).endsWith("-csv.csv");
        assertThat(vm.feedbackTargetProperty().get()).endsWith("-feedback");
        assertThat(vm.templateHintProperty().get()).startsWith("Not used");

        vm.outProperty().set("  ");
        assertThat(vm.canExportProperty().get()).isFalse();
        vm.export();
        assertThat(vm.messageProperty().get().text()).isEqualTo("Choose where to save the grade file.");
        assertThat(background).isEmpty();
    }
}
