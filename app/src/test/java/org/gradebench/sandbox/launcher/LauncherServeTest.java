package org.gradebench.sandbox.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's {@code --serve} protocol (the Docker runner, see {@code ContainerRunner}), spoken directly to the
 * real binary on this host: requests in, exit status and the two captured streams out, one after the other, and a
 * clean end on EOF or refusal on a malformed request.
 */
class LauncherServeTest {
    private Process runner;
    private OutputStream in;
    private DataInputStream out;

    record Answer(int status, String stdout, String stderr) {
    }

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        runner = new ProcessBuilder(LauncherBinary.extract(dir).path().toString(), "--serve")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        in = runner.getOutputStream();
        out = new DataInputStream(runner.getInputStream());
    }

    @AfterEach
    void stop() {
        runner.destroyForcibly();
    }

    private void send(List<String> argv) throws IOException {
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        req.writeBytes(("GB1 " + argv.size() + "\n").getBytes(StandardCharsets.US_ASCII));
        for (String a : argv) {
            req.writeBytes(a.getBytes(StandardCharsets.UTF_8));
            req.write(0);
        }
        in.write(req.toByteArray());
        in.flush();
    }

    private String headerLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = out.read(); c != '\n'; c = out.read()) {
            if (c < 0) throw new IOException("the runner ended after: " + sb);
            sb.append((char) c);
        }
        return sb.toString();
    }

    private Answer answer() throws IOException {
        String[] h = headerLine().split(" ");
        assertThat(h).hasSize(4);
        assertThat(h[0]).isEqualTo("GB1");
        byte[] o = new byte[Integer.parseInt(h[2])];
        byte[] e = new byte[Integer.parseInt(h[3])];
        out.readFully(o);
        out.readFully(e);
        return new Answer(Integer.parseInt(h[1]), new String(o, StandardCharsets.UTF_8),
                new String(e, StandardCharsets.UTF_8));
    }

    private Answer call(String... argv) throws IOException {
        send(List.of(argv));
        return answer();
    }

    @Test
    void servesRequestsOneAfterAnotherWithStatusAndBothStreams() throws Exception {
        assertThat(call("/bin/echo", "a", "", "multi\nline")).isEqualTo(new Answer(0, "a  multi\nline\n", ""));
        assertThat(call("/bin/sh", "-c", "echo oops >&2; exit 3")).isEqualTo(new Answer(3, "", "oops\n"));
        assertThat(call("/bin/sh", "-c", "kill -9 $$").status()).isEqualTo(128 + 9);
        Answer missing = call("/no/such/program");
        assertThat(missing.status()).isEqualTo(127);
        assertThat(missing.stderr()).contains("/no/such/program", "No such file");
        // Two requests written at once are answered in order.
        send(List.of("/bin/echo", "first"));
        send(List.of("/bin/echo", "second"));
        assertThat(answer().stdout()).isEqualTo("first\n");
        assertThat(answer().stdout()).isEqualTo("second\n");
    }

    @Test
    void capsEachStreamAndDoesNotWaitForABackgroundProcessHoldingIt() throws Exception {
        Answer big = call("/bin/sh", "-c", "head -c 300000 /dev/zero | tr '\\0' x");
        assertThat(big.status()).isZero();
        assertThat(big.stdout()).hasSize(64 * 1024);
        long t0 = System.nanoTime();
        Answer bg = call("/bin/sh", "-c", "sleep 30 & echo started");
        assertThat(bg).isEqualTo(new Answer(0, "started\n", ""));
        assertThat(System.nanoTime() - t0).as("answered without waiting for the sleeper")
                .isLessThan(TimeUnit.SECONDS.toNanos(10));
        assertThat(call("/bin/echo", "still serving").stdout()).isEqualTo("still serving\n");
    }

    @Test
    void theRunGetsNoStdinAndNoDescriptorOfTheRunner() throws Exception {
        Answer r = call("/bin/sh", "-c", "cat; ls /proc/self/fd | sort -n | tr '\\n' ' '");
        assertThat(r.status()).isZero();
        // 0-2, plus the descriptor ls itself opens to list the folder
        assertThat(r.stdout().strip().split(" ")).containsExactly("0", "1", "2", "3");
    }

    @Test
    void endsCleanlyAtEof() throws Exception {
        in.close();
        assertThat(runner.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(runner.exitValue()).isZero();
    }

    @Test
    void refusesAMalformedHeaderAndEnds() throws Exception {
        in.write("GB1 -1\n".getBytes(StandardCharsets.US_ASCII));
        in.flush();
        assertThat(headerLine()).startsWith("GB1 ERR bad header");
        assertThat(runner.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(runner.exitValue()).isEqualTo(2);
    }

    @Test
    void refusesARelativeProgram() throws Exception {
        send(List.of("echo", "x"));
        assertThat(headerLine()).startsWith("GB1 ERR argv[0] must be an absolute path");
        InputStream rest = runner.getInputStream();
        assertThat(runner.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(rest.readAllBytes()).isEmpty();
    }
}
