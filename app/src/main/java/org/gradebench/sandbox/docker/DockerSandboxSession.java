package org.gradebench.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import org.gradebench.core.run.RunLimits;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.SandboxException;
import org.gradebench.core.run.SandboxSession;
import org.gradebench.sandbox.launcher.LauncherCommand;
import org.gradebench.sandbox.launcher.LauncherReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One program's container (see {@link DockerSandbox}). Runs are sequential; {@link #close} may come from another
 * thread at any time (a cancel) and removes the container, which ends a run in progress.
 * <p>
 * The container is recreated whenever a run needs another {@link ContainerShape} (a compile, then tests) and after
 * anything abnormal (a timeout, a memory kill, processes left behind, a launcher that did not report), so no state
 * leaks from one test to the next. Every run first wipes /tmp, /dev/shm and message queues ({@link ExecPrelude}).
 * A run is a request to the container's {@link ContainerRunner} (the default), or one {@code docker exec}
 * ({@link DockerOptions.Strategy#WARM_CONTAINER}); the argv, and so the verdict, is the same either way.
 */
final class DockerSandboxSession implements SandboxSession {
    private static final Logger LOG = LoggerFactory.getLogger(DockerSandboxSession.class);
    private static final int CHANNEL_CAP = LauncherReport.MAX_CHANNEL_BYTES;
    private static final int SIGKILL = 9;
    private static final java.time.Duration REAP_WAIT = java.time.Duration.ofSeconds(60);
    /** The same PATH the bwrap backend gives programs. */
    static final String RUN_PATH = "/usr/local/bin:/usr/bin:/bin";

    private final DockerSandbox owner;
    private final DockerClient docker;
    private final DockerEndpoint endpoint;
    private final String image;
    private final String sessionId;
    private final String label;
    private final FileTransfer transfer;
    private final DockerOptions options;
    private final int uid;

    private final Object lock = new Object();
    /** A create under way on the lifecycle thread (see {@link #reapPendingCreate}). */
    private Future<String> creating;
    /** A container started ahead of need for the shape the next runs will most likely want (bind mode only). */
    private Prepared prepared;
    /** Removals handed to the lifecycle thread; {@link #close} waits for them. */
    private final List<Future<?>> removals = new ArrayList<>();
    /** The runner of each container that has one (the RUNNER strategy); ended when its container is removed. */
    private final Map<String, ContainerRunner> runners = new java.util.concurrent.ConcurrentHashMap<>();
    /** The compile shape this session started with, until its first test run teaches the sandbox what follows. */
    private ContainerShape compiledWith;
    private int preparedUsed;
    private String containerId;
    private ContainerShape containerShape;
    private boolean dirty;
    private int containers;
    private int seq;
    private volatile boolean closed;

    DockerSandboxSession(DockerSandbox owner, DockerClient docker, DockerEndpoint endpoint, String image,
                         String sessionId, String label, FileTransfer transfer, DockerOptions options, int uid) {
        this.owner = owner;
        this.docker = docker;
        this.endpoint = endpoint;
        this.image = image;
        this.sessionId = sessionId;
        this.label = label;
        this.transfer = transfer;
        this.options = options;
        this.uid = uid;
    }

    String sessionId() {
        return sessionId;
    }

    /** The current container, if one is up (for tests and diagnostics). */
    Optional<String> containerId() {
        synchronized (lock) {
            return Optional.ofNullable(containerId);
        }
    }

    /** How many of its containers were started ahead of need (see {@link #prepareNext}) and then used. */
    int preparedUsed() {
        synchronized (lock) {
            return preparedUsed;
        }
    }

    /** How many containers this session has created so far. */
    int containersCreated() {
        synchronized (lock) {
            return containers;
        }
    }

    @Override
    public RunResult run(RunSpec spec) throws SandboxException, InterruptedException {
        if (closed) throw new SandboxException("the Docker session " + sessionId + " is closed");
        if (Thread.interrupted()) throw new InterruptedException();
        try {
            return runOnce(spec);
        } catch (InterruptedException e) {
            reapPendingCreate();
            throw e;
        } catch (SandboxException e) {
            // A call cut short by a cancel is not an engine failure: the run is abandoned, never blamed (SE).
            if (!DockerErrors.isInterrupt(e)) throw e;
            Thread.interrupted();
            reapPendingCreate();
            discardContainer();
            InterruptedException ie = new InterruptedException("the run was cancelled");
            ie.initCause(e);
            throw ie;
        }
    }

    private RunResult runOnce(RunSpec spec) throws SandboxException, InterruptedException {
        ContainerShape shape = ContainerShape.of(spec);
        learn(shape);
        for (int attempt = 0; ; attempt++) {
            String id = ensureContainer(shape);
            if (spec.programWritable()) prepareNext(shape);
            ExecOutcome eo = execute(id, spec, shape);
            if (eo.retry && attempt == 0) {
                LOG.info("container {} could not be cleaned for the next run; recreating it", id);
                markDirty();
                continue;
            }
            if (spec.programWritable() && eo.result.outcome() != RunResult.Outcome.SANDBOX_ERROR) {
                transfer.afterCompile(id);
            }
            if (options.strategy() == DockerOptions.Strategy.CONTAINER_PER_RUN) markDirty();
            return eo.result;
        }
    }

    private record ExecOutcome(RunResult result, boolean retry) {
    }

    /**
     * What one run's process gave back, whichever way it ran: whether it ended within the budget, its two streams
     * (stdout carries only the launcher's report), and its exit status (asked for only when there is no report).
     */
    private record RawRun(long started, boolean finished, String stdout, String stderr,
                          java.util.function.Supplier<Long> exitCode) {
    }

    /** One {@code docker exec} for the run (the {@link DockerOptions.Strategy#WARM_CONTAINER} strategy). */
    private RawRun viaExec(String id, List<String> cmd, long budgetMs) throws SandboxException, InterruptedException {
        String execId;
        try {
            // Root (with only the container's three capabilities), so the program cannot kill its launcher.
            execId = docker.execCreateCmd(id).withUser("0:0").withAttachStdout(true).withAttachStderr(true)
                    .withAttachStdin(false).withTty(false).withWorkingDir("/")
                    .withCmd(cmd.toArray(String[]::new)).exec().getId();
        } catch (RuntimeException e) {
            markDirty();
            throw checkClosed(DockerErrors.wrap("starting the run in container " + shortId(id), e, endpoint));
        }
        Channel channel = new Channel();
        long started = System.nanoTime();
        boolean finished;
        try {
            docker.execStartCmd(execId).withDetach(false).withTty(false).exec(channel);
            finished = channel.awaitCompletion(budgetMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            LOG.info("run in container {} interrupted; removing the container", shortId(id));
            channel.closeQuietly();
            discardContainer();
            throw e;
        } catch (RuntimeException e) {
            channel.closeQuietly();
            markDirty();
            throw checkClosed(DockerErrors.wrap("running in container " + shortId(id), e, endpoint));
        }
        channel.closeQuietly();
        return new RawRun(started, finished, channel.stdout(), channel.stderr(), () -> execExitCode(execId));
    }

    /** A request to the container's runner (the {@link DockerOptions.Strategy#RUNNER} strategy). */
    private RawRun viaRunner(String id, List<String> cmd, long budgetMs) throws SandboxException, InterruptedException {
        ContainerRunner runner = runnerFor(id);
        long started = System.nanoTime();
        Optional<ContainerRunner.Reply> reply;
        try {
            reply = runner.call(cmd, budgetMs);
        } catch (InterruptedException e) {
            LOG.info("run in container {} interrupted; removing the container", shortId(id));
            discardContainer();
            throw e;
        } catch (java.io.IOException e) {
            markDirty();
            if (closed) throw new SandboxException("the run was cancelled: the Docker session was closed", e);
            throw new SandboxException("running in container " + shortId(id) + ": " + e.getMessage(), e);
        }
        if (reply.isEmpty()) return new RawRun(started, false, "", "", () -> null);
        ContainerRunner.Reply r = reply.get();
        return new RawRun(started, true, r.stdout(), r.stderr(), () -> (long) r.status());
    }

    /** The runner of the container, started now if it has none or its stream has ended. */
    private ContainerRunner runnerFor(String id) throws SandboxException {
        ContainerRunner r = runners.get(id);
        if (r != null && r.alive()) return r;
        if (r != null) r.close();
        try {
            r = ContainerRunner.start(docker, id);
        } catch (RuntimeException e) {
            markDirty();
            throw checkClosed(DockerErrors.wrap("starting the runner in container " + shortId(id), e, endpoint));
        }
        runners.put(id, r);
        if (closed) {
            // close() may have removed the container (and its runners) while this one was starting.
            runners.remove(id);
            r.close();
            throw new SandboxException("the run was cancelled: the Docker session was closed");
        }
        return r;
    }

    /** Ends a container's runner stream and removes the container. */
    private void remove(String id) {
        ContainerRunner r = runners.remove(id);
        if (r != null) r.close();
        owner.removeContainer(id);
    }

    private ExecOutcome execute(String id, RunSpec spec, ContainerShape shape)
            throws SandboxException, InterruptedException {
        int n = ++seq;
        long t0 = System.nanoTime();
        String inputs = transfer.stage(id, spec, n);
        long tStaged = System.nanoTime();
        RunLimits limits = spec.limits();
        // RLIMIT_NPROC counts every process of the uid on the whole machine (there is no user namespace), so
        // parallel sessions would share it: the container's pids cgroup is the real process limit here.
        RunLimits launcherLimits = new RunLimits(limits.cpuTime(), limits.wallTime(), limits.memoryKib(),
                limits.addressSpaceKib(), 0, limits.stdoutBytes(), limits.stderrBytes(), limits.fileSizeBytes(),
                limits.openFiles(), limits.scratchBytes());
        LauncherCommand launcher = new LauncherCommand(ContainerLayout.LAUNCHER, 1, launcherLimits, 0,
                spec.stdin().map(s -> org.gradebench.core.run.SandboxPaths.SCRATCH + "/" + s),
                ContainerLayout.STDOUT, ContainerLayout.STDERR, Optional.of(spec.workDir()), spec.argv());
        // The image's and Docker's own variables (HOSTNAME, PYTHON_VERSION, ...) are dropped: a run sees exactly what
        // it sees under bwrap plus the spec's own.
        List<String> clean = new ArrayList<>(List.of("/usr/bin/env", "-i", "PATH=" + RUN_PATH, "HOME=/tmp",
                "LANG=C.UTF-8", "PWD=" + spec.workDir()));
        for (Map.Entry<String, String> e : spec.env().entrySet()) clean.add(e.getKey() + "=" + e.getValue());
        clean.addAll(launcher.argvAs(uid, uid));
        List<String> cmd = ExecPrelude.command(transfer.copyMode(), inputs, uid, clean);

        long budgetMs = limits.wallTime().toMillis() + options.killGrace().toMillis();
        RawRun raw = options.strategy() == DockerOptions.Strategy.RUNNER
                ? viaRunner(id, cmd, budgetMs) : viaExec(id, cmd, budgetMs);
        long tCreated = raw.started();
        long elapsedMs = (System.nanoTime() - raw.started()) / 1_000_000;
        if (closed) throw new SandboxException("the run was cancelled: the Docker session was closed");

        if (!raw.finished()) {
            // The launcher enforces the wall limit itself; reaching this means it hung or the engine did (the
            // program runs under another uid and cannot signal it), so the host ends the whole container.
            LOG.warn("run in container {} exceeded wall + grace ({} ms) without a report; killing the container",
                    shortId(id), budgetMs);
            discardContainer();
            FileTransfer.Collected none = emptyCollected();
            return new ExecOutcome(new RunResult(RunResult.Outcome.SIGNALED, -1, SIGKILL, 0, elapsedMs, 0, true, 0,
                    none.stdout(), none.stderr(), Map.of(),
                    "killed by the host after " + elapsedMs + " ms: the launcher did not report"), false);
        }

        LauncherReport parsed;
        try {
            parsed = LauncherReport.parse(raw.stdout());
        } catch (SandboxException noReport) {
            Long code = raw.exitCode().get();
            markDirty();
            if (code != null && code == ExecPrelude.EXIT_DIRTY) return new ExecOutcome(null, true);
            String why = "the launcher did not report (exit " + code + ")"
                    + (raw.stderr().isBlank() ? "" : ": " + DockerErrors.firstLine(raw.stderr()))
                    + (code != null && code == 137 ? "; it was killed" : "");
            LOG.warn("container {}: {}", shortId(id), why);
            return new ExecOutcome(RunResult.sandboxError(why), false);
        }

        long tReported = System.nanoTime();
        FileTransfer.Collected out = transfer.collect(id, spec);
        if (LOG.isDebugEnabled()) {
            long tCollected = System.nanoTime();
            LOG.debug("run timings (us): stage {} exec-create {} exec-start-to-end {} collect {} (launcher wall {} ms)",
                    (tStaged - t0) / 1000, (tCreated - tStaged) / 1000, (tReported - tCreated) / 1000,
                    (tCollected - tReported) / 1000, parsed.wallMs());
        }
        RunResult result = parsed.toRunResult(out.stdout(), out.stderr(), out.files());
        boolean abnormal = parsed.wallTimeout() || parsed.cpuTimeout() || parsed.memKilled() || parsed.killedOthers() > 0
                || (!parsed.exited() && parsed.signal() == SIGKILL) || parsed.setupFailed();
        if (abnormal) {
            markDirty();
            if (!parsed.exited() && parsed.signal() == SIGKILL && !parsed.wallTimeout() && !parsed.cpuTimeout()) {
                result = withCgroupOom(id, result, shape);
            }
        }
        return new ExecOutcome(result, false);
    }

    /**
     * A SIGKILL nobody in the launcher sent is most likely the container's memory cgroup. Docker records that in
     * State.OOMKilled; the peak is then at least the cgroup limit, which is what makes the verdict MLE.
     */
    private RunResult withCgroupOom(String id, RunResult r, ContainerShape shape) {
        try {
            InspectContainerResponse info = docker.inspectContainerCmd(id).exec();
            Boolean oom = info.getState() == null ? null : info.getState().getOOMKilled();
            if (Boolean.TRUE.equals(oom)) {
                long cgroupKb = shape.memoryBytes() / 1024;
                return new RunResult(r.outcome(), r.exitCode(), r.signal(), r.cpuMs(), r.wallMs(),
                        Math.max(r.peakMemoryKb(), cgroupKb), r.wallTimedOut(), r.launchErrno(), r.stdout(),
                        r.stderr(), r.files(), "killed by the container's memory limit (" + cgroupKb + " KiB)");
            }
        } catch (RuntimeException e) {
            LOG.debug("inspect after SIGKILL failed: {}", e.toString());
        }
        return r;
    }

    private Long execExitCode(String execId) {
        try {
            InspectExecResponse r = docker.inspectExecCmd(execId).exec();
            return r.getExitCodeLong();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String ensureContainer(ContainerShape shape) throws SandboxException, InterruptedException {
        String stale = null;
        synchronized (lock) {
            if (closed) throw new SandboxException("the Docker session " + sessionId + " is closed");
            if (containerId != null && !dirty && shape.equals(containerShape)) return containerId;
            if (containerId != null) {
                stale = containerId;
                containerId = null;
            }
        }
        if (stale != null) removeLater(stale);
        long t0 = System.nanoTime();
        Future<String> f;
        boolean wasPrepared = false;
        synchronized (lock) {
            Prepared p = prepared;
            prepared = null;
            if (p != null && p.shape().equals(shape)) {
                f = p.id();
                wasPrepared = true;
            } else {
                if (p != null) discardLater(p.id());
                f = owner.uninterrupted(() -> createAndStart(shape));
            }
            creating = f;
        }
        String id;
        try {
            id = f.get(); // an interrupt leaves `creating` set: the run's cancel path removes what it makes
        } catch (ExecutionException e) {
            synchronized (lock) {
                creating = null;
            }
            if (wasPrepared) {
                // A guess that failed is no verdict on this run: create the container the ordinary way.
                LOG.debug("prepared container failed ({}); creating one now", String.valueOf(e.getCause()));
                return ensureContainer(shape);
            }
            if (e.getCause() instanceof SandboxException se) throw se;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new SandboxException("creating a container from " + image + " failed: " + e.getCause(), e);
        }
        synchronized (lock) {
            creating = null;
            if (wasPrepared) preparedUsed++;
            if (closed) {
                remove(id);
                throw new SandboxException("the run was cancelled: the Docker session was closed");
            }
            containerId = id;
            containerShape = shape;
            dirty = false;
            containers++;
            LOG.debug("container {} up in {} ms", shortId(id), (System.nanoTime() - t0) / 1_000_000);
            return id;
        }
    }

    private String createAndStart(ContainerShape shape) throws SandboxException {
        ContainerSpec spec = transfer.configure(new ContainerSpecBuilder(image, shape)
                .session(sessionId, owner.ownerId().toString(), label)).build();
        String id;
        try {
            CreateContainerResponse created = spec.applyTo(docker.createContainerCmd(image)).exec();
            id = created.getId();
        } catch (NotFoundException e) {
            throw new SandboxException(DockerErrors.imageMissing(image, owner.profileName(image)), e);
        } catch (RuntimeException e) {
            throw DockerErrors.wrap("creating a container from " + image, e, endpoint);
        }
        try {
            transfer.afterCreate(id, shape);
            docker.startContainerCmd(id).exec();
            if (options.strategy() == DockerOptions.Strategy.RUNNER) {
                try {
                    runners.put(id, ContainerRunner.start(docker, id));
                } catch (RuntimeException e) {
                    LOG.debug("runner in {} not started ahead ({}); the first run starts it", shortId(id), e.toString());
                }
            }
            return id;
        } catch (SandboxException e) {
            remove(id);
            throw e;
        } catch (RuntimeException e) {
            remove(id);
            throw DockerErrors.wrap("starting a container from " + image, e, endpoint);
        }
    }

    private record Prepared(ContainerShape shape, Future<String> id) {
    }

    /**
     * Right after the compile's container is up, starts the container the tests will most likely want (the shape
     * that followed this compile shape last time in this sandbox), so its create and start overlap the compile
     * instead of delaying the first test. Bind mode only: there the program folder is a mount and the tests see
     * what the compile writes; in copy mode the program is uploaded at create time and must wait for the compile.
     */
    private void prepareNext(ContainerShape compileShape) {
        if (transfer.copyMode() || options.strategy() == DockerOptions.Strategy.CONTAINER_PER_RUN) return;
        Optional<ContainerShape> next = owner.shapeAfter(image, compileShape);
        synchronized (lock) {
            compiledWith = compileShape;
            if (next.isEmpty() || prepared != null || closed) return;
            ContainerShape shape = next.get();
            prepared = new Prepared(shape, owner.uninterrupted(() -> createAndStart(shape)));
        }
    }

    /** The first run after a compile tells the sandbox which shape to prepare for the next submission. */
    private void learn(ContainerShape shape) {
        ContainerShape compile;
        synchronized (lock) {
            compile = compiledWith;
            if (compile == null || shape.programWritable()) return;
            compiledWith = null;
        }
        owner.learnShapeAfter(image, compile, shape);
    }

    /** Removes a container on the lifecycle thread: a replaced container need not delay the next run. */
    private void removeLater(String id) {
        Future<?> f = owner.uninterrupted(() -> {
            remove(id);
            return null;
        });
        synchronized (lock) {
            removals.removeIf(Future::isDone);
            removals.add(f);
        }
    }

    /** Removes the container a create will make (a prepared container nobody wants). */
    private void discardLater(Future<String> create) {
        Future<?> f = owner.uninterrupted(() -> {
            try {
                remove(create.get());
            } catch (ExecutionException e) {
                // it was never made
            }
            return null;
        });
        synchronized (lock) {
            removals.add(f);
        }
    }

    /** Waits (bounded, ignoring interrupts) for every create and removal this session handed off. */
    private void awaitBackground() {
        List<Future<?>> pending;
        Prepared p;
        synchronized (lock) {
            p = prepared;
            prepared = null;
            pending = new ArrayList<>(removals);
            removals.clear();
        }
        if (p != null) pending.add(owner.uninterrupted(() -> {
            try {
                remove(p.id().get());
            } catch (ExecutionException e) {
                // never made
            }
            return null;
        }));
        boolean interrupted = false;
        long deadline = System.nanoTime() + REAP_WAIT.toNanos();
        for (Future<?> f : pending) {
            while (true) {
                try {
                    f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    break;
                } catch (TimeoutException e) {
                    LOG.warn("container cleanup of session {} did not finish in {} s; the reaper will finish it",
                            sessionId, REAP_WAIT.toSeconds());
                    break;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /**
     * After a cancel during {@link #ensureContainer}: waits (bounded, ignoring further interrupts) for the create
     * that was under way and removes the container it made, so a cancelled session leaves nothing behind.
     */
    private void reapPendingCreate() {
        Future<String> f;
        synchronized (lock) {
            f = creating;
            creating = null;
        }
        if (f == null) return;
        boolean interrupted = false;
        long deadline = System.nanoTime() + REAP_WAIT.toNanos();
        try {
            while (true) {
                try {
                    remove(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    return; // nothing was made, or createAndStart removed it itself
                } catch (TimeoutException e) {
                    LOG.warn("a container create of session {} did not finish in {} s; the reaper will remove it",
                            sessionId, REAP_WAIT.toSeconds());
                    return;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private void markDirty() {
        synchronized (lock) {
            dirty = true;
        }
    }

    /** Kills and removes the current container now (a timeout or an interrupt). */
    private void discardContainer() {
        String id;
        synchronized (lock) {
            id = containerId;
            containerId = null;
        }
        if (id != null) remove(id);
    }

    private SandboxException checkClosed(SandboxException e) {
        return closed ? new SandboxException("the run was cancelled: the Docker session was closed", e) : e;
    }

    private static FileTransfer.Collected emptyCollected() {
        return new FileTransfer.Collected(org.gradebench.core.run.CapturedOutput.EMPTY,
                org.gradebench.core.run.CapturedOutput.EMPTY, Map.of());
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        reapPendingCreate();
        discardContainer();
        awaitBackground();
        transfer.close();
        owner.sessionClosed(this);
    }

    /** Collects the exec's two streams, each capped; stdout carries only the launcher's report. */
    private static final class Channel extends ResultCallback.Adapter<Frame> {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();

        @Override
        public void onNext(Frame frame) {
            byte[] payload = frame.getPayload();
            if (payload == null) return;
            ByteArrayOutputStream target = frame.getStreamType() == StreamType.STDERR ? err : out;
            synchronized (this) {
                int room = CHANNEL_CAP - target.size();
                if (room > 0) target.write(payload, 0, Math.min(room, payload.length));
            }
        }

        synchronized String stdout() {
            return out.toString(StandardCharsets.UTF_8);
        }

        synchronized String stderr() {
            return err.toString(StandardCharsets.UTF_8);
        }

        void closeQuietly() {
            try {
                close();
            } catch (java.io.IOException | RuntimeException e) {
                // nothing to do
            }
        }
    }
}
