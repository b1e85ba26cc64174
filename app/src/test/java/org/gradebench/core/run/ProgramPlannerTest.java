package org.gradebench.core.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramPlannerTest {
    static final LanguageProfile PY = new LanguageProfile("python3", "Python 3", List.of("py"), List.of("main.py", "__main__.py"),
            Optional.empty(), List.of(), List.of("/usr/bin/python3", "{mainPath}"), List.of(), List.of(), List.of(), Map.of(),
            true, 0, "img");
    static final LanguageProfile JAVA = new LanguageProfile("java", "Java", List.of("java"), List.of(),
            Optional.of(Pattern.compile("static\\s+void\\s+main\\s*\\(")),
            List.of("javac", "-d", "{prog}", "{sources}"), List.of("java", "-Xmx{memoryMib}m", "-cp", "{prog}", "{mainClass}"),
            List.of(), List.of(), List.of(), Map.of(), false, 16, "img");
    static final LanguageProfile C = new LanguageProfile("c", "C", List.of("c"), List.of(), Optional.empty(),
            List.of("gcc", "-o", "{prog}/a.out", "{sources}"), List.of("{prog}/a.out"), List.of(), List.of(), List.of(), Map.of(),
            true, 0, "img");

    final ProgramPlanner planner = new ProgramPlanner(List.of(PY, C, JAVA));

    static void write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void pythonPrefersMainPy(@TempDir Path dir) throws Exception {
        write(dir, "helpers.py", "x=1");
        write(dir, "main.py", "import helpers");
        ProgramPlan plan = planner.plan(dir, Set.of());
        assertThat(plan.profile().name()).isEqualTo("python3");
        assertThat(plan.entry()).isEqualTo("main.py");
        assertThat(plan.runCommand(256)).containsExactly("/usr/bin/python3", "/box/prog/main.py");
    }

    @Test
    void onlySourceIsTheEntry(@TempDir Path dir) throws Exception {
        write(dir, "solution_v2.py", "print(1)");
        write(dir, "notes.txt", "hi");
        assertThat(planner.plan(dir, Set.of()).entry()).isEqualTo("solution_v2.py");
    }

    @Test
    void javaEntryIsTheClassWithMainIncludingPackage(@TempDir Path dir) throws Exception {
        write(dir, "src/bank/Account.java", "package bank; class Account {}");
        write(dir, "src/bank/BankApp.java", "package bank;\npublic class BankApp { public static void main(String[] a) {} }");
        ProgramPlan plan = planner.plan(dir, Set.of());
        assertThat(plan.entry()).isEqualTo("src/bank/BankApp.java");
        assertThat(plan.mainClass()).isEqualTo("bank.BankApp");
        assertThat(plan.compileCommand(256)).containsExactly("javac", "-d", "/box/prog", "src/bank/Account.java", "src/bank/BankApp.java");
        assertThat(plan.runCommand(128)).containsExactly("java", "-Xmx128m", "-cp", "/box/prog", "bank.BankApp");
    }

    @Test
    void languageWithMostFilesWinsAndAllowedListFilters(@TempDir Path dir) throws Exception {
        write(dir, "a.c", "int main(){}");
        write(dir, "b.c", "");
        write(dir, "gen.py", "");
        assertThat(planner.plan(dir, Set.of()).profile().name()).isEqualTo("c");
        assertThat(planner.plan(dir, Set.of("python3")).profile().name()).isEqualTo("python3");
    }

    @Test
    void noSourceIsExplained(@TempDir Path dir) throws Exception {
        write(dir, "readme.md", "I could not finish");
        assertThatThrownBy(() -> planner.plan(dir, Set.of("java")))
                .isInstanceOf(ProgramPlanner.NoPlanException.class)
                .hasMessageContaining("java").hasMessageContaining("readme.md");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> planner.plan(empty, Set.of())).hasMessageContaining("empty");
    }

    @Test
    void junkIsIgnored(@TempDir Path dir) throws Exception {
        write(dir, "__MACOSX/._main.py", "junk");
        write(dir, ".hidden.py", "junk");
        write(dir, "main.py", "print(1)");
        assertThat(planner.plan(dir, Set.of()).sources()).containsExactly("main.py");
    }
}
