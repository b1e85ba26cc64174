package org.gradebench.io.importing.archive;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Small file-tree operations used on extracted (workspace-owned) folders. Links are never followed. */
public final class Folders {
    private Folders() {
    }

    /** Entries of {@code dir} that are not OS junk, sorted by name; links included (callers decide). */
    public static List<Path> children(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) if (!EntryNames.isJunkName(p.getFileName().toString())) out.add(p);
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }

    /**
     * While {@code dir} holds exactly one entry and it is a real folder, moves that folder's contents up
     * ({@code alice/project/src -> alice/src}). A lone {@code .git} is left alone. Only for folders we own: entries
     * are moved, not copied.
     */
    public static void collapseSingleDirectory(Path dir) throws IOException {
        while (true) {
            List<Path> kids = children(dir);
            if (kids.size() != 1 || !Files.isDirectory(kids.get(0), LinkOption.NOFOLLOW_LINKS)
                    || kids.get(0).getFileName().toString().equals(".git")) return;
            removeJunk(dir);
            Path only = kids.get(0);
            Path tmp = dir.resolve(".gb-collapse");
            for (int i = 2; Files.exists(tmp, LinkOption.NOFOLLOW_LINKS); i++) tmp = dir.resolve(".gb-collapse" + i);
            Files.move(only, tmp);
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmp)) {
                for (Path p : ds) Files.move(p, dir.resolve(p.getFileName().toString()));
            }
            Files.delete(tmp);
        }
    }

    /** Deletes OS junk directly inside {@code dir} (junk never comes out of our extractor, but can be in folders). */
    private static void removeJunk(Path dir) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) if (EntryNames.isJunkName(p.getFileName().toString())) deleteRecursively(p);
        }
    }

    public static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) throw exc;
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Places {@code source} at {@code target}: moved when we own the source (our own extraction), else hard-linked
     * or, across file systems, copied. Parents are created.
     */
    public static void place(Path source, Path target, boolean owned) throws IOException {
        Files.createDirectories(target.getParent());
        if (owned) {
            Files.move(source, target);
            return;
        }
        try {
            Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            Files.copy(source, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
