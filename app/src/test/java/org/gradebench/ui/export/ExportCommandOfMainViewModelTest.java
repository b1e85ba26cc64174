package org.gradebench.ui.export;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.AssignmentHashes;
import org.gradebench.core.assignment.CheckerSpec;
import org.gradebench.core.assignment.ResourceLimits;
import org.gradebench.core.assignment.Scoring;
import org.gradebench.core.assignment.TestCase;
import org.gradebench.core.export.GradeExportService;
import org.gradebench.core.export.GradeExportService.Format;
import org.gradebench.core.grading.CompileResult;
import org.gradebench.core.grading.GradingEngine;
import org.gradebench.core.grading.GradingListener;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.history.Review;
import org.gradebench.core.history.ReviewStore;
import org.gradebench.core.history.RunHistory;
import org.gradebench.core.history.SessionInfo;
import org.gradebench.core.history.SessionState;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.submission.Submission;
import org.gradebench.core.submission.SubmissionSource;
import org.gradebench.io.export.CsvTable;
import org.gradebench.io.export.LmsGradeExportService;
import org.gradebench.store.h2.H2RunHistory;
import org.gradebench.ui.common.UiPreferences;
import org.gradebench.ui.common.UserError;
import org.gradebench.ui.common.UserMessage;
import org.gradebench.ui.common.Workbench;
import org.gradebench.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window's one export command: it exports the session on screen, or says what to do first. */
class ExportCommandOfMainViewModelTest {
    @TempDir
    Path dir;

    private H2RunHistory history;
    private Assignment assignment;
    private MainViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        history = H2RunHistory.open(dir.resolve("history"));
        Path tests = Files.createDirectories(dir.resolve("lab/tests"));
        Files.writeString(tests.resolve("01.in"), "in\n");
        Files.writeString(tests.resolve("01.out"), "out\n");
        assignment = new Assignment("Lab 2", dir.resolve("lab"), Assignment.Format.NATIVE, Optional.empty(), Set.of(),
                ResourceLimits.DEFAULTS, CheckerSpec.tokens(), new Scoring(Scoring.Mode.SUM, 10),
                List.of(new TestCase("01", tests.resolve("01.in"), tests.resolve("01.out"), 1, "", false, Optional.empty())));
        vm = new MainViewModel(new Bench(), new UiPreferences(dir.resolve("prefs.properties")), Runnable::run, Runnable::run,
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        history.close();
    }

    @Test
    void beforeAnythingIsGradedItSaysWhatToDoFirst() {
        assertThat(vm.exportGrades()).isEmpty();
        assertThat(vm.messageProperty().get().severity()).isEqualTo(UserMessage.Severity.WARNING);
        assertThat(vm.messageProperty().get().text()).isEqualTo("Nothing graded yet, so there are no grades to export.");
    }

    @Test
    void aPastSessionOnScreenIsWhatGetsExportedWithItsOverride() throws Exception {
        long sid = history.startSession(new SessionInfo(Instant.now(), assignment.title(), assignment.root().toString(),
                AssignmentHashes.testsHash(assignment), "tokens", "subs", "bwrap", Map.of(), 1, false));
        for (String id : List.of("ann", "bob")) {
            history.recordSubmission(sid, new Submission(id, id.toUpperCase(), dir.resolve(id), Submission.Identity.NONE), "h");
            history.recordCompile(sid, id, new CompileResult(Verdict.AC, "c", "", Optional.empty()));
            Verdict v = id.equals("ann") ? Verdict.AC : Verdict.WA;
            history.recordTest(sid, id, 0, new TestResult("01", v, new RunResult(RunResult.Outcome.EXITED, 0, 0, 1, 1, 1, false, 0,
                    new CapturedOutput("x\n".getBytes(StandardCharsets.UTF_8), false), CapturedOutput.EMPTY, Map.of(), ""), "r"));
        }
        history.saveReview(sid, new Review("bob", Optional.of(4.0), "Partial credit for the idea.", Map.of()));
        history.finishSession(sid, SessionState.COMPLETED);
        vm.openSession(history.sessions().get(0));
        assertThat(vm.sessionIdProperty().get()).isEqualTo(sid);

        ExportViewModel export = vm.exportGrades().orElseThrow();
        assertThat(export.sessionId()).isEqualTo(sid);
        assertThat(export.noteProperty().get()).isEmpty();
        export.formatProperty().set(Format.CSV);
        Path out = dir.resolve("grades.csv");
        export.outProperty().set(out.toString());
        export.feedbackProperty().set(false);
        export.export();
        assertThat(export.messageProperty().get().text()).isEqualTo("Exported 2 grade(s) to grades.csv.");
        CsvTable t = CsvTable.read(out);
        assertThat(t.rows()).extracting(r -> r.get(t.column("id")) + " " + r.get(t.column("score")) + " " + r.get(t.column("overridden")))
                .containsExactly("ann 10.00 no", "bob 4.00 yes");
    }

    private final class Bench implements Workbench {
        @Override public Assignment loadAssignment(Path folder) { return assignment; }
        @Override public SubmissionSource.ImportResult importSubmissions(Path input) { return new SubmissionSource.ImportResult("x", List.of(), List.of()); }
        @Override public GradingEngine.GradingHandle startGrading(GradingJob job, GradingListener listener) throws UserError {
            throw new UserError("This test does not grade.", "");
        }
        @Override public RunHistory history() { return history; }
        @Override public ReviewStore reviews() { return history; }
        @Override public GradeExportService gradeExport() {
            return new LmsGradeExportService(history, history, f -> assignment, Clock.systemUTC());
        }
        @Override public List<Component> components() { return List.of(); }
        @Override public Optional<Path> samplesFolder() { return Optional.empty(); }
        @Override public Path logFile() { return dir.resolve("log"); }
    }
}
