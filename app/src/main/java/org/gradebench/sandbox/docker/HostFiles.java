package org.gradebench.sandbox.docker;

import org.gradebench.core.run.CapturedOutput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the Docker backend adds to {@link org.gradebench.sandbox.launcher.HostFiles} (shared with bwrap): capped
 * reads of archive streams, emptying a folder in place, and resolving a collected name without following a link in
 * any of its components.
 */
final class HostFiles {
    private HostFiles() {
    }

    static CapturedOutput readCapped(Path file, long cap) throws IOException {
        return org.gradebench.sandbox.launcher.HostFiles.readCapped(file, cap);
    }

    /** Reads at most cap + 1 bytes of a stream: the extra byte only tells that there was more. */
    static CapturedOutput capped(InputStream in, long cap) throws IOException {
        int limit = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(0, cap));
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) return new CapturedOutput(Arrays.copyOf(bytes, limit), true);
        return new CapturedOutput(bytes, false);
    }

    /** Deletes everything below {@code dir} (and {@code dir} itself unless {@code keepRoot}), following no link. */
    static void deleteTree(Path dir, boolean keepRoot) throws IOException {
        if (!keepRoot) {
            org.gradebench.sandbox.launcher.HostFiles.deleteTree(dir);
            return;
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!a.isDirectory()) return;
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) children.add(p);
        }
        for (Path c : children) org.gradebench.sandbox.launcher.HostFiles.deleteTree(c);
    }

    /** Copies a submission: folders and regular files only (links in a submission are skipped). */
    static void copySources(Path from, Path to) throws IOException {
        org.gradebench.sandbox.launcher.HostFiles.copyTree(from, to);
    }

    static void chownTree(Path root, int uid, int gid) throws IOException {
        org.gradebench.sandbox.launcher.HostFiles.chownTree(root, uid, gid);
    }

    /** Rejects names that could leave the folder they are relative to. */
    static String safeRelative(String name) {
        String n = name;
        while (n.startsWith("./")) n = n.substring(2);
        return org.gradebench.sandbox.launcher.HostFiles.checkRelative(n);
    }
}
