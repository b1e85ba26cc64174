package org.gradebench.sandbox.docker;

import org.gradebench.core.run.CapturedOutput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Host-side handling of files a sandboxed program could have touched. A program can plant symlinks, FIFOs, huge
 * sparse files and unreadable folders (the Judge0 CVE-2024-28185/28189 lesson), so nothing here follows a link,
 * reads anything but a regular file, or reads more than cap + 1 bytes.
 */
final class HostFiles {
    private static final Set<PosixFilePermission> OWNER_ALL = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private HostFiles() {
    }

    /** The first {@code cap} bytes of a regular file, or empty when it is missing or not a regular file. */
    static CapturedOutput readCapped(Path file, long cap) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return CapturedOutput.EMPTY;
        }
        if (!a.isRegularFile()) return CapturedOutput.EMPTY;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
             InputStream in = Channels.newInputStream(ch)) {
            return capped(in, cap);
        }
    }

    /** Reads at most cap + 1 bytes of a stream: the extra byte only tells that there was more. */
    static CapturedOutput capped(InputStream in, long cap) throws IOException {
        int limit = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(0, cap));
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) return new CapturedOutput(java.util.Arrays.copyOf(bytes, limit), true);
        return new CapturedOutput(bytes, false);
    }

    /**
     * Deletes everything below {@code dir} (and {@code dir} itself unless {@code keepRoot}), without following links,
     * making folders the program locked (chmod 000) writable first. Works as root or as the owner of the files.
     */
    static void deleteTree(Path dir, boolean keepRoot) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (a.isDirectory()) {
            try {
                Files.setPosixFilePermissions(dir, OWNER_ALL);
            } catch (IOException e) {
                // not ours and we are not root: the listing below fails with a clear error
            }
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) children.add(p);
            }
            for (Path c : children) deleteTree(c, false);
        }
        if (!keepRoot) Files.deleteIfExists(dir);
    }

    /** Copies a folder of sources: regular files and folders only (links in a submission are skipped). */
    static void copySources(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(from)) {
            for (Path p : ds) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                Path target = to.resolve(p.getFileName().toString());
                if (a.isDirectory()) {
                    Files.createDirectory(target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    copySources(p, target);
                } else if (a.isRegularFile()) {
                    Files.copy(p, target, LinkOption.NOFOLLOW_LINKS);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                            Files.isExecutable(p) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    /** Changes the owner of a tree (no links followed); only meaningful when the JVM is root. */
    static void chownTree(Path root, int uid, int gid) throws IOException {
        BasicFileAttributes a = Files.readAttributes(root, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) return;
        Files.setAttribute(root, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(root, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        if (a.isDirectory()) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
                for (Path p : ds) chownTree(p, uid, gid);
            }
        }
    }

    /** Rejects names that could leave the folder they are relative to. */
    static String safeRelative(String name) {
        String n = name.replace('\\', '/');
        while (n.startsWith("./")) n = n.substring(2);
        if (n.isEmpty() || n.startsWith("/") || n.equals("..") || n.startsWith("../") || n.contains("/../")
                || n.endsWith("/..") || n.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("unsafe file name: " + name);
        }
        return n;
    }
}
