package org.gradebench.io.importing;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Builds fixture archives in memory, including hostile ones no normal tool would write. */
public final class TestArchives {
    private TestArchives() {
    }

    public static ZipBuilder zip() {
        return new ZipBuilder();
    }

    public static TarBuilder tar() {
        return new TarBuilder();
    }

    interface ZipStep {
        void apply(ZipArchiveOutputStream out) throws IOException;
    }

    public static final class ZipBuilder {
        private final List<ZipStep> steps = new ArrayList<>();
        private final Set<String> encrypted = new HashSet<>();
        private Charset nameCharset = StandardCharsets.UTF_8;
        private boolean utf8Flag = true;

        /** Names written in {@code cs} without the UTF-8 flag (bit 11) and without Unicode extra fields. */
        public ZipBuilder legacyNames(Charset cs) {
            nameCharset = cs;
            utf8Flag = false;
            return this;
        }

        public ZipBuilder file(String name, String content) {
            return file(name, content.getBytes(StandardCharsets.UTF_8));
        }

        public ZipBuilder file(String name, byte[] content) {
            steps.add(out -> {
                ZipArchiveEntry e = new ZipArchiveEntry(name);
                out.putArchiveEntry(e);
                out.write(content);
                out.closeArchiveEntry();
            });
            return this;
        }

        /** A large entry of zeros, streamed (never held in memory). */
        public ZipBuilder zeros(String name, long size) {
            steps.add(out -> {
                out.putArchiveEntry(new ZipArchiveEntry(name));
                byte[] buf = new byte[1 << 16];
                for (long left = size; left > 0; left -= buf.length) out.write(buf, 0, (int) Math.min(buf.length, left));
                out.closeArchiveEntry();
            });
            return this;
        }

        public ZipBuilder dir(String name) {
            steps.add(out -> {
                out.putArchiveEntry(new ZipArchiveEntry(name.endsWith("/") ? name : name + "/"));
                out.closeArchiveEntry();
            });
            return this;
        }

        /** A Unix symlink entry (mode 0120777, content = target), as Info-ZIP writes with {@code zip -y}. */
        public ZipBuilder symlink(String name, String target) {
            steps.add(out -> {
                ZipArchiveEntry e = new ZipArchiveEntry(name);
                e.setUnixMode(0120777);
                out.putArchiveEntry(e);
                out.write(target.getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            });
            return this;
        }

        public ZipBuilder fifo(String name) {
            steps.add(out -> {
                ZipArchiveEntry e = new ZipArchiveEntry(name);
                e.setUnixMode(0010644);
                out.putArchiveEntry(e);
                out.closeArchiveEntry();
            });
            return this;
        }

        /** An entry whose general-purpose bit 0 (encrypted) is set in both headers; the data is garbage. */
        public ZipBuilder encrypted(String name, String content) {
            encrypted.add(name);
            return file(name, content);
        }

        public ZipBuilder zipInside(String name, ZipBuilder inner) {
            return file(name, inner.bytes());
        }

        public byte[] bytes() {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bos)) {
                out.setEncoding(nameCharset.name());
                out.setUseLanguageEncodingFlag(utf8Flag);
                out.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
                for (ZipStep s : steps) s.apply(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] b = bos.toByteArray();
            for (String name : encrypted) setEncryptedFlag(b, name.getBytes(nameCharset));
            return b;
        }

        public Path write(Path file) throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes());
            return file;
        }
    }

    /** Sets bit 0 of the general purpose flags in the local and central headers of the entry named {@code name}. */
    static void setEncryptedFlag(byte[] zip, byte[] name) {
        int patched = 0;
        for (int i = 0; i + 46 < zip.length; i++) {
            if (zip[i] != 'P' || zip[i + 1] != 'K') continue;
            int nameLenAt;
            int nameAt;
            int flagsAt;
            if (zip[i + 2] == 3 && zip[i + 3] == 4) {
                flagsAt = i + 6;
                nameLenAt = i + 26;
                nameAt = i + 30;
            } else if (zip[i + 2] == 1 && zip[i + 3] == 2) {
                flagsAt = i + 8;
                nameLenAt = i + 28;
                nameAt = i + 46;
            } else continue;
            int len = (zip[nameLenAt] & 0xff) | (zip[nameLenAt + 1] & 0xff) << 8;
            if (len != name.length || nameAt + len > zip.length) continue;
            boolean same = true;
            for (int k = 0; k < len && same; k++) same = zip[nameAt + k] == name[k];
            if (!same) continue;
            zip[flagsAt] |= 1;
            patched++;
        }
        if (patched != 2) throw new IllegalStateException("patched " + patched + " headers, expected 2");
    }

    interface TarStep {
        void apply(TarArchiveOutputStream out) throws IOException;
    }

    public static final class TarBuilder {
        private final List<TarStep> steps = new ArrayList<>();
        private boolean gzip;

        public TarBuilder gzip() {
            gzip = true;
            return this;
        }

        public TarBuilder file(String name, String content) {
            byte[] b = content.getBytes(StandardCharsets.UTF_8);
            steps.add(out -> {
                TarArchiveEntry e = new TarArchiveEntry(name, true);
                e.setSize(b.length);
                out.putArchiveEntry(e);
                out.write(b);
                out.closeArchiveEntry();
            });
            return this;
        }

        public TarBuilder zeros(String name, long size) {
            steps.add(out -> {
                TarArchiveEntry e = new TarArchiveEntry(name, true);
                e.setSize(size);
                out.putArchiveEntry(e);
                byte[] buf = new byte[1 << 16];
                for (long left = size; left > 0; left -= buf.length) out.write(buf, 0, (int) Math.min(buf.length, left));
                out.closeArchiveEntry();
            });
            return this;
        }

        public TarBuilder link(String name, String target, byte type) {
            steps.add(out -> {
                TarArchiveEntry e = new TarArchiveEntry(name, type, true);
                e.setLinkName(target);
                out.putArchiveEntry(e);
                out.closeArchiveEntry();
            });
            return this;
        }

        public TarBuilder symlink(String name, String target) {
            return link(name, target, TarConstants.LF_SYMLINK);
        }

        public TarBuilder hardlink(String name, String target) {
            return link(name, target, TarConstants.LF_LINK);
        }

        public TarBuilder special(String name, byte type) {
            steps.add(out -> {
                TarArchiveEntry e = new TarArchiveEntry(name, type, true);
                out.putArchiveEntry(e);
                out.closeArchiveEntry();
            });
            return this;
        }

        public byte[] bytes() {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (OutputStream sink = gzip ? new GzipCompressorOutputStream(bos) : bos;
                 TarArchiveOutputStream out = new TarArchiveOutputStream(sink, "UTF-8")) {
                out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                for (TarStep s : steps) s.apply(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bos.toByteArray();
        }

        public Path write(Path file) throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes());
            return file;
        }
    }

    /** Every path under {@code root} (links not followed), relative, with '/' separators, sorted. */
    public static List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** Total size of regular files under {@code root}. */
    public static long size(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
