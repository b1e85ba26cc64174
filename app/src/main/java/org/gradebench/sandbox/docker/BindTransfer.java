package org.gradebench.sandbox.docker;

import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunSpec;
import org.gradebench.core.run.SandboxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bind mounts of per-session host folders ({@code prog}, {@code run}, {@code out}) and of the launcher. The host
 * wipes and fills the scratch folder itself and reads outputs straight from disk, without following links.
 */
final class BindTransfer implements FileTransfer {
    private static final Logger LOG = LoggerFactory.getLogger(BindTransfer.class);

    private final Path sessionDir;
    private final Path launcher;
    private final Path prog;
    private final Path run;
    private final Path out;
    private final int uid;
    private final boolean jvmIsRoot;

    BindTransfer(Path sessionDir, Path launcher, int uid, boolean jvmIsRoot) throws IOException {
        this.sessionDir = sessionDir;
        this.launcher = launcher;
        this.prog = sessionDir.resolve("prog");
        this.run = sessionDir.resolve("run");
        this.out = sessionDir.resolve("out");
        this.uid = uid;
        this.jvmIsRoot = jvmIsRoot;
        Files.createDirectory(run);
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (jvmIsRoot) HostFiles.chownTree(run, uid, uid);
        Files.createDirectory(out);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwx------"));
        for (String f : new String[]{"stdout", "stderr"}) {
            Path file = Files.createFile(out.resolve(f));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            if (jvmIsRoot) HostFiles.chownTree(file, uid, uid);
        }
    }

    Path programDir() {
        return prog;
    }

    @Override
    public boolean copyMode() {
        return false;
    }

    @Override
    public ContainerSpecBuilder configure(ContainerSpecBuilder builder) {
        return builder.bind(new ContainerSpecBuilder.BindPaths(launcher, prog, run, out.resolve("stdout"),
                out.resolve("stderr")));
    }

    @Override
    public void afterCreate(String containerId, ContainerShape shape) {
        // everything is mounted
    }

    @Override
    public String stage(String containerId, RunSpec spec, int seq) throws SandboxException {
        try {
            HostFiles.deleteTree(run, true);
            // truncated in place, never replaced: they are the containers' mount points
            for (String f : new String[]{"stdout", "stderr"}) {
                try (FileChannel ch = FileChannel.open(out.resolve(f), StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS)) {
                    ch.truncate(0);
                }
            }
            if (spec.programWritable() && jvmIsRoot) HostFiles.chownTree(prog, uid, uid);
            for (Map.Entry<String, Path> in : spec.inputFiles().entrySet()) {
                Path target = run.resolve(HostFiles.safeRelative(in.getKey()));
                Files.createDirectories(target.getParent());
                Files.copy(in.getValue(), target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
                if (jvmIsRoot) HostFiles.chownTree(target, uid, uid);
            }
            if (jvmIsRoot) HostFiles.chownTree(run, uid, uid);
            return "";
        } catch (IOException | IllegalArgumentException e) {
            throw new SandboxException("cannot prepare the scratch folder " + run + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Collected collect(String containerId, RunSpec spec) throws SandboxException {
        try {
            CapturedOutput stdout = HostFiles.readCapped(out.resolve("stdout"), spec.limits().stdoutBytes());
            CapturedOutput stderr = HostFiles.readCapped(out.resolve("stderr"), spec.limits().stderrBytes());
            Map<String, CapturedOutput> files = new LinkedHashMap<>();
            long cap = Math.max(spec.limits().stdoutBytes(), 64 * 1024);
            for (String name : spec.collect()) {
                String safe = HostFiles.safeRelative(name);
                Path p = org.gradebench.sandbox.launcher.HostFiles.resolveNoLinks(run, safe);
                if (p != null) collectTree(p, safe, cap, files);
            }
            return new Collected(stdout, stderr, files);
        } catch (IOException | IllegalArgumentException e) {
            throw new SandboxException("cannot read the run's output files: " + e.getMessage(), e);
        }
    }

    @Override
    public void afterCompile(String containerId) {
        // the compile wrote straight into the host folder
    }

    @Override
    public void close() {
        try {
            HostFiles.deleteTree(sessionDir, false);
        } catch (IOException e) {
            LOG.warn("could not delete session folder {}: {}", sessionDir, e.toString());
        }
    }

    private static void collectTree(Path p, String name, long cap, Map<String, CapturedOutput> files) throws IOException {
        if (files.size() >= Tars.MAX_FILES) return;
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isRegularFile()) {
            files.put(name, HostFiles.readCapped(p, cap));
        } else if (a.isDirectory()) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                for (Path c : ds) collectTree(c, name + "/" + c.getFileName(), cap, files);
            }
        }
    }
}
