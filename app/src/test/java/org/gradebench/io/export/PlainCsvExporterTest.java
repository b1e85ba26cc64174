package org.gradebench.io.export;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlainCsvExporterTest {
    @TempDir
    Path tmp;

    static GradeBook standard;

    @BeforeAll
    static void record(@TempDir Path shared) throws Exception {
        standard = ExportFixture.standard(shared).book();
    }

    @Test
    void oneRowPerSubmissionWithOverrideCommentAndVerdicts() throws Exception {
        Path out = tmp.resolve("grades.csv");
        ExportReport r = new PlainCsvExporter().write(standard, ExportFixture.options(), out);
        List<List<String>> t = ExportFixture.parse(out);
        assertThat(t.get(0)).containsExactly("id", "student", "source", "lms_id", "login", "email", "late", "submitted_at",
                "attempt", "verdict", "computed_score", "score", "max_score", "overridden", "comment",
                "test:t1", "test:t2", "test:secret/t3");
        assertThat(t).hasSize(7);
        Map<String, String> smith = ExportFixture.row(t, 0, "1834540");
        assertThat(smith).containsEntry("student", "Smith, John \"JJ\"").containsEntry("verdict", "CE")
                .containsEntry("computed_score", "0.00").containsEntry("score", "6.50").containsEntry("overridden", "yes")
                .containsEntry("comment", "Good effort; \"compiles\" on <b>my</b> machine.").containsEntry("test:t1", "CE");
        Map<String, String> sean = ExportFixture.row(t, 0, "1834533");
        assertThat(sean).containsEntry("late", "true").containsEntry("submitted_at", "2026-11-20T13:05:00Z")
                .containsEntry("score", "7.50").containsEntry("overridden", "no").containsEntry("test:t2", "WA");
        Map<String, String> evil = ExportFixture.row(t, 0, "1834560");
        assertThat(evil.get("student")).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(evil.get("email")).isEqualTo("'-2+3@example.edu");
        assertThat(ExportFixture.row(t, 0, "1834541")).containsEntry("student", "12345");
        assertThat(r.overridden()).containsExactly("1834540");
    }
}
