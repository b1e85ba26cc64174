package org.gradebench.io.importing.lms;

import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.submission.Submission;
import org.gradebench.core.submission.SubmissionSource.ImportResult;
import org.gradebench.io.importing.AutoDetectingSubmissionSource;
import org.gradebench.io.importing.ImportOptions;
import org.gradebench.io.importing.TestArchives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Late flags and emails from Moodle's grading worksheet (lms-exports.md §1.2), matched by participant id. */
class MoodleWorksheetTest {
    @TempDir
    Path temp;

    /** The worksheet as Moodle writes it: BOM, fputcsv quoting, a multi-line online-text cell, names that hurt. */
    static final String WORKSHEET = "\uFEFFIdentifier,\"Full name\",\"Email address\",Status,Grade,\"Maximum Grade\","
            + "\"Grade can be changed\",\"Last modified (submission)\",\"Online text\",\"Last modified (grade)\",\"Feedback comments\"\r\n"
            + "\"Participant 1834521\",\"Zoë Ångström\",zoe.angstrom@example.edu,\"Submitted for grading - Graded\",7.50,10.00,Yes,"
            + "\"Monday, 4 March 2024, 11:52 PM\",\"<p>Answer with a \"\"quote\"\"\nand a, comma</p>\",\"Tuesday, 5 March 2024, 9:10 AM\",\"<p>Good.</p>\"\r\n"
            + "\"Participant 1834533\",\"Seán O'Connor\",sean.oconnor@example.edu,\"Submitted for grading - 1 day 2 hours late\",,10.00,Yes,"
            + "\"Wednesday, 6 March 2024, 1:04 AM\",,-,\r\n"
            + "\"Participant 1834550\",\"Smith, John\",\"smith,j@example.edu\",\"Submitted for grading - 5 mins late - Graded\",,10.00,Yes,"
            + "\"Thursday, 7 March 2024, 2:05 PM\",,-,\r\n"
            + "\"Participant 1834560\",\"D'Arcy O'Neil-Ébène\",darcy@example.edu,\"Submitted for grading - Extension granted until: Friday, 1 March 2024, 5:00 PM\",,10.00,Yes,"
            + "\"Thursday, 29 February 2024, 4:00 PM\",,-,\r\n"
            + "\"Participant 1834540\",\"Mary_Ann Li\",maryann.li@example.edu,\"No submission - Assignment is overdue by: 3 days 4 hours\",,10.00,Yes,-,,-,\r\n";

    private Path download() throws Exception {
        return TestArchives.zip()
                .file("Zoë Ångström_1834521_assignsubmission_file/essay.py", "print('zoe')")
                .file("Seán OConnor_1834533_assignsubmission_file/report.py", "x")
                .file("Smith, John_1834550_assignsubmission_file/a.py", "a")
                .file("DArcy ONeil-Ébène_1834560_assignsubmission_file/d.py", "d")
                .file("Late Joiner_1834599_assignsubmission_file/j.py", "j")
                .write(temp.resolve("CS101-Essay 1-4821.zip"));
    }

    private static Map<String, Submission> byId(ImportResult r) {
        return MoodleImporterTest.byId(r);
    }

    @Test
    void worksheetGivenExplicitlySetsLateFlagEmailAndRealNameByParticipantId() throws Exception {
        Path zip = download();
        Path sheet = Files.writeString(temp.resolve("elsewhere.csv"), WORKSHEET, StandardCharsets.UTF_8);
        ImportResult r = new AutoDetectingSubmissionSource(ImportOptions.defaults().withMoodleWorksheet(sheet)
                .withTimeZone(ZoneId.of("Europe/Paris"))).load(zip, temp.resolve("ws"));

        Map<String, Submission> s = byId(r);
        assertThat(s.get("1834521").identity().late()).isFalse();
        assertThat(s.get("1834521").identity().email()).contains("zoe.angstrom@example.edu");
        assertThat(s.get("1834521").identity().submittedAt()).contains(Instant.parse("2024-03-04T22:52:00Z"));
        assertThat(s.get("1834533").identity().late()).isTrue();
        assertThat(s.get("1834533").student()).as("the worksheet keeps the apostrophe Moodle strips from folders")
                .isEqualTo("Seán O'Connor");
        assertThat(s.get("1834550").identity().late()).isTrue();
        assertThat(s.get("1834550").identity().email()).contains("smith,j@example.edu");
        assertThat(s.get("1834550").student()).isEqualTo("Smith, John");
        assertThat(s.get("1834560").identity().late()).as("an extension is not lateness").isFalse();
        assertThat(s.get("1834560").student()).isEqualTo("D'Arcy O'Neil-Ébène");
        assertThat(s.get("1834599").identity().late()).isFalse();
        assertThat(r.warnings()).containsExactly(
                "elsewhere.csv: no row for Late Joiner (1834599): late flag unknown (is it this assignment's worksheet?)");
    }

