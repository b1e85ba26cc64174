package org.gradebench.io.export;

import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.grading.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanvasGradebookExporterTest {
    @TempDir
    Path tmp;

    static GradeBook standard;

    @BeforeAll
    static void record(@TempDir Path shared) throws Exception {
        ExportFixture f = ExportFixture.standard(shared);
        f.source = "canvas";
        f.add("anon_7gKx2", "Anonymous", "anon_7gKx2", null, null, false, Verdict.AC, Verdict.AC, Verdict.AC, Verdict.AC, "", "");
        standard = f.book();
    }

    @Test
    void gradebookHasStudentIdSectionColumnAndPointsPossibleRow() throws Exception {
        Path out = tmp.resolve("canvas.csv");
        ExportReport r = new CanvasGradebookExporter().write(standard, ExportFixture.options().withColumn("Lab 3 (128840)"), out);

        assertThat(ExportFixture.hasBom(out)).as("Canvas's default export has no BOM").isFalse();
        assertThat(ExportFixture.text(out)).contains("\r\n");
        List<List<String>> t = ExportFixture.parse(out);
        assertThat(t.get(0)).containsExactly("Student", "ID", "SIS Login ID", "Section", "Lab 3 (128840)");
        assertThat(t.get(1)).containsExactly("    Points Possible", "", "", "", "10.00");
        assertThat(t).hasSize(2 + 6);
        assertThat(ExportFixture.row(t, 1, "1834521")).containsEntry("Student", "Zoë Ångström")
                .containsEntry("SIS Login ID", "zangstrom").containsEntry("Lab 3 (128840)", "10.00");
        assertThat(ExportFixture.row(t, 1, "1834533")).containsEntry("Student", "Seán O'Connor")
                .containsEntry("SIS Login ID", "s_oconnor").containsEntry("Lab 3 (128840)", "7.50");
        assertThat(ExportFixture.row(t, 1, "1834540")).containsEntry("Student", "Smith, John \"JJ\"")
                .containsEntry("Lab 3 (128840)", "6.50");
        assertThat(ExportFixture.row(t, 1, "1834541")).containsEntry("Student", "12345").containsEntry("Lab 3 (128840)", "2.50");
        assertThat(ExportFixture.row(t, 1, "1834550")).containsEntry("Student", ExportFixture.LONG_NAME);
        assertThat(ExportFixture.row(t, 1, "1834560").get("Student")).startsWith("'=");
        assertThat(r.overridden()).containsExactly("1834540");
        assertThat(r.skipped()).singleElement().satisfies(s -> {
            assertThat(s.submissionId()).isEqualTo("anon_7gKx2");
            assertThat(s.reason()).contains("anonymous");
        });
        assertThat(r.warnings()).noneMatch(w -> w.contains("assignment id"));
    }

    @Test
    void columnWithoutAssignmentIdIsWarnedAbout() throws Exception {
        Path out = tmp.resolve("canvas.csv");
        ExportReport r = new CanvasGradebookExporter().write(standard, ExportFixture.options(), out);
        assertThat(ExportFixture.parse(out).get(0)).last().isEqualTo("Lab 3: Squares");
        assertThat(r.warnings()).anyMatch(w -> w.contains("create a new assignment"));
    }

    static final String EXPORTED = "Student,ID,SIS User ID,SIS Login ID,Section,Essay 1 (128834),Lab 3: Squares (128840),Assignments Current Score,Current Score\r\n"
            + "    Points Possible,,,,,10.00,20.00,(read only),(read only)\r\n"
            + "\"Ångström, Zoë\",1834521,20240017,zangstrom,CS101-01,7.50,,75.00,75.00\r\n"
            + "\"O'Connor, Seán\",1834533,20240033,s_oconnor,CS101-01 and CS101-02,,EX,80.00,80.00\r\n"
            + "\"Smith, John \"\"JJ\"\"\",1834540,20240040,jsmith,CS101-01,,,,\r\n"
            + "\"Student, Test\",4999,,,CS101-01,,,,\r\n";

    @Test
    void templateFillsTheAssignmentColumnScaledToPointsPossible() throws Exception {
        Path template = tmp.resolve("gradebook.csv");
        Files.writeString(template, EXPORTED, StandardCharsets.UTF_8);
        Path out = tmp.resolve("import.csv");
        ExportReport r = new CanvasGradebookExporter().write(standard, ExportFixture.options().withTemplate(template), out);
        List<List<String>> in = ExportFixture.parse(template);
        List<List<String>> t = ExportFixture.parse(out);
        assertThat(t.get(0)).isEqualTo(in.get(0));
        assertThat(t.get(1)).isEqualTo(in.get(1));
        assertThat(t).hasSize(in.size());
        assertThat(ExportFixture.row(t, 1, "1834521")).containsEntry("Lab 3: Squares (128840)", "20.00")
                .containsEntry("Essay 1 (128834)", "7.50").containsEntry("Student", "Ångström, Zoë");
        assertThat(ExportFixture.row(t, 1, "1834533")).containsEntry("Lab 3: Squares (128840)", "15.00")
                .containsEntry("Section", "CS101-01 and CS101-02");
        assertThat(ExportFixture.row(t, 1, "1834540")).containsEntry("Lab 3: Squares (128840)", "13.00");
        assertThat(ExportFixture.row(t, 1, "4999")).containsEntry("Lab 3: Squares (128840)", "");
        assertThat(r.lmsMax()).isEqualTo(20);
        assertThat(r.written()).isEqualTo(3);
        assertThat(r.skipped()).extracting(ExportReport.Skipped::submissionId)
                .containsExactlyInAnyOrder("1834541", "1834550", "1834560", "anon_7gKx2");
    }

    @Test
    void templateColumnCanBeChosenByAssignmentId() throws Exception {
        Path template = tmp.resolve("gradebook.csv");
        Files.writeString(template, EXPORTED, StandardCharsets.UTF_8);
        Path out = tmp.resolve("import.csv");
        new CanvasGradebookExporter().write(standard, ExportFixture.options().withTemplate(template).withColumn("128834"), out);
        assertThat(ExportFixture.row(ExportFixture.parse(out), 1, "1834533")).containsEntry("Essay 1 (128834)", "7.50")
                .containsEntry("Lab 3: Squares (128840)", "EX");
    }

    @Test
    void unknownColumnListsTheChoices() throws Exception {
        Path template = tmp.resolve("gradebook.csv");
        Files.writeString(template, EXPORTED, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new CanvasGradebookExporter().write(standard,
                ExportFixture.options().withTemplate(template).withColumn("Quiz 9"), tmp.resolve("o.csv")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Essay 1 (128834) | Lab 3: Squares (128840)");
    }
}
