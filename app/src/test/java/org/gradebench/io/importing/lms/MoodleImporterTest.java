package org.gradebench.io.importing.lms;

import org.gradebench.core.submission.Submission;
import org.gradebench.core.submission.SubmissionSource.ImportResult;
import org.gradebench.io.importing.AutoDetectingSubmissionSource;
import org.gradebench.io.importing.TestArchives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class MoodleImporterTest {

    @TempDir
    Path temp;

    static Map<String, Submission> byId(ImportResult r) {
        return r.submissions().stream().collect(Collectors.toMap(Submission::id, Function.identity()));
    }

    @Test
    void moodle41FolderModeWithNamesThatHurt() throws Exception {
        String longName = "Maximilian Alexander Wolfgang Johann Sebastian " + "von Überlänge-".repeat(6) + "Ende";
        String tooLong = "Wolfeschlegelsteinhausenbergerdorff " + "ÄÖÜäöüß".repeat(20); // > 255 bytes as a folder
        Path zip = TestArchives.zip()
                .file("Zoë Ångström_1834521_assignsubmission_file/essay.py", "print('zoe')")
                .file("Zoë Ångström_1834521_assignsubmission_file/appendix/data.csv", "a,b")
                .file("Zoë Ångström_1834521_assignsubmission_onlinetext/onlinetext.html", "<p>hi</p>")
                .file("Seán OConnor_1834533_assignsubmission_file/report (final).py", "x")
                .file("Mary Ann Li_1834540_assignsubmission_file/code.zip",
                        TestArchives.zip().file("code/main.py", "m").file("code/util.py", "u").bytes())
                .file("Smith, John_1834550_assignsubmission_file/a.py", "a")
                .file("12345_1834560_assignsubmission_file/x.py", "digits")
                .file(longName + "_1834565_assignsubmission_file/long.py", "l")
                .file(tooLong + "_1834566_assignsubmission_file/t.py", "t")
                .file("Participant_1834570_assignsubmission_file/blind.py", "b")
                .file("Default group_assignsubmission_file/team.py", "t")
                .file("Tutorial A_77_assignsubmission_file/group.py", "g")
                .dir("Empty Student_1834580_assignsubmission_file")
                .file("README.txt", "instructor's note")
                .write(temp.resolve("CS101-Essay 1-4821.zip"));

        ImportResult r = new AutoDetectingSubmissionSource().load(zip, temp.resolve("ws"));

        assertThat(r.format()).isEqualTo("moodle");
        Map<String, Submission> s = byId(r);
        assertThat(s).containsOnlyKeys("1834521", "1834533", "1834540", "1834550", "1834560", "1834565", "1834566", "1834570",
                "Default group", "77", "1834580");
        Submission zoe = s.get("1834521");
        assertThat(zoe.student()).isEqualTo("Zoë Ångström");
        assertThat(zoe.identity().source()).isEqualTo("moodle");
        assertThat(zoe.identity().lmsId()).contains("1834521");
        assertThat(TestArchives.tree(zoe.folder())).containsExactly("appendix", "appendix/data.csv", "essay.py",
                "onlinetext.html");
        assertThat(s.get("1834533").student()).isEqualTo("Seán OConnor");
        assertThat(TestArchives.tree(s.get("1834540").folder())).containsExactly("main.py", "util.py");
        assertThat(s.get("1834550").student()).isEqualTo("Smith, John");
        assertThat(s.get("1834560").student()).isEqualTo("12345");
        assertThat(s.get("1834565").student()).isEqualTo(longName);
        assertThat(s.get("1834566").student()).startsWith("Wolfeschlegelsteinhausenbergerdorff ÄÖÜ").contains("~");
        assertThat(s.get("1834570").student()).isEqualTo("Participant 1834570");
        assertThat(s.get("Default group").identity().lmsId()).isEmpty();
        assertThat(s.get("77").student()).isEqualTo("Tutorial A");
        assertThat(r.warnings()).containsExactlyInAnyOrder(
                "CS101-Essay 1-4821.zip: README.txt: ignored: not a Moodle submission name",
                "1834580: empty submission (no files)");
    }

    @Test
    void moodle3TrailingUnderscoreAndFlatMode() throws Exception {
        Path zip = TestArchives.zip()
                .file("Jane Doe_1834521_assignsubmission_file_/src/Main.java", "class Main {}")
                .file("Jane Doe_1834521_assignsubmission_onlinetext_/onlinetext.html", "<p/>")
                .file("Bob_Lee_1834522_assignsubmission_file_/x.py", "x") // name without "_" normally; tolerate
                .write(temp.resolve("old.zip"));
        ImportResult r = new AutoDetectingSubmissionSource().load(zip, temp.resolve("ws"));
        assertThat(r.format()).isEqualTo("moodle");
        assertThat(TestArchives.tree(byId(r).get("1834521").folder())).containsExactly("onlinetext.html", "src",
                "src/Main.java");
        assertThat(byId(r).get("1834522").student()).isEqualTo("Bob_Lee");
        assertThat(r.warnings()).isEmpty();

        Path flat = TestArchives.zip()
                .file("Jane Doe_1834521_assignsubmission_file_essay.py", "e")
                .file("Jane Doe_1834521_assignsubmission_file_2_notes.txt", "n")
                .file("Jane Doe_1834521_assignsubmission_onlinetext_onlinetext.html", "<p/>")
                .file("Zoë Ångström_1834530_assignsubmission_file_main.c", "int main(){}")
                .write(temp.resolve("flat.zip"));
        ImportResult f = new AutoDetectingSubmissionSource().load(flat, temp.resolve("ws"));
        assertThat(f.format()).isEqualTo("moodle");
        Map<String, Submission> s = byId(f);
        assertThat(TestArchives.tree(s.get("1834521").folder())).containsExactly("2_notes.txt", "essay.py",
                "onlinetext.html");
        assertThat(s.get("1834530").student()).isEqualTo("Zoë Ångström");
        assertThat(s.get("1834530").identity()).isEqualTo(new Submission.Identity("moodle", Optional.of("1834530"),
                Optional.empty(), Optional.empty(), false, Optional.empty(), 1));
    }
}
