package org.gradebench.io.profile;

import org.gradebench.core.assignment.ResourceLimits;
import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.ProgramPlan;
import org.gradebench.core.run.ProgramPlanner;
import org.gradebench.core.run.RunLimits;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.SandboxSession;
import org.gradebench.sandbox.SandboxTestSupport;
import org.gradebench.sandbox.bwrap.BwrapConfig;
import org.gradebench.sandbox.bwrap.BwrapSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every real profile compiles and runs a small stdin-reading program in the real bwrap sandbox. */
@Tag("sandbox")
class ProfilesInSandboxTest {
    private static BwrapSandbox sandbox;
    private static List<LanguageProfile> profiles;

    @BeforeAll
    static void setUp() throws Exception {
        sandbox = new BwrapSandbox(BwrapConfig.defaults());
        profiles = new ProfileLoader().loadAll(ProfileLoaderTest.realProfiles());
    }

    @AfterAll
    static void tearDown() {
        if (sandbox != null) sandbox.close();
    }

    static final Map<String, Map<String, String>> PROGRAMS = Map.of(
            "python3", Map.of("main.py", "import sys\nfrom helper import add\nprint(add(*map(int, sys.stdin.read().split())))\n",
                    "helper.py", "def add(a, b):\n    return a + b\n"),
            "c", Map.of("sum.c", "#include <stdio.h>\n#include <math.h>\nint main(void){long a,b;scanf(\"%ld %ld\",&a,&b);printf(\"%ld\\n\",(long)fabs((double)(a+b)));return 0;}\n"),
            "cpp", Map.of("main.cpp", "#include <iostream>\n#include \"add.h\"\nint main(){long a,b;std::cin>>a>>b;std::cout<<add(a,b)<<\"\\n\";}\n",
                    "add.h", "inline long add(long a,long b){return a+b;}\n"),
            "java", Map.of("src/app/Main.java", "package app;\nimport java.util.Scanner;\npublic class Main {\n  public static void main(String[] x) {\n    Scanner s = new Scanner(System.in);\n    System.out.println(Util.add(s.nextLong(), s.nextLong()));\n  }\n}\n",
                    "src/app/Util.java", "package app;\nclass Util { static long add(long a, long b) { return a + b; } }\n"),
            "javascript", Map.of("main.js", "const add = require('./add.js');\nconst [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\nconsole.log(add(a, b));\n",
                    "add.js", "module.exports = (a, b) => a + b;\n"),
            "go", Map.of("main.go", "package main\nimport \"fmt\"\nfunc main() { var a, b int64; fmt.Scan(&a, &b); fmt.Println(a + b) }\n"),
            "rust", Map.of("main.rs", "use std::io::Read;\nfn main(){let mut s=String::new();std::io::stdin().read_to_string(&mut s).unwrap();let v:Vec<i64>=s.split_whitespace().map(|x|x.parse().unwrap()).collect();println!(\"{}\",v[0]+v[1]);}\n"));

    private static LanguageProfile profile(String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static RunResult compileAndRun(Path src, Path data, LanguageProfile p, String language) throws Exception {
        ProgramPlan plan = new ProgramPlanner(profiles).plan(src, Set.of(language));
        assertThat(plan.profile().name()).isEqualTo(language);
        Path input = Files.writeString(data.resolve("1.in"), "40 2\n");
        ResourceLimits limits = new ResourceLimits(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(20), 256, 1024, 16);
        try (SandboxSession s = sandbox.open(language, src, p)) {
            if (p.compiled()) {
                RunResult c = s.run(new RunSpec(plan.compileCommand(ResourceLimits.COMPILE.memoryMib()), true, Map.of(),
                        Optional.empty(), RunLimits.forTool(ResourceLimits.COMPILE, p), p.env(), List.of()));
                if (!c.succeeded()) return c;
            }
            return s.run(new RunSpec(plan.runCommand(limits.memoryMib()), false, Map.of("input", input),
                    Optional.of("input"), RunLimits.forTest(limits, p), p.env(), List.of()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"python3", "c", "cpp", "java", "javascript", "go", "rust"})
    void compilesAndRunsInTheSandbox(String language, @TempDir Path src, @TempDir Path data) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        LanguageProfile p = profile(language);
        ProfileToolchains.Report report = ProfileToolchains.check(p);
        Assumptions.assumeTrue(report.usable(), report.summary());
        for (Map.Entry<String, String> f : PROGRAMS.get(language).entrySet()) {
            Path file = src.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
        }
        RunResult r = compileAndRun(src, data, p, language);
        assertThat(r.succeeded()).as(language + ": " + r + "\n" + r.stderr().text() + r.stdout().text()).isTrue();
        assertThat(new String(r.stdout().bytes(), StandardCharsets.UTF_8)).isEqualTo("42\n");
    }

    @Test
    void pythonSyntaxErrorFailsTheCompileStep(@TempDir Path src, @TempDir Path data) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        Files.writeString(src.resolve("main.py"), "print('ok')\n");
        Files.writeString(src.resolve("broken.py"), "def f(:\n    pass\n");
        RunResult r = compileAndRun(src, data, profile("python3"), "python3");
        assertThat(r.outcome()).isEqualTo(RunResult.Outcome.EXITED);
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr().text() + r.stdout().text()).contains("broken.py").contains("SyntaxError");
    }

    @Test
    void javascriptSyntaxErrorFailsTheCompileStep(@TempDir Path src, @TempDir Path data) throws Exception {
        SandboxTestSupport.requireUsable(sandbox);
        Files.writeString(src.resolve("main.js"), "console.log((;\n");
        RunResult r = compileAndRun(src, data, profile("javascript"), "javascript");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr().text()).contains("SyntaxError");
    }
}
