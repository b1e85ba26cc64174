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

class BrightspaceGradesExporterTest {
    @TempDir
    Path tmp;

    static GradeBook standard;

    @BeforeAll
    static void record(@TempDir Path shared) throws Exception {
        ExportFixture f = new ExportFixture(shared);
        f.source = "brightspace";
        f.add("101234-556677", "Zoë Ångström", "101234-556677", "zangstrom", "zoe.angstrom@example.edu", false, Verdict.AC,
                Verdict.AC, Verdict.AC, Verdict.AC, "", "");
        f.add("101251-556702", "Seán O'Connor", "101251-556702", null, null, true, Verdict.AC,
                Verdict.AC, Verdict.WA, Verdict.AC, "", "");
        f.add("101260-556710", "Wei Li", "101260-556710", null, "wei.li@example.edu", false, Verdict.AC,
                Verdict.WA, Verdict.WA, Verdict.AC, "", "");
        standard = f.book();
    }

    @Test
    void keyedByUsernameWithEndOfLineIndicator() throws Exception {
        Path out = tmp.resolve("d2l.csv");
        ExportReport r = new BrightspaceGradesExporter().write(standard, ExportFixture.options().withColumn("Lab 3"), out);
        List<List<String>> t = ExportFixture.parse(out);
        assertThat(t.get(0)).containsExactly("Username", "Lab 3 Points Grade", "End-of-Line Indicator");
        assertThat(t).hasSize(2);
        assertThat(t.get(1)).containsExactly("zangstrom", "10.00", "#");
        assertThat(r.skipped()).extracting(ExportReport.Skipped::submissionId)
                .as("the download's numeric ids are not OrgDefinedIds").containsExactlyInAnyOrder("101251-556702", "101260-556710");
        assertThat(r.skipped().get(0).reason()).contains("--lms-template");
    }

    /** A real Brightspace download gives names only: refusing beats a header-only file that "imports" nothing. */
    @Test
    void withoutTemplateAndWithoutAnyUsernameItRefusesAndSaysWhichFileToDownload(@TempDir Path shared) throws Exception {
        ExportFixture f = new ExportFixture(shared);
        f.source = "brightspace";
        f.add("101251-556702", "Seán O'Connor", "101251-556702", null, null, true, Verdict.AC,
                Verdict.AC, Verdict.WA, Verdict.AC, "", "");
        f.add("101260-556710", "Li, Wei", "101260-556710", null, null, false, Verdict.AC,
                Verdict.WA, Verdict.WA, Verdict.AC, "", "");
        Path out = tmp.resolve("d2l.csv");
        assertThatThrownBy(() -> new BrightspaceGradesExporter().write(f.book(), ExportFixture.options().withColumn("Lab 3"), out))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no Username or OrgDefinedId")
                .hasMessageContaining("Grades > Export").hasMessageContaining("Username")
                .hasMessageContaining("--lms-template");
        assertThat(out).doesNotExist();
    }

    @Test
    void aTemplateWhereNobodyIsFoundIsRefusedInsteadOfReturnedUnchanged() throws Exception {
        Path template = tmp.resolve("Other_GradesExport.csv");
        Files.writeString(template, "OrgDefinedId,Username,Last Name,First Name,Email,Lab 3 Points Grade,End-of-Line Indicator\n"
                + "#1,#someone,Else,Some,some.else@example.edu,,#\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("d2l.csv");
        assertThatThrownBy(() -> new BrightspaceGradesExporter().write(standard, ExportFixture.options().withTemplate(template).withColumn("Lab 3"), out))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("none of the 3 students was found")
                .hasMessageContaining("Zoë Ångström");
        assertThat(out).doesNotExist();
    }

    @Test
    void orgDefinedIdOnlyWhenAsked() throws Exception {
        Path out = tmp.resolve("d2l.csv");
        new BrightspaceGradesExporter().write(standard, ExportFixture.options().withColumn("Lab 3 Points Grade")
                .withOrgDefinedIdFromLmsId(true), out);
        List<List<String>> t = ExportFixture.parse(out);
        assertThat(t.get(0)).containsExactly("OrgDefinedId", "Lab 3 Points Grade", "End-of-Line Indicator");
        assertThat(t).hasSize(4);
        assertThat(t.get(2)).containsExactly("101251-556702", "7.50", "#");
    }

    @Test
    void templateMatchesByLoginEmailAndNameAndScalesToMaxPoints() throws Exception {
        Path template = tmp.resolve("CS101_GradesExport_2024-12-15-09-30.csv");
        Files.writeString(template, "OrgDefinedId,Username,Last Name,First Name,Email,"
                + "Lab 3 Points Grade <Numeric MaxPoints:20 Weight:10 Category:Labs CategoryWeight:10>,Participation Text Grade,End-of-Line Indicator\r\n"
                + "#20240017,#zangstrom,Ångström,Zoë,zoe.angstrom@example.edu,,\"Great, consistent\",#\r\n"
                + "#00240033,#soconnor,O'Connor,Seán,sean.oconnor@example.edu,,,#\r\n"
                + "#00240050,#wli,Li,Wei,wei.li@example.edu,,,#\r\n"
                + "#00240060,#nobody,Body,No,nobody@example.edu,1,,#\r\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("import.csv");
        ExportReport r = new BrightspaceGradesExporter().write(standard,
                ExportFixture.options().withTemplate(template).withColumn("Lab 3"), out);
        List<List<String>> t = ExportFixture.parse(out);
        assertThat(t.get(0)).isEqualTo(ExportFixture.parse(template).get(0));
        String col = t.get(0).get(5);
        assertThat(ExportFixture.row(t, 0, "#20240017")).containsEntry(col, "20.00")
                .containsEntry("Participation Text Grade", "Great, consistent").containsEntry("End-of-Line Indicator", "#");
        assertThat(ExportFixture.row(t, 0, "#00240033")).as("by name").containsEntry(col, "15.00");
        assertThat(ExportFixture.row(t, 0, "#00240050")).as("by email").containsEntry(col, "10.00");
        assertThat(ExportFixture.row(t, 0, "#00240060")).containsEntry(col, "1");
        assertThat(r.lmsMax()).isEqualTo(20);
        assertThat(r.skipped()).isEmpty();
        assertThat(r.warnings()).anyMatch(w -> w.contains("'101251-556702'") && w.contains("by name only"));
    }
}
