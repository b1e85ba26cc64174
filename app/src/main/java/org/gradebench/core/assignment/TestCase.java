package org.gradebench.core.assignment;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One test: an input file and the expected output ("answer" in ICPC terms).
 *
 * @param name     unique within the assignment; for ICPC packages the path below data/ without extension
 *                 (e.g. {@code secret/group1/03})
 * @param group    scoring group ("" when none)
 * @param hidden   not shown to students in feedback (ICPC secret data)
 * @param checker  per-test override of the assignment's checker
 */
public record TestCase(String name, Path input, Path expected, double weight, String group, boolean hidden,
                       Optional<CheckerSpec> checker) {

    public TestCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(checker, "checker");
        if (weight < 0 || Double.isNaN(weight)) throw new IllegalArgumentException("test " + name + ": weight must be >= 0");
    }
}
