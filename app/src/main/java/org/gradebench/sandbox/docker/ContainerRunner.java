package org.gradebench.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The launcher in {@code --serve} mode inside one container, started by a single {@code docker exec}: every run of
 * the container is then a request on the exec's stdin and an answer on its stdout, a fork inside the container
 * instead of a new exec (runc joining the container's namespaces and cgroup costs 60-80 ms per exec on this machine;
 * a request costs 2-3 ms). The runner runs exactly the argv a per-run exec would (the {@link ExecPrelude} shell,
 * which becomes the launcher), as root with the container's three capabilities, so verdicts, limits and cleanup are
 * the same in both strategies. The protocol is in {@code gb-launch.c} ({@code serve}).
 * <p>
 * docker-java never half-closes a hijacked stdin (sandbox.md §2.4), which is harmless here: the runner needs no EOF,
 * it is ended by removing its container. One request at a time: a session's runs are sequential.
 */
final class ContainerRunner implements AutoCloseable {
    /** What a per-run exec would have returned: its exit status and its two (capped) streams. */
    record Reply(int status, String stdout, String stderr) {
    }

    private static final byte[] EOF = new byte[0];
    /** The runner caps each stream at 64 KiB (SERVE_CAP); anything claiming more is not the runner talking. */
    private static final long MAX_ANSWER = 256 * 1024;
    private final String containerId;
    private final Requests requests = new Requests();
    private final Answers answers = new Answers(requests);
    private volatile boolean closed;

    private ContainerRunner(String containerId) {
        this.containerId = containerId;
    }

    /** Starts the runner in a running container (one exec, as root). */
    static ContainerRunner start(DockerClient docker, String containerId) {
        ContainerRunner r = new ContainerRunner(containerId);
        String execId = docker.execCreateCmd(containerId).withUser("0:0").withAttachStdin(true)
                .withAttachStdout(true).withAttachStderr(true).withTty(false).withWorkingDir("/")
                .withCmd(ContainerLayout.LAUNCHER, "--serve").exec().getId();
        docker.execStartCmd(execId).withDetach(false).withTty(false).withStdIn(r.requests).exec(r.answers);
        return r;
    }

    String containerId() {
        return containerId;
    }

    /** False once the runner's stream has ended (the container is gone, or the runner failed). */
    boolean alive() {
        return !closed && !answers.ended();
    }

    /**
     * Sends one run and waits for its answer.
     *
     * @return the answer, or empty when none came within {@code timeoutMs}
     * @throws IOException when the runner has ended or refused the request; the container must be replaced
     */
    Optional<Reply> call(List<String> argv, long timeoutMs) throws IOException, InterruptedException {
        if (!alive()) throw new IOException("the runner in container " + shortId() + " has ended" + answers.why());
        ByteArrayOutputStream req = new ByteArrayOutputStream(1024);
        req.writeBytes(("GB1 " + argv.size() + "\n").getBytes(StandardCharsets.US_ASCII));
        for (String a : argv) {
            if (a.indexOf('\0') >= 0) throw new IllegalArgumentException("an argument holds a NUL byte");
            req.writeBytes(a.getBytes(StandardCharsets.UTF_8));
            req.write(0);
        }
        answers.expect();
        requests.send(req.toByteArray());
        Optional<Reply> reply = answers.await(timeoutMs);
        // A late answer must never be taken for the next request's: a runner that missed its deadline is done.
        if (reply.isEmpty()) close();
        return reply;
    }

    private String shortId() {
        return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
    }

    /** Ends the exec's stream (the runner itself ends with its container). Idempotent, from any thread. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        requests.end();
        answers.end();
        try {
            answers.close();
        } catch (IOException | RuntimeException e) {
            // nothing left to do
        }
    }

    /** The exec's stdin: blocks until a request is queued; at close, end of stream. */
    private static final class Requests extends InputStream {
        private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
        private byte[] current = new byte[0];
        private int pos;
        private boolean eof;

        void send(byte[] bytes) {
            queue.add(bytes);
        }

