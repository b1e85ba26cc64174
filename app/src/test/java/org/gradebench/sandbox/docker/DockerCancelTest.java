package org.gradebench.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.CheckerSpec;
import org.gradebench.core.assignment.ResourceLimits;
import org.gradebench.core.assignment.Scoring;
import org.gradebench.core.assignment.TestCase;
import org.gradebench.core.check.CheckResult;
import org.gradebench.core.check.CheckerProvider;
import org.gradebench.core.grading.GradingEngine;
import org.gradebench.core.grading.GradingListener;
import org.gradebench.core.grading.GradingOutcome;
import org.gradebench.core.grading.GradingRequest;
import org.gradebench.core.grading.Progress;
import org.gradebench.core.grading.SubmissionResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.history.SessionState;
import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.ProgramPlanner;
import org.gradebench.core.run.RunQueue;
import org.gradebench.core.submission.Submission;
import org.gradebench.sandbox.SandboxTestSupport;
import org.gradebench.store.h2.H2RunHistory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 500-run grading session on the Docker backend (50 Python submissions x 10 tests, the real engine, queue and H2
 * history), cancelled once some results are in: no container of it may remain, and the finished results stay.
 * Bounded: the cancel comes after about 40 results, so the test takes seconds, not the session's minutes.
 */
@Tag("docker")
class DockerCancelTest {
    private static final Logger LOG = LoggerFactory.getLogger(DockerCancelTest.class);
    private static final int SUBMISSIONS = 50;
    private static final int TESTS = 10;
    private static final int CANCEL_AFTER = 40;

    @TempDir
    Path tmp;

    @Test
    void cancellingA500RunSessionLeavesNoContainerAndKeepsFinishedResults() throws Exception {
        DockerClient docker = DockerTestSupport.client();
        String image = DockerTestSupport.image("python3");
        LanguageProfile py = new LanguageProfile("python3", "Python 3", List.of("py"), List.of("main.py"),
                Optional.empty(), List.of("/usr/bin/python3", "-m", "py_compile", "{sources}"),
                List.of("/usr/bin/python3", "{mainPath}"), List.of(), List.of(), List.of(), Map.of(), true, 0, image);
        // Submission ids double as the containers' label: a prefix of this test's own finds exactly its containers.
        String prefix = "cancel500-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Assignment assignment = assignment();
        List<Submission> subs = submissions(prefix);
        Path work = Files.createDirectories(tmp.resolve("work"));

        try (DockerSandbox sandbox = new DockerSandbox(docker, DockerTestSupport.endpoint(),
                DockerOptions.defaults().withWorkRoot(work));
             H2RunHistory history = H2RunHistory.open(tmp.resolve("db/history"));
             RunQueue queue = new RunQueue(2)) {
            SandboxTestSupport.requireUsable(sandbox);
            GradingEngine engine = new GradingEngine(sandbox, new ProgramPlanner(List.of(py)), history, queue,
                    Clock.systemUTC());
            AtomicInteger finished = new AtomicInteger();
            GradingListener listener = new GradingListener() {
                @Override
                public void testFinished(Submission s, int index, TestResult r, Progress p) {
                    finished.incrementAndGet();
                }
            };
            GradingEngine.GradingHandle handle = engine.start(new GradingRequest(assignment, subs, "generated",
                    exactChecker(), Map.of(), Optional.empty(), Set.of(), false), listener);

            // Watch the containers come and go while the first results arrive.
            Set<String> seen = new LinkedHashSet<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
            while (finished.get() < CANCEL_AFTER && System.nanoTime() < deadline && !handle.outcome().isDone()) {
                ours(docker, prefix).forEach(c -> seen.add(c.getId()));
                Thread.sleep(100);
            }
            assertThat(finished.get()).as("results before the cancel").isGreaterThanOrEqualTo(CANCEL_AFTER);
            ours(docker, prefix).forEach(c -> seen.add(c.getId()));
            assertThat(seen).as("containers seen while grading").isNotEmpty();

            long before = System.nanoTime();
            handle.cancel();
            GradingOutcome o = handle.outcome().get(30, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - before);
            LOG.info("cancelled after {} results; outcome in {} ms; {} containers seen", finished.get(),
                    took.toMillis(), seen.size());
            assertThat(took).as("cancel is prompt").isLessThan(Duration.ofSeconds(10));
            assertThat(o.state()).isEqualTo(SessionState.CANCELLED);

            // Zero leftovers the moment the outcome is there: no container of this session, running or stopped.
            assertThat(ours(docker, prefix)).as("containers of the cancelled session").isEmpty();
            for (String id : seen) {
                assertThat(docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec())
                        .as("container " + id).isEmpty();
            }
            try (Stream<Path> left = Files.list(work)) {
                assertThat(left.toList()).as("session folders on the host").isEmpty();
            }

            // The finished results are kept, in the outcome and in the history; the rest is pending, not failed.
            int recorded = history.session(o.sessionId()).orElseThrow().results();
            assertThat(recorded).as("recorded results").isEqualTo(finished.get()).isLessThan(SUBMISSIONS * TESTS);
            long doneInOutcome = o.results().stream().flatMap(r -> r.tests().stream())
                    .filter(t -> t.verdict() != Verdict.PENDING).count();
            assertThat(doneInOutcome).isEqualTo(recorded);
            assertThat(o.results().stream().flatMap(r -> r.tests().stream())
                    .filter(t -> t.verdict() != Verdict.PENDING))
                    .as("every finished run is correct: cancel blames nobody").allSatisfy(t ->
                            assertThat(t.verdict()).as(t.toString()).isEqualTo(Verdict.AC));
            assertThat(o.results().stream().filter(r -> r.verdict() == Verdict.AC).count())
                    .as("whole submissions graded before the cancel").isGreaterThanOrEqualTo(CANCEL_AFTER / TESTS - 2);
            assertThat(o.results()).extracting(SubmissionResult::verdict)
                    .doesNotContain(Verdict.SE, Verdict.RE, Verdict.WA, Verdict.CE);
        }
        assertThat(ours(docker, prefix)).as("containers after the sandbox closed").isEmpty();
    }

