package org.gradebench.core.history;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.grading.SessionResults;
import org.gradebench.core.grading.SubmissionResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares two grading sessions of the same assignment: which students changed verdict or score, and why.
 *
 * <p>The reasons come from what each session recorded: the tests hash (inputs, expected outputs, limits, checker),
 * the checker description, each submission's files hash, and the backend and toolchains. Because the tests hash
 * covers the checker too, a changed checker is reported as {@link Reason#CHECKER_CHANGED} and not additionally as
 * {@link Reason#TESTS_CHANGED}.</p>
 */
public final class SessionComparison {
    private SessionComparison() {
    }

    public enum Reason {
        TESTS_CHANGED("tests changed"),
        CHECKER_CHANGED("checker changed"),
        CODE_CHANGED("code changed"),
        ENVIRONMENT_CHANGED("sandbox or toolchain changed"),
        /** One of the two results is a system error: the infrastructure failed, not the student. */
        SYSTEM_ERROR("system error in one session (not the student's fault)"),
        /** Same code, tests, checker and environment, still a different result: a timing-sensitive program. */
        UNEXPLAINED("nothing recorded changed (timing-sensitive?)");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One student whose result differs.
     *
     * @param before       the older verdict (empty when the older session has none recorded)
     * @param after        the newer verdict
     * @param changedTests tests whose verdict differs, as "name: WA -> AC"
     */
    public record Change(String submissionId, String student, Optional<Verdict> before, Optional<Verdict> after,
                         double scoreBefore, double scoreAfter, Set<Reason> reasons, List<String> changedTests) {
        public Change {
            Objects.requireNonNull(submissionId, "submissionId");
            Objects.requireNonNull(student, "student");
            reasons = reasons.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(reasons));
            changedTests = List.copyOf(changedTests);
        }

        /** "tests changed, code changed". */
        public String explanation() {
            return reasons.stream().sorted().map(Reason::label).reduce((a, b) -> a + ", " + b).orElse("");
        }
    }

    /**
     * @param sessionWide reasons that apply to every student (tests, checker, environment)
     * @param changes     students graded in both sessions whose verdict, score or test verdicts differ
     * @param unchanged   students graded in both with the same verdicts and score
     * @param onlyOlder   students graded only in the older session (e.g. the newer one regraded a subset)
     * @param onlyNewer   students graded only in the newer session
     */
    public record Result(long olderId, long newerId, Set<Reason> sessionWide, List<Change> changes, int unchanged,
                         List<String> onlyOlder, List<String> onlyNewer) {
        public Result {
            sessionWide = sessionWide.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sessionWide));
            changes = List.copyOf(changes);
            onlyOlder = List.copyOf(onlyOlder);
            onlyNewer = List.copyOf(onlyNewer);
        }
    }

    /**
     * @param assignment the assignment as it is now, for scores and test order (scores are 0 without it)
     */
    public static Result compare(StoredSession older, StoredSession newer, Optional<Assignment> assignment) {
        SessionInfo a = older.summary().info();
        SessionInfo b = newer.summary().info();
        EnumSet<Reason> wide = EnumSet.noneOf(Reason.class);
        if (!a.checker().equals(b.checker())) {
            wide.add(Reason.CHECKER_CHANGED);
        } else if (!a.testsHash().equals(b.testsHash())) {
            wide.add(Reason.TESTS_CHANGED);
        }
        if (!a.backend().equals(b.backend()) || !a.toolchains().equals(b.toolchains())) {
            wide.add(Reason.ENVIRONMENT_CHANGED);
        }

        Map<String, SubmissionResult> before = byId(SessionResults.of(older, assignment));
        Map<String, SubmissionResult> after = byId(SessionResults.of(newer, assignment));
        Map<String, String> hashBefore = hashes(older);
        Map<String, String> hashAfter = hashes(newer);

        List<Change> changes = new ArrayList<>();
        List<String> onlyOlder = new ArrayList<>();
        List<String> onlyNewer = new ArrayList<>();
        int unchanged = 0;
        for (Map.Entry<String, SubmissionResult> e : before.entrySet()) {
            SubmissionResult old = e.getValue();
            SubmissionResult now = after.get(e.getKey());
            if (now == null) {
                onlyOlder.add(old.submission().student());
                continue;
            }
            List<String> tests = changedTests(old, now);
            boolean differs = old.verdict() != now.verdict() || Double.compare(old.score(), now.score()) != 0
                    || !tests.isEmpty();
            if (!differs) {
                unchanged++;
                continue;
            }
            EnumSet<Reason> why = EnumSet.noneOf(Reason.class);
            why.addAll(wide);
            if (!Objects.equals(hashBefore.get(e.getKey()), hashAfter.get(e.getKey()))) why.add(Reason.CODE_CHANGED);
            if (hasSystemError(old) || hasSystemError(now)) why.add(Reason.SYSTEM_ERROR);
            if (why.isEmpty()) why.add(Reason.UNEXPLAINED);
            changes.add(new Change(e.getKey(), now.submission().student(), Optional.of(old.verdict()),
                    Optional.of(now.verdict()), old.score(), now.score(), why, tests));
        }
        for (Map.Entry<String, SubmissionResult> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) onlyNewer.add(e.getValue().submission().student());
        }
        return new Result(older.summary().id(), newer.summary().id(), wide, changes, unchanged, onlyOlder, onlyNewer);
    }

    private static boolean hasSystemError(SubmissionResult r) {
        return r.verdict() == Verdict.SE || r.compile().verdict() == Verdict.SE
                || r.tests().stream().anyMatch(t -> t.verdict() == Verdict.SE);
    }

    private static List<String> changedTests(SubmissionResult old, SubmissionResult now) {
        Map<String, Verdict> was = new LinkedHashMap<>();
        old.tests().forEach(t -> was.put(t.testName(), t.verdict()));
        List<String> out = new ArrayList<>();
        for (TestResult t : now.tests()) {
            Verdict v = was.get(t.testName());
            if (v != null && v != t.verdict()) out.add(t.testName() + ": " + v + " -> " + t.verdict());
        }
        return out;
    }

    private static Map<String, SubmissionResult> byId(List<SubmissionResult> results) {
        Map<String, SubmissionResult> m = new LinkedHashMap<>();
        results.forEach(r -> m.put(r.submission().id(), r));
        return m;
    }

    private static Map<String, String> hashes(StoredSession s) {
        Map<String, String> m = new LinkedHashMap<>();
        s.submissions().forEach(x -> m.put(x.submission().id(), x.filesHash()));
        return m;
    }
}
