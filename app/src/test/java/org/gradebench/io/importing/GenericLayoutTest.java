package org.gradebench.io.importing;

import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.submission.Submission;
import org.gradebench.core.submission.SubmissionSource.ImportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenericLayoutTest {

    @TempDir
    Path temp;

    private static Map<String, Submission> byId(ImportResult r) {
        return r.submissions().stream().collect(Collectors.toMap(Submission::id, Function.identity()));
    }

    @Test
    void cleanFolderPerStudentIsUsedInPlace() throws Exception {
        Path in = Files.createDirectories(temp.resolve("hw1"));
        Files.createDirectories(in.resolve("alice/src"));
        Files.writeString(in.resolve("alice/src/Main.java"), "class Main {}");
        Files.writeString(in.resolve("alice/README.md"), "r");
        Files.createDirectories(in.resolve("Seán O'Connor, Jr"));
        Files.writeString(in.resolve("Seán O'Connor, Jr/main.py"), "print(1)");
        Files.writeString(in.resolve(".DS_Store"), "junk");

        ImportResult r = new AutoDetectingSubmissionSource().load(in, temp.resolve("ws"));

        assertThat(r.format()).isEqualTo("folder-per-student");
        assertThat(r.warnings()).isEmpty();
        Map<String, Submission> s = byId(r);
        assertThat(s).containsOnlyKeys("alice", "Seán O'Connor, Jr");
        assertThat(s.get("alice").folder()).isEqualTo(in.resolve("alice").toRealPath());
        assertThat(s.get("alice").student()).isEqualTo("alice");
        assertThat(s.get("alice").identity()).isEqualTo(Submission.Identity.NONE);
        assertThat(s.get("Seán O'Connor, Jr").folder().resolve("main.py")).hasContent("print(1)");
    }

    @Test
    void studentFolderWithArchivesOrLinksIsCopiedAndCleaned() throws Exception {
        Path in = Files.createDirectories(temp.resolve("in"));
        Path bob = Files.createDirectories(in.resolve("bob"));
        TestArchives.zip().file("project/Main.java", "class Main {}").file("../../escape.txt", "x")
                .write(bob.resolve("code.zip"));
        Files.createSymbolicLink(bob.resolve("passwd"), Path.of("/etc/passwd"));
        Path carol = Files.createDirectories(in.resolve("carol/wrapper"));
        Files.writeString(carol.resolve("a.c"), "int main(){}");

        ImportResult r = new AutoDetectingSubmissionSource().load(in, temp.resolve("ws"));

        Map<String, Submission> s = byId(r);
        Path bobFolder = s.get("bob").folder();
        assertThat(bobFolder).startsWith(temp.resolve("ws").toRealPath());
        assertThat(TestArchives.tree(bobFolder)).containsExactly("Main.java");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("bob/passwd", "symbolic link"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("code.zip", "../../escape.txt", "path traversal"));
        assertThat(TestArchives.tree(s.get("carol").folder())).containsExactly("a.c"); // lone wrapper collapsed
        assertThat(in.resolve("bob/code.zip")).exists(); // the user's folder is never modified
        assertThat(TestArchives.tree(temp)).noneMatch(p -> p.endsWith("escape.txt"));
    }

    @Test
    void filePerStudentWithArchivesPerStudent() throws Exception {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.writeString(in.resolve("alice.py"), "print('a')");
        Files.writeString(in.resolve("Bob_Smith.java"), "class Bob_Smith {}");
        TestArchives.zip().file("carol/main.py", "print('c')").file("carol/util.py", "x").write(in.resolve("carol.zip"));
        TestArchives.tar().file("dave/main.c", "int main(){}").gzip().write(in.resolve("dave.tar.gz"));

        ImportResult r = new AutoDetectingSubmissionSource().load(in, temp.resolve("ws"));

        assertThat(r.format()).isEqualTo("file-per-student");
        Map<String, Submission> s = byId(r);
        assertThat(s).containsOnlyKeys("alice.py", "Bob_Smith.java", "carol", "dave");
        assertThat(TestArchives.tree(s.get("alice.py").folder())).containsExactly("alice.py");
        assertThat(TestArchives.tree(s.get("carol").folder())).containsExactly("main.py", "util.py");
        assertThat(TestArchives.tree(s.get("dave").folder())).containsExactly("main.c");
        assertThat(s.get("alice.py").folder().resolve("alice.py")).hasContent("print('a')");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void zipOfStudentFoldersInsideAWrapperFolder() throws Exception {
        Path zip = TestArchives.zip().file("hw1/alice/main.py", "a").file("hw1/bob/main.py", "b")
                .file("hw1/bob/inner.zip", "not really a zip").dir("hw1/empty")
                .file("__MACOSX/hw1/._alice", "junk").write(temp.resolve("hw1.zip"));

        ImportResult r = new AutoDetectingSubmissionSource().load(zip, temp.resolve("ws"));

        assertThat(r.format()).isEqualTo("folder-per-student");
        Map<String, Submission> s = byId(r);
        assertThat(s).containsOnlyKeys("alice", "bob", "empty");
        assertThat(TestArchives.tree(s.get("bob").folder())).containsExactly("inner.zip", "main.py");
        assertThat(r.warnings()).containsExactly("empty: empty submission (no files)");
        assertThat(s.get("alice").folder()).startsWith(temp.resolve("ws").toRealPath());
    }

    @Test
    void hostileTopLevelArchiveStillImportsTheGoodParts() throws Exception {
        Path zip = TestArchives.zip().file("alice/main.py", "a").file("../../../evil.sh", "rm -rf")
                .symlink("bob/secret", "/etc/shadow").file("bob/main.py", "b").write(temp.resolve("in/subs.zip"));
        ImportResult r = new AutoDetectingSubmissionSource().load(zip, temp.resolve("ws"));
        assertThat(byId(r)).containsOnlyKeys("alice", "bob");
        assertThat(r.warnings()).hasSize(2);
        try (Stream<Path> all = Files.walk(temp)) {
            assertThat(all.filter(p -> !p.startsWith(temp.resolve("ws")) && !p.startsWith(temp.resolve("in")))
                    .map(p -> temp.relativize(p).toString())).containsExactly("");
        }
    }

    @Test
    void badInputsAreInvalidInput() throws Exception {
        AutoDetectingSubmissionSource src = new AutoDetectingSubmissionSource();
        assertThatThrownBy(() -> src.load(temp.resolve("missing"), temp.resolve("ws")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist");
        Path txt = Files.writeString(temp.resolve("alice.py"), "print(1)");
        assertThatThrownBy(() -> src.load(txt, temp.resolve("ws")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("alice.py");
    }

    @Test
    void workspaceInsideTheInputFolderIsNotAStudent() throws Exception {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.writeString(in.resolve("alice.py"), "a");
        TestArchives.zip().file("main.py", "b").write(in.resolve("bob.zip"));
        ImportResult first = new AutoDetectingSubmissionSource().load(in, in.resolve(".gradebench"));
        ImportResult again = new AutoDetectingSubmissionSource().load(in, in.resolve(".gradebench"));
        assertThat(byId(first)).containsOnlyKeys("alice.py", "bob");
        assertThat(byId(again)).containsOnlyKeys("alice.py", "bob");
    }

    @Test
    void forcedFormatSkipsDetection() throws Exception {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.createDirectories(in.resolve("Jane Doe_1834521_assignsubmission_file"));
        Files.writeString(in.resolve("Jane Doe_1834521_assignsubmission_file/a.py"), "a");
        assertThat(new AutoDetectingSubmissionSource().load(in, temp.resolve("ws1")).format()).isEqualTo("moodle");
        ImportResult forced = new AutoDetectingSubmissionSource(
                ImportOptions.defaults().withFormat(SubmissionFormat.FOLDER_PER_STUDENT)).load(in, temp.resolve("ws2"));
        assertThat(forced.format()).isEqualTo("folder-per-student");
        assertThat(byId(forced)).containsOnlyKeys("Jane Doe_1834521_assignsubmission_file");
    }

    @Test
    void anEmptyGitCloneIsNotCollapsedIntoItsGitFolder() throws Exception {
        Path zip = TestArchives.zip().file("hw-01-submissions/hw-01-amy/.git/HEAD", "ref: refs/heads/main")
                .file("hw-01-submissions/hw-01-bob/.git/HEAD", "ref: refs/heads/main")
                .file("hw-01-submissions/hw-01-bob/main.py", "b").write(temp.resolve("clones.zip"));
        ImportResult r = new AutoDetectingSubmissionSource().load(zip, temp.resolve("ws"));
        assertThat(r.format()).isEqualTo("github-classroom");
        assertThat(TestArchives.tree(byId(r).get("amy").folder())).containsExactly(".git", ".git/HEAD");
        assertThat(r.warnings()).containsExactly("amy: empty submission (no files)"); // .git alone is not work
    }

    @Test
    void tarballsAtTheTopLevel() throws Exception {
        Path tgz = TestArchives.tar().file("subs/alice/main.py", "a").file("subs/bob/main.py", "b").gzip()
                .write(temp.resolve("subs.tgz"));
        ImportResult r = new AutoDetectingSubmissionSource().load(tgz, temp.resolve("ws"));
        assertThat(r.format()).isEqualTo("folder-per-student");
        assertThat(byId(r)).containsOnlyKeys("alice", "bob");
        Path tar = TestArchives.tar().file("alice.py", "a").file("bob.py", "b").write(temp.resolve("subs.tar"));
        assertThat(byId(new AutoDetectingSubmissionSource().load(tar, temp.resolve("ws")))).containsOnlyKeys("alice.py",
                "bob.py");
    }

    @Test
    void legacyEncodedTopLevelZip() throws Exception {
        Path zip = TestArchives.zip().legacyNames(java.nio.charset.Charset.forName("IBM437"))
                .file("Zoë Ångström_1834521_assignsubmission_file/résumé.py", "r")
                .write(temp.resolve("windows.zip"));
        ImportResult r = new AutoDetectingSubmissionSource().load(zip, temp.resolve("ws"));
        assertThat(r.format()).isEqualTo("moodle");
        assertThat(byId(r).get("1834521").student()).isEqualTo("Zoë Ångström");
        assertThat(TestArchives.tree(byId(r).get("1834521").folder())).containsExactly("résumé.py");
        ImportResult cp850 = new AutoDetectingSubmissionSource(ImportOptions.defaults()
                .withLegacyZipCharset(java.nio.charset.Charset.forName("IBM850")))
                .load(TestArchives.zip().legacyNames(java.nio.charset.Charset.forName("IBM850")).file("Øyvind/ø.py", "x")
                        .write(temp.resolve("cp850.zip")), temp.resolve("ws"));
        assertThat(byId(cp850)).containsOnlyKeys("Øyvind");
    }

    @Test
    void forcedLmsFormatLooksThroughAWrapperAndAnArchiveMayBeALink() throws Exception {
        Path zip = TestArchives.zip().file("export/submission_metadata.yml", "submission_1:\n  :submitters: []\n")
                .file("export/submission_1/a.py", "a").write(temp.resolve("gs.zip"));
        Path link = Files.createSymbolicLink(temp.resolve("link.zip"), zip);
        ImportResult r = new AutoDetectingSubmissionSource(ImportOptions.defaults().withFormat(SubmissionFormat.GRADESCOPE))
                .load(link, temp.resolve("ws"));
        assertThat(r.format()).isEqualTo("gradescope");
        assertThat(byId(r)).containsOnlyKeys("submission_1");

        Path folders = Files.createDirectories(temp.resolve("plain/alice"));
        ImportResult wrong = new AutoDetectingSubmissionSource(ImportOptions.defaults().withFormat(SubmissionFormat.CANVAS))
                .load(folders.getParent(), temp.resolve("ws"));
        assertThat(wrong.format()).isEqualTo("canvas");
        assertThat(wrong.submissions()).isEmpty();
        assertThat(wrong.warnings()).containsExactly("plain: alice: ignored: not a Canvas submission file name",
                "plain: no submissions found");
    }

    @Test
    void corruptedLmsExportsImportOrFailCleanly() throws Exception {
        Files.createDirectories(temp.resolve("in"));
        byte[] zip = TestArchives.zip().file("ångströmzoë_4471_118203_essay.py", "print(1)\n".repeat(40))
                .file("oconnorseán_LATE_4489_118260_hw.zip", TestArchives.zip().file("p/Main.java", "class M{}").bytes())
                .file("Essay_zz_attempt_2024-12-12-13-22-26.txt", "Name: Z (zz)\nFiles:\n")
                .file("liwei_4502_text.html", "<p/>").bytes();
        java.util.Random rnd = new java.util.Random(11);
        int ok = 0;
        for (int i = 0; i < Integer.getInteger("gb.fuzz", 150); i++) {
            byte[] b = zip.clone();
            for (int k = 0; k < 1 + rnd.nextInt(3); k++) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            Path in = Files.write(temp.resolve("in/f" + i + ".zip"), b);
            try {
                new AutoDetectingSubmissionSource().load(in, temp.resolve("ws"));
                ok++;
            } catch (InvalidInputException expected) {
                assertThat(expected).hasMessageContaining("f" + i + ".zip");
            }
        }
        assertThat(ok).isPositive();
        try (Stream<Path> all = Files.walk(temp)) {
            assertThat(all.filter(p -> !p.startsWith(temp.resolve("ws")) && !p.startsWith(temp.resolve("in"))
                    && !p.equals(temp))).isEmpty();
        }
    }
}
