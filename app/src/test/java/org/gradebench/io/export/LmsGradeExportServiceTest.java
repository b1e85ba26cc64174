package org.gradebench.io.export;

import org.gradebench.core.export.ExportRefusedException;
import org.gradebench.core.export.GradeExportService;
import org.gradebench.core.export.GradeExportService.Format;
import org.gradebench.core.export.GradeExportService.Request;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.grading.Verdict;
import org.gradebench.store.h2.H2RunHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The export port over a real H2 history: what the CLI and the window's dialog both run. */
class LmsGradeExportServiceTest {
    @TempDir
    Path tmp;

    private H2RunHistory history;

    @AfterEach
    void close() {
        if (history != null) history.close();
    }

    private GradeExportService service(ExportFixture f) {
        history = H2RunHistory.open(tmp.resolve("history"), ExportFixture.CLOCK);
        return new LmsGradeExportService(history, history, folder -> f.assignment, ExportFixture.CLOCK);
    }

    @Test
    void exportsTheSessionWithOverridesAndFeedbackAndSaysWhatItWrote() throws Exception {
        ExportFixture f = ExportFixture.standard(tmp.resolve("fx"));
        GradeExportService s = service(f);
        long sid = f.record(history);
        Path out = tmp.resolve("out/Grades.csv");
        Path zip = tmp.resolve("out/feedback.zip");
        GradeExportService.Result r = s.export(Request.of(sid, Format.MOODLE, out).withFeedback(zip).withDecimalSeparator(','));

        assertThat(r.rows()).isEqualTo(6);
        assertThat(r.overridden()).containsExactly("1834540");
        assertThat(r.files()).containsExactly(out, zip);
        assertThat(r.feedback().orElseThrow().written()).isEqualTo(6);
        List<List<String>> t = ExportFixture.parse(out);
        assertThat(ExportFixture.row(t, 0, "Participant 1834540")).containsEntry("Grade", "6,50");
        assertThat(ExportFixture.row(t, 0, "Participant 1834521")).containsEntry("Grade", "10,00");
        assertThat(String.join("\n", r.summaryLines()))
                .contains("Wrote 6 grade row(s) to " + out + " (moodle, out of 10.00)")
                .contains("1 overridden by hand: 1834540")
                .contains("Wrote feedback for 6 student(s) to " + zip);
    }

    @Test
    void brightspaceWithoutTheGradesExportIsRefusedWithTheFileToDownload() throws Exception {
        ExportFixture f = new ExportFixture(tmp.resolve("fx"));
        f.source = "brightspace";
        f.add("101251-556702", "Seán O'Connor", "101251-556702", null, null, true, Verdict.AC, Verdict.AC, Verdict.WA, Verdict.AC, "", "");
        GradeExportService s = service(f);
        long sid = f.record(history);
        Path out = tmp.resolve("d2l.csv");
        assertThatThrownBy(() -> s.export(Request.of(sid, Format.BRIGHTSPACE, out)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Grades > Export").hasMessageContaining("LMS grade file");
        assertThat(out).doesNotExist();
        assertThat(Format.BRIGHTSPACE.templateFile()).contains("Grades > Export").contains("Username");
    }

    @Test
    void everyFormatOfThePortHasAnExporter() {
        for (Format f : Format.values()) {
            assertThat(GradeExporter.of(ExportFormat.valueOf(f.name())).format().id()).isEqualTo(f.id());
            assertThat(Format.parse(f.id())).isEqualTo(f);
        }
        assertThat(ExportFormat.values()).hasSize(Format.values().length);
    }

    @Test
    void refusesWhatItCannotDoBeforeWritingAnything() throws Exception {
        ExportFixture f = ExportFixture.standard(tmp.resolve("fx"));
        GradeExportService s = service(f);
        long sid = f.record(history);
        Path out = tmp.resolve("g.csv");
        assertThatThrownBy(() -> s.export(Request.of(sid + 40, Format.CSV, out)))
                .isInstanceOf(ExportRefusedException.class).hasMessageContaining("no grading session " + (sid + 40));
        Path full = Files.createDirectories(tmp.resolve("fb"));
        Files.writeString(full.resolve("old.html"), "old");
        assertThatThrownBy(() -> s.export(Request.of(sid, Format.CANVAS, out).withFeedback(full)))
                .isInstanceOf(ExportRefusedException.class).hasMessageContaining("not empty");
        assertThatThrownBy(() -> s.export(Request.of(sid, Format.CANVAS, out).withTemplate(tmp.resolve("missing.csv"))))
                .isInstanceOf(ExportRefusedException.class).hasMessageContaining("does not exist");
        assertThat(out).doesNotExist();
    }
}
