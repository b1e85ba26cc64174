package org.gradebench.ui.detail;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A side-by-side diff of expected and actual output, aligned row by row (a filler row stands opposite an inserted or
 * deleted line) so both sides scroll together. Line-level changes come from java-diff-utils over the lines; within a
 * changed pair of lines the differing characters are marked too. Pure computation: run it off the FX thread.
 */
public final class OutputDiff {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Above this, character-level marks are skipped: they would cost more than they help. */
    private static final int CHAR_DIFF_MAX_LINE = 2_000;
    private static final int CHAR_DIFF_MAX_PAIRS = 2_000;

    private OutputDiff() {
    }

    public record Options(boolean ignoreWhitespace, boolean showWhitespace, int maxLines) {
        public static Options defaults() {
            return new Options(false, false, 20_000);
        }
    }

    public enum Kind { SAME, CHANGED, REMOVED, ADDED, FILLER }

    /** A styled range of a row's display text; {@code styleClass} is one of the Styles.DIFF_* names. */
    public record Span(int start, int end, String styleClass) {
    }

    /**
     * One displayed row of one side.
     *
     * @param number 1-based line number in that output, or 0 for a filler row
     */
    public record Row(String text, int number, Kind kind, List<Span> spans) {
        public Row {
            spans = List.copyOf(spans);
        }
    }

    /**
     * @param hunks   row indices where each run of differences starts (for "next difference")
     * @param notes   sentences to show above the diff (truncation, binary output)
     */
    public record Result(List<Row> expected, List<Row> actual, List<Integer> hunks, List<String> notes,
                         int differingLines) {
        public Result {
            expected = List.copyOf(expected);
            actual = List.copyOf(actual);
            hunks = List.copyOf(hunks);
            notes = List.copyOf(notes);
        }

        public boolean identical() {
            return hunks.isEmpty();
        }
    }

