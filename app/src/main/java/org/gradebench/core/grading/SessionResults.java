package org.gradebench.core.grading;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.TestCase;
import org.gradebench.core.history.StoredSession;
import org.gradebench.core.run.RunResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rebuilds submission results (verdicts, scores) from a stored session. */
public final class SessionResults {
    private SessionResults() {
    }

    /**
     * @param assignment the assignment as it is now, for test order and weights; without it, tests are listed as
     *                   stored and scores are 0 of 0
     */
    public static List<SubmissionResult> of(StoredSession session, Optional<Assignment> assignment) {
        List<SubmissionResult> out = new ArrayList<>();
        for (StoredSession.StoredSubmission s : session.submissions()) {
            CompileResult compile = s.compile().orElse(new CompileResult(Verdict.PENDING, "", "not graded", Optional.empty()));
            Map<String, TestResult> byName = new LinkedHashMap<>();
            s.tests().forEach(t -> byName.put(t.testName(), t));
            List<TestResult> tests = new ArrayList<>();
            if (assignment.isPresent()) {
                for (TestCase t : assignment.get().tests()) {
                    TestResult r = byName.get(t.name());
                    if (r == null) {
                        Verdict v = compile.verdict() == Verdict.AC ? Verdict.PENDING : compile.verdict();
                        r = new TestResult(t.name(), v, RunResult.notRun("not run"), "not run");
                    }
                    tests.add(r);
                }
            } else {
                tests.addAll(byName.values());
            }
            Map<String, Verdict> verdicts = new HashMap<>();
            tests.forEach(t -> verdicts.put(t.testName(), t.verdict()));
            Scorer.Score score = assignment.map(a -> Scorer.score(a, verdicts)).orElse(new Scorer.Score(0, 0));
            Verdict overall = Verdicts.overall(compile, tests);
            out.add(new SubmissionResult(s.submission(), compile, tests, overall,
                    compile.verdict() == Verdict.AC ? score.score() : 0, score.maxScore()));
        }
        return out;
    }
}