    @Test
    void worksheetNextToTheZipIsFoundByMoodlesFileName() throws Exception {
        Path zip = download();
        Files.writeString(temp.resolve("Grades-CS101-Essay 1-4821.csv"), WORKSHEET, StandardCharsets.UTF_8);
        Files.writeString(temp.resolve("Grades-CS101-Essay 2-4822.csv"), WORKSHEET.replace("Submitted for grading - Graded",
                "Submitted for grading - 9 days late"), StandardCharsets.UTF_8); // another assignment's: not taken
        ImportResult r = new AutoDetectingSubmissionSource().load(zip, temp.resolve("ws"));
        Map<String, Submission> s = byId(r);
        assertThat(s.get("1834533").identity().late()).isTrue();
        assertThat(s.get("1834521").identity().late()).isFalse();
    }

    @Test
    void worksheetInsideTheDroppedFolderIsUsedAndNotReportedAsAStray() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("download"));
        for (String[] f : List.of(new String[]{"Seán OConnor_1834533_assignsubmission_file", "report.py"},
                new String[]{"Zoë Ångström_1834521_assignsubmission_file", "essay.py"})) {
            Files.createDirectories(folder.resolve(f[0]));
            Files.writeString(folder.resolve(f[0]).resolve(f[1]), "x");
        }
        Files.writeString(folder.resolve("Grades-CS101-Essay 1-4821.csv"), WORKSHEET, StandardCharsets.UTF_8);
        ImportResult r = new AutoDetectingSubmissionSource().load(folder, temp.resolve("ws"));
        assertThat(r.format()).isEqualTo("moodle");
        assertThat(r.warnings()).isEmpty();
        assertThat(byId(r).get("1834533").identity().late()).isTrue();
        assertThat(byId(r).get("1834533").identity().email()).contains("sean.oconnor@example.edu");
    }

    @Test
    void teamWorksheetMatchesGroupsByNameNotByTheGroupIdInTheFolder() throws Exception {
        Path zip = TestArchives.zip()
                .file("Tutorial A_1834533_assignsubmission_file/t.py", "group id that collides with a participant id")
                .file("Rock n Roll_78_assignsubmission_file/r.py", "r")
                .file("Tutorial B-Ana Ruiz_1834540_assignsubmission_file_/b.py", "Moodle 4.0 team folder: member's participant id")
                .write(temp.resolve("CS101-Team-4900.zip"));
        Path sheet = Files.writeString(temp.resolve("sheet.csv"), "Identifier,\"Full name\",Status,Group,Grade\n"
                + "\"Participant 1834533\",\"Seán O'Connor\",\"Submitted for grading\",\"Rock 'n' Roll\",\n"
                + "\"Participant 1834534\",\"Zoë Ångström\",\"Submitted for grading - 3 hours late\",\"Rock 'n' Roll\",\n"
                + "\"Participant 1834535\",\"Wei Li\",\"Submitted for grading\",\"Tutorial A\",\n"
                + "\"Participant 1834540\",\"Ana Ruiz\",\"Submitted for grading - 1 min late\",\"Tutorial B\",\n", StandardCharsets.UTF_8);
        ImportResult r = new AutoDetectingSubmissionSource(ImportOptions.defaults().withMoodleWorksheet(sheet)).load(zip, temp.resolve("ws"));
        Map<String, Submission> s = byId(r);
        assertThat(s.get("1834533").identity().late()).as("Tutorial A is on time; 1834533 is its group id").isFalse();
        assertThat(s.get("1834533").student()).isEqualTo("Tutorial A");
        assertThat(s.get("78").identity().late()).isTrue();
        assertThat(s.get("78").identity().email()).isEmpty();
        assertThat(s.get("1834540").identity().late()).isTrue();
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void aFileThatIsNotAWorksheetOrNotThisAssignmentsIsRefusedWithTheFileName() throws Exception {
        Path zip = download();
        Path notSheet = Files.writeString(temp.resolve("roster.csv"), "name,email\nZoë,z@example.edu\n");
        assertThatThrownBy(() -> new AutoDetectingSubmissionSource(ImportOptions.defaults().withMoodleWorksheet(notSheet))
                .load(zip, temp.resolve("ws")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("roster.csv").hasMessageContaining("no Status column");
        Path other = Files.writeString(temp.resolve("other.csv"), "Identifier,Status\n\"Participant 99\",\"Submitted for grading - 1 day late\"\n");
        assertThatThrownBy(() -> new AutoDetectingSubmissionSource(ImportOptions.defaults().withMoodleWorksheet(other))
                .load(zip, temp.resolve("ws2")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("other.csv")
                .hasMessageContaining("no participant of this download");
    }

    @Test
    void lateIsAWholeWordAndLocalizedMarkersWork() {
        List<String> markers = ImportOptions.defaults().moodleLateMarkers();
        assertThat(MoodleWorksheet.late("Submitted for grading - 1 day 2 hours late - Graded", markers)).isTrue();
        assertThat(MoodleWorksheet.late("Zur Bewertung abgegeben - 2 Stunden verspätet", markers)).isTrue();
        assertThat(MoodleWorksheet.late("No submission - Assignment is overdue by: 2 days", markers)).isFalse();
        assertThat(MoodleWorksheet.late("Submitted for grading - Graded - latest attempt", markers)).isFalse();
    }
}
