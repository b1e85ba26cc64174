package org.gradebench.io.assignment;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.CheckerSpec;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.assignment.ResourceLimits;
import org.gradebench.core.assignment.Scoring;
import org.gradebench.core.assignment.TestCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssignmentFolderLoaderTest {
    @TempDir
    Path dir;

    private final AssignmentFolderLoader loader = new AssignmentFolderLoader();

    private Path write(String relative, String content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    private void tests(String... names) throws IOException {
        for (String n : names) {
            write("tests/" + n + ".in", n + "\n");
            write("tests/" + n + ".out", n + "\n");
        }
    }

    private InvalidInputException failure() {
        try {
            loader.load(dir);
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("expected an InvalidInputException");
    }

    // ---- native ----------------------------------------------------------------------------------------------------

    @Test
    void nativeFullExample() throws Exception {
        write("assignment.yaml", """
                title: "Lab 3: Sum of lines"
                statement: statement.md          # optional
                languages: [python3]
                limits: {cpu: 2s, wall: 6s, memory: 256, output: 8192, processes: 32}
                checker: tokens
                scoring: {mode: sum, max: 100}
                tests:
                  - {name: "03-negative", weight: 2, group: basic, hidden: true, checker: exact}
                """);
        write("statement.md", "# Sum\n");
        tests("01-small", "02-large", "03-negative");
        Assignment a = loader.load(dir);
        assertThat(a.title()).isEqualTo("Lab 3: Sum of lines");
        assertThat(a.format()).isEqualTo(Assignment.Format.NATIVE);
        assertThat(a.statement()).contains(dir.resolve("statement.md"));
        assertThat(a.languages()).containsExactly("python3");
        assertThat(a.limits()).isEqualTo(new ResourceLimits(Duration.ofSeconds(2), Duration.ofSeconds(6), 256, 8192, 32));
        assertThat(a.checker()).isEqualTo(CheckerSpec.tokens());
        assertThat(a.scoring()).isEqualTo(new Scoring(Scoring.Mode.SUM, 100));
        assertThat(a.tests()).extracting(TestCase::name).containsExactly("01-small", "02-large", "03-negative");
        TestCase neg = a.test("03-negative").orElseThrow();
        assertThat(neg.weight()).isEqualTo(2);
        assertThat(neg.group()).isEqualTo("basic");
        assertThat(neg.hidden()).isTrue();
        assertThat(neg.checker()).contains(CheckerSpec.exact());
        assertThat(neg.input()).isEqualTo(dir.resolve("tests/03-negative.in"));
        assertThat(neg.expected()).isEqualTo(dir.resolve("tests/03-negative.out"));
        TestCase small = a.test("01-small").orElseThrow();
        assertThat(small.weight()).isEqualTo(1);
        assertThat(small.group()).isEmpty();
        assertThat(small.hidden()).isFalse();
        assertThat(small.checker()).isEmpty();
    }

    @Test
    void nativeDefaultsAndNaturalOrder() throws Exception {
        write("assignment.yaml", "title: Minimal\n");
        tests("10", "2", "1", "b-3", "b-12", "a");
        Assignment a = loader.load(dir);
        assertThat(a.limits()).isEqualTo(ResourceLimits.DEFAULTS);
        assertThat(a.checker()).isEqualTo(CheckerSpec.tokens());
        assertThat(a.scoring()).isEqualTo(Scoring.DEFAULT);
        assertThat(a.languages()).isEmpty();
        assertThat(a.statement()).isEmpty();
        assertThat(a.tests()).extracting(TestCase::name).containsExactly("1", "2", "10", "a", "b-3", "b-12");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "{cpu: 1500ms}                | 1500 | 4500 | 256 | 8192",
            "{cpu: 2.5}                   | 2500 | 7500 | 256 | 8192",
            "{cpu: 1, wall: 1}            | 1000 | 1000 | 256 | 8192",
            "{cpu: 3s, memory: 1GiB}      | 3000 | 9000 | 1024 | 8192",
            "{memory: 512MiB, output: 64} | 2000 | 6000 | 512 | 64",
            "{output: 2MiB}               | 2000 | 6000 | 256 | 2048",
    })
    void limitsSyntax(String limits, long cpuMs, long wallMs, long memMib, long outKib) throws Exception {
        write("assignment.yaml", "limits: " + limits + "\n");
        tests("1");
        ResourceLimits l = loader.load(dir).limits();
        assertThat(l.cpuTime().toMillis()).isEqualTo(cpuMs);
        assertThat(l.wallTime().toMillis()).isEqualTo(wallMs);
        assertThat(l.memoryMib()).isEqualTo(memMib);
        assertThat(l.outputKib()).isEqualTo(outKib);
    }

    @Test
    void checkerForms() throws Exception {
        Files.createDirectories(dir.resolve("checker"));
        write("checker/check.py", "import sys\nsys.exit(42)\n");
        record Case(String yaml, CheckerSpec expected) { }
        List<Case> cases = List.of(
                new Case("exact", CheckerSpec.exact()),
                new Case("tokens", CheckerSpec.tokens()),
                new Case("case-insensitive", CheckerSpec.tokens()),
                new Case("case-sensitive", new CheckerSpec(CheckerSpec.Type.TOKENS, true, false, Optional.empty(), Optional.empty(), Optional.empty(), List.of())),
                new Case("float", CheckerSpec.floats(1e-6, 1e-6)),
                new Case("{type: tokens, case_sensitive: true, space_change_sensitive: true}",
                        new CheckerSpec(CheckerSpec.Type.TOKENS, true, true, Optional.empty(), Optional.empty(), Optional.empty(), List.of())),
                new Case("{type: tokens, float_tolerance: 1e-4, float_relative_tolerance: 1e-9}",
                        new CheckerSpec(CheckerSpec.Type.TOKENS, false, false, Optional.of(1e-4), Optional.of(1e-9), Optional.empty(), List.of())),
                new Case("{type: tokens, float_absolute_tolerance: 0.5}",
                        new CheckerSpec(CheckerSpec.Type.TOKENS, false, false, Optional.of(0.5), Optional.empty(), Optional.empty(), List.of())),
                new Case("{type: float, absolute: 1e-3}",
                        new CheckerSpec(CheckerSpec.Type.TOKENS, false, false, Optional.of(1e-3), Optional.empty(), Optional.empty(), List.of())),
                new Case("{type: float}", CheckerSpec.floats(1e-6, 1e-6)),
                new Case("{type: custom, program: checker/, flags: [strict, '2']}", CheckerSpec.custom(dir.resolve("checker"), List.of("strict", "2"))),
                new Case("{type: exact}", CheckerSpec.exact()));
        tests("1");
        for (Case c : cases) {
            write("assignment.yaml", "checker: " + c.yaml() + "\n");
            assertThat(loader.load(dir).checker()).as(c.yaml()).isEqualTo(c.expected());
        }
    }

    @ParameterizedTest(name = "[{index}] line {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "title: x\\ncolour: red                                  | 2 | colour: unknown field",
            "title: x\\nlimits:\\n  cpu: 2s\\n  ram: 5                | 4 | limits.ram: unknown field",
            "limits:\\n  cpu: fast                                    | 2 | limits.cpu: expected a duration",
            "limits:\\n  cpu: -1                                      | 2 | limits.cpu: must be a positive duration",
            "limits: {cpu: 2s,\\n  wall: 1s}                          | 2 | the wall time must be at least the cpu time",
            "limits:\\n  memory: 12 parsecs                           | 2 | limits.memory: unknown size unit 'parsecs'",
            "limits:\\n  memory: lots                                 | 2 | limits.memory: expected a size",
            "limits:\\n  processes: 0                                 | 2 | limits.processes: must be between",
            "checker: fuzzy                                          | 1 | unknown checker 'fuzzy'",
            "checker: custom                                         | 1 | a custom checker needs a program",
            "checker:\\n  type: custom\\n  program: nowhere/          | 3 | checker.program: the custom checker program must be a folder",
            "checker:\\n  type: custom\\n  program: ../../etc          | 3 | must be a path inside the assignment folder",
            "checker:\\n  type: tokens\\n  float_tolerance: -1        | 3 | a tolerance must be a finite number >= 0",
            "checker:\\n  type: tokens\\n  absolute: 1                | 3 | checker.absolute: unknown field",
            "scoring: {mode: best}                                   | 1 | unknown scoring mode 'best'",
            "scoring: {mode: groups}                                 | 1 | mode 'groups' needs tests with a group",
            "title: x\\ntests:\\n  - {name: '1'}\\n  - {name: '7'}      | 4 | tests[1].name: no test '7'",
            "tests:\\n  - name: '1'\\n  - name: '1'                   | 3 | test '1' is listed twice",
            "tests:\\n  - {name: '1', weight: -2}                     | 2 | tests[0].weight: must be a number >= 0",
            "tests:\\n  - {name: '1', hidden: sometimes}              | 2 | tests[0].hidden: expected true or false",
            "tests:\\n  - {name: '1', colour: red}                    | 2 | tests[0].colour: unknown field",
            "statement: missing.md                                   | 1 | statement file",
            "title: a\\ntitle: b                                      | 2 | Duplicate field 'title'",
            "title: [unclosed                                        | 1 | invalid YAML",
            "title: x\\nlimits:\\n  cpu: 2s\\n wall: 3s                 | 4 | invalid YAML",
            "title: x\\ntests:\\n  - name: a\\n    weight: 1\\n   x: 2  | 5 | invalid YAML",
    })
    void nativeErrorsNameFileAndLine(String yaml, int line, String fragment) throws Exception {
        Path f = write("assignment.yaml", yaml.strip().replace("\\n", "\n") + "\n");
        tests("1");
        InvalidInputException e = failure();
        assertThat(e.file()).contains(f);
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.getMessage()).startsWith(f + ":" + line + ": ").contains(fragment);
    }

    @Test
    void unknownLanguageWhenProfilesAreKnown() throws Exception {
        Path f = write("assignment.yaml", "title: x\nlanguages:\n  - python3\n  - cobol\n");
        tests("1");
        assertThat(loader.load(dir).languages()).containsExactlyInAnyOrder("python3", "cobol");
        assertThatThrownBy(() -> new AssignmentFolderLoader(Set.of("python3", "c")).load(dir))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.getMessage()).startsWith(f + ":4: languages[1]: unknown language 'cobol'");
                });
    }

    @Test
    void inputWithoutExpectedOutput() throws Exception {
        write("assignment.yaml", "title: x\n");
        tests("1");
        Path in = write("tests/2.in", "x");
        assertThat(failure()).satisfies(e -> {
            assertThat(e.file()).contains(in);
            assertThat(e.getMessage()).contains("tests/2.out is missing");
        });
    }

    @Test
    void expectedOutputWithoutInput() throws Exception {
        write("assignment.yaml", "title: x\n");
        tests("1");
        Path out = write("tests/3.out", "x");
        assertThat(failure()).satisfies(e -> {
            assertThat(e.file()).contains(out);
            assertThat(e.getMessage()).contains("tests/3.in is missing");
        });
    }

    @Test
    void noTestsAndNoFormat() throws Exception {
        assertThat(failure().getMessage()).contains("not an assignment");
        write("assignment.yaml", "title: x\n");
        assertThat(failure().getMessage()).contains("tests folder is missing");
        Files.createDirectories(dir.resolve("tests"));
        assertThat(failure().getMessage()).contains("no tests");
    }

    @Test
    void symlinkedTestFilesAreRefused() throws Exception {
        write("assignment.yaml", "title: x\n");
        write("secret.txt", "x");
        write("tests/1.out", "x");
        Files.createSymbolicLink(dir.resolve("tests/1.in"), dir.resolve("secret.txt"));
        assertThat(failure().getMessage()).contains("must be a regular file");
    }
}