        /** Ends the stream (idempotent): docker-java's copying thread then finishes. */
        void end() {
            queue.add(EOF);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            while (!eof && pos >= current.length) {
                try {
                    current = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                pos = 0;
                if (current == EOF) eof = true;
            }
            if (eof) return -1;
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return Math.max(0, current.length - pos);
        }
    }

    /** Parses the runner's stdout into answers; anything on its stderr is kept for the error message. */
    private static final class Answers extends ResultCallback.Adapter<Frame> {
        private final Requests requests;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final StringBuilder err = new StringBuilder();
        private Reply reply;
        private boolean waiting;
        private boolean ended;
        private String failure;

        Answers(Requests requests) {
            this.requests = requests;
        }

        /** No more answers will be read: wakes a waiting caller. */
        synchronized void end() {
            ended = true;
            notifyAll();
        }

        @Override
        public void onNext(Frame frame) {
            byte[] payload = frame.getPayload();
            if (payload == null) return;
            synchronized (this) {
                if (frame.getStreamType() == StreamType.STDERR) {
                    if (err.length() < 4096) err.append(new String(payload, StandardCharsets.UTF_8));
                    return;
                }
                buf.writeBytes(payload);
                parse();
            }
        }

        /** Called with the lock held. */
        private void parse() {
            byte[] b = buf.toByteArray();
            int nl = -1;
            for (int i = 0; i < b.length && i < 128; i++) {
                if (b[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            if (nl < 0) {
                if (b.length >= 128) fail("the runner sent a malformed answer");
                return;
            }
            String[] head = new String(b, 0, nl, StandardCharsets.US_ASCII).split(" ");
            if (head.length >= 2 && head[0].equals("GB1") && head[1].equals("ERR")) {
                fail("the runner refused the request: " + new String(b, 4, nl - 4, StandardCharsets.US_ASCII));
                return;
            }
            int status;
            int outLen;
            int errLen;
            try {
                if (head.length != 4 || !head[0].equals("GB1")) throw new NumberFormatException();
                status = Integer.parseInt(head[1]);
                outLen = Integer.parseInt(head[2]);
                errLen = Integer.parseInt(head[3]);
                if (outLen < 0 || errLen < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                fail("the runner sent a malformed answer");
                return;
            }
            long needed = (long) nl + 1 + outLen + errLen;
            if (needed > MAX_ANSWER) {
                fail("the runner sent a malformed answer");
                return;
            }
            int need = (int) needed;
            if (b.length < need) return;
            if (!waiting) {
                fail("the runner answered a request nobody sent");
                return;
            }
            reply = new Reply(status, new String(b, nl + 1, outLen, StandardCharsets.UTF_8),
                    new String(b, nl + 1 + outLen, errLen, StandardCharsets.UTF_8));
            waiting = false;
            buf.reset();
            buf.write(b, need, b.length - need);
            notifyAll();
        }

        private void fail(String why) {
            if (failure == null) failure = why;
            ended = true;
            notifyAll();
        }

        synchronized void expect() {
            reply = null;
            waiting = true;
        }

        synchronized Optional<Reply> await(long timeoutMs) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (reply == null && !ended) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    waiting = false;
                    return Optional.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            if (reply == null) throw new IOException("the runner ended without answering" + why());
            Reply r = reply;
            reply = null;
            return Optional.of(r);
        }

        synchronized boolean ended() {
            return ended;
        }

        synchronized String why() {
            String detail = failure != null ? failure : err.toString().strip();
            return detail.isEmpty() ? "" : ": " + DockerErrors.firstLine(detail);
        }

        @Override
        public void onError(Throwable t) {
            synchronized (this) {
                if (failure == null) failure = String.valueOf(t.getMessage());
                ended = true;
                notifyAll();
            }
            requests.end(); // the exec is gone: nothing may wait to feed it
            super.onError(t);
        }

        @Override
        public void onComplete() {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
            requests.end();
            super.onComplete();
        }
    }
}
