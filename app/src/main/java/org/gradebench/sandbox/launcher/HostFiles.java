package org.gradebench.sandbox.launcher;

import org.gradebench.core.run.CapturedOutput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Host-side handling of files a sandboxed program could have tampered with (the Judge0 symlink CVEs): nothing here
 * follows a symbolic link, only regular files are read, reads are capped, and deletion works on trees the program
 * made unreadable.
 */
public final class HostFiles {
    private static final Set<PosixFilePermission> DIR_OWNER_ALL = PosixFilePermissions.fromString("rwx------");

    private HostFiles() {
    }

    /**
     * Reads at most {@code cap} bytes of a regular file; {@code truncated} when the file holds more. A missing file,
     * a symlink, a FIFO or a device yields {@link CapturedOutput#EMPTY} (never opened, so a FIFO cannot block us).
     */
    public static CapturedOutput readCapped(Path file, long cap) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return CapturedOutput.EMPTY;
        }
        if (!attrs.isRegularFile()) return CapturedOutput.EMPTY;
        int want = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(0, cap) + 1);
        try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
             InputStream in = Channels.newInputStream(ch)) {
            byte[] bytes = in.readNBytes(want);
            if (bytes.length > cap) {
                return new CapturedOutput(java.util.Arrays.copyOf(bytes, (int) cap), true);
            }
            return new CapturedOutput(bytes, false);
        }
    }

    /**
     * Reads the named files or folders under {@code root} (names relative, '/'-separated, no "..") into a map keyed
     * by relative path. Folders are walked without following links; at most {@code maxFiles} files, each capped at
     * {@code capPerFile} bytes.
     */
    public static Map<String, CapturedOutput> collect(Path root, List<String> names, long capPerFile, int maxFiles)
            throws IOException {
        Map<String, CapturedOutput> out = new LinkedHashMap<>();
        for (String name : names) {
            String rel = checkRelative(name);
            Path p = resolveNoLinks(root, rel);
            if (p != null) collectInto(root, rel, p, capPerFile, maxFiles, out, 0);
        }
        return out;
    }

    /**
     * {@code root/rel} when no component of {@code rel} is a symbolic link; null when one is, or when a component is
     * missing. The sandboxed program wrote the tree: a link in the middle ({@code feedback -> /etc}) would otherwise
     * make the grader read host files for it.
     */
    public static Path resolveNoLinks(Path root, String rel) throws IOException {
        Path p = root;
        for (String part : rel.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            p = p.resolve(part);
            try {
                if (Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isSymbolicLink()) {
                    return null;
                }
            } catch (NoSuchFileException e) {
                return null;
            }
        }
        return p;
    }

    private static void collectInto(Path root, String rel, Path p, long cap, int maxFiles,
                                    Map<String, CapturedOutput> out, int depth) throws IOException {
        if (out.size() >= maxFiles || depth > 32) return;
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (a.isRegularFile()) {
            out.put(rel, readCapped(p, cap));
        } else if (a.isDirectory()) {
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                for (Path c : ds) {
                    children.add(c);
                    if (children.size() > maxFiles) break;
                }
            }
            children.sort(null);
            for (Path c : children) {
                collectInto(root, rel + "/" + c.getFileName(), c, cap, maxFiles, out, depth + 1);
            }
        }
    }

    /** Validates a relative sandbox name: not empty, not absolute, no "." or ".." segments. */
    public static String checkRelative(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\0") || name.contains("\\")) {
            throw new IllegalArgumentException("not a relative file name: " + name);
        }
        for (String seg : name.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                throw new IllegalArgumentException("not a plain relative file name: " + name);
            }
        }
        return name;
    }

    /**
     * Deletes a tree without following links. Directories the program made unreadable are reopened (chmod u+rwx,
     * applied only to real directories) so a non-root owner can still remove them. Missing paths are ignored.
     */
    public static void deleteTree(Path path) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (a.isDirectory()) {
            try {
                Files.setPosixFilePermissions(path, DIR_OWNER_ALL);
            } catch (IOException e) {
                // not ours (root deleting a sandbox uid's folder): root needs no permission bits
            }
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(path)) {
                for (Path c : ds) children.add(c);
            }
            for (Path c : children) deleteTree(c);
        }
        Files.deleteIfExists(path);
    }

    /**
     * Copies a folder tree: directories and regular files only (symlinks, FIFOs and devices are skipped, so a crafted
     * submission cannot pull host files in). Files keep their owner-execute bit; modes become 0755/0644 so a sandbox
     * uid other than ours can read them.
     */
    public static void copyTree(Path from, Path to) throws IOException {
        BasicFileAttributes a = Files.readAttributes(from, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isDirectory()) {
            if (!Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) Files.createDirectory(to);
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(from)) {
                for (Path c : ds) children.add(c);
            }
            for (Path c : children) copyTree(c, to.resolve(c.getFileName().toString()));
        } else if (a.isRegularFile()) {
            copyFile(from, to);
        }
    }

    /** Copies one regular file (source read without following links), 0644 or 0755 when the source is executable. */
    public static void copyFile(Path from, Path to) throws IOException {
        // From the mode bits, not Files.isExecutable: that asks access(2), and for a non-executable file (every test
        // input) the JDK builds and throws an exception internally, which is most of this copy's CPU.
        boolean exec = Files.readAttributes(from, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).permissions().stream()
                .anyMatch(p -> p == PosixFilePermission.OWNER_EXECUTE || p == PosixFilePermission.GROUP_EXECUTE
                        || p == PosixFilePermission.OTHERS_EXECUTE);
        try (InputStream in = Files.newInputStream(from, LinkOption.NOFOLLOW_LINKS)) {
            Files.copy(in, to);
        }
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
    }

    /** Sets owner and group of a tree without following links (lchown); used to hand a folder to the sandbox uid. */
    public static void chownTree(Path path, int uid, int gid) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        if (a.isDirectory()) {
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(path)) {
                for (Path c : ds) children.add(c);
            }
            for (Path c : children) chownTree(c, uid, gid);
        }
    }
}
