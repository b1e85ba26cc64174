package org.gradebench.core.history;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.CheckerSpec;
import org.gradebench.core.assignment.ResourceLimits;
import org.gradebench.core.assignment.Scoring;
import org.gradebench.core.assignment.TestCase;
import org.gradebench.core.grading.CompileResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.submission.Submission;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SessionComparisonTest {

    private static final Assignment A = new Assignment("Lab", Path.of("/a/lab"), Assignment.Format.NATIVE, Optional.empty(),
            Set.of(), ResourceLimits.DEFAULTS, CheckerSpec.tokens(), new Scoring(Scoring.Mode.SUM, 10),
            List.of(test("t1"), test("t2")));

    private static TestCase test(String name) {
        return new TestCase(name, Path.of("/a/lab/tests", name + ".in"), Path.of("/a/lab/tests", name + ".out"), 1, "",
                false, Optional.empty());
    }

    private static SessionInfo info(Instant t, String testsHash, String checker, String backend) {
        return new SessionInfo(t, "Lab", "/a/lab", testsHash, checker, "/s", backend, Map.of("python3", "3.11"), 2, false);
    }

    private static TestResult result(String name, Verdict v) {
        return new TestResult(name, v, new RunResult(RunResult.Outcome.EXITED, 0, 0, 5, 6, 1000, false, 0,
                CapturedOutput.EMPTY, CapturedOutput.EMPTY, Map.of(), ""), "");
    }

    /** A student: id, files hash, then the verdicts of t1 and t2. */
    private static StoredSession.StoredSubmission sub(String id, String hash, Verdict t1, Verdict t2) {
        return new StoredSession.StoredSubmission(Submission.plain(id, Path.of("/w", id)), hash,
                Optional.of(new CompileResult(Verdict.AC, "python3", "", Optional.empty())),
                List.of(result("t1", t1), result("t2", t2)));
    }

    private static StoredSession session(long id, SessionInfo info, StoredSession.StoredSubmission... subs) {
        return new StoredSession(new SessionSummary(id, info, SessionState.COMPLETED, Optional.empty(), subs.length, 0, 0),
                List.of(subs));
    }

    @Test
    void codeChangeIsTheReasonWhenOnlyTheFilesHashMoved() {
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        StoredSession older = session(1, info(t, "h", "tokens", "bwrap"),
                sub("ann", "a1", Verdict.AC, Verdict.WA), sub("bob", "b1", Verdict.AC, Verdict.AC));
        StoredSession newer = session(2, info(t.plusSeconds(60), "h", "tokens", "bwrap"),
                sub("ann", "a2", Verdict.AC, Verdict.AC), sub("bob", "b1", Verdict.AC, Verdict.AC));

        SessionComparison.Result r = SessionComparison.compare(older, newer, Optional.of(A));

        assertThat(r.sessionWide()).isEmpty();
        assertThat(r.unchanged()).isEqualTo(1);
        assertThat(r.changes()).singleElement().satisfies(c -> {
            assertThat(c.student()).isEqualTo("ann");
            assertThat(c.before()).contains(Verdict.WA);
            assertThat(c.after()).contains(Verdict.AC);
            assertThat(c.scoreBefore()).isEqualTo(5.0);
            assertThat(c.scoreAfter()).isEqualTo(10.0);
            assertThat(c.reasons()).containsExactly(SessionComparison.Reason.CODE_CHANGED);
            assertThat(c.changedTests()).containsExactly("t2: WA -> AC");
            assertThat(c.explanation()).isEqualTo("code changed");
        });
    }

    @Test
    void testsAndCheckerChangesApplyToEveryChangedStudent() {
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        StoredSession older = session(1, info(t, "h1", "tokens", "bwrap"), sub("ann", "a", Verdict.AC, Verdict.AC));
        StoredSession testsChanged = session(2, info(t.plusSeconds(1), "h2", "tokens", "bwrap"), sub("ann", "a", Verdict.AC, Verdict.WA));
        StoredSession checkerChanged = session(3, info(t.plusSeconds(2), "h3", "exact", "bwrap"), sub("ann", "a", Verdict.AC, Verdict.WA));

        assertThat(SessionComparison.compare(older, testsChanged, Optional.of(A)).changes().get(0).reasons())
                .containsExactly(SessionComparison.Reason.TESTS_CHANGED);
        // the tests hash covers the checker, so a checker change is reported once, as a checker change
        assertThat(SessionComparison.compare(older, checkerChanged, Optional.of(A)).changes().get(0).reasons())
                .containsExactly(SessionComparison.Reason.CHECKER_CHANGED);
    }

    @Test
    void sameInputsButDifferentResultIsUnexplainedAndSystemErrorsAreNamed() {
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        StoredSession older = session(1, info(t, "h", "tokens", "bwrap"),
                sub("ann", "a", Verdict.AC, Verdict.AC), sub("bob", "b", Verdict.AC, Verdict.AC));
        StoredSession newer = session(2, info(t.plusSeconds(1), "h", "tokens", "bwrap"),
                sub("ann", "a", Verdict.AC, Verdict.TLE), sub("bob", "b", Verdict.SE, Verdict.AC));

        List<SessionComparison.Change> changes = new ArrayList<>(SessionComparison.compare(older, newer, Optional.of(A)).changes());

        assertThat(changes).extracting(SessionComparison.Change::student).containsExactly("ann", "bob");
        assertThat(changes.get(0).reasons()).containsExactly(SessionComparison.Reason.UNEXPLAINED);
        assertThat(changes.get(1).reasons()).containsExactly(SessionComparison.Reason.SYSTEM_ERROR);
    }

    @Test
    void studentsGradedInOnlyOneSessionAreListedApartNotAsChanges() {
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        StoredSession older = session(1, info(t, "h", "tokens", "bwrap"),
                sub("ann", "a", Verdict.AC, Verdict.AC), sub("bob", "b", Verdict.WA, Verdict.AC));
        StoredSession newer = session(2, info(t.plusSeconds(1), "h", "tokens", "docker"),
                sub("bob", "b", Verdict.AC, Verdict.AC), sub("cyd", "c", Verdict.AC, Verdict.AC));

        SessionComparison.Result r = SessionComparison.compare(older, newer, Optional.of(A));

        assertThat(r.onlyOlder()).containsExactly("ann");
        assertThat(r.onlyNewer()).containsExactly("cyd");
        assertThat(r.sessionWide()).containsExactly(SessionComparison.Reason.ENVIRONMENT_CHANGED);
        assertThat(r.changes()).singleElement().satisfies(c -> {
            assertThat(c.student()).isEqualTo("bob");
            assertThat(c.reasons()).containsExactly(SessionComparison.Reason.ENVIRONMENT_CHANGED);
        });
    }
}
