package org.gradebench.core.assignment;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A loaded assignment: what to run, with which limits, and how to judge it.
 *
 * @param root       the folder it was read from
 * @param format     where it came from (native assignment.yaml, ICPC legacy, ICPC 2023-07)
 * @param languages  allowed profile names (empty = every profile)
 */
public record Assignment(String title, Path root, Format format, Optional<Path> statement, Set<String> languages,
                         ResourceLimits limits, CheckerSpec checker, Scoring scoring, List<TestCase> tests) {

    public enum Format { NATIVE, ICPC_LEGACY, ICPC_2023_07 }

    public Assignment {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(checker, "checker");
        Objects.requireNonNull(scoring, "scoring");
        languages = Set.copyOf(languages);
        tests = List.copyOf(tests);
    }

    public CheckerSpec checkerFor(TestCase test) {
        return test.checker().orElse(checker);
    }

    public Optional<TestCase> test(String name) {
        return tests.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
