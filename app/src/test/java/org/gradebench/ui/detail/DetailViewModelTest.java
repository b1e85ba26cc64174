package org.gradebench.ui.detail;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.CheckerSpec;
import org.gradebench.core.assignment.ResourceLimits;
import org.gradebench.core.assignment.Scoring;
import org.gradebench.core.assignment.TestCase;
import org.gradebench.core.grading.CompileResult;
import org.gradebench.core.grading.GradingEngine;
import org.gradebench.core.grading.GradingListener;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.history.ReviewStore;
import org.gradebench.core.history.RunHistory;
import org.gradebench.core.history.SessionInfo;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.submission.Submission;
import org.gradebench.core.submission.SubmissionSource;
import org.gradebench.store.h2.H2RunHistory;
import org.gradebench.ui.common.Workbench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The detail pane's ViewModel with direct executors and a real H2 history (reviews are stored there). */
class DetailViewModelTest {
    @TempDir
    Path dir;
    private H2RunHistory history;
    private DetailViewModel vm;
    private Assignment assignment;
    private Submission sub;
    private long session;

    @BeforeEach
    void setUp() throws IOException {
        history = H2RunHistory.open(dir.resolve("history"));
        Path tests = Files.createDirectories(dir.resolve("lab/tests"));
        Files.writeString(tests.resolve("01.in"), "3 4\n");
        Files.writeString(tests.resolve("01.out"), "7\nend\n");
        assignment = new Assignment("Lab", dir.resolve("lab"), Assignment.Format.NATIVE, Optional.empty(), Set.of(),
                ResourceLimits.DEFAULTS, CheckerSpec.tokens(), new Scoring(Scoring.Mode.SUM, 10),
                List.of(new TestCase("01", tests.resolve("01.in"), tests.resolve("01.out"), 1, "", false, Optional.empty())));
        Path code = Files.createDirectories(dir.resolve("subs/ann"));
        Files.writeString(code.resolve("main.py"), "print(sum(map(int, input().split())) + 1)\n");
        sub = Submission.plain("ann", code);
        session = history.startSession(new SessionInfo(Instant.now(), "Lab", dir.resolve("lab").toString(), "h", "tokens",
                dir.resolve("subs").toString(), "bwrap", Map.of(), 1, false));
        history.recordSubmission(session, sub, "x");
        vm = new DetailViewModel(new Bench(), Runnable::run, Runnable::run);
    }

    @AfterEach
    void tearDown() {
        history.close();
    }

    private DetailViewModel.Context context(String stdout) {
        RunResult run = new RunResult(RunResult.Outcome.EXITED, 0, 0, 14, 19, 9420, false, 0,
                new CapturedOutput(stdout.getBytes(StandardCharsets.UTF_8), false), new CapturedOutput("warn\n".getBytes(), false),
                Map.of(), "");
        return new DetailViewModel.Context(assignment, sub, 0, Optional.of(new TestResult("01", Verdict.WA, run, "line 1 differs")),
                Optional.of(new CompileResult(Verdict.AC, "python3", "", Optional.empty())), Optional.of(session), 0, 10);
    }

    @Test
    void showsFactsInputSourceAndTheDiff() {
        vm.show(Optional.of(context("8\nend\n")));

        assertThat(vm.titleProperty().get()).isEqualTo("ann  \u2013  test 01");
        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.WA);
        assertThat(vm.factsProperty().get()).isEqualTo("14 ms CPU / 19 ms wall  \u00B7  9.2 MB  \u00B7  exit 0");
        assertThat(vm.inputProperty().get()).isEqualTo("3 4\n");
        assertThat(vm.stderrProperty().get()).isEqualTo("warn\n");
        assertThat(vm.sourceProperty().get()).contains("print(sum(");
        assertThat(vm.compileLogProperty().get()).startsWith("Built as python3.");
        assertThat(vm.diffProperty().get().hunks()).containsExactly(0);
        assertThat(vm.diffProperty().get().expected().get(0).spans()).containsExactly(new OutputDiff.Span(0, 1, "diff-char"));

        vm.showWhitespaceProperty().set(true);
        assertThat(vm.diffProperty().get().actual().get(0).text()).isEqualTo("8\u21B5");
    }

    @Test
    void reviewIsSavedToTheHistoryAndReadBack() {
        vm.show(Optional.of(context("8\nend\n")));
        vm.scoreOverrideProperty().set("7,5");
        vm.commentProperty().set("Off by one in the sum.");
        vm.testCommentProperty().set("prints 8 for 3 4");
        vm.saveReview();

        assertThat(vm.reviewStatusProperty().get()).isEqualTo("Saved to session #" + session + ".");
        var stored = history.review(session, "ann").orElseThrow();
        assertThat(stored.scoreOverride()).contains(7.5);
        assertThat(stored.comment()).isEqualTo("Off by one in the sum.");
        assertThat(stored.testComments()).containsEntry("01", "prints 8 for 3 4");

        vm.show(Optional.empty());
        vm.show(Optional.of(context("8\nend\n")));
        assertThat(vm.scoreOverrideProperty().get()).isEqualTo("7.50");
        assertThat(vm.testCommentProperty().get()).isEqualTo("prints 8 for 3 4");
        assertThat(vm.computedScoreProperty().get()).isEqualTo("0 / 10");
    }

    @Test
    void aScoreThatIsNotANumberIsRefusedWithASentence() {
        vm.show(Optional.of(context("7\nend\n")));
        vm.scoreOverrideProperty().set("seven");
        vm.saveReview();
        assertThat(vm.reviewStatusProperty().get()).startsWith("The score override must be a number");
        assertThat(history.review(session, "ann")).isEmpty();
    }

    private final class Bench implements Workbench {
        @Override public Assignment loadAssignment(Path folder) { return assignment; }
        @Override public SubmissionSource.ImportResult importSubmissions(Path input) { return new SubmissionSource.ImportResult("x", List.of(), List.of()); }
        @Override public GradingEngine.GradingHandle startGrading(GradingJob job, GradingListener listener) { throw new UnsupportedOperationException(); }
        @Override public RunHistory history() { return history; }
        @Override public ReviewStore reviews() { return history; }
        @Override public org.gradebench.core.export.GradeExportService gradeExport() {
            return new org.gradebench.io.export.LmsGradeExportService(history, history, f -> assignment, java.time.Clock.systemUTC());
        }
        @Override public List<Component> components() { return List.of(); }
        @Override public Optional<Path> samplesFolder() { return Optional.empty(); }
        @Override public Path logFile() { return dir.resolve("log"); }
    }
}
