package org.gradebench.core.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Content hashes, so history can tell whether code changed between two sessions. */
public final class SubmissionHashes {
    private SubmissionHashes() {
    }

    /** SHA-256 over every regular file's relative path and bytes, in path order (links are not followed). */
    public static String filesHash(Path folder) {
        MessageDigest md = sha256();
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
            byte[] buf = new byte[65536];
            for (Path f : files) {
                md.update(folder.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
                    int n;
                    while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
                }
                md.update((byte) 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + folder, e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
