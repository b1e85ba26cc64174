package org.gradebench.io.export;

import org.gradebench.core.grading.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BlackboardGradeCenterExporterTest {
    @TempDir
    Path tmp;

    static GradeBook standard;

    @BeforeAll
    static void record(@TempDir Path shared) throws Exception {
        ExportFixture f = new ExportFixture(shared);
        f.source = "blackboard";
        f.add("zangstrom", "Zoë Ångström", "zangstrom", null, null, false, Verdict.AC, Verdict.AC, Verdict.AC, Verdict.AC, "", "");
        f.add("s_oconnor", "Seán O'Connor", "s_oconnor", null, null, true, Verdict.AC, Verdict.AC, Verdict.WA, Verdict.AC, "", "");
        f.add("20240033", "12345", "20240033", null, null, false, Verdict.AC, Verdict.AC, Verdict.RE, Verdict.WA, "", "");
        f.add("mary", "Mary, Ann \"M\" Li", "mary", null, null, false, Verdict.CE, Verdict.CE, Verdict.CE, Verdict.CE, "", "");
        f.reviews.put("mary", new org.gradebench.core.history.Review("mary", java.util.Optional.of(4.0), "Nice\n\nstyle <3", java.util.Map.of()));
        standard = f.book();
    }

    @Test
    void everyValueIsQuotedAndUsernamesAreTheKey() throws Exception {
        Path out = tmp.resolve("bb.csv");
        String column = "Lab 3 [Total Pts: 100 Score] |92376";
        ExportReport r = new BlackboardGradeCenterExporter().write(standard, ExportFixture.options().withColumn(column), out);
        String text = ExportFixture.text(out);
        for (String line : text.split("\r\n")) {
            assertThat(line).as("comma-delimited uploads must quote every value").matches("(\"([^\"]|\"\")*\")(,\"([^\"]|\"\")*\")*");
        }
        List<List<String>> t = ExportFixture.parse(out);
        assertThat(t.get(0)).containsExactly("Last Name", "First Name", "Username", column);
        assertThat(t).hasSize(5);
        assertThat(t.get(1)).containsExactly("Ångström", "Zoë", "zangstrom", "100.00");
        assertThat(t.get(2)).containsExactly("O'Connor", "Seán", "s_oconnor", "75.00");
        assertThat(t.get(3)).containsExactly("12345", "", "20240033", "25.00");
        assertThat(t.get(4)).containsExactly("Mary", "Ann \"M\" Li", "mary", "40.00");
        assertThat(r.lmsMax()).as("from [Total Pts: 100]").isEqualTo(100);
        assertThat(r.overridden()).containsExactly("mary");
        assertThat(r.warnings()).noneMatch(w -> w.contains("column id"));
    }

    @Test
    void onlyTheLatestAttemptOfAStudentIsExported(@TempDir Path own) throws Exception {
        ExportFixture f = new ExportFixture(own);
        f.source = "blackboard";
        // as the Blackboard importer records kept attempts: older ones get "#<attempt>" ids, the same username
        f.students.add(new ExportFixture.Student("jdoe#1", "Jane Doe", java.util.Optional.of("jdoe"), java.util.Optional.of("jdoe"),
                java.util.Optional.empty(), false, Verdict.AC, java.util.Map.of("t1", Verdict.AC, "t2", Verdict.AC, "secret/t3", Verdict.AC), "", ""));
        f.students.add(new ExportFixture.Student("jdoe", "Jane Doe", java.util.Optional.of("jdoe"), java.util.Optional.of("jdoe"),
                java.util.Optional.empty(), false, Verdict.AC, java.util.Map.of("t1", Verdict.AC, "t2", Verdict.WA, "secret/t3", Verdict.WA), "", ""));
        GradeBook b = f.book(true, java.util.Map.of("jdoe#1", 1, "jdoe", 2));
        Path out = tmp.resolve("bb.csv");
        ExportReport r = new BlackboardGradeCenterExporter().write(b, ExportFixture.options().withColumn("Lab [Total Pts: 10 Score] |1"), out);
        List<List<String>> t = ExportFixture.parse(out);
        assertThat(t).hasSize(2);
        assertThat(t.get(1)).containsExactly("Doe", "Jane", "jdoe", "2.50");
        assertThat(r.skipped()).singleElement().satisfies(k -> {
            assertThat(k.submissionId()).isEqualTo("jdoe#1");
            assertThat(k.reason()).contains("older attempt");
        });
    }

    @Test
    void defaultColumnCarriesTotalPointsAndWarnsAboutTheMissingId() throws Exception {
        Path out = tmp.resolve("bb.csv");
        ExportReport r = new BlackboardGradeCenterExporter().write(standard, ExportFixture.options(), out);
        assertThat(ExportFixture.parse(out).get(0)).last().isEqualTo("Lab 3: Squares [Total Pts: 10 Score]");
        assertThat(r.warnings()).anyMatch(w -> w.contains("create a new column"));
    }

    @Test
    void templateFillsColumnByIdAndFeedbackToLearner() throws Exception {
        Path template = tmp.resolve("gc_CS101_columns_2024-12-15-09-30-12.csv");
        Files.writeString(template, "\"Last Name\",\"First Name\",\"Username\",\"Student ID\",\"Last Access\",\"Availability\","
                + "\"Lab 3 [Total Pts: 50 Score] |92376\",\"Grading Notes\",\"Notes Format\",\"Feedback to Learner\",\"Feedback Format\"\r\n"
                + "\"Ångström\",\"Zoë\",\"zangstrom\",\"20240017\",\"2024-12-14\",\"Yes\",\"\",\"\",\"\",\"\",\"\"\r\n"
                + "\"Li\",\"Mary\",\"mary\",\"20240040\",\"2024-12-14\",\"Yes\",\"12\",\"note\",\"HTML\",\"old\",\"HTML\"\r\n"
                + "\"Other\",\"Person\",\"other\",\"1\",\"\",\"Yes\",\"3\",\"\",\"\",\"\",\"\"\r\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("upload.csv");
        ExportReport r = new BlackboardGradeCenterExporter().write(standard,
                ExportFixture.options().withTemplate(template).withColumn("|92376").withComments(true), out);
        List<List<String>> t = ExportFixture.parse(out);
        assertThat(t.get(0)).isEqualTo(ExportFixture.parse(template).get(0));
        assertThat(ExportFixture.row(t, 2, "zangstrom")).containsEntry("Lab 3 [Total Pts: 50 Score] |92376", "50.00")
                .containsEntry("Feedback to Learner", "");
        assertThat(ExportFixture.row(t, 2, "mary")).containsEntry("Lab 3 [Total Pts: 50 Score] |92376", "20.00")
                .containsEntry("Feedback to Learner", "<p>Nice</p><p>style &lt;3</p>").containsEntry("Feedback Format", "HTML")
                .containsEntry("Grading Notes", "note");
        assertThat(ExportFixture.row(t, 2, "other")).containsEntry("Lab 3 [Total Pts: 50 Score] |92376", "3");
        assertThat(r.skipped()).extracting(ExportReport.Skipped::submissionId).containsExactlyInAnyOrder("s_oconnor", "20240033");
        assertThat(ExportFixture.text(out).split("\r\n")[3]).startsWith("\"Other\",\"Person\",\"other\"");
    }
}
