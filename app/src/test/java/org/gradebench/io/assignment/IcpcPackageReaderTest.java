package org.gradebench.io.assignment;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.CheckerSpec;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.assignment.Scoring;
import org.gradebench.core.assignment.TestCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IcpcPackageReaderTest {
    @TempDir
    Path dir;

    private final AssignmentFolderLoader loader = new AssignmentFolderLoader();

    private Path write(String relative, String content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    private void data(String... names) throws IOException {
        for (String n : names) {
            write("data/" + n + ".in", n + "\n");
            write("data/" + n + ".ans", n + "\n");
        }
    }

    @Test
    void legacyWithTimelimitFileAndValidatorFlags() throws Exception {
        write("problem.yaml", """
                name: Hello World
                author: Someone
                license: cc by-sa
                validator_flags: float_tolerance 1e-6 case_sensitive
                limits:
                  memory: 512
                  output: 16
                  time_multiplier: 5
                """);
        write(".timelimit", "1.5\n");
        write("problem_statement/problem.en.tex", "\\problemname{Hello}");
        data("sample/1", "sample/2", "secret/10", "secret/2", "secret/group1/03", "secret/group1/1");
        Assignment a = loader.load(dir);
        assertThat(a.format()).isEqualTo(Assignment.Format.ICPC_LEGACY);
        assertThat(a.title()).isEqualTo("Hello World");
        assertThat(a.limits().cpuTime()).isEqualTo(Duration.ofMillis(1500));
        assertThat(a.limits().wallTime()).isEqualTo(Duration.ofMillis(4500));
        assertThat(a.limits().memoryMib()).isEqualTo(512);
        assertThat(a.limits().outputKib()).isEqualTo(16 * 1024);
        assertThat(a.checker()).isEqualTo(new CheckerSpec(CheckerSpec.Type.TOKENS, true, false, Optional.of(1e-6),
                Optional.of(1e-6), Optional.empty(), List.of()));
        assertThat(a.tests()).extracting(TestCase::name).containsExactly("sample/1", "sample/2", "secret/2", "secret/10",
                "secret/group1/1", "secret/group1/03");
        assertThat(a.tests()).filteredOn(t -> t.name().startsWith("sample/")).allMatch(t -> !t.hidden());
        assertThat(a.tests()).filteredOn(t -> t.name().startsWith("secret/")).allMatch(TestCase::hidden);
        assertThat(a.tests()).allMatch(t -> t.weight() == 1 && t.group().isEmpty() && t.checker().isEmpty());
        assertThat(a.scoring().mode()).isEqualTo(Scoring.Mode.SUM);
        assertThat(a.statement()).contains(dir.resolve("problem_statement/problem.en.tex"));
        assertThat(a.test("secret/group1/03").orElseThrow().expected()).isEqualTo(dir.resolve("data/secret/group1/03.ans"));
    }

    @Test
    void noTimeLimitAnywhereGetsTheDocumentedDefault() throws Exception {
        data("secret/1");
        Assignment a = loader.load(dir);
        assertThat(a.format()).isEqualTo(Assignment.Format.ICPC_LEGACY);
        assertThat(a.limits().cpuTime()).isEqualTo(IcpcPackageReader.DEFAULT_TIME_LIMIT).isEqualTo(Duration.ofSeconds(2));
        assertThat(a.limits().memoryMib()).isEqualTo(1024);
        assertThat(a.title()).isEqualTo(dir.getFileName().toString());
        assertThat(a.checker()).isEqualTo(CheckerSpec.tokens());
    }

    @Test
    void domjudgeIniTimeLimit() throws Exception {
        write("domjudge-problem.ini", "name='x'\ntimelimit='3'\n");
        data("secret/1");
        assertThat(loader.load(dir).limits().cpuTime()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void modernWithTimeLimitNameMapGroupsAndCustomValidator() throws Exception {
        write("problem.yaml", """
                problem_format_version: 2023-07-draft
                name:
                  de: Summe
                  en: Sum
                type: scoring
                limits:
                  time_limit: 0.75
                  memory: 256
                """);
        write("output_validator/validate.cpp", "int main(){return 42;}\n");
        write("data/secret/testdata.yaml", "output_validator_flags: strict\n");
        write("data/secret/easy/testdata.yaml", "scoring:\n  score: 30\noutput_validator_flags: lenient\n");
        write("data/secret/hard/testdata.yaml", "scoring:\n  score: 70\n  aggregation: min\n");
        data("sample/1", "secret/easy/1", "secret/easy/2", "secret/easy/3", "secret/hard/1", "secret/hard/2");
        Assignment a = loader.load(dir);
        assertThat(a.format()).isEqualTo(Assignment.Format.ICPC_2023_07);
        assertThat(a.title()).isEqualTo("Sum");
        assertThat(a.limits().cpuTime()).isEqualTo(Duration.ofMillis(750));
        assertThat(a.limits().memoryMib()).isEqualTo(256);
        assertThat(a.checker()).isEqualTo(CheckerSpec.custom(dir.resolve("output_validator"), List.of()));
        assertThat(a.scoring().mode()).isEqualTo(Scoring.Mode.GROUPS_ALL_OR_NOTHING);
        TestCase easy = a.test("secret/easy/2").orElseThrow();
        assertThat(easy.group()).isEqualTo("secret/easy");
        assertThat(easy.weight()).isEqualTo(10.0);
        assertThat(easy.checker()).contains(CheckerSpec.custom(dir.resolve("output_validator"), List.of("lenient")));
        TestCase hard = a.test("secret/hard/1").orElseThrow();
        assertThat(hard.group()).isEqualTo("secret/hard");
        assertThat(hard.weight()).isEqualTo(35.0);
        assertThat(a.tests()).filteredOn(t -> t.name().startsWith("secret/hard/"))
                .allMatch(t -> t.checker().equals(Optional.of(CheckerSpec.custom(dir.resolve("output_validator"), List.of()))) == false);
        assertThat(a.test("sample/1").orElseThrow().weight()).isZero();
        assertThat(a.test("sample/1").orElseThrow().hidden()).isFalse();
    }

    @Test
    void legacyCustomValidationAndAcceptScoreGroups() throws Exception {
        write("problem.yaml", """
                name: Scored
                type: scoring
                validation: custom
                validator_flags: eps 0.01
                """);
        write("output_validators/checker/validate.py", "import sys\nsys.exit(42)\n");
        write("data/secret/g1/testdata.yaml", "on_reject: break\naccept_score: 20\ngrader_flags: min\n");
        write("data/secret/g2/testdata.yaml", "accept_score: 5\n");
        data("sample/1", "secret/g1/a", "secret/g1/b", "secret/g2/a", "secret/g2/b");
        Assignment a = loader.load(dir);
        Path validator = dir.resolve("output_validators/checker");
        assertThat(a.checker()).isEqualTo(CheckerSpec.custom(validator, List.of("eps", "0.01")));
        assertThat(a.scoring().mode()).isEqualTo(Scoring.Mode.GROUPS_ALL_OR_NOTHING);
        assertThat(a.test("secret/g1/a").orElseThrow()).satisfies(t -> {
            assertThat(t.group()).isEqualTo("secret/g1");
            assertThat(t.weight()).isEqualTo(10.0);
        });
        // sum aggregation: each accepted test earns accept_score on its own
        assertThat(a.test("secret/g2/b").orElseThrow()).satisfies(t -> {
            assertThat(t.group()).isEmpty();
            assertThat(t.weight()).isEqualTo(5.0);
        });
    }

    @Test
    void groupValidatorFlagsOverrideTheDefaultValidator() throws Exception {
        write("problem.yaml", "name: Floats\nvalidator_flags: case_sensitive\n");
        write("data/secret/approx/testdata.yaml", "output_validator_flags: float_absolute_tolerance 1e-3\n");
        data("secret/exact/1", "secret/approx/1");
        Assignment a = loader.load(dir);
        assertThat(a.test("secret/exact/1").orElseThrow().checker()).isEmpty();
        assertThat(a.test("secret/approx/1").orElseThrow().checker()).contains(new CheckerSpec(CheckerSpec.Type.TOKENS,
                false, false, Optional.of(1e-3), Optional.empty(), Optional.empty(), List.of()));
        assertThat(a.checkerFor(a.test("secret/exact/1").orElseThrow()).caseSensitive()).isTrue();
    }

    @Test
    void errors() throws Exception {
        Path problem = write("problem.yaml", "name: X\nvalidator_flags: float_tolerance\n");
        data("secret/1");
        assertThatThrownBy(() -> loader.load(dir)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.file()).contains(problem);
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.getMessage()).contains("float_tolerance needs a value");
        });
        write("problem.yaml", "name: X\nvalidator_flags: fuzzy\n");
        assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("problem.yaml:2").hasMessageContaining("unknown default validator flag 'fuzzy'");
        write("problem.yaml", "name: X\nvalidation: custom\n");
        assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("problem.yaml:2").hasMessageContaining("no output validator");
        write("problem.yaml", "name: X\nvalidation: custom interactive\n");
        assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("problem.yaml:2").hasMessageContaining("not supported");
        write("problem.yaml", "problem_format_version: 2023-07-draft\ntype: [pass-fail, interactive]\n");
        assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("problem.yaml:2").hasMessageContaining("'interactive' problems are not supported");
        write("problem.yaml", "problem_format_version: 1999\n");
        assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("problem.yaml:1").hasMessageContaining("unsupported problem_format_version");
        write("problem.yaml", "problem_format_version: 2023-07-draft\nlimits:\n  time_limit: soon\n");
        assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("problem.yaml:3").hasMessageContaining("limits.time_limit");
        write("problem.yaml", "name: X\n");
        Path orphan = write("data/secret/2.in", "x");
        assertThatThrownBy(() -> loader.load(dir)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.file()).contains(orphan));
        Files.delete(orphan);
        Path tl = write(".timelimit", "fast\n");
        assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining(tl + ":1");
        Files.delete(tl);
        Path td = write("data/secret/testdata.yaml", "scoring:\n  score: 10\n  aggregation: avg\n");
        assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining(td + ":3").hasMessageContaining("unknown aggregation");
    }

    @Test
    void twoValidatorsAreRefused() throws Exception {
        write("problem.yaml", "validation: custom\n");
        write("output_validators/a/v.cpp", "");
        write("output_validators/b/v.cpp", "");
        data("secret/1");
        assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("more than one output validator");
    }
}
