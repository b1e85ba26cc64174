package org.gradebench.io.importing.archive;

import org.apache.commons.compress.archivers.tar.TarConstants;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.io.importing.TestArchives;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchiveExtractorTest {

    @TempDir
    Path temp;
    Path inputs;
    Path out;
    final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        inputs = Files.createDirectories(temp.resolve("inputs"));
        out = temp.resolve("work/out");
    }

    private ArchiveExtractor.Extraction extract(ArchiveExtractor x, Path archive) throws Exception {
        return x.extract(archive, archive.getFileName().toString(), out, x.newBudget(), warnings);
    }

    /** Nothing may exist under the temp root except the inputs and the extraction folder. */
    private void assertNothingOutsideWorkspace() throws IOException {
        try (Stream<Path> s = Files.walk(temp)) {
            s.filter(p -> !p.equals(temp)).forEach(p -> assertThat(p.startsWith(inputs) || p.startsWith(temp.resolve("work")))
                    .as("unexpected %s", p).isTrue());
        }
        try (Stream<Path> s = Files.walk(temp.resolve("work"))) {
            s.forEach(p -> assertThat(Files.isSymbolicLink(p)).as("link %s", p).isFalse());
        }
    }

    @Test
    void extractsOrdinaryZipWithFoldersAndUnicodeNames() throws Exception {
        Path zip = TestArchives.zip().dir("src").file("src/Main.java", "class Main {}")
                .file("Zoë Ångström/notes, v2 (final).txt", "hi").file("README", "r").write(inputs.resolve("a.zip"));
        ArchiveExtractor.Extraction r = extract(new ArchiveExtractor(), zip);
        assertThat(r.complete()).isTrue();
        assertThat(r.files()).isEqualTo(3);
        assertThat(TestArchives.tree(out)).containsExactly("README", "Zoë Ångström", "Zoë Ångström/notes, v2 (final).txt",
                "src", "src/Main.java");
        assertThat(warnings).isEmpty();
    }

    @Test
    void refusesTraversalAbsoluteAndDriveLetterNamesButKeepsTheRest() throws Exception {
        Path zip = TestArchives.zip().file("../../evil", "x").file("ok/../../evil2", "x").file("/etc/x", "x")
                .file("C:\\Windows\\evil.txt", "x").file("..\\..\\evil3", "x").file("good.py", "print(1)")
                .write(inputs.resolve("hostile.zip"));
        extract(new ArchiveExtractor(), zip);
        assertThat(TestArchives.tree(out)).containsExactly("good.py");
        assertThat(warnings).hasSize(5);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("hostile.zip", "../../evil", "path traversal"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("ok/../../evil2", "path traversal"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("/etc/x", "absolute path"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("C:/Windows/evil.txt", "drive letter")); // commons-compress normalises \\
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("../../evil3", "path traversal"));
        assertNothingOutsideWorkspace();
        assertThat(temp.getParent().resolve("evil")).doesNotExist();
    }

    @Test
    void skipsZipSymlinksAndSpecialFiles() throws Exception {
        Path zip = TestArchives.zip().symlink("passwd", "/etc/passwd").symlink("dir/up", "../../..").fifo("pipe")
                .file("main.c", "int main(){}").write(inputs.resolve("links.zip"));
        extract(new ArchiveExtractor(), zip);
        assertThat(TestArchives.tree(out)).containsExactly("main.c");
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("links.zip: passwd: skipped: symbolic link"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("dir/up", "symbolic link"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("pipe", "special file"));
        assertNothingOutsideWorkspace();
    }

    @Test
    void skipsTarLinksDevicesAndHostileNames() throws Exception {
        for (boolean gz : new boolean[] {false, true}) {
            warnings.clear();
            TestArchives.TarBuilder tb = TestArchives.tar().file("a/ok.txt", "fine").symlink("a/shadow", "/etc/shadow")
                    .hardlink("a/hard", "/etc/passwd").special("a/fifo", TarConstants.LF_FIFO)
                    .special("a/tty", TarConstants.LF_CHR).special("a/sda", TarConstants.LF_BLK)
                    .file("../../evil.txt", "x").file("/etc/cron.d/x", "x");
            if (gz) tb.gzip();
            Path tar = tb.write(inputs.resolve(gz ? "h.tar.gz" : "h.tar"));
            Path dest = temp.resolve("work/" + (gz ? "gz" : "plain"));
            ArchiveExtractor x = new ArchiveExtractor();
            x.extract(tar, tar.getFileName().toString(), dest, x.newBudget(), warnings);
            assertThat(TestArchives.tree(dest)).containsExactly("a", "a/ok.txt");
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("a/shadow", "symbolic link to /etc/shadow"));
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("a/hard", "hard link"));
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("a/fifo", "special file"));
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("a/tty", "special file"));
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("a/sda", "special file"));
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("../../evil.txt", "path traversal"));
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("/etc/cron.d/x", "absolute path"));
            assertThat(warnings).hasSize(7);
        }
        assertNothingOutsideWorkspace();
    }

    @Test
    void zipBombStopsAtTheRatioLimitAndLeavesTheWorkspaceSmall() throws Exception {
        Path zip = TestArchives.zip().file("a.txt", "before").zeros("bomb.bin", 64L << 20).file("z.txt", "after")
                .write(inputs.resolve("bomb.zip"));
        assertThat(Files.size(zip)).isLessThan(200_000);
        ArchiveExtractor x = new ArchiveExtractor();
        ArchiveExtractor.Extraction r = extract(x, zip);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("bomb.zip", "bomb.bin", "compression ratio"));
        assertThat(out.resolve("bomb.bin")).doesNotExist();
        assertThat(TestArchives.size(temp.resolve("work"))).isLessThan(3L << 20);
        assertThat(out.resolve("a.txt")).hasContent("before");
        assertThat(out.resolve("z.txt")).hasContent("after");
        assertThat(r.complete()).isTrue();
        assertNothingOutsideWorkspace();
    }

    @Test
    void tarGzBombIsStoppedByTheStreamRatio() throws Exception {
        Path tgz = TestArchives.tar().file("ok.txt", "ok").zeros("bomb.bin", 64L << 20).gzip()
                .write(inputs.resolve("bomb.tgz"));
        extract(new ArchiveExtractor(), tgz);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("bomb.tgz", "bomb.bin", "compression ratio"));
        assertThat(TestArchives.size(temp.resolve("work"))).isLessThan(3L << 20);
        assertThat(out.resolve("ok.txt")).hasContent("ok");
    }

    @Test
    void perEntryAndTotalSizeLimitsCountRealBytes() throws Exception {
        byte[] random = new byte[1 << 20];
        new Random(42).nextBytes(random);
        TestArchives.ZipBuilder zb = TestArchives.zip().file("big.bin", new byte[3 << 20]);
        for (int i = 0; i < 6; i++) zb.file("part" + i + ".bin", random);
        Path zip = zb.write(inputs.resolve("sizes.zip"));
        ExtractionLimits limits = ExtractionLimits.defaults().withMaxCompressionRatio(1e9)
                .withMaxEntryBytes(2L << 20).withMaxTotalBytes((7L << 20) / 2);
        ArchiveExtractor.Extraction r = extract(new ArchiveExtractor(limits, StandardCharsets.ISO_8859_1), zip);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("big.bin", "per-entry limit"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("size limit"));
        assertThat(out.resolve("big.bin")).doesNotExist();
        assertThat(r.complete()).isFalse();
        assertThat(TestArchives.size(out)).isLessThanOrEqualTo((7L << 20) / 2);
        assertThat(TestArchives.tree(out)).contains("part0.bin", "part1.bin", "part2.bin").doesNotContain("part5.bin");
    }

    @Test
    void tooManyEntriesStopsWithAWarning() throws Exception {
        TestArchives.ZipBuilder zb = TestArchives.zip();
        for (int i = 0; i < 100; i++) zb.file("f" + i + ".txt", "x");
        Path zip = zb.write(inputs.resolve("many.zip"));
        ArchiveExtractor x = new ArchiveExtractor(ExtractionLimits.defaults().withMaxEntriesPerArchive(20),
                StandardCharsets.ISO_8859_1);
        ArchiveExtractor.Extraction r = extract(x, zip);
        assertThat(r.files()).isEqualTo(20);
        assertThat(r.complete()).isFalse();
        assertThat(warnings).singleElement().asString().contains("many.zip", "more than 20 entries");
    }

    @Test
    void encryptedEntryIsSkippedWithAClearMessage() throws Exception {
        Path zip = TestArchives.zip().file("open.txt", "visible").encrypted("secret.py", "print('x')")
                .write(inputs.resolve("enc.zip"));
        extract(new ArchiveExtractor(), zip);
        assertThat(TestArchives.tree(out)).containsExactly("open.txt");
        assertThat(warnings).singleElement().asString().contains("enc.zip: secret.py: skipped: encrypted");
    }

    @Test
    void legacyCp437NamesAndUnflaggedUtf8NamesAreDecoded() throws Exception {
        Charset cp437 = Charset.forName("IBM437");
        Path legacy = TestArchives.zip().legacyNames(cp437).file("Zoë/résumé.txt", "r").write(inputs.resolve("dos.zip"));
        extract(new ArchiveExtractor(), legacy);
        assertThat(TestArchives.tree(out)).containsExactly("Zoë", "Zoë/résumé.txt");
        Path unflagged = TestArchives.zip().legacyNames(StandardCharsets.UTF_8).file("Ångström_ß.py", "x")
                .write(inputs.resolve("mac.zip"));
        Path out2 = temp.resolve("work/out2");
        ArchiveExtractor x = new ArchiveExtractor();
        x.extract(unflagged, "mac.zip", out2, x.newBudget(), warnings);
        assertThat(TestArchives.tree(out2)).containsExactly("Ångström_ß.py");
        // raw bytes that are neither valid UTF-8 nor printable still decode (never crash)
        Path junk = TestArchives.zip().legacyNames(StandardCharsets.ISO_8859_1).file("\u00ff\u00fe\u0080.txt", "x")
                .write(inputs.resolve("bytes.zip"));
        Path out3 = temp.resolve("work/out3");
        x.extract(junk, "bytes.zip", out3, x.newBudget(), warnings);
        assertThat(TestArchives.tree(out3)).hasSize(1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void controlCharactersAndVeryLongNamesAreSanitized() throws Exception {
        String longName = "x".repeat(400) + ".java";
        Path zip = TestArchives.zip().file("bad\u0000name\n.txt", "a").file(longName, "b")
                .file("dir/" + "é".repeat(300) + ".py", "c").write(inputs.resolve("names.zip"));
        extract(new ArchiveExtractor(), zip);
        List<String> tree = TestArchives.tree(out);
        assertThat(tree).contains("bad_name_.txt");
        assertThat(tree).anySatisfy(n -> assertThat(n).endsWith(".java").hasSizeLessThanOrEqualTo(255).startsWith("xxxx"));
        assertThat(tree).anySatisfy(n -> assertThat(n).startsWith("dir/é").endsWith(".py"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void osJunkIsDroppedAndDuplicatesReported() throws Exception {
        Path zip = TestArchives.zip().file("__MACOSX/._main.py", "x").file("__MACOSX/src/._a", "x")
                .file(".DS_Store", "x").file("src/Thumbs.db", "x").file("desktop.ini", "x").file("._main.py", "x")
                .file("main.py", "1").file("main.py", "2").write(inputs.resolve("junk.zip"));
        extract(new ArchiveExtractor(), zip);
        assertThat(TestArchives.tree(out)).containsExactly("main.py");
        assertThat(out.resolve("main.py")).hasContent("1");
        assertThat(warnings).singleElement().asString().contains("main.py", "duplicate");
    }

    @Test
    void nestedArchivesExpandUpToTheDepthLimit() throws Exception {
        TestArchives.ZipBuilder inner = TestArchives.zip().file("deepest.txt", "level 7");
        for (int level = 6; level >= 1; level--)
            inner = TestArchives.zip().file("at" + level + ".txt", "level " + level).zipInside("l" + (level + 1) + ".zip", inner);
        Path student = Files.createDirectories(temp.resolve("work/alice"));
        Files.write(student.resolve("l1.zip"), inner.bytes());
        ArchiveExtractor x = new ArchiveExtractor();
        x.expandNested(student, "alice", 1, x.newBudget(), warnings);
        List<String> tree = TestArchives.tree(student);
        assertThat(tree).contains("l1/at1.txt", "l1/l2/at2.txt", "l1/l2/l3/at3.txt", "l1/l2/l3/l4.zip");
        assertThat(tree).noneMatch(n -> n.endsWith("at4.txt"));
        assertThat(warnings).singleElement().asString()
                .contains("alice/l1.zip!/l2.zip!/l3.zip!/l4.zip", "nested deeper than 3");
    }

    @Test
    void nestedZipWithASingleTopFolderIsCollapsedAndJarsAreLeftAlone() throws Exception {
        Path student = Files.createDirectories(temp.resolve("work/bob"));
        Files.write(student.resolve("project.zip"), TestArchives.zip().file("project/project/src/A.java", "a")
                .file("project/project/pom.xml", "p").bytes());
        Files.write(student.resolve("lib.jar"), TestArchives.zip().file("A.class", "c").bytes());
        ArchiveExtractor x = new ArchiveExtractor();
        x.expandNested(student, "bob", 1, x.newBudget(), warnings);
        assertThat(TestArchives.tree(student)).containsExactly("lib.jar", "project", "project/pom.xml", "project/src",
                "project/src/A.java");
        assertThat(warnings).isEmpty();
    }

    @Test
    void truncatedZipKeepsWhatCanBeRead() throws Exception {
        byte[] whole = TestArchives.zip().file("first.txt", "one").file("second.txt", "two").zeros("third.bin", 100_000)
                .bytes();
        Path cut = inputs.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 200));
        ArchiveExtractor.Extraction r = extract(new ArchiveExtractor(), cut);
        assertThat(out.resolve("first.txt")).hasContent("one");
        assertThat(out.resolve("second.txt")).hasContent("two");
        assertThat(warnings).first().asString().contains("cut.zip", "damaged zip");
        assertThat(r.files()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void nonArchivesAndUnsupportedFormatsAreInvalidInput() throws Exception {
        Path txt = Files.writeString(inputs.resolve("notes.zip"), "not a zip at all");
        assertThatThrownBy(() -> extract(new ArchiveExtractor(), txt)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("notes.zip").hasMessageContaining("not a supported archive");
        Path sevenZ = inputs.resolve("a.7z");
        Files.write(sevenZ, new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c, 0, 4, 0, 0, 0, 0});
        assertThatThrownBy(() -> extract(new ArchiveExtractor(), sevenZ)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("7z archives are not supported");
    }

    @Test
    void neverWritesThroughALinkPlantedInTheTarget() throws Exception {
        Files.createDirectories(out);
        Path outside = Files.createDirectories(temp.resolve("work/elsewhere"));
        Files.createSymbolicLink(out.resolve("src"), outside);
        Path zip = TestArchives.zip().file("src/Main.java", "x").file("ok.txt", "y").write(inputs.resolve("l.zip"));
        extract(new ArchiveExtractor(), zip);
        assertThat(TestArchives.tree(outside)).isEmpty();
        assertThat(warnings).singleElement().asString().contains("src/Main.java", "link");
        assertThat(Files.isRegularFile(out.resolve("ok.txt"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void corruptedArchivesNeverCrashNorEscape() throws Exception {
        byte[] zip = TestArchives.zip().file("a/main.py", "print(1)\n".repeat(50)).file("b/x.c", "int x;")
                .symlink("l", "/etc").bytes();
        byte[] tgz = TestArchives.tar().file("a/main.py", "print(1)\n".repeat(50)).file("b/x.c", "int x;").gzip()
                .bytes();
        Random rnd = new Random(7);
        int failures = 0;
        for (int i = 0; i < Integer.getInteger("gb.fuzz", 300); i++) {
            boolean isZip = i % 2 == 0;
            byte[] b = (isZip ? zip : tgz).clone();
            for (int k = 0; k < 1 + rnd.nextInt(4); k++) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            Path in = inputs.resolve("f" + i + (isZip ? ".zip" : ".tgz"));
            Files.write(in, b);
            ArchiveExtractor x = new ArchiveExtractor();
            try {
                x.extract(in, in.getFileName().toString(), temp.resolve("work/f" + i), x.newBudget(), warnings);
            } catch (InvalidInputException expected) {
                failures++;
            }
        }
        assertThat(failures).isBetween(1, Integer.getInteger("gb.fuzz", 300) - 1); // some mutations are harmless, some are fatal; none crash
        assertNothingOutsideWorkspace();
    }
}
