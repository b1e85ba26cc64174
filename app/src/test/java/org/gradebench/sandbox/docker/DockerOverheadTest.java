package org.gradebench.sandbox.docker;

import org.gradebench.core.run.LanguageProfile;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.SandboxSession;
import org.gradebench.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cost of one run through the Docker backend (median of warm runs of /bin/true), per strategy and transfer mode.
 * The numbers go to the log; the assertion only catches a regression by an order of magnitude (the test machine is
 * shared and noisy).
 */
@Tag("docker")
class DockerOverheadTest {
    private static final Logger LOG = LoggerFactory.getLogger(DockerOverheadTest.class);
    private static final int RUNS = 15;

    @Test
    void warmExecIsMuchCheaperThanAContainerPerRun(@TempDir Path tmp) throws Exception {
        var docker = DockerTestSupport.client();
        DockerEndpoint ep = DockerTestSupport.endpoint();
        LanguageProfile py = DockerTestSupport.profile("python3", List.of("python3"), List.of());
        Path prog = Files.createDirectories(tmp.resolve("p"));
        Path input = Files.writeString(tmp.resolve("in"), "1 2\n");
        long warmBind = median(docker, ep, py, prog, input, TransferMode.BIND, DockerOptions.Strategy.WARM_CONTAINER);
        long warmCopy = median(docker, ep, py, prog, input, TransferMode.COPY, DockerOptions.Strategy.WARM_CONTAINER);
        long perRun = median(docker, ep, py, prog, input, TransferMode.BIND, DockerOptions.Strategy.CONTAINER_PER_RUN);
        LOG.info("docker run overhead (median of {}): warm exec bind {} ms, warm exec copy {} ms, container per run {} ms",
                RUNS, warmBind, warmCopy, perRun);
        assertThat(warmBind).isLessThan(perRun);
        assertThat(warmBind).isLessThan(1000);
    }

    private static long median(com.github.dockerjava.api.DockerClient docker, DockerEndpoint ep, LanguageProfile p,
                               Path prog, Path input, TransferMode mode, DockerOptions.Strategy strategy)
            throws Exception {
        try (DockerSandbox sandbox = new DockerSandbox(docker, ep,
                DockerOptions.defaults().withTransfer(mode).withStrategy(strategy));
             SandboxSession s = sandbox.open("bench", prog, p)) {
            RunSpec spec = new RunSpec(List.of("/bin/true"), false, Map.of("in", input), Optional.of("in"),
                    SandboxTestSupport.small(), Map.of(), List.of());
            s.run(spec); // warm-up: creates the container
            List<Long> ms = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                RunResult r = s.run(spec);
                ms.add((System.nanoTime() - t0) / 1_000_000);
                assertThat(r.succeeded()).as(r.toString()).isTrue();
            }
            Collections.sort(ms);
            LOG.info("{} {}: {}", mode, strategy, ms);
            return ms.get(ms.size() / 2);
        }
    }
}
