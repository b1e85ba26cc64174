package org.gradebench.io.importing.lms;

import org.gradebench.core.submission.Submission;
import org.gradebench.core.submission.SubmissionSource.ImportResult;
import org.gradebench.io.importing.AutoDetectingSubmissionSource;
import org.gradebench.io.importing.TestArchives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gradebench.io.importing.lms.MoodleImporterTest.byId;

class CanvasImporterTest {

    @TempDir
    Path temp;

    @Test
    void flatCanvasZipWithLateAnonymousTextLinkAndGroupEntries() throws Exception {
        Path zip = TestArchives.zip()
                .file("ångströmzoë_4471_118203_essay.py", "print('v1')")
                .file("ångströmzoë_4471_118204_essay-1.py", "print('v2')")
                .file("oconnorseán_LATE_4489_118260_report (final).py", "r")
                .file("liwei_4502_text.html", "<p>my answer</p>")
                .file("nguyenan_4510_link.html", "<a href='https://example.org'>x</a>")
                .file("projectteam7_4520_118300_Project Q_A_.zip",
                        TestArchives.zip().file("Project/src/main.py", "p").file("Project/README", "r").bytes())
                .file("LATE_anon_7gKx2_118411_lab3.py", "anon")
                .file("anon_8hLy3_text.html", "<p>anon text</p>")
                .file("45_4530_118500_main.py", "digits-only name")
                .file("limary_ann_4540_118600_main_v2_final.py", "underscores")
                .file("smithbob_late_4550_118700_a.py", "old lower-case late")
                .write(temp.resolve("submissions.zip"));

        ImportResult r = new AutoDetectingSubmissionSource().load(zip, temp.resolve("ws"));

        assertThat(r.format()).isEqualTo("canvas");
        Map<String, Submission> s = byId(r);
        assertThat(s).containsOnlyKeys("4471", "4489", "4502", "4510", "4520", "anon_7gKx2", "anon_8hLy3", "4530",
                "4540", "4550");
        assertThat(s.get("4471").student()).isEqualTo("ångströmzoë");
        assertThat(TestArchives.tree(s.get("4471").folder())).containsExactly("essay-1.py", "essay.py");
        assertThat(s.get("4471").identity().late()).isFalse();
        assertThat(s.get("4489").identity().late()).isTrue();
        assertThat(s.get("4489").identity().lmsId()).contains("4489");
        assertThat(TestArchives.tree(s.get("4489").folder())).containsExactly("report (final).py");
        assertThat(TestArchives.tree(s.get("4502").folder())).containsExactly("text.html");
        assertThat(TestArchives.tree(s.get("4510").folder())).containsExactly("link.html");
        assertThat(TestArchives.tree(s.get("4520").folder())).containsExactly("README", "src", "src/main.py");
        assertThat(s.get("anon_7gKx2").identity().late()).isTrue();
        assertThat(s.get("anon_7gKx2").identity().lmsId()).contains("7gKx2");
        assertThat(s.get("4530").student()).isEqualTo("45");
        assertThat(s.get("4540").student()).isEqualTo("limary_ann");
        assertThat(TestArchives.tree(s.get("4540").folder())).containsExactly("main_v2_final.py");
        assertThat(s.get("4550").identity().late()).isTrue();
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void hostileStudentArchiveInsideACanvasZip() throws Exception {
        TestArchives.ZipBuilder deep = TestArchives.zip().file("bottom.txt", "b");
        for (int i = 0; i < 6; i++) deep = TestArchives.zip().zipInside("level" + i + ".zip", deep);
        Path zip = TestArchives.zip()
                .file("evilmallory_4600_118900_hw.zip", TestArchives.zip().file("../../../../pwned.txt", "x")
                        .symlink("etc", "/etc").encrypted("locked.py", "x").file("ok.py", "fine").bytes())
                .file("deepdora_4601_118901_deep.zip", deep.bytes())
                .file("bombbob_4602_118902_b.zip", TestArchives.zip().zeros("zeros.bin", 40L << 20).file("real.py", "r")
                        .bytes())
                .write(temp.resolve("in/submissions.zip"));

        ImportResult r = new AutoDetectingSubmissionSource().load(zip, temp.resolve("ws"));

        Map<String, Submission> s = byId(r);
        assertThat(TestArchives.tree(s.get("4600").folder())).containsExactly("ok.py");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("4600/hw.zip: ../../../../pwned.txt", "../../../../pwned.txt",
                "path traversal"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("hw.zip", "etc", "symbolic link"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("hw.zip", "locked.py", "encrypted"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("4601/deep.zip!/level5.zip!/level4.zip!/level3.zip", "nested deeper than 3"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("b.zip", "zeros.bin", "compression ratio"));
        assertThat(TestArchives.tree(s.get("4602").folder())).containsExactly("real.py");
        assertThat(TestArchives.size(temp.resolve("ws"))).isLessThan(4L << 20);
        try (Stream<Path> all = Files.walk(temp)) {
            assertThat(all.filter(p -> p.getFileName().toString().equals("pwned.txt"))).isEmpty();
        }
    }
}
