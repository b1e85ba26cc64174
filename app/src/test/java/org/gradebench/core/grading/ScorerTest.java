package org.gradebench.core.grading;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.CheckerSpec;
import org.gradebench.core.assignment.ResourceLimits;
import org.gradebench.core.assignment.Scoring;
import org.gradebench.core.assignment.TestCase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ScorerTest {
    static TestCase test(String name, double weight, String group) {
        return new TestCase(name, Path.of(name + ".in"), Path.of(name + ".out"), weight, group, false, Optional.empty());
    }

    static Assignment assignment(Scoring scoring, TestCase... tests) {
        return new Assignment("t", Path.of("/a"), Assignment.Format.NATIVE, Optional.empty(), Set.of(),
                ResourceLimits.DEFAULTS, CheckerSpec.tokens(), scoring, List.of(tests));
    }

    @Test
    void sumAddsWeightsOfAcceptedTests() {
        Assignment a = assignment(Scoring.DEFAULT, test("1", 1, ""), test("2", 2, ""), test("3", 3, ""));
        var s = Scorer.score(a, Map.of("1", Verdict.AC, "2", Verdict.WA, "3", Verdict.AC));
        assertThat(s.score()).isEqualTo(4);
        assertThat(s.maxScore()).isEqualTo(6);
    }

    @Test
    void sumScalesToMaxScore() {
        Assignment a = assignment(new Scoring(Scoring.Mode.SUM, 100), test("1", 1, ""), test("2", 1, ""), test("3", 1, ""));
        var s = Scorer.score(a, Map.of("1", Verdict.AC));
        assertThat(s.score()).isEqualTo(33.33);
        assertThat(s.maxScore()).isEqualTo(100);
        assertThat(Scorer.score(a, Map.of("1", Verdict.AC, "2", Verdict.AC, "3", Verdict.AC)).score()).isEqualTo(100);
    }

    @Test
    void groupsAreAllOrNothing() {
        Assignment a = assignment(new Scoring(Scoring.Mode.GROUPS_ALL_OR_NOTHING, 0),
                test("a1", 1, "A"), test("a2", 1, "A"), test("b1", 3, "B"), test("solo", 5, ""));
        var s = Scorer.score(a, Map.of("a1", Verdict.AC, "a2", Verdict.WA, "b1", Verdict.AC, "solo", Verdict.AC));
        assertThat(s.score()).isEqualTo(8);
        assertThat(s.maxScore()).isEqualTo(10);
        var none = Scorer.score(a, Map.of("a1", Verdict.AC, "a2", Verdict.AC));
        assertThat(none.score()).isEqualTo(2);
    }

    @Test
    void zeroWeightsGiveZero() {
        Assignment a = assignment(Scoring.DEFAULT, test("1", 0, ""));
        assertThat(Scorer.score(a, Map.of("1", Verdict.AC)).score()).isZero();
    }
}