    /** Every container, running or not, whose label carries this test's prefix. */
    private static List<Container> ours(DockerClient docker, String prefix) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(DockerLabels.SESSION)).exec()
                .stream().filter(c -> c.getLabels() != null
                        && c.getLabels().getOrDefault(DockerLabels.LABEL, "").startsWith(prefix))
                .toList();
    }

    private Assignment assignment() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("assignment/tests"));
        List<TestCase> cases = new ArrayList<>();
        for (int t = 1; t <= TESTS; t++) {
            String name = String.format(Locale.ROOT, "t%02d", t);
            Path in = Files.writeString(dir.resolve(name + ".in"), t + " " + (t * 7) + "\n");
            Path ans = Files.writeString(dir.resolve(name + ".out"), (t + t * 7) + "\n");
            cases.add(new TestCase(name, in, ans, 1, "", false, Optional.empty()));
        }
        return new Assignment("cancel", tmp.resolve("assignment"), Assignment.Format.NATIVE, Optional.empty(),
                Set.of("python3"), ResourceLimits.DEFAULTS, CheckerSpec.exact(), Scoring.DEFAULT, cases);
    }

    private List<Submission> submissions(String prefix) throws IOException {
        List<Submission> subs = new ArrayList<>();
        for (int s = 1; s <= SUBMISSIONS; s++) {
            String id = String.format(Locale.ROOT, "%s%02d", prefix, s);
            Path dir = Files.createDirectories(tmp.resolve("subs").resolve(id));
            Files.writeString(dir.resolve("main.py"), "a, b = map(int, input().split())\nprint(a + b)\n");
            subs.add(Submission.plain(id, dir));
        }
        return subs;
    }

    private static CheckerProvider exactChecker() {
        return spec -> (input, expected, output) -> {
            try {
                return Arrays.equals(Files.readAllBytes(expected), output) ? CheckResult.accepted()
                        : CheckResult.wrong("differs");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }
}
