package org.gradebench.io.export.feedback;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.io.export.ExportFormat;
import org.gradebench.io.export.ExportFixtureAccess;
import org.gradebench.io.export.GradeBook;
import org.gradebench.io.export.GradeRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedbackTest {
    @TempDir
    Path tmp;

    static GradeBook standard;
    static GradeBook noAssignment;

    @BeforeAll
    static void record(@TempDir Path shared) throws Exception {
        standard = ExportFixtureAccess.standard(shared.resolve("a"), true);
        noAssignment = ExportFixtureAccess.standard(shared.resolve("b"), false);
    }

    static GradeRow row(GradeBook b, String id) {
        return b.rows().stream().filter(r -> r.submission().id().equals(id)).findFirst().orElseThrow();
    }

    static StudentFeedback feedback(GradeBook b, String id) {
        return new FeedbackBuilder(b.title(), b.assignment()).build(row(b, id), 10, '.');
    }

    @Test
    void htmlEscapesHostileOutputAndShowsTheDiff() {
        String html = FeedbackRenderer.toHtml(feedback(standard, "1834533"));
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("\u001b");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).contains("<span class=\"del\">-secret-visible-expected</span>")
                .contains("<span class=\"add\">+&lt;script&gt;").contains("\\x1b[2Jgone");
        assertThat(html).contains("7.50 / 10.00").contains("Submitted late.").contains("Late, but fine.").contains("Off by one");
        assertThat(html).contains("Content-Security-Policy");
        // the visible test's input is shown
        assertThat(html).contains("<h4>Input</h4>\n<pre>3\n</pre>");
    }

    @Test
    void textIsReadableAndHasNoRawControlCharacters() {
        String text = FeedbackRenderer.toText(feedback(standard, "1834533"));
        assertThat(text).doesNotContain("\u001b");
        assertThat(text).contains("Score:   7.50 / 10.00").contains("t2").contains("-secret-visible-expected")
                .contains("+<script>alert('x')</script>").contains("+\\x1b[2Jgone").contains("Off by one");
        assertThat(text).contains("--- expected").contains("+++ your output");
    }

    @Test
    void hiddenTestsShowTheirVerdictOnly() {
        StudentFeedback f = feedback(standard, "1834541");
        for (String s : List.of(FeedbackRenderer.toHtml(f), FeedbackRenderer.toText(f))) {
            assertThat(s).doesNotContain("TOP-SECRET").contains("secret/t3").contains("Wrong answer")
                    .contains("Hidden tests show their result only.");
            assertThat(s).contains("boom"); // the visible RE test's stderr
        }
        assertThat(FeedbackRenderer.toHtml(f)).contains("&lt;b&gt;boom&lt;/b&gt;").doesNotContain("<b>boom");
        var hidden = f.tests().stream().filter(t -> t.name().equals("secret/t3")).findFirst().orElseThrow();
        assertThat(hidden.hidden()).isTrue();
        assertThat(hidden.diff()).isEmpty();
        assertThat(hidden.checkerMessage()).isEmpty();
        assertThat(hidden.input()).isEmpty();
    }

    @Test
    void overrideCompileErrorAndCommentsAreEscaped() {
        StudentFeedback f = feedback(standard, "1834540");
        String html = FeedbackRenderer.toHtml(f);
        assertThat(html).contains("6.50 / 10.00").contains("the automatic tests gave 0.00")
                .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img")
                .contains("Read the &lt;script&gt;spec&lt;/script&gt; again").doesNotContainIgnoringCase("<script")
                .contains("&quot;compiles&quot; on &lt;b&gt;my&lt;/b&gt; machine.");
        assertThat(html).contains("<title>Feedback: Lab 3: Squares \u2013 Smith, John &quot;JJ&quot;</title>");
        assertThat(FeedbackRenderer.toText(f)).contains("Score:   6.50 / 10.00  (set by your grader; the automatic tests gave 0.00)");
    }

    @Test
    void withoutTheAssignmentNoTestDataIsShown() {
        StudentFeedback f = new FeedbackBuilder(noAssignment.title(), noAssignment.assignment()).build(row(noAssignment, "1834533"), 0, '.');
        String html = FeedbackRenderer.toHtml(f);
        assertThat(html).doesNotContain("script").doesNotContain("secret-visible-expected").doesNotContain("line 3 differs")
                .contains("the assignment was not available");
    }

    @Test
    void moodleZipHasOneFeedbackFolderPerParticipantThatMoodlesImporterRecognises() throws Exception {
        Path zip = tmp.resolve("feedback.zip");
        FeedbackWriter.Result r = new FeedbackWriter(Clock.systemUTC()).write(standard, ExportFormat.MOODLE, 10, '.', zip);
        assertThat(r.written()).isEqualTo(6);
        assertThat(r.skipped()).isEmpty();
        List<String> names = new ArrayList<>();
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                names.add(e.getName());
                assertThat(e.getGeneralPurposeBit().usesUTF8ForNames()).isTrue();
                assertThat(new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8)).isNotBlank();
            }
        }
        assertThat(names).hasSize(12).contains("Zoë Ångström_1834521_assignfeedback_file/feedback.html",
                "Seán OConnor_1834533_assignfeedback_file/feedback.txt",
                "Smith, John JJ_1834540_assignfeedback_file/feedback.html",
                "12345_1834541_assignfeedback_file/feedback.html");
        // importziplib.php: each segment exploded on '_' (limit 5); >= 4 parts, 2nd a participant id, 3rd/4th the plugin
        Pattern digits = Pattern.compile("\\d+");
        for (String n : names) {
            String[] segments = n.split("/");
            assertThat(segments).hasSize(2);
            String[] parts = segments[0].split("_", 5);
            assertThat(parts).as(n).hasSize(4);
            assertThat(parts[1]).matches(digits);
            assertThat(parts[2]).isEqualTo("assignfeedback");
            assertThat(parts[3]).isEqualTo("file");
            assertThat(segments[1]).isIn("feedback.html", "feedback.txt").doesNotStartWith(".");
        }
        assertThat(names).noneMatch(n -> n.startsWith("README"));
        assertThat(names).anySatisfy(n -> assertThat(n.split("/")[0].split("_")[0]).hasSize(100));
    }

    @Test
    void moodleFeedbackNeedsParticipantIds() throws Exception {
        var f = new org.gradebench.io.export.ExportFixtureAccess.Builder(tmp.resolve("fx"));
        GradeBook b = f.folderStudent("alice", "Alice");
        FeedbackWriter.Result r = new FeedbackWriter(Clock.systemUTC()).write(b, ExportFormat.MOODLE, 10, '.', tmp.resolve("f.zip"));
        assertThat(r.written()).isZero();
        assertThat(r.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("participant id"));
    }

    @Test
    void canvasFolderLayoutWithReadmeAndNoOverwriting() throws Exception {
        Path dir = tmp.resolve("canvas-feedback");
        FeedbackWriter.Result r = new FeedbackWriter(Clock.systemUTC()).write(standard, ExportFormat.CANVAS, 10, '.', dir);
        assertThat(r.written()).isEqualTo(6);
        assertThat(dir.resolve("README.txt")).content().contains("SpeedGrader");
        assertThat(dir.resolve("zoëångström_1834521").resolve("feedback.html")).exists();
        assertThat(dir.resolve("seánoconnor_1834533").resolve("feedback.txt")).content().contains("7.50 / 10.00");
        try (var list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString())).allSatisfy(n -> assertThat(n).doesNotContain("\"", "/", ":"));
        }
        assertThatThrownBy(() -> new FeedbackWriter(Clock.systemUTC()).write(standard, ExportFormat.CANVAS, 10, '.', dir))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not empty");
    }

    @Test
    void blackboardAndBrightspaceFolderNames() throws Exception {
        assertThat(FeedbackLayout.folder(ExportFormat.BLACKBOARD, row(standard, "1834533").submission())).contains("s_oconnor");
        assertThat(FeedbackLayout.folder(ExportFormat.BRIGHTSPACE, row(standard, "1834533").submission()))
                .contains("Seán O'Connor - s_oconnor");
        assertThat(FeedbackLayout.folder(ExportFormat.CSV, row(standard, "1834560").submission())).contains("1834560");
        // very long names are cut, the key never
        assertThat(FeedbackLayout.folder(ExportFormat.CANVAS, row(standard, "1834550").submission()).orElseThrow())
                .endsWith("_1834550").hasSizeLessThanOrEqualTo(100);
        assertThat(FeedbackLayout.folder(ExportFormat.BRIGHTSPACE, row(standard, "1834550").submission()).orElseThrow())
                .endsWith(" - mwolfe").hasSizeLessThanOrEqualTo(100);
        Path zip = tmp.resolve("bb.zip");
        new FeedbackWriter(Clock.systemUTC()).write(standard, ExportFormat.BLACKBOARD, 10, '.', zip);
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            assertThat(z.getEntry("README.txt")).isNotNull();
            assertThat(z.getEntry("s_oconnor/feedback.html")).isNotNull();
        }
    }
}
