package org.gradebench.ui.detail;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutputDiffTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static OutputDiff.Result diff(String expected, String actual, boolean ignoreWs, boolean showWs) {
        return OutputDiff.compute(b(expected), false, b(actual), false, new OutputDiff.Options(ignoreWs, showWs, 1000));
    }

    @Test
    void identicalOutputsHaveNoHunks() {
        OutputDiff.Result r = diff("1\n2\n", "1\n2\n", false, false);
        assertThat(r.identical()).isTrue();
        assertThat(r.expected()).extracting(OutputDiff.Row::text).containsExactly("1", "2");
    }

    @Test
    void changedLineIsPairedAndTheDifferingCharactersAreMarked() {
        OutputDiff.Result r = diff("12\n-7\nend\n", "12\n7\nend\n", false, false);

        assertThat(r.hunks()).containsExactly(1);
        assertThat(r.differingLines()).isEqualTo(1);
        OutputDiff.Row left = r.expected().get(1);
        OutputDiff.Row right = r.actual().get(1);
        assertThat(left.kind()).isEqualTo(OutputDiff.Kind.CHANGED);
        assertThat(right.kind()).isEqualTo(OutputDiff.Kind.CHANGED);
        assertThat(left.spans()).containsExactly(new OutputDiff.Span(0, 1, "diff-char"));
        assertThat(right.spans()).isEmpty();
    }

    @Test
    void rowsStayAlignedWithFillersOppositeInsertedLines() {
        OutputDiff.Result r = diff("a\nc\n", "a\nb\nc\n", false, false);

        assertThat(r.expected()).hasSameSizeAs(r.actual());
        assertThat(r.expected()).extracting(OutputDiff.Row::kind)
                .containsExactly(OutputDiff.Kind.SAME, OutputDiff.Kind.FILLER, OutputDiff.Kind.SAME);
        assertThat(r.actual()).extracting(OutputDiff.Row::kind)
                .containsExactly(OutputDiff.Kind.SAME, OutputDiff.Kind.ADDED, OutputDiff.Kind.SAME);
        assertThat(r.actual()).extracting(OutputDiff.Row::number).containsExactly(1, 2, 3);
        assertThat(r.expected()).extracting(OutputDiff.Row::number).containsExactly(1, 0, 2);
    }

    @Test
    void ignoringWhitespaceHidesSpacingAndTrailingBlankLines() {
        assertThat(diff("1 2\n", "1   2  \n\n", false, false).identical()).isFalse();
        assertThat(diff("1 2\n", "1   2  \n\n", true, false).identical()).isTrue();
    }

    @Test
    void showingWhitespaceKeepsSpansOnTheSameCharacters() {
        OutputDiff.Result r = diff("a b\n", "a  b\n", false, true);

        OutputDiff.Row right = r.actual().get(0);
        assertThat(right.text()).isEqualTo("a\u00B7\u00B7b\u21B5");
        assertThat(right.spans()).contains(new OutputDiff.Span(1, 2, "diff-ws"), new OutputDiff.Span(4, 5, "diff-ws"));
    }

    @Test
    void binaryOutputIsEscapedAndNoted() {
        byte[] actual = {'o', 'k', 0, (byte) 0xff, '\n'};
        OutputDiff.Result r = OutputDiff.compute(b("ok\n"), false, actual, true, OutputDiff.Options.defaults());

        assertThat(r.actual().get(0).text()).isEqualTo("ok\\x00\\xFF");
        assertThat(r.actual().get(0).spans()).contains(new OutputDiff.Span(2, 6, "diff-escape"), new OutputDiff.Span(6, 10, "diff-escape"));
        assertThat(r.notes()).anyMatch(n -> n.contains("not valid UTF-8")).anyMatch(n -> n.contains("capture limit"));
    }

    @Test
    void hugeOutputIsCutWithANote() {
        String many = "x\n".repeat(5000);
        OutputDiff.Result r = OutputDiff.compute(b("x\n"), false, b(many), false, new OutputDiff.Options(false, false, 100));

        assertThat(r.actual()).hasSizeLessThanOrEqualTo(100);
        assertThat(r.notes()).contains("Actual output is long: showing its first 100 of 5000 lines.");
    }

    @Test
    void safeTextKeepsValidUnicodeAndMarksCarriageReturns() {
        SafeText.Decoded d = SafeText.decode(b("Zoë\r\nend"), 10);
        assertThat(d.lines()).extracting(SafeText.Line::text).containsExactly("Zoë\u240D", "end");
        assertThat(d.lines().get(0).escapes()).containsExactly(new SafeText.Range(3, 4));
        assertThat(d.lines().get(1).terminated()).isFalse();
        assertThat(d.binary()).isFalse();
        assertThat(SafeText.display(b("a\n"), 10, true)).contains("capture limit");
        assertThat(List.of(d.totalLines())).containsExactly(2);
    }
}
