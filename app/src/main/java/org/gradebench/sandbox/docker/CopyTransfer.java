package org.gradebench.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.SandboxException;
import org.gradebench.core.run.SandboxPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Archive-API transfer for engines that do not share this machine's filesystem (tcp://, a VM). The container gets
 * two anonymous volumes, {@code /.sbx} (the launcher) and {@code /box} (prog, run, out, in): Docker lets the archive
 * API write into volumes of a read-only-rootfs container, but not into tmpfs mounts (those are invisible to it on
 * 20.10). Ownership carries the protection bind mounts get from ro/rw: the program folder is root's (read-only to
 * the sandbox uid) for tests and the sandbox uid's for a compile.
 */
final class CopyTransfer implements FileTransfer {
    private static final Logger LOG = LoggerFactory.getLogger(CopyTransfer.class);
    /** A compiled program folder larger than this is a sandbox error (it is held on the host between containers). */
    static final long MAX_PROGRAM_BYTES = 1L << 30;

    private final DockerClient docker;
    private final DockerEndpoint endpoint;
    private final Path sessionDir;
    private final Path prog;
    private final Path launcher;
    private final int uid;

    CopyTransfer(DockerClient docker, DockerEndpoint endpoint, Path sessionDir, Path launcher, int uid) {
        this.docker = docker;
        this.endpoint = endpoint;
        this.sessionDir = sessionDir;
        this.prog = sessionDir.resolve("prog");
        this.launcher = launcher;
        this.uid = uid;
    }

    @Override
    public boolean copyMode() {
        return true;
    }

    @Override
    public ContainerSpecBuilder configure(ContainerSpecBuilder builder) {
        return builder.copy();
    }

    @Override
    public void afterCreate(String containerId, ContainerShape shape) throws SandboxException {
        try {
            byte[] launcherTar = new Tars.Builder().file("launch", launcher, 0555, 0).finish();
            put(containerId, ContainerLayout.LAUNCHER_DIR, launcherTar);
            int progOwner = shape.programWritable() ? uid : 0;
            byte[] box = new Tars.Builder()
                    .dir("prog", 0755, progOwner).tree("prog/", prog, progOwner)
                    .dir("run", 0755, uid).dir("in", 0755, uid)
                    // root's folder: the program can write its output files but not unlink or replace them
                    .dir("out", 0755, 0).empty("out/stdout", 0644, uid).empty("out/stderr", 0644, uid)
                    .finish();
            put(containerId, ContainerLayout.BOX, box);
        } catch (IOException e) {
            throw new SandboxException("cannot pack the program for the container: " + e.getMessage(), e);
        }
    }

    @Override
    public String stage(String containerId, RunSpec spec, int seq) throws SandboxException {
        if (spec.inputFiles().isEmpty()) return "";
        String dir = Integer.toString(seq);
        try {
            Tars.Builder tar = new Tars.Builder().dir(dir, 0755, uid);
            for (Map.Entry<String, Path> in : spec.inputFiles().entrySet()) {
                String name = HostFiles.safeRelative(in.getKey());
                String[] parts = name.split("/");
                String parent = "";
                for (int i = 0; i < parts.length - 1; i++) {
                    parent = parent.isEmpty() ? parts[i] : parent + "/" + parts[i];
                    tar.dir(dir + "/" + parent, 0755, uid);
                }
                tar.file(dir + "/" + name, in.getValue(), 0644, uid);
            }
            put(containerId, ContainerLayout.IN, tar.finish());
            return dir;
        } catch (IOException | IllegalArgumentException e) {
            throw new SandboxException("cannot pack the run's input files: " + e.getMessage(), e);
        }
    }

    @Override
    public Collected collect(String containerId, RunSpec spec) throws SandboxException {
        long cap = Math.max(spec.limits().stdoutBytes(), spec.limits().stderrBytes());
        Map<String, CapturedOutput> outs = fetch(containerId, ContainerLayout.OUT, "out/", cap);
        CapturedOutput stdout = trim(outs.getOrDefault("stdout", CapturedOutput.EMPTY), spec.limits().stdoutBytes());
        CapturedOutput stderr = trim(outs.getOrDefault("stderr", CapturedOutput.EMPTY), spec.limits().stderrBytes());
        Map<String, CapturedOutput> files = new LinkedHashMap<>();
        long fileCap = Math.max(spec.limits().stdoutBytes(), 64 * 1024);
        for (String name : spec.collect()) {
            String safe;
            try {
                safe = HostFiles.safeRelative(name);
            } catch (IllegalArgumentException e) {
                continue;
            }
            int slash = safe.lastIndexOf('/');
            String base = slash < 0 ? safe : safe.substring(slash + 1);
            String parent = slash < 0 ? "" : safe.substring(0, slash + 1);
            for (Map.Entry<String, CapturedOutput> f
                    : fetch(containerId, SandboxPaths.SCRATCH + "/" + safe, "", fileCap).entrySet()) {
                String rel = f.getKey();
                if (rel.equals(base) || rel.startsWith(base + "/")) files.put(parent + rel, f.getValue());
            }
        }
        return new Collected(stdout, stderr, files);
    }

    @Override
    public void afterCompile(String containerId) throws SandboxException {
        try (InputStream in = docker.copyArchiveFromContainerCmd(containerId, SandboxPaths.PROGRAM).exec()) {
            HostFiles.deleteTree(prog, true);
            Tars.extract(in, "prog/", prog, MAX_PROGRAM_BYTES);
        } catch (IOException e) {
            throw new SandboxException("cannot fetch the compiled program from the container: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw DockerErrors.wrap("fetching the compiled program", e, endpoint);
        }
    }

    @Override
    public void close() {
        try {
            HostFiles.deleteTree(sessionDir, false);
        } catch (IOException e) {
            LOG.warn("could not delete session folder {}: {}", sessionDir, e.toString());
        }
    }

    private void put(String containerId, String path, byte[] tar) throws SandboxException {
        try {
            docker.copyArchiveToContainerCmd(containerId).withRemotePath(path)
                    .withTarInputStream(new ByteArrayInputStream(tar)).exec();
        } catch (RuntimeException e) {
            throw DockerErrors.wrap("copying files into the container (" + path + ")", e, endpoint);
        }
    }

    private Map<String, CapturedOutput> fetch(String containerId, String path, String strip, long cap)
            throws SandboxException {
        try (InputStream in = docker.copyArchiveFromContainerCmd(containerId, path).exec()) {
            return Tars.readFiles(in, strip, cap);
        } catch (NotFoundException e) {
            return Map.of();
        } catch (IOException e) {
            throw new SandboxException("cannot read " + path + " from the container: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw DockerErrors.wrap("reading " + path + " from the container", e, endpoint);
        }
    }

    private static CapturedOutput trim(CapturedOutput c, long cap) {
        if (c.size() <= cap) return c;
        return new CapturedOutput(java.util.Arrays.copyOf(c.bytes(), (int) cap), true);
    }
}
