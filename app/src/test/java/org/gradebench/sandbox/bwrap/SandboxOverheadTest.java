package org.gradebench.sandbox.bwrap;

import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.SandboxSession;
import org.gradebench.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-run cost of the sandbox from Java: a bare ProcessBuilder start+wait of the same program against a full
 * BwrapSession run (uid lease, run folder, gb-launch --exec-as, bwrap, launcher, report parsing, output reads, clean-up).
 * Logs the medians; asserts only a loose bound so a loaded machine does not fail it.
 */
@Tag("sandbox")
class SandboxOverheadTest {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxOverheadTest.class);
    private static final int ROUNDS = 15;

    @Test
    void sandboxOverheadIsMilliseconds(@TempDir Path src) throws Exception {
        BwrapSandbox sandbox = new BwrapSandbox(SandboxTestSupport.bwrapConfig());
        SandboxTestSupport.requireUsable(sandbox);
        try (sandbox; SandboxSession s = sandbox.open("bench", src, SandboxTestSupport.plain())) {
            for (List<String> argv : List.of(List.of("/usr/bin/true"), List.of("/usr/bin/python3", "-c", "pass"))) {
                List<Long> bare = new ArrayList<>();
                List<Long> boxed = new ArrayList<>();
                for (int i = 0; i < ROUNDS + 3; i++) {
                    long t0 = System.nanoTime();
                    Process p = new ProcessBuilder(argv).redirectInput(new File("/dev/null"))
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                    assertThat(p.waitFor()).isZero();
                    long t1 = System.nanoTime();
                    RunResult r = s.run(new RunSpec(argv, false, Map.of(), Optional.empty(), SandboxTestSupport.small(),
                            Map.of(), List.of()));
                    long t2 = System.nanoTime();
                    assertThat(r.succeeded()).isTrue();
                    if (i >= 3) { // warm-up discarded
                        bare.add(t1 - t0);
                        boxed.add(t2 - t1);
                    }
                }
                long b = median(bare);
                long x = median(boxed);
                LOG.info("overhead {}: bare {} ms, bwrap+launcher {} ms, +{} ms (medians of {})", argv,
                        ms(b), ms(x), ms(x - b), ROUNDS);
                assertThat(x - b).as("sandbox overhead per run").isLessThan(500_000_000L);
            }
        }
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
