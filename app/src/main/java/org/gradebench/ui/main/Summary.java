package org.gradebench.ui.main;

import org.gradebench.core.grading.Verdict;

import java.util.Map;

/**
 * The summary strip: how many submissions are accepted and how scores spread.
 *
 * @param buckets score distribution in ten equal bands of the maximum score (last band includes the maximum)
 */
public record Summary(int submissions, int graded, int accepted, Map<Verdict, Integer> verdicts, int[] buckets) {
    public static final Summary EMPTY = new Summary(0, 0, 0, Map.of(), new int[10]);
}
