package org.gradebench.core.assignment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Fingerprints of what a grading result depends on, so history can tell "same tests" from "tests changed".
 */
public final class AssignmentHashes {
    private static final int BUFFER = 64 * 1024;

    private AssignmentHashes() {
    }

    /**
     * SHA-256 (hex) over everything that decides a verdict or score apart from the submission: every test's name,
     * input and expected bytes, weight, group, hidden flag and checker override, the limits, the scoring, the
     * assignment's checker description, and the source files of every custom checker (relative path + bytes).
     * Not included: title, statement, paths on disk (moving the folder keeps the hash). Each field is
     * length-prefixed, so no two different assignments can produce the same byte stream.
     *
     * @throws IOException when a test or checker file cannot be read
     */
    public static String testsHash(Assignment a) throws IOException {
        MessageDigest md = sha256();
        field(md, "gradebench-tests-v1");
        ResourceLimits l = a.limits();
        field(md, "limits " + l.cpuTime().toNanos() + " " + l.wallTime().toNanos() + " " + l.memoryMib() + " "
                + l.outputKib() + " " + l.processes());
        field(md, "scoring " + a.scoring().mode() + " " + Double.toString(a.scoring().maxScore()));
        checker(md, a.checker());
        for (TestCase t : a.tests()) {
            field(md, "test " + t.name());
            field(md, Double.toString(t.weight()) + " " + t.group() + " " + t.hidden());
            if (t.checker().isPresent()) checker(md, t.checker().get());
            else field(md, "-");
            file(md, t.input());
            file(md, t.expected());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void checker(MessageDigest md, CheckerSpec spec) throws IOException {
        field(md, "checker " + spec.describe());
        if (spec.program().isEmpty()) return;
        Path root = spec.program().get();
        Set<String> files = new TreeSet<>();
        if (Files.isRegularFile(root, LinkOption.NOFOLLOW_LINKS)) {
            file(md, root);
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> files.add(root.relativize(p).toString().replace('\\', '/')));
        }
        field(md, "files " + files.size());
        for (String f : files) {
            field(md, f);
            file(md, root.resolve(f));
        }
    }

    private static void field(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        length(md, b.length);
        md.update(b);
    }

    private static void file(MessageDigest md, Path p) throws IOException {
        length(md, Files.size(p));
        byte[] buf = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(p)) {
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
        }
    }

    private static void length(MessageDigest md, long n) {
        for (int i = 7; i >= 0; i--) md.update((byte) (n >>> (8 * i)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
