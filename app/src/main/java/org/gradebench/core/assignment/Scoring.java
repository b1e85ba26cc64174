package org.gradebench.core.assignment;

import java.util.Objects;

/**
 * How test results become a score.
 *
 * @param mode     {@link Mode#SUM}: every accepted test earns its weight; {@link Mode#GROUPS_ALL_OR_NOTHING}: a group
 *                 earns the sum of its weights only when every test in it is accepted (tests with no group count alone)
 * @param maxScore the score a perfect submission gets; weights are scaled to it (0 = use the sum of the weights)
 */
public record Scoring(Mode mode, double maxScore) {
    public enum Mode { SUM, GROUPS_ALL_OR_NOTHING }

    public static final Scoring DEFAULT = new Scoring(Mode.SUM, 0);

    public Scoring {
        Objects.requireNonNull(mode, "mode");
        if (maxScore < 0 || Double.isNaN(maxScore)) throw new IllegalArgumentException("maxScore must be >= 0");
    }
}
