package org.gradebench.core.assignment;

import org.gradebench.core.submission.SubmissionHashes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** A hash of everything that decides verdicts, so history can tell "the tests changed" from "the code changed". */
public final class AssignmentHashes {
    private AssignmentHashes() {
    }

    /** SHA-256 over test names, inputs, expected outputs, weights, groups, limits and the checker (incl. its code). */
    public static String testsHash(Assignment a) {
        MessageDigest md = SubmissionHashes.sha256();
        update(md, a.limits().toString());
        update(md, a.checker().describe());
        a.checker().program().ifPresent(p -> update(md, SubmissionHashes.filesHash(p)));
        update(md, a.scoring().toString());
        for (TestCase t : a.tests()) {
            update(md, t.name() + "\u0000" + t.weight() + "\u0000" + t.group() + "\u0000"
                    + t.checker().map(CheckerSpec::describe).orElse(""));
            t.checker().flatMap(CheckerSpec::program).ifPresent(p -> update(md, SubmissionHashes.filesHash(p)));
            file(md, t.input());
            file(md, t.expected());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
    }

    private static void file(MessageDigest md, Path p) {
        byte[] buf = new byte[65536];
        try (InputStream in = Files.newInputStream(p)) {
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read test file " + p, e);
        }
        md.update((byte) 0);
    }
}
