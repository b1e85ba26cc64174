package org.gradebench.io.profile;

import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.ProgramPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileLoaderTest {
    private final ProfileLoader loader = new ProfileLoader();

    static Path realProfiles() {
        return new ProfileLocator(new ProfileLoader()).locate().orElseThrow();
    }

    @Test
    void everyRealProfileLoadsInTheDocumentedOrder() throws Exception {
        List<LanguageProfile> all = loader.loadAll(realProfiles());
        assertThat(all).extracting(LanguageProfile::name)
                .containsExactly("python3", "c", "cpp", "java", "javascript", "go", "rust");
        for (LanguageProfile p : all) {
            assertThat(p.run()).as(p.name()).isNotEmpty();
            assertThat(p.toolchain()).as(p.name()).isNotEmpty().allMatch(s -> s.startsWith("/"));
            assertThat(p.dockerImage()).as(p.name()).isNotBlank();
            assertThat(p.version()).as(p.name()).isNotEmpty();
        }
    }

    @Test
    void realProfilesHaveTheAgreedCommands() throws Exception {
        Map<String, LanguageProfile> byName = new java.util.HashMap<>();
        for (LanguageProfile p : loader.loadAll(realProfiles())) byName.put(p.name(), p);

        LanguageProfile java = byName.get("java");
        ProgramPlan plan = new ProgramPlan(java, "pkg/Main.java", "pkg.Main", List.of("pkg/Main.java", "Util.java"));
        assertThat(plan.runCommand(256)).containsSubsequence("/usr/bin/java", "-Xmx256m", "-Xss64m", "-XX:+UseSerialGC",
                "-cp", "/box/prog", "pkg.Main");
        assertThat(plan.compileCommand(2048)).containsSubsequence("/usr/bin/javac", "-encoding", "UTF-8", "-d",
                "/box/prog", "pkg/Main.java", "Util.java");
        assertThat(java.limitAddressSpace()).isFalse();
        assertThat(java.entryPattern().orElseThrow().matcher("public static void main(String[] a)").find()).isTrue();

        LanguageProfile py = byName.get("python3");
        assertThat(py.run().get(0)).isEqualTo("/usr/bin/python3");
        assertThat(new ProgramPlan(py, "main.py", "main", List.of("main.py", "lib.py")).compileCommand(1))
                .containsExactly("/usr/bin/python3", "-m", "py_compile", "main.py", "lib.py");

        LanguageProfile node = byName.get("javascript");
        assertThat(new ProgramPlan(node, "main.js", "main", List.of("main.js")).runCommand(512))
                .contains("--max-old-space-size=512");
        assertThat(node.limitAddressSpace()).isFalse();

        LanguageProfile cpp = byName.get("cpp");
        assertThat(new ProgramPlan(cpp, "a.cpp", "a", List.of("a.cpp", "b.cc")).compileCommand(1))
                .containsSubsequence("/usr/bin/g++", "-O2", "-o", "/box/prog/a.out", "a.cpp", "b.cc", "-lm");
        assertThat(cpp.matches("x.CPP")).isTrue();

        LanguageProfile go = byName.get("go");
        assertThat(new ProgramPlan(go, "main.go", "main", List.of("main.go")).runCommand(128))
                .containsExactly("/usr/bin/env", "GOMEMLIMIT=128MiB", "GOMAXPROCS=1", "/box/prog/a.out");
    }

    @Test
    void toolchainCheckReportsMissingPaths(@TempDir Path dir) throws Exception {
        for (LanguageProfile p : loader.loadAll(realProfiles())) {
            ProfileToolchains.Report r = ProfileToolchains.check(p);
            boolean allThere = p.toolchain().stream().allMatch(s -> Files.isExecutable(Path.of(s)));
            assertThat(r.usable()).as(r.summary()).isEqualTo(allThere);
        }
        Path f = Files.writeString(dir.resolve("x.yaml"), """
                name: x
                extensions: [x]
                run: [/opt/nowhere/x, "{mainPath}"]
                toolchain: [/opt/nowhere/x, /usr/bin/env]
                binds: [/opt/nowhere]
                """);
        ProfileToolchains.Report r = ProfileToolchains.check(loader.load(f));
        assertThat(r.usable()).isFalse();
        assertThat(r.missingToolchain()).containsExactly("/opt/nowhere/x");
        assertThat(r.missingBinds()).containsExactly("/opt/nowhere");
        assertThat(r.summary()).contains("not usable, missing /opt/nowhere/x").contains("sandbox-profiles/x.yaml");
    }

    @Test
    void builtInCopiesOnTheClasspathMatchTheFolder() throws Exception {
        List<LanguageProfile> fromClasspath = loader.loadBuiltIn(getClass().getClassLoader());
        // Pattern has no equals(): compare the records' text, which includes every field and the regex source.
        assertThat(fromClasspath).extracting(Object::toString)
                .isEqualTo(loader.loadAll(realProfiles()).stream().map(Object::toString).toList());
    }

    @Test
    void otherProfilesFollowAlphabetically(@TempDir Path dir) throws Exception {
        for (String n : List.of("zig", "kotlin", "c", "python3")) {
            Files.writeString(dir.resolve(n + ".yaml"), "name: " + n + "\nextensions: [" + n + "]\nrun: [/usr/bin/" + n + "]\n");
        }
        assertThat(loader.loadAll(dir)).extracting(LanguageProfile::name).containsExactly("python3", "c", "kotlin", "zig");
    }

    @ParameterizedTest(name = "[{index}] line {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            // yaml (\n = newline) | expected line | message fragment
            "name: x\\nextensions: [x]\\nrun: [/bin/x]\\ncolour: red | 4 | colour: unknown field",
            "name: x\\nextensions: [x] | 1 | missing required field 'run'",
            "name: x\\nextensions: [x]\\nrun: [] | 3 | run: must not be empty",
            "name: x\\nextensions: [x]\\nentry:\\n  names: [a.x]\\n  pattern: 'main(('\\nrun: [/bin/x] | 5 | entry.pattern: bad regular expression",
            "name: x\\nextensions: [x]\\nrun: [x, '{mainPath}'] | 3 | the program must be an absolute path",
            "name: x\\nextensions: [x]\\nrun: [/bin/x,\\n  '{mian}'] | 4 | run[1]: unknown placeholder {mian}",
            "name: x\\nextensions: [x]\\nrun: [/bin/x]\\nextraProcesses: many | 4 | extraProcesses: expected a whole number",
            "name: x\\nextensions: [x]\\nrun: [/bin/x]\\nlimitAddressSpace: maybe | 4 | limitAddressSpace: expected true or false",
            "name: x\\nextensions: [x]\\nrun: [/bin/x]\\ntoolchain: [bin/x] | 4 | toolchain[0]: must be an absolute path",
            "name: x\\nextensions: [x]\\nrun: [/bin/x]\\ndocker: {img: x} | 4 | docker.img: unknown field",
            "name: x\\nextensions: [x]\\nrun: /bin/x | 3 | run: expected a command as a list",
            "name: X Y\\nextensions: [x]\\nrun: [/bin/x] | 1 | not a valid profile name",
            "name: x\\nextensions: [x]\\nrun: [/bin/x]\\nrun: [/bin/y] | 4 | invalid YAML: Duplicate field 'run'",
            "name: x\\nextensions: [x\\nrun: [/bin/x] | 3 | invalid YAML",
            "name: x\\nextensions: []\\nrun: [/bin/x] | 2 | extensions: at least one extension",
            "- a\\n- b | 1 | expected a mapping",
    })
    void errorsNameFileLineAndField(String yaml, int line, String fragment, @TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("bad.yaml"), yaml.replace("\\n", "\n"));
        assertThatThrownBy(() -> loader.load(f))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
                    assertThat(e.file()).contains(f);
                    assertThat(e.getMessage()).startsWith(f + ":" + line + ": ").contains(fragment);
                });
    }

    @Test
    void duplicateNamesAcrossFilesAreAnError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "name: same\nextensions: [a]\nrun: [/bin/a]\n");
        Files.writeString(dir.resolve("b.yaml"), "name: same\nextensions: [b]\nrun: [/bin/b]\n");
        assertThatThrownBy(() -> loader.loadAll(dir)).hasMessageContaining("b.yaml").hasMessageContaining("'same'");
    }
}
