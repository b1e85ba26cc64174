package org.gradebench.io.importing.lms;

import org.gradebench.core.submission.Submission;
import org.gradebench.core.submission.SubmissionSource.ImportResult;
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

class BlackboardImporterTest {

    @TempDir
    Path temp;

    static final String A = "Lab_2 part_b"; // assignment name with underscores: breaks naive splitting

    static String txt(String name, String user, String date, String field, String... files) {
        StringBuilder b = new StringBuilder();
        if (name != null) b.append("Name: ").append(name).append(" (").append(user).append(")\n");
        b.append("Assignment: ").append(A).append("\n");
        b.append("Date Submitted: ").append(date).append("\n");
        b.append("Current Grade: Needs Grading\n\n");
        b.append("Submission Field:\n").append(field).append("\n\n");
        b.append("Comments:\nThere are no student comments for this assignment.\n\n");
        b.append("Files:\n");
        if (files.length == 0) b.append("No files were attached to this submission.\n");
        for (int i = 0; i < files.length; i += 2)
            b.append("\tOriginal filename: ").append(files[i]).append("\n\tFilename: ").append(files[i + 1]).append("\n");
        return b.toString().replace("\n", "\r\n");
    }

    private TestArchives.ZipBuilder export() {
        String z1 = A + "_zangstrom_attempt_2024-12-12-13-22-26";
        String z2 = A + "_zangstrom_attempt_2024-12-14-08-01-55";
        String s1 = A + "_s_oconnor_attempt_2024-12-13-23-59-59";
        String d1 = A + "_20240017_attempt_2024-12-10-09-00-00";
        String e1 = A + "_empty_user_attempt_2024-12-11-10-00-00";
        return TestArchives.zip()
                .file(z1 + ".txt", txt("Zoë Ångström", "zangstrom", "Thursday, December 12, 2024 1:22:26 PM EST",
                        "There is no student submission text data for this assignment.",
                        "Essay (final).py", z1 + "_Essay (final).py", "refs.txt", z1 + "_refs_mangled.txt"))
                .file(z1 + "_Essay (final).py", "v1")
                .file(z1 + "_refs_mangled.txt", "refs")
                .file(z2 + ".txt", txt("Zoë Ångström", "zangstrom", "Saturday, December 14, 2024 8:01:55 AM EST",
                        "<p>Second try, see attached.</p>", "Essay v2.py", z2 + "_Essay v2.py"))
                .file(z2 + "_Essay v2.py", "v2")
                .file(s1 + ".txt", txt("Seán O'Connor, Jr.", "s_oconnor", "Friday, December 13, 2024 11:59:59 PM EST",
                        "There is no student submission text data for this assignment.", "project.zip", s1 + "_project.zip"))
                .file(s1 + "_project.zip", TestArchives.zip().file("project/Main.java", "class Main {}").bytes())
                .file(d1 + ".txt", txt(null, null, "Tuesday, 10 December 2024 09:00:00 o'clock GMT",
                        "There is no student submission text data for this assignment.", "a.c", d1 + "_a.c"))
                .file(d1 + "_a.c", "int main(){}")
                .file(e1 + ".txt", txt("Empty Person", "empty_user", "Wednesday, December 11, 2024 10:00:00 AM EST",
                        "There is no student submission text data for this assignment."))
                .file(A + "_orphan_attempt_2024-12-09-09-00-00_lost.py", "no txt for me");
    }

    @Test
    void latestAttemptPerUserWithMetadataFirst() throws Exception {
        Path zip = export().write(temp.resolve("gradebook_CS101_2024FA_Lab_2 part_b_2024-12-15-09-30-12.zip"));
        AutoDetectingSubmissionSource src = new AutoDetectingSubmissionSource(
                ImportOptions.defaults().withTimeZone(ZoneOffset.UTC));

        ImportReport report = src.loadReport(zip, temp.resolve("ws"));
        ImportResult r = report.result();

        assertThat(r.format()).isEqualTo("blackboard");
        Map<String, Submission> s = byId(r);
        assertThat(s).containsOnlyKeys("zangstrom", "s_oconnor", "20240017", "empty_user", "orphan");
        Submission zoe = s.get("zangstrom");
        assertThat(zoe.student()).isEqualTo("Zoë Ångström");
        assertThat(zoe.identity().attempt()).isEqualTo(2);
        assertThat(zoe.identity().login()).contains("zangstrom");
        assertThat(zoe.identity().submittedAt()).contains(Instant.parse("2024-12-14T08:01:55Z"));
        assertThat(TestArchives.tree(zoe.folder())).containsExactly("Essay v2.py", "submission_text.html");
        assertThat(zoe.folder().resolve("submission_text.html")).hasContent("<p>Second try, see attached.</p>");
        assertThat(report.superseded()).singleElement().satisfies(a -> {
            assertThat(a.submissionId()).isEqualTo("zangstrom");
            assertThat(a.attempt()).isEqualTo(1);
            assertThat(TestArchives.tree(a.folder())).containsExactly("Essay (final).py", "refs.txt");
        });
        assertThat(s.get("s_oconnor").student()).isEqualTo("Seán O'Connor, Jr.");
        assertThat(TestArchives.tree(s.get("s_oconnor").folder())).containsExactly("Main.java");
        assertThat(s.get("20240017").student()).isEqualTo("20240017"); // no Name line: user from the file name
        assertThat(TestArchives.tree(s.get("empty_user").folder())).isEmpty();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("empty_user: empty submission"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("zangstrom: attempt 1", "superseded"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("_lost.py", "no attempt .txt", "orphan"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("20240017", "taken from the file name"));
    }

    @Test
    void allAttemptsWhenAsked() throws Exception {
        Path zip = export().write(temp.resolve("bb.zip"));
        ImportResult r = new AutoDetectingSubmissionSource(ImportOptions.defaults().withLatestAttemptOnly(false))
                .load(zip, temp.resolve("ws"));
        Map<String, Submission> s = byId(r);
        assertThat(s).containsKeys("zangstrom", "zangstrom#1");
        assertThat(s.get("zangstrom#1").identity().attempt()).isEqualTo(1);
        assertThat(s.get("zangstrom#1").identity().lmsId()).contains("zangstrom");
    }

    @Test
    void metadataParserIsTolerant() {
        BlackboardImporter.Meta m = BlackboardImporter.parseMeta("Assignment: X\nName: A (B) (b_user)\n\nFiles:\n"
                + "\tOriginal filename: a b.py\n\tFilename: X_b_user_attempt_2024-01-01-00-00-00_a_b.py\n");
        assertThat(m.user()).contains("b_user");
        assertThat(m.fullName()).contains("A (B)");
        assertThat(m.originalNames()).containsEntry("X_b_user_attempt_2024-01-01-00-00-00_a_b.py", "a b.py");
        assertThat(BlackboardImporter.userFromPrefix("Lab_1_s_x_attempt_2024-01-01-00-00-00",
                java.util.Optional.of("Lab_1"))).isEqualTo("s_x");
    }
}
