package org.gradebench.ui.matrix;

import org.gradebench.core.grading.CompileResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.submission.Submission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MatrixModelTest {
    private final MatrixModel m = new MatrixModel();

    private static TestResult r(String test, Verdict v) {
        return new TestResult(test, v, RunResult.notRun(""), "");
    }

    @BeforeEach
    void setUp() {
        m.reset(List.of("t1", "t2", "t3"), List.of(Submission.plain("ann", Path.of("a")), Submission.plain("bob", Path.of("b")),
                Submission.plain("cyd", Path.of("c"))));
        m.applyTest("ann", 0, r("t1", Verdict.AC));
        m.applyTest("ann", 1, r("t2", Verdict.WA));
        m.applyTest("bob", 0, r("t1", Verdict.AC));
        m.applyTest("bob", 2, r("t3", Verdict.TLE));
    }

    @Test
    void cellsStartPendingAndPassCountsFollowUpdates() {
        assertThat(m.verdict(2, 0)).isEqualTo(Verdict.PENDING);
        assertThat(m.passCount(0)).isEqualTo(2);
        m.applyTest("bob", 0, r("t1", Verdict.RE));
        assertThat(m.passCount(0)).isEqualTo(1);
        assertThat(m.gradedCount(0)).isEqualTo(2);
    }

    @Test
    void aBuildFailureFillsTheRow() {
        m.applyCompile("cyd", new CompileResult(Verdict.CE, "c", "error", Optional.empty()));
        assertThat(List.of(m.verdict(2, 0), m.verdict(2, 1), m.verdict(2, 2))).containsOnly(Verdict.CE);
        assertThat(m.row(2).overall()).isEqualTo(Verdict.CE);
    }

    @Test
    void nextAndPreviousFailingCellWrapInReadingOrder() {
        Optional<MatrixModel.Cell> first = m.nextFailing(Optional.empty(), true);
        assertThat(first).contains(new MatrixModel.Cell(0, 1));
        Optional<MatrixModel.Cell> second = m.nextFailing(first, true);
        assertThat(second).contains(new MatrixModel.Cell(1, 2));
        assertThat(m.nextFailing(second, true)).contains(new MatrixModel.Cell(0, 1));
        assertThat(m.nextFailing(first, false)).contains(new MatrixModel.Cell(1, 2));
    }

    @Test
    void filterLimitsRowsAndNavigation() {
        m.setFilter("BO");
        assertThat(m.visibleRows()).containsExactly(1);
        assertThat(m.nextFailing(Optional.empty(), true)).contains(new MatrixModel.Cell(1, 2));
        m.setFilter("");
        assertThat(m.visibleCount()).isEqualTo(3);
    }

    @Test
    void nextStudentPrefersAFailingCellInTheNextRow() {
        assertThat(m.nextStudent(Optional.of(new MatrixModel.Cell(0, 0)))).contains(new MatrixModel.Cell(1, 2));
        assertThat(m.nextStudent(Optional.of(new MatrixModel.Cell(2, 1)))).contains(new MatrixModel.Cell(0, 1));
    }

    @Test
    void revisionMovesOnEveryChange() {
        long before = m.revision();
        m.markPending(List.of(0), List.of(1));
        assertThat(m.revision()).isGreaterThan(before);
        assertThat(m.verdict(0, 1)).isEqualTo(Verdict.PENDING);
    }
}
