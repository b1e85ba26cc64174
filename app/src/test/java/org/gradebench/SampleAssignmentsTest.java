package org.gradebench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.grading.GradingListener;
import org.gradebench.core.grading.GradingOutcome;
import org.gradebench.core.grading.GradingRequest;
import org.gradebench.core.grading.SubmissionResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.history.SessionState;
import org.gradebench.core.run.Sandbox;
import org.gradebench.core.submission.SubmissionSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Grades every bundled sample assignment end to end (real loader, importer, bwrap sandbox, compilers, checkers and
 * H2), on both sandbox backends, and compares each submission with the verdict its author intended (expected-verdicts.yaml beside it).
 */
@Tag("sandbox")
class SampleAssignmentsTest {
    static final Path SAMPLES = Path.of(System.getProperty("gradebench.projectRoot", "..")).resolve("sample-assignments")
            .toAbsolutePath().normalize();

    static Stream<Arguments> samples() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(SAMPLES)) {
            for (Path dir : dirs.sorted().toList()) {
                Path expected = dir.resolve("expected-verdicts.yaml");
                if (!Files.exists(expected)) continue;
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(expected.toFile());
                Iterator<Map.Entry<String, JsonNode>> folders = root.get("folders").properties().iterator();
                while (folders.hasNext()) {
                    Map.Entry<String, JsonNode> f = folders.next();
                    for (String backend : List.of("bwrap", "docker")) {
                        out.add(Arguments.of(backend + ": " + dir.getFileName() + "/" + f.getKey(), backend, dir, f.getKey(), f.getValue()));
                    }
                }
            }
        }
        assertThat(out.stream().map(a -> a.get()[2]).distinct().count())
                .as("sample assignments with expected verdicts").isGreaterThanOrEqualTo(3);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySubmissionGetsItsIntendedVerdict(String name, String backend, Path dir, String folder, JsonNode expected,
                                               @TempDir Path tmp)
            throws Exception {
        try (AppServices services = new AppServices(new AppServices.Options(Optional.of(tmp.resolve("history")),
                Optional.of(SAMPLES.resolveSibling("sandbox-profiles")), 2))) {
            Sandbox sandbox = backend.equals("bwrap") ? SandboxAssumptions.bwrapOrSkip(services)
                    : SandboxAssumptions.dockerOrSkip(services);
            Assignment a = services.assignments().load(dir);
            SubmissionSource.ImportResult imported = services.submissions().load(dir.resolve(folder), tmp.resolve("ws"));
            GradingRequest request = new GradingRequest(a, imported.submissions(), dir.resolve(folder).toString(),
                    services.checkers(sandbox), Map.of(), Optional.empty(), Set.of(), false);
            GradingOutcome o = services.engine(sandbox).start(request, GradingListener.NONE).outcome()
                    .get(20, TimeUnit.MINUTES);
            assertThat(o.state()).isEqualTo(SessionState.COMPLETED);
            assertThat(o.results()).hasSize(expected.size());
            assertSoftly(soft -> {
                for (SubmissionResult r : o.results()) {
                    JsonNode want = expected.get(r.submission().id());
                    soft.assertThat(want).as("expected verdict for %s", r.submission().id()).isNotNull();
                    if (want == null) continue;
                    String detail = r.submission().id() + " " + r.tests().stream()
                            .map(t -> t.testName() + "=" + t.verdict() + (t.verdict() == Verdict.AC ? "" : "(" + t.checkerMessage() + ")"))
                            .toList() + " compile: " + r.compile().log();
                    soft.assertThat(r.verdict().name()).as(detail).isEqualTo(want.get("verdict").asText());
                    long accepted = r.tests().stream().map(TestResult::verdict).filter(v -> v == Verdict.AC).count();
                    soft.assertThat(accepted).as("accepted tests of " + detail).isEqualTo(want.get("accepted").asLong());
                }
            });
        }
    }
}
