package org.gradebench.sandbox.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.Volume;
import org.gradebench.core.run.SandboxPaths;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the {@link ContainerSpec} of a Gradebench container: pure, no Docker calls, so every security-relevant
 * setting is asserted by unit tests.
 * <p>
 * The container's main process is the launcher in {@code --keepalive} mode, as root. Every capability is dropped
 * except {@link #CAPABILITIES} (CAP_SETUID, CAP_SETGID, CAP_KILL), and no-new-privileges is on. Each run is the
 * launcher with {@code --uid/--gid}, as root, started by the container's runner (one {@code docker exec} of
 * {@code gb-launch --serve} per container, see {@link ContainerRunner}) or by an exec of its own: the launcher keeps
 * those three capabilities
 * (to kill every process of the run and to drop privileges), and only the program's process switches to the
 * unprivileged sandbox uid before it opens any file or execs. Changing every uid away from 0 clears the permitted,
 * effective and ambient capability sets, and no-new-privileges with a read-only root keeps a set-uid file or file
 * capabilities from giving any back, so the program holds no capability at all. Because the launcher is root and the
 * program is not, the program cannot signal the launcher (or docker-init, or the keepalive, which drops its own
 * capabilities at start): killing its parent no longer ends the run without a report (sandbox.md §3.4).
 * <p>
 * The sandbox uid must never be 0; it may be any other uid (the JVM's own in bind mode as an ordinary user).
 */
public final class ContainerSpecBuilder {

    /** Where the per-session host folders are, for {@link TransferMode#BIND}. */
    /**
     * Host paths for {@link TransferMode#BIND}. stdout and stderr are bound as single files: a file mount point
     * cannot be unlinked, renamed or replaced by a link, so the program cannot swap its output for something else
     * and the host always reads the file the launcher wrote.
     */
    public record BindPaths(Path launcher, Path program, Path scratch, Path stdout, Path stderr) {
        public BindPaths {
            Objects.requireNonNull(launcher, "launcher");
            Objects.requireNonNull(program, "program");
            Objects.requireNonNull(scratch, "scratch");
            Objects.requireNonNull(stdout, "stdout");
            Objects.requireNonNull(stderr, "stderr");
        }
    }

    public static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    /** One CPU: runs are timed by CPU, and a second runner must not be starved by a multi-threaded program. */
    public static final long NANO_CPUS = 1_000_000_000L;
    public static final long SHM_BYTES = 8L * 1024 * 1024;
    public static final int TMP_INODES = 16 * 1024;
    /** What the exec's launcher needs: drop the program to the sandbox uid, and kill the run's processes. */
    public static final List<Capability> CAPABILITIES = List.of(Capability.SETUID, Capability.SETGID, Capability.KILL);

    private final String image;
    private final ContainerShape shape;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private TransferMode mode = TransferMode.BIND;
    private Optional<BindPaths> binds = Optional.empty();
    private final Map<String, String> env = new LinkedHashMap<>();

    public ContainerSpecBuilder(String image, ContainerShape shape) {
        this.image = Objects.requireNonNull(image, "image");
        this.shape = Objects.requireNonNull(shape, "shape");
        env.put("PATH", PATH);
        env.put("LANG", "C.UTF-8");
    }

    public ContainerSpecBuilder session(String sessionId, String owner, String label) {
        labels.put(DockerLabels.SESSION, sessionId);
        labels.put(DockerLabels.KIND, DockerLabels.KIND_RUN);
        labels.put(DockerLabels.OWNER, owner);
        labels.put(DockerLabels.LABEL, label.length() > 200 ? label.substring(0, 200) : label);
        return this;
    }

    public ContainerSpecBuilder bind(BindPaths paths) {
        this.mode = TransferMode.BIND;
        this.binds = Optional.of(paths);
        return this;
    }

    public ContainerSpecBuilder copy() {
        this.mode = TransferMode.COPY;
        this.binds = Optional.empty();
        return this;
    }

    public ContainerSpec build() {
        if (mode == TransferMode.BIND && binds.isEmpty()) throw new IllegalStateException("bind mode needs host paths");
        if (!labels.containsKey(DockerLabels.SESSION)) throw new IllegalStateException("no session labels");

        Map<String, String> tmpfs = new LinkedHashMap<>();
        // noexec while testing: a program must not run what it wrote (CMS executing-output); compilers may need it.
        String exec = shape.programWritable() ? "exec" : "noexec";
        tmpfs.put("/tmp", "rw,nosuid,nodev," + exec + ",size=" + shape.tmpBytes() + ",nr_inodes=" + TMP_INODES
                + ",mode=1777");

        List<Ulimit> ulimits = new ArrayList<>();
        ulimits.add(new Ulimit("core", 0L, 0L));
        ulimits.add(new Ulimit("nofile", (long) shape.openFiles(), (long) shape.openFiles()));
        if (shape.fileSizeBytes() > 0) ulimits.add(new Ulimit("fsize", shape.fileSizeBytes(), shape.fileSizeBytes()));

        HostConfig host = HostConfig.newHostConfig()
                .withMemory(shape.memoryBytes())
                .withMemorySwap(shape.memoryBytes())
                .withNanoCPUs(NANO_CPUS)
                .withPidsLimit(shape.pids())
                .withNetworkMode("none")
                .withReadonlyRootfs(true)
                .withTmpFs(tmpfs)
                .withShmSize(SHM_BYTES)
                .withCapDrop(Capability.ALL)
                .withCapAdd(CAPABILITIES.toArray(Capability[]::new))
                .withSecurityOpts(List.of("no-new-privileges"))
                .withUlimits(ulimits)
                .withInit(true)
                .withOomScoreAdj(1000)
                .withPrivileged(false)
                .withAutoRemove(false)
                .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE));

        List<String> volumes = new ArrayList<>();
        if (mode == TransferMode.BIND) {
            BindPaths p = binds.orElseThrow();
            host.withBinds(
                    new Bind(p.launcher().toString(), new Volume(ContainerLayout.LAUNCHER), AccessMode.ro),
                    new Bind(p.program().toString(), new Volume(SandboxPaths.PROGRAM),
                            shape.programWritable() ? AccessMode.rw : AccessMode.ro),
                    new Bind(p.scratch().toString(), new Volume(SandboxPaths.SCRATCH), AccessMode.rw),
                    new Bind(p.stdout().toString(), new Volume(ContainerLayout.STDOUT), AccessMode.rw),
                    new Bind(p.stderr().toString(), new Volume(ContainerLayout.STDERR), AccessMode.rw));
        } else {
            // Anonymous volumes: the archive API may write into them although the root filesystem is read-only.
            volumes.add(ContainerLayout.LAUNCHER_DIR);
            volumes.add(ContainerLayout.BOX);
        }

        List<String> envList = env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        return new ContainerSpec(image, List.of(ContainerLayout.LAUNCHER), List.of("--keepalive"), "0:0", envList, "/",
                labels, true, volumes, host);
    }
}
