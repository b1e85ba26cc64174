package org.gradebench.io.importing.lms;

import org.gradebench.core.submission.Submission;
import org.gradebench.io.importing.AutoDetectingSubmissionSource;
import org.gradebench.io.importing.ImportOptions;
import org.gradebench.io.importing.ImportReport;
import org.gradebench.io.importing.TestArchives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gradebench.io.importing.lms.MoodleImporterTest.byId;

class BrightspaceImporterTest {

    @TempDir
    Path temp;

    @Test
    void flatDownloadKeepsTheNewestSubmissionPerStudent() throws Exception {
        Path zip = TestArchives.zip()
                .file("index.html", "<html><body>manifest</body></html>")
                .file("101234-556677 - Zoë Ångström - May 12, 2020 1104 PM - lab1.py", "v1")
                .file("101240-556690 - Zoë Ångström - May 13, 2020 842 AM - lab1.py", "v2")
                .file("101240-556691 - Zoë Ångström - May 13, 2020 842 AM - helper.py", "h2")
                .file("101251-556702 - Seán O'Connor - May 14, 2020 1201 AM - main.cpp", "int main(){}")
                .file("101251-556703 - Seán O'Connor - May 14, 2020 1201 AM - notes - draft.txt", "n")
                .file("101260-556710 - Smith, John - Jan 2, 2021 1200 PM - code.zip",
                        TestArchives.zip().file("code/a.py", "a").bytes())
                .file("101270-556720 - 12345 - Feb 29, 2020 959 AM - x.py", "digits")
                .write(temp.resolve("Lab 01 Download May 14, 2020 1129 PM.zip"));

        ImportReport report = new AutoDetectingSubmissionSource(ImportOptions.defaults().withTimeZone(ZoneOffset.UTC))
                .loadReport(zip, temp.resolve("ws"));

        assertThat(report.result().format()).isEqualTo("brightspace");
        Map<String, Submission> s = byId(report.result());
        assertThat(s).containsOnlyKeys("Zoë Ångström", "Seán O'Connor", "Smith, John", "12345");
        Submission zoe = s.get("Zoë Ångström");
        assertThat(TestArchives.tree(zoe.folder())).containsExactly("helper.py", "lab1.py");
        assertThat(zoe.folder().resolve("lab1.py")).hasContent("v2");
        assertThat(zoe.identity().submittedAt()).contains(Instant.parse("2020-05-13T08:42:00Z"));
        assertThat(zoe.identity().attempt()).isEqualTo(2);
        assertThat(zoe.identity().lmsId()).contains("101240-556690");
        assertThat(report.superseded()).singleElement().satisfies(a -> {
            assertThat(a.submissionId()).isEqualTo("Zoë Ångström");
            assertThat(a.folder().resolve("lab1.py")).hasContent("v1");
        });
        assertThat(TestArchives.tree(s.get("Seán O'Connor").folder())).containsExactly("main.cpp", "notes - draft.txt");
        assertThat(s.get("Seán O'Connor").identity().submittedAt()).contains(Instant.parse("2020-05-14T00:01:00Z"));
        assertThat(TestArchives.tree(s.get("Smith, John").folder())).containsExactly("a.py");
        assertThat(report.result().warnings()).singleElement().asString().contains("superseded");
    }

    @Test
    void folderPerSubmissionVariantInsideAWrapper() throws Exception {
        Path zip = TestArchives.zip()
                .file("Programming Exam 1/index.html", "<html/>")
                .file("Programming Exam 1/39786-640693 - Aiden Rodriguez - Oct 10, 2025 1022 AM/Main.java", "class Main{}")
                .file("Programming Exam 1/39786-640693 - Aiden Rodriguez - Oct 10, 2025 1022 AM/util/U.java", "class U{}")
                .file("Programming Exam 1/39790-640700 - Bea Li - Oct 10, 2025 1100 AM/Main.java", "class Main{}")
                .write(temp.resolve("exam.zip"));
        var r = new AutoDetectingSubmissionSource().load(zip, temp.resolve("ws"));
        assertThat(r.format()).isEqualTo("brightspace");
        assertThat(TestArchives.tree(byId(r).get("Aiden Rodriguez").folder())).containsExactly("Main.java", "util",
                "util/U.java");
        assertThat(r.warnings()).isEmpty();
    }
}
