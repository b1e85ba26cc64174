package org.gradebench.io.export;

import org.gradebench.core.assignment.InvalidInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoodleWorksheetExporterTest {
    @TempDir
    Path tmp;

    static GradeBook standard;

    @BeforeAll
    static void record(@TempDir Path shared) throws Exception {
        standard = ExportFixture.standard(shared).book();
    }

    static final String NOW_MOODLE = "Saturday, 21 November 2026, 10:30 PM";

    @Test
    void worksheetHasMoodlesRequiredHeadersAndOneRowPerParticipant() throws Exception {
        GradeBook book = standard;
        Path out = tmp.resolve("grades.csv");
        ExportReport report = new MoodleWorksheetExporter().write(book, ExportFixture.options(), out);

        assertThat(ExportFixture.hasBom(out)).as("Moodle's downloads carry a UTF-8 BOM").isTrue();
        List<List<String>> t = ExportFixture.parse(out);
        assertThat(t.get(0)).containsExactly("Identifier", "Full name", "Email address", "Status", "Grade",
                "Maximum Grade", "Grade can be changed", "Last modified (submission)", "Last modified (grade)",
                "Gradebench override");
        assertThat(t).hasSize(7);
        for (List<String> r : t.subList(1, t.size())) {
            assertThat(r).hasSize(t.get(0).size());
            assertThat(r.get(0)).matches("Participant \\d+");
            assertThat(r.get(5)).isEqualTo("10.00");
            assertThat(r.get(6)).isEqualTo("Yes");
            assertThat(r.get(8)).as("a current date, so Moodle does not skip the row as stale").isEqualTo(NOW_MOODLE);
        }
        Map<String, String> zoe = ExportFixture.row(t, 0, "Participant 1834521");
        assertThat(zoe).containsEntry("Full name", "Zoë Ångström").containsEntry("Grade", "10.00")
                .containsEntry("Email address", "zoe.angstrom@example.edu").containsEntry("Gradebench override", "")
                .containsEntry("Last modified (submission)", "Friday, 20 November 2026, 1:05 PM");
        Map<String, String> sean = ExportFixture.row(t, 0, "Participant 1834533");
        assertThat(sean).containsEntry("Full name", "Seán O'Connor").containsEntry("Grade", "7.50")
                .containsEntry("Status", "Submitted for grading - late");
        Map<String, String> smith = ExportFixture.row(t, 0, "Participant 1834540");
        assertThat(smith).containsEntry("Full name", "Smith, John \"JJ\"").containsEntry("Grade", "6.50")
                .containsEntry("Gradebench override", "overridden (computed 0.00)");
        assertThat(ExportFixture.row(t, 0, "Participant 1834541")).containsEntry("Full name", "12345").containsEntry("Grade", "2.50");
        assertThat(ExportFixture.row(t, 0, "Participant 1834550")).containsEntry("Full name", ExportFixture.LONG_NAME);
        assertThat(ExportFixture.row(t, 0, "Participant 1834560").get("Full name"))
                .as("formula defused in an informational column").isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(report.overridden()).containsExactly("1834540");
        assertThat(report.written()).isEqualTo(6);
        assertThat(report.skipped()).isEmpty();
    }

    @Test
    void moodleStyleQuotingLikeFputcsv() throws Exception {
        GradeBook book = standard;
        Path out = tmp.resolve("grades.csv");
        new MoodleWorksheetExporter().write(book, ExportFixture.options(), out);
        String first = ExportFixture.text(out).lines().findFirst().orElseThrow();
        assertThat(first).startsWith("Identifier,\"Full name\",\"Email address\",Status,Grade,\"Maximum Grade\"");
    }

    @Test
    void scalesToMaxPointsAndUsesDecimalComma() throws Exception {
        GradeBook book = standard;
        Path out = tmp.resolve("g.csv");
        ExportReport r = new MoodleWorksheetExporter().write(book,
                ExportFixture.options().withMaxPoints(20).withDecimalSeparator(','), out);
        List<List<String>> t = ExportFixture.parse(out);
        assertThat(ExportFixture.row(t, 0, "Participant 1834533")).containsEntry("Grade", "15,00").containsEntry("Maximum Grade", "20,00");
        assertThat(ExportFixture.row(t, 0, "Participant 1834540")).containsEntry("Grade", "13,00");
        assertThat(r.warnings()).anyMatch(w -> w.contains("scaled from 10.00 to 20.00"));
    }

    @Test
    void rowsWithoutParticipantIdAreSkippedWithAReason() throws Exception {
        ExportFixture f = new ExportFixture(tmp);
        f.source = "folder";
        f.add("alice", "Alice", null, null, null, false, org.gradebench.core.grading.Verdict.AC,
                org.gradebench.core.grading.Verdict.AC, org.gradebench.core.grading.Verdict.AC, org.gradebench.core.grading.Verdict.AC, "", "");
        f.add("Participant 77", "Participant", null, null, null, false, org.gradebench.core.grading.Verdict.AC,
                org.gradebench.core.grading.Verdict.AC, org.gradebench.core.grading.Verdict.AC, org.gradebench.core.grading.Verdict.AC, "", "");
        Path out = tmp.resolve("g.csv");
        ExportReport r = new MoodleWorksheetExporter().write(f.book(), ExportFixture.options(), out);
        assertThat(r.written()).isEqualTo(1);
        assertThat(r.skipped()).singleElement().satisfies(s -> {
            assertThat(s.submissionId()).isEqualTo("alice");
            assertThat(s.reason()).contains("participant id");
        });
        assertThat(ExportFixture.parse(out).get(1).get(0)).isEqualTo("Participant 77");
    }

    /** The worksheet from lms-exports.md §1.2, as downloaded (BOM, fputcsv quoting, multi-line HTML). */
    static final String DOWNLOADED = "\uFEFF"
            + "Identifier,\"Full name\",\"Email address\",Status,Grade,\"Maximum Grade\",\"Grade can be changed\",\"Last modified (submission)\",\"Online text\",\"Last modified (grade)\",\"Feedback comments\"\n"
            + "\"Participant 1834521\",\"Zoë Ångström\",zoe.angstrom@example.edu,\"Submitted for grading - Graded\",7.50,10.00,Yes,\"Monday, 4 March 2024, 11:52 PM\",\"<p>Answer with a \"\"quote\"\" and a, comma</p>\n<p>second line</p>\",\"Tuesday, 5 March 2024, 9:10 AM\",\"<p>Good structure.</p>\"\n"
            + "\"Participant 1834533\",\"Seán O'Connor\",sean.oconnor@example.edu,\"Submitted for grading - 1 day 2 hours late\",,10.00,Yes,\"Wednesday, 6 March 2024, 1:04 AM\",,-,\n"
            + "\"Participant 1834540\",\"Mary_Ann Li\",maryann.li@example.edu,\"No submission - Assignment is overdue by: 3 days 4 hours\",,10.00,Yes,-,,-,\n"
            + "\"Participant 1834999\",\"Not Graded Here\",nobody@example.edu,\"No submission\",,10.00,Yes,-,,-,\n";

    @Test
    void templateKeepsEverythingAndFillsGradeAndDate() throws Exception {
        GradeBook book = standard;
        Path template = tmp.resolve("Grades-CS101-Lab 3-4821.csv");
        Files.writeString(template, DOWNLOADED, StandardCharsets.UTF_8);
        Path out = tmp.resolve("upload.csv");
        ExportReport r = new MoodleWorksheetExporter().write(book, ExportFixture.options().withTemplate(template).withComments(true), out);

        assertThat(ExportFixture.hasBom(out)).isTrue();
        List<List<String>> in = ExportFixture.parse(template);
        List<List<String>> t = ExportFixture.parse(out);
        assertThat(t.get(0)).containsExactlyElementsOf(concat(in.get(0), "Gradebench override"));
        assertThat(t).hasSize(in.size());
        Map<String, String> zoe = ExportFixture.row(t, 0, "Participant 1834521");
        assertThat(zoe).containsEntry("Grade", "10.00").containsEntry("Last modified (grade)", NOW_MOODLE)
                .containsEntry("Online text", "<p>Answer with a \"quote\" and a, comma</p>\n<p>second line</p>")
                .containsEntry("Feedback comments", "<p>Good structure.</p>")
                .containsEntry("Last modified (submission)", "Monday, 4 March 2024, 11:52 PM");
        Map<String, String> smith = ExportFixture.row(t, 0, "Participant 1834540");
        assertThat(smith).as("matched by participant id, not by the (different) name")
                .containsEntry("Full name", "Mary_Ann Li").containsEntry("Grade", "6.50")
                .containsEntry("Gradebench override", "overridden (computed 0.00)")
                .containsEntry("Feedback comments", "<p>Good effort; &quot;compiles&quot; on &lt;b&gt;my&lt;/b&gt; machine.</p>");
        assertThat(ExportFixture.row(t, 0, "Participant 1834999")).as("unmatched rows stay as downloaded")
                .containsEntry("Grade", "").containsEntry("Last modified (grade)", "-").containsEntry("Gradebench override", "");
        assertThat(r.written()).isEqualTo(3);
        assertThat(r.skipped()).extracting(ExportReport.Skipped::submissionId)
                .containsExactlyInAnyOrder("1834541", "1834550", "1834560");
        assertThat(r.overridden()).containsExactly("1834540");
    }

    @Test
    void templateWithoutIdsMatchesByNameAndWarns() throws Exception {
        ExportFixture f = new ExportFixture(tmp);
        f.source = "folder";
        f.add("zoe", "Ångström, Zoë", null, null, null, false, org.gradebench.core.grading.Verdict.AC,
                org.gradebench.core.grading.Verdict.AC, org.gradebench.core.grading.Verdict.AC, org.gradebench.core.grading.Verdict.AC, "", "");
        f.add("sean", "Seán O'Connor", null, null, null, false, org.gradebench.core.grading.Verdict.AC,
                org.gradebench.core.grading.Verdict.AC, org.gradebench.core.grading.Verdict.WA, org.gradebench.core.grading.Verdict.AC, "", "");
        Path template = tmp.resolve("w.csv");
        Files.writeString(template, DOWNLOADED.replace("Seán O'Connor", "Seán OConnor"), StandardCharsets.UTF_8);
        Path out = tmp.resolve("upload.csv");
        ExportReport r = new MoodleWorksheetExporter().write(f.book(), ExportFixture.options().withTemplate(template), out);
        List<List<String>> t = ExportFixture.parse(out);
        assertThat(ExportFixture.row(t, 0, "Participant 1834521").get("Grade")).isEqualTo("10.00");
        assertThat(ExportFixture.row(t, 0, "Participant 1834533").get("Grade")).isEqualTo("7.50");
        assertThat(r.warnings()).filteredOn(w -> w.contains("by name only")).hasSize(2);
    }

    @Test
    void templateMaximumAndDecimalCommaAreFollowed() throws Exception {
        GradeBook book = standard;
        Path template = tmp.resolve("w.csv");
        Files.writeString(template, "Identifier;Grade;\"Maximum Grade\";\"Last modified (grade)\"\n"
                + "\"Participant 1834533\";;\"20,00\";-\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("upload.csv");
        ExportReport r = new MoodleWorksheetExporter().write(book, ExportFixture.options().withTemplate(template), out);
        List<List<String>> t = ExportFixture.parse(out, ';');
        assertThat(ExportFixture.hasBom(out)).as("as the template").isFalse();
        assertThat(t.get(1)).containsExactly("Participant 1834533", "15,00", "20,00", NOW_MOODLE, "");
        assertThat(r.lmsMax()).isEqualTo(20);
    }

    @Test
    void templateMissingRequiredHeadersIsRejectedWithTheFileAndLine() throws Exception {
        GradeBook book = standard;
        Path template = tmp.resolve("bad.csv");
        Files.writeString(template, "Identifier,Bewertung,Zuletzt geändert (Bewertung)\n\"Teilnehmer/in 1834521\",,-\n");
        assertThatThrownBy(() -> new MoodleWorksheetExporter().write(book, ExportFixture.options().withTemplate(template), tmp.resolve("o.csv")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bad.csv:1")
                .hasMessageContaining("Grade").hasMessageContaining("Last modified (grade)");
        assertThat(tmp.resolve("o.csv")).doesNotExist();
    }

    @Test
    void scaleGradedWorksheetIsRefused() throws Exception {
        GradeBook book = standard;
        Path template = tmp.resolve("scale.csv");
        Files.writeString(template, "Identifier,Grade,Scale,\"Last modified (grade)\"\n\"Participant 1834521\",,\"Bad\nGood\",-\n");
        assertThatThrownBy(() -> new MoodleWorksheetExporter().write(book, ExportFixture.options().withTemplate(template), tmp.resolve("o.csv")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("scale");
    }

    @Test
    void teamSubmissionsFillEveryMemberOfTheGroup() throws Exception {
        ExportFixture f = new ExportFixture(tmp.resolve("teams"));
        // as the Moodle importer records team folders: the number is the group id, the label the group name
        f.add("4711", "Team 7", "4711", null, null, false, org.gradebench.core.grading.Verdict.AC,
                org.gradebench.core.grading.Verdict.AC, org.gradebench.core.grading.Verdict.WA, org.gradebench.core.grading.Verdict.AC, "", "");
        f.add("Default group", "Default group", null, null, null, false, org.gradebench.core.grading.Verdict.AC,
                org.gradebench.core.grading.Verdict.AC, org.gradebench.core.grading.Verdict.AC, org.gradebench.core.grading.Verdict.AC, "", "");
        f.add("9999", "Team 9", "9999", null, null, false, org.gradebench.core.grading.Verdict.AC,
                org.gradebench.core.grading.Verdict.AC, org.gradebench.core.grading.Verdict.AC, org.gradebench.core.grading.Verdict.AC, "", "");
        Path template = tmp.resolve("teams.csv");
        Files.writeString(template, "Identifier,\"Full name\",Status,Group,Grade,\"Maximum Grade\",\"Last modified (grade)\"\n"
                + "\"Participant 4711\",\"Ann A\",x,\"Team 7\",,10.00,-\n"
                + "\"Participant 4712\",\"Bob B\",x,\"Team 7\",,10.00,-\n"
                + "\"Participant 4713\",\"Cy C\",x,\"Default group\",,10.00,-\n"
                + "\"Participant 4714\",\"Di D\",x,\"Team 8\",,10.00,-\n");
        Path out = tmp.resolve("o.csv");
        ExportReport r = new MoodleWorksheetExporter().write(f.book(), ExportFixture.options().withTemplate(template), out);
        List<List<String>> t = ExportFixture.parse(out);
        assertThat(ExportFixture.row(t, 0, "Participant 4711").get("Grade")).as("not matched by the group id").isEqualTo("7.50");
        assertThat(ExportFixture.row(t, 0, "Participant 4712").get("Grade")).isEqualTo("7.50");
        assertThat(ExportFixture.row(t, 0, "Participant 4713").get("Grade")).isEqualTo("10.00");
        assertThat(ExportFixture.row(t, 0, "Participant 4714").get("Grade")).isEmpty();
        assertThat(r.written()).isEqualTo(3);
        assertThat(r.skipped()).singleElement().satisfies(k -> assertThat(k.reason()).contains("Team 9"));
    }

    @Test
    void localizedGradeColumnViaColumnOption() throws Exception {
        GradeBook book = standard;
        Path template = tmp.resolve("es.csv");
        Files.writeString(template, "Identifier,Calificación,\"Last modified (grade)\"\n\"Participante 1834521\",,-\n");
        Path out = tmp.resolve("o.csv");
        new MoodleWorksheetExporter().write(book, ExportFixture.options().withTemplate(template).withColumn("Calificación"), out);
        assertThat(ExportFixture.parse(out).get(1).subList(0, 2)).containsExactly("Participante 1834521", "10.00");
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> l = new java.util.ArrayList<>(a);
        l.add(b);
        return l;
    }

    @SuppressWarnings("unused")
    private static Optional<String> unused() {
        return Optional.empty();
    }
}
