package org.gradebench.core.assignment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class AssignmentHashesTest {
    @TempDir
    Path dir;

    private Assignment assignment(Path root, CheckerSpec checker) throws Exception {
        Files.createDirectories(root.resolve("tests"));
        Files.writeString(root.resolve("tests/1.in"), "1 2\n");
        Files.writeString(root.resolve("tests/1.out"), "3\n");
        Files.writeString(root.resolve("tests/2.in"), "5 5\n");
        Files.writeString(root.resolve("tests/2.out"), "10\n");
        List<TestCase> tests = List.of(
                new TestCase("1", root.resolve("tests/1.in"), root.resolve("tests/1.out"), 1, "", false, Optional.empty()),
                new TestCase("2", root.resolve("tests/2.in"), root.resolve("tests/2.out"), 2, "g", true, Optional.empty()));
        return new Assignment("T", root, Assignment.Format.NATIVE, Optional.empty(), Set.of(), ResourceLimits.DEFAULTS,
                checker, Scoring.DEFAULT, tests);
    }

    private static Assignment withTests(Assignment a, UnaryOperator<TestCase> f) {
        return new Assignment(a.title(), a.root(), a.format(), a.statement(), a.languages(), a.limits(), a.checker(),
                a.scoring(), a.tests().stream().map(f).toList());
    }

    @Test
    void sameContentSameHashWhereverItLives() throws Exception {
        String h1 = AssignmentHashes.testsHash(assignment(dir.resolve("a"), CheckerSpec.tokens()));
        String h2 = AssignmentHashes.testsHash(assignment(dir.resolve("b"), CheckerSpec.tokens()));
        assertThat(h1).hasSize(64).isEqualTo(h2);
    }

    @Test
    void everyIngredientChangesTheHash() throws Exception {
        Assignment a = assignment(dir.resolve("a"), CheckerSpec.tokens());
        String base = AssignmentHashes.testsHash(a);

        assertThat(AssignmentHashes.testsHash(withTests(a, t -> new TestCase(t.name(), t.input(), t.expected(),
                t.weight() + 1, t.group(), t.hidden(), t.checker())))).isNotEqualTo(base);
        assertThat(AssignmentHashes.testsHash(withTests(a, t -> new TestCase(t.name(), t.input(), t.expected(),
                t.weight(), t.group() + "x", t.hidden(), t.checker())))).isNotEqualTo(base);
        assertThat(AssignmentHashes.testsHash(withTests(a, t -> new TestCase(t.name() + "x", t.input(), t.expected(),
                t.weight(), t.group(), t.hidden(), t.checker())))).isNotEqualTo(base);
        assertThat(AssignmentHashes.testsHash(withTests(a, t -> new TestCase(t.name(), t.input(), t.expected(),
                t.weight(), t.group(), t.hidden(), Optional.of(CheckerSpec.exact()))))).isNotEqualTo(base);
        assertThat(AssignmentHashes.testsHash(new Assignment(a.title(), a.root(), a.format(), a.statement(), a.languages(),
                a.limits().withCpuTime(Duration.ofSeconds(1)), a.checker(), a.scoring(), a.tests()))).isNotEqualTo(base);
        assertThat(AssignmentHashes.testsHash(new Assignment(a.title(), a.root(), a.format(), a.statement(), a.languages(),
                a.limits(), CheckerSpec.floats(1e-6, 1e-6), a.scoring(), a.tests()))).isNotEqualTo(base);
        // the title is not part of it
        assertThat(AssignmentHashes.testsHash(new Assignment("Other", a.root(), a.format(), a.statement(), a.languages(),
                a.limits(), a.checker(), a.scoring(), a.tests()))).isEqualTo(base);

        Files.writeString(a.root().resolve("tests/2.out"), "10 \n");
        assertThat(AssignmentHashes.testsHash(a)).isNotEqualTo(base);
    }

    @Test
    void customCheckerSourcesAreHashed() throws Exception {
        Path checker = Files.createDirectories(dir.resolve("a/checker"));
        Files.writeString(checker.resolve("check.py"), "exit(42)\n");
        Assignment a = assignment(dir.resolve("a"), CheckerSpec.custom(checker, List.of()));
        String base = AssignmentHashes.testsHash(a);
        Files.writeString(checker.resolve("check.py"), "exit(43)\n");
        String changed = AssignmentHashes.testsHash(a);
        assertThat(changed).isNotEqualTo(base);
        Files.writeString(checker.resolve("helper.py"), "");
        assertThat(AssignmentHashes.testsHash(a)).isNotEqualTo(changed);
    }
}
