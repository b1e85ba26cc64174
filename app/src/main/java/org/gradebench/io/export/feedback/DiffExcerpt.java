package org.gradebench.io.export.feedback;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import org.gradebench.io.export.Texts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A unified diff (java-diff-utils) of expected vs actual output, cut to a readable size: inputs are limited before
 * diffing (Myers' algorithm is quadratic in the worst case and student output can be huge), long lines are cut and
 * control characters made visible.
 */
public final class DiffExcerpt {
    /** Lines of each side given to the diff. */
    static final int MAX_INPUT_LINES = 2000;
    static final int MAX_LINE_CHARS = 200;

    private DiffExcerpt() {
    }

    /**
     * @param maxLines diff lines kept (headers included); a last line says how many were left out
     * @return empty when the texts have no line differences
     */
    public static List<String> unified(String expected, String actual, int maxLines, int context) {
        List<String> a = lines(expected);
        List<String> b = lines(actual);
        Patch<String> patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) return List.of();
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("expected", "your output", a, patch, context);
        List<String> out = new ArrayList<>();
        for (String line : diff) {
            if (out.size() >= maxLines) {
                out.add("[... " + (diff.size() - maxLines) + " more diff lines]");
                break;
            }
            out.add(cut(Texts.visibleControls(line)));
        }
        return out;
    }

    static List<String> lines(String s) {
        List<String> l = new ArrayList<>(Arrays.asList(s.split("\r?\n", -1)));
        if (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) l.remove(l.size() - 1);
        if (l.size() > MAX_INPUT_LINES) {
            int more = l.size() - MAX_INPUT_LINES;
            l = new ArrayList<>(l.subList(0, MAX_INPUT_LINES));
            l.add("[... " + more + " more lines not compared]");
        }
        return l;
    }

    static String cut(String line) {
        if (line.length() <= MAX_LINE_CHARS) return line;
        int end = MAX_LINE_CHARS;
        if (Character.isHighSurrogate(line.charAt(end - 1))) end--;
        return line.substring(0, end) + " [... " + (line.length() - end) + " more characters]";
    }
}
