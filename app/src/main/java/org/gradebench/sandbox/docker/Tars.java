package org.gradebench.sandbox.docker;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.gradebench.core.run.CapturedOutput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tar streams for the archive API (copy mode). Entries going in carry explicit owners and modes (Docker extracts
 * them as given); entries coming out are treated as hostile: regular files only, names checked, sizes capped.
 */
final class Tars {
    /** At most this many files are read back from one archive. */
    static final int MAX_FILES = 1000;

    private Tars() {
    }

    /** Builds a tar in memory (inputs, sources and the launcher are small). */
    static final class Builder {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final TarArchiveOutputStream tar;

        Builder() {
            tar = new TarArchiveOutputStream(bytes);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        }

        Builder dir(String name, int mode, int uid) throws IOException {
            TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
            e.setMode(040000 | mode);
            owner(e, uid);
            tar.putArchiveEntry(e);
            tar.closeArchiveEntry();
            return this;
        }

        Builder file(String name, Path source, int mode, int uid) throws IOException {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setMode(0100000 | mode);
            e.setSize(Files.size(source));
            owner(e, uid);
            tar.putArchiveEntry(e);
            try (InputStream in = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS)) {
                in.transferTo(tar);
            }
            tar.closeArchiveEntry();
            return this;
        }

        Builder empty(String name, int mode, int uid) throws IOException {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setMode(0100000 | mode);
            e.setSize(0);
            owner(e, uid);
            tar.putArchiveEntry(e);
            tar.closeArchiveEntry();
            return this;
        }

        Builder symlink(String name, String target, int uid) throws IOException {
            TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            e.setLinkName(target);
            e.setMode(0120777);
            owner(e, uid);
            tar.putArchiveEntry(e);
            tar.closeArchiveEntry();
            return this;
        }

        /**
         * Adds a host folder's content under {@code prefix}: folders 0755, files 0644 or 0755, symlinks as links
         * (they resolve inside the container, never on the host).
         */
        Builder tree(String prefix, Path dir, int uid) throws IOException {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    String name = prefix + p.getFileName();
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isSymbolicLink()) {
                        symlink(name, Files.readSymbolicLink(p).toString(), uid);
                    } else if (a.isDirectory()) {
                        dir(name, 0755, uid);
                        tree(name + "/", p, uid);
                    } else if (a.isRegularFile()) {
                        file(name, p, Files.isExecutable(p) ? 0755 : 0644, uid);
                    }
                }
            }
            return this;
        }

        byte[] finish() throws IOException {
            tar.finish();
            tar.close();
            return bytes.toByteArray();
        }

        private static void owner(TarArchiveEntry e, int uid) {
            e.setUserId(uid);
            e.setGroupId(uid);
            e.setModTime(System.currentTimeMillis());
        }
    }

    /**
     * Regular files of a tar from {@code docker cp}-style archives, by name with the leading {@code strip} folder
     * removed, each capped at {@code cap} bytes.
     */
    static Map<String, CapturedOutput> readFiles(InputStream archive, String strip, long cap) throws IOException {
        Map<String, CapturedOutput> out = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (!e.isFile() || e.isLink() || e.isSymbolicLink()) continue;
                String name = e.getName();
                if (!strip.isEmpty()) {
                    if (!name.startsWith(strip)) continue;
                    name = name.substring(strip.length());
                }
                String safe;
                try {
                    safe = HostFiles.safeRelative(name);
                } catch (IllegalArgumentException bad) {
                    continue;
                }
                out.put(safe, HostFiles.capped(tar, cap));
                if (out.size() >= MAX_FILES) break;
            }
        }
        return out;
    }

    /**
     * Extracts folders, regular files and symlinks (kept as links, never followed) below {@code dir}. Used for the
     * program folder after a compile in copy mode; the host never opens the files, it only sends them back.
     */
    static void extract(InputStream archive, String strip, Path dir, long maxBytes) throws IOException {
        long total = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String name = e.getName();
                if (!name.startsWith(strip)) continue;
                name = name.substring(strip.length());
                if (name.isEmpty() || name.equals("/")) continue;
                if (name.endsWith("/")) name = name.substring(0, name.length() - 1);
                String safe;
                try {
                    safe = HostFiles.safeRelative(name);
                } catch (IllegalArgumentException bad) {
                    continue;
                }
                Path target = dir.resolve(safe);
                if (!target.normalize().startsWith(dir) || hasLinkParent(dir, target)) continue;
                Files.createDirectories(target.getParent());
                if (e.isDirectory()) {
                    if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) Files.createDirectory(target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else if (e.isSymbolicLink()) {
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(e.getLinkName()));
                } else if (e.isFile() && !e.isLink()) {
                    total += e.getSize();
                    if (total > maxBytes) throw new IOException("program folder larger than " + maxBytes + " bytes");
                    Files.deleteIfExists(target);
                    try (OutputStream o = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                        tar.transferTo(o);
                    }
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                            (e.getMode() & 0111) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    private static boolean hasLinkParent(Path root, Path target) {
        for (Path p = target.getParent(); p != null && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) return true;
        }
        return false;
    }
}
