package org.gradebench.sandbox.launcher;

import org.gradebench.core.run.CapturedOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostFilesTest {
    @Test
    void readsAtMostTheCap(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("out");
        Files.write(f, new byte[100]);
        assertThat(HostFiles.readCapped(f, 100)).isEqualTo(new CapturedOutput(new byte[100], false));
        CapturedOutput cut = HostFiles.readCapped(f, 10);
        assertThat(cut.size()).isEqualTo(10);
        assertThat(cut.truncated()).isTrue();
    }

    @Test
    void neverFollowsSymlinksOrOpensFifos(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "s3cret");
        Path link = dir.resolve("link");
        Files.createSymbolicLink(link, secret);
        assertThat(HostFiles.readCapped(link, 100)).isEqualTo(CapturedOutput.EMPTY);
        Path fifo = dir.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor()).isZero();
        assertThat(HostFiles.readCapped(fifo, 100)).isEqualTo(CapturedOutput.EMPTY);
        assertThat(HostFiles.readCapped(dir.resolve("missing"), 100)).isEqualTo(CapturedOutput.EMPTY);
    }

    @Test
    void collectsFoldersWithoutFollowingLinks(@TempDir Path dir, @TempDir Path outside) throws Exception {
        Files.writeString(outside.resolve("secret"), "s3cret");
        Path fb = Files.createDirectories(dir.resolve("feedback/sub"));
        Files.writeString(dir.resolve("feedback/judgemessage.txt"), "ok");
        Files.writeString(fb.resolve("deep.txt"), "deep");
        Files.createSymbolicLink(dir.resolve("feedback/leak"), outside.resolve("secret"));
        Files.createSymbolicLink(dir.resolve("feedback/dirleak"), outside);
        Map<String, CapturedOutput> got = HostFiles.collect(dir, List.of("feedback", "nothere"), 100, 10);
        assertThat(got).containsOnlyKeys("feedback/judgemessage.txt", "feedback/sub/deep.txt");
        assertThat(got.get("feedback/sub/deep.txt").text()).isEqualTo("deep");
        // A link in the middle of a requested name is not followed either.
        Files.createDirectories(outside.resolve("sub"));
        Files.writeString(outside.resolve("sub/secret.txt"), "s3cret");
        Files.createSymbolicLink(dir.resolve("out"), outside);
        assertThat(HostFiles.collect(dir, List.of("out/sub/secret.txt", "out/sub", "out"), 100, 10)).isEmpty();
        assertThatThrownBy(() -> HostFiles.collect(dir, List.of("../x"), 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletesUnreadableTreesAndOnlyTheLinkNotItsTarget(@TempDir Path dir, @TempDir Path outside) throws Exception {
        Path keep = Files.writeString(outside.resolve("keep"), "keep");
        Path tree = Files.createDirectories(dir.resolve("t/a/b"));
        Files.writeString(tree.resolve("f"), "x");
        Files.createSymbolicLink(dir.resolve("t/link"), outside);
        Files.setPosixFilePermissions(dir.resolve("t/a"), PosixFilePermissions.fromString("---------"));
        HostFiles.deleteTree(dir.resolve("t"));
        assertThat(dir.resolve("t")).doesNotExist();
        assertThat(keep).hasContent("keep");
    }

    @Test
    void copySkipsLinks(@TempDir Path src, @TempDir Path dst, @TempDir Path outside) throws Exception {
        Files.writeString(outside.resolve("secret"), "s3cret");
        Files.writeString(src.resolve("main.py"), "print(1)");
        Files.createSymbolicLink(src.resolve("leak"), outside.resolve("secret"));
        HostFiles.copyTree(src, dst.resolve("prog"));
        assertThat(dst.resolve("prog/main.py")).hasContent("print(1)");
        assertThat(dst.resolve("prog/leak")).doesNotExist();
    }
}
