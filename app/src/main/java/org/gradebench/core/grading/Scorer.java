package org.gradebench.core.grading;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.Scoring;
import org.gradebench.core.assignment.TestCase;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns test verdicts into a score, per the assignment's {@link Scoring}. */
public final class Scorer {
    private Scorer() {
    }

    public record Score(double score, double maxScore) {
    }

    /**
     * @param verdicts test name -> verdict; tests missing from the map earn nothing
     */
    public static Score score(Assignment assignment, Map<String, Verdict> verdicts) {
        List<TestCase> tests = assignment.tests();
        double totalWeight = tests.stream().mapToDouble(TestCase::weight).sum();
        double max = assignment.scoring().maxScore() > 0 ? assignment.scoring().maxScore() : totalWeight;
        if (totalWeight <= 0) return new Score(0, max);
        double earned = switch (assignment.scoring().mode()) {
            case SUM -> tests.stream().filter(t -> verdicts.get(t.name()) == Verdict.AC).mapToDouble(TestCase::weight).sum();
            case GROUPS_ALL_OR_NOTHING -> groups(tests, verdicts);
        };
        double scaled = earned * max / totalWeight;
        // Keep scores readable: 2 decimals, and exact at the ends.
        scaled = Math.round(scaled * 100.0) / 100.0;
        return new Score(Math.min(scaled, max), max);
    }

    private static double groups(List<TestCase> tests, Map<String, Verdict> verdicts) {
        Map<String, Double> weight = new LinkedHashMap<>();
        Map<String, Boolean> allPassed = new HashMap<>();
        for (TestCase t : tests) {
            // A test without a group is a group of its own.
            String key = t.group().isEmpty() ? "\u0000" + t.name() : t.group();
            weight.merge(key, t.weight(), Double::sum);
            allPassed.merge(key, verdicts.get(t.name()) == Verdict.AC, Boolean::logicalAnd);
        }
        return weight.entrySet().stream().filter(e -> allPassed.get(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
    }
}
