package org.gradebench.sandbox.launcher;

import org.gradebench.core.run.SandboxException;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The private runtime folder of this OS user, {@code <java.io.tmpdir>/gradebench-<uid>}, where backends put the
 * launcher and their workspaces.
 * <p>
 * Mode 0711: only the owner can list or create entries, but another uid (the sandbox uid, when the JVM runs as root)
 * can still traverse into paths it is told about. Every folder is checked after creation: it must be a real
 * directory (not a symlink) owned by us, otherwise another local user could have planted it and we refuse.
 */
public final class RuntimeDirs {
    /** rwx--x--x */
    public static final Set<PosixFilePermission> TRAVERSABLE = PosixFilePermissions.fromString("rwx--x--x");
    /** rwx------ */
    public static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private RuntimeDirs() {
    }

    /** The effective uid of this JVM (from /proc/self). */
    public static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot determine the current uid from /proc/self", e);
        }
    }

    /** {@code <tmpdir>/gradebench-<uid>}, created 0711 when missing and verified. */
    public static Path userRoot() throws SandboxException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir", "/tmp")).toAbsolutePath();
        return ensureDir(tmp.resolve("gradebench-" + currentUid()), TRAVERSABLE);
    }

    /**
     * Creates {@code dir} (one level) with {@code perms} if missing, then verifies it is a directory, not a link,
     * owned by the current uid, and sets {@code perms} (so a umask cannot widen or narrow them).
     */
    public static Path ensureDir(Path dir, Set<PosixFilePermission> perms) throws SandboxException {
        try {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(perms));
            } catch (FileAlreadyExistsException e) {
                // verified below
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new SandboxException(dir + " exists but is not a directory (or is a symlink); remove it");
            }
            int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (owner != currentUid()) {
                throw new SandboxException(dir + " is owned by uid " + owner + ", not by us (uid " + currentUid()
                        + "); refusing to use it. Remove it or set java.io.tmpdir elsewhere");
            }
            Files.setPosixFilePermissions(dir, perms);
            return dir;
        } catch (IOException e) {
            throw new SandboxException("cannot create the runtime folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