    public static Result compute(byte[] expected, boolean expectedCut, byte[] actual, boolean actualCut, Options o) {
        SafeText.Decoded e = SafeText.decode(expected, o.maxLines());
        SafeText.Decoded a = SafeText.decode(actual, o.maxLines());
        List<String> notes = new ArrayList<>();
        if (e.cut()) notes.add("Expected output is long: showing its first " + e.lines().size() + " of " + e.totalLines() + " lines.");
        if (a.cut()) notes.add("Actual output is long: showing its first " + a.lines().size() + " of " + a.totalLines() + " lines.");
        if (expectedCut) notes.add("Expected output file is larger than the viewer reads; the rest is not shown.");
        if (actualCut) notes.add("The program wrote more than the capture limit; only the beginning was kept.");
        if (a.binary()) notes.add("The program's output is not valid UTF-8 text: bytes are shown as \\xNN.");
        if (e.binary()) notes.add("The expected output is not valid UTF-8 text: bytes are shown as \\xNN.");

        List<SafeText.Line> el = trimTrailingBlank(e.lines(), o.ignoreWhitespace());
        List<SafeText.Line> al = trimTrailingBlank(a.lines(), o.ignoreWhitespace());
        List<String> ek = el.stream().map(l -> key(l.text(), o.ignoreWhitespace())).toList();
        List<String> ak = al.stream().map(l -> key(l.text(), o.ignoreWhitespace())).toList();
        Patch<String> patch = DiffUtils.diff(ek, ak);

        List<Row> left = new ArrayList<>();
        List<Row> right = new ArrayList<>();
        List<Integer> hunks = new ArrayList<>();
        int differing = 0;
        int ei = 0;
        int ai = 0;
        int charPairs = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int es = d.getSource().getPosition();
            int as = d.getTarget().getPosition();
            while (ei < es && ai < as) {
                left.add(row(el.get(ei), ei + 1, Kind.SAME, List.of(), o));
                right.add(row(al.get(ai), ai + 1, Kind.SAME, List.of(), o));
                ei++;
                ai++;
            }
            hunks.add(left.size());
            int en = d.getSource().size();
            int an = d.getTarget().size();
            differing += Math.max(en, an);
            for (int k = 0; k < Math.max(en, an); k++) {
                boolean hasE = k < en;
                boolean hasA = k < an;
                if (hasE && hasA) {
                    SafeText.Line x = el.get(ei);
                    SafeText.Line y = al.get(ai);
                    List<List<Span>> marks = charPairs++ < CHAR_DIFF_MAX_PAIRS ? charMarks(x.text(), y.text())
                            : List.of(List.of(), List.of());
                    left.add(row(x, ei + 1, Kind.CHANGED, marks.get(0), o));
                    right.add(row(y, ai + 1, Kind.CHANGED, marks.get(1), o));
                    ei++;
                    ai++;
                } else if (hasE) {
                    left.add(row(el.get(ei), ei + 1, Kind.REMOVED, List.of(), o));
                    right.add(filler());
                    ei++;
                } else {
                    left.add(filler());
                    right.add(row(al.get(ai), ai + 1, Kind.ADDED, List.of(), o));
                    ai++;
                }
            }
        }
        while (ei < el.size() && ai < al.size()) {
            left.add(row(el.get(ei), ei + 1, Kind.SAME, List.of(), o));
            right.add(row(al.get(ai), ai + 1, Kind.SAME, List.of(), o));
            ei++;
            ai++;
        }
        // Both sides were fully consumed by the patch; anything left is a trailing blank line that was trimmed.
        return new Result(left, right, hunks, notes, differing);
    }

    private static List<SafeText.Line> trimTrailingBlank(List<SafeText.Line> lines, boolean ignoreWs) {
        if (!ignoreWs) return lines;
        int n = lines.size();
        while (n > 0 && lines.get(n - 1).text().isBlank()) n--;
        return lines.subList(0, n);
    }

    private static String key(String line, boolean ignoreWs) {
        return ignoreWs ? SPACES.matcher(line.replace('\u240D', ' ')).replaceAll(" ").strip() : line;
    }

    private static Row filler() {
        return new Row("", 0, Kind.FILLER, List.of());
    }

    /** Applies the whitespace display (one char for one char, so spans stay valid) and the escape marks. */
    private static Row row(SafeText.Line line, int number, Kind kind, List<Span> marks, Options o) {
        String text = line.text();
        List<Span> spans = new ArrayList<>(marks);
        for (SafeText.Range r : line.escapes()) spans.add(new Span(r.start(), r.end(), "diff-escape"));
        if (o.showWhitespace()) {
            char[] cs = text.toCharArray();
            for (int i = 0; i < cs.length; i++) {
                if (cs[i] == ' ') {
                    cs[i] = '\u00B7';
                    spans.add(new Span(i, i + 1, "diff-ws"));
                } else if (cs[i] == '\t') {
                    cs[i] = '\u2192';
                    spans.add(new Span(i, i + 1, "diff-ws"));
                }
            }
            text = new String(cs);
            if (line.terminated()) {
                spans.add(new Span(text.length(), text.length() + 1, "diff-ws"));
                text = text + '\u21B5';
            }
        }
        return new Row(text, number, kind, spans);
    }

    /** Character-level differences of a changed pair: [spans on the expected line, spans on the actual line]. */
    static List<List<Span>> charMarks(String x, String y) {
        if (x.length() > CHAR_DIFF_MAX_LINE || y.length() > CHAR_DIFF_MAX_LINE) return List.of(List.of(), List.of());
        List<Character> xs = chars(x);
        List<Character> ys = chars(y);
        Patch<Character> p = DiffUtils.diff(xs, ys);
        List<Span> l = new ArrayList<>();
        List<Span> r = new ArrayList<>();
        for (AbstractDelta<Character> d : p.getDeltas()) {
            int s = d.getSource().getPosition();
            int sn = d.getSource().size();
            int t = d.getTarget().getPosition();
            int tn = d.getTarget().size();
            if (sn > 0) l.add(new Span(s, s + sn, "diff-char"));
            if (tn > 0) r.add(new Span(t, t + tn, "diff-char"));
        }
        return List.of(l, r);
    }

    private static List<Character> chars(String s) {
        Character[] out = new Character[s.length()];
        for (int i = 0; i < out.length; i++) out[i] = s.charAt(i);
        return Arrays.asList(out);
    }
}
