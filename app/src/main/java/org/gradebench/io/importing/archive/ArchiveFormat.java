package org.gradebench.io.importing.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/** Archive kinds recognised by content (magic bytes), with the file name only breaking ties (plain tar). */
public enum ArchiveFormat {
    ZIP("zip", true), TAR("tar", true), TAR_GZIP("tar.gz", true), TAR_BZIP2("tar.bz2", true),
    /** Recognised so the user is told why it was not extracted (needs a codec we do not ship). */
    SEVEN_Z("7z", false),
    /** Recognised so the user is told why it was not extracted (proprietary format). */
    RAR("rar", false);

    private final String displayName;
    private final boolean supported;

    ArchiveFormat(String displayName, boolean supported) {
        this.displayName = displayName;
        this.supported = supported;
    }

    public String displayName() {
        return displayName;
    }

    public boolean supported() {
        return supported;
    }

    /**
     * The format of a regular file, judged by its first bytes; {@code null} when it is not an archive. Links are
     * not followed. A {@code .gz}/{@code .bz2} that is not named like a tarball is not treated as an archive.
     */
    public static ArchiveFormat detect(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return null;
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n >= 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6) || (head[2] == 7 && head[3] == 8)))
            return ZIP;
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b)
            return name.endsWith(".tgz") || name.endsWith(".tar.gz") ? TAR_GZIP : null;
        if (n >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h')
            return name.endsWith(".tbz2") || name.endsWith(".tbz") || name.endsWith(".tar.bz2") ? TAR_BZIP2 : null;
        if (n >= 6 && head[0] == '7' && head[1] == 'z' && (head[2] & 0xff) == 0xbc && (head[3] & 0xff) == 0xaf
                && head[4] == 0x27 && head[5] == 0x1c)
            return SEVEN_Z;
        if (n >= 4 && head[0] == 'R' && head[1] == 'a' && head[2] == 'r' && head[3] == '!') return RAR;
        if (n >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a' && head[261] == 'r')
            return TAR;
        if (name.endsWith(".tar") && n >= 512) return TAR; // pre-POSIX (v7) tar has no magic
        return null;
    }

    /**
     * Whether a file found inside a submission should be expanded: only names that say "archive", so a student's
     * {@code .jar}, {@code .docx} or {@code .ipynb} (zips too) are left alone.
     */
    public static boolean hasArchiveName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".zip") || n.endsWith(".tar") || n.endsWith(".tgz") || n.endsWith(".tar.gz")
                || n.endsWith(".tbz") || n.endsWith(".tbz2") || n.endsWith(".tar.bz2") || n.endsWith(".7z")
                || n.endsWith(".rar");
    }

    /** The name without its archive extension ({@code code.tar.gz -> code}). */
    public static String stripArchiveExtension(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".tar.gz", ".tar.bz2", ".tgz", ".tbz2", ".tbz", ".zip", ".tar", ".7z", ".rar"})
            if (n.endsWith(ext) && n.length() > ext.length()) return fileName.substring(0, fileName.length() - ext.length());
        return fileName;
    }
}
