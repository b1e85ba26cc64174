package org.gradebench.core.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Byte-for-byte comparison, with exactly two tolerances, both about line endings and both applied to the answer and
 * the output alike:
 * <ol>
 *   <li>a CR immediately before an LF is ignored (Windows line endings from either side);</li>
 *   <li>one final line ending is optional ("42" equals "42\n"; "42\n\n" does not).</li>
 * </ol>
 * Everything else counts: spaces, trailing spaces, blank lines, case, a lone CR, NUL bytes, invalid UTF-8.
 * Linear time, no copies of the output.
 */
public final class ExactChecker implements Checker {

    @Override
    public CheckResult check(Path input, Path expected, byte[] output) {
        byte[] answer;
        try {
            answer = Files.readAllBytes(expected);
        } catch (IOException e) {
            return CheckResult.error("cannot read the expected output " + expected + ": " + e.getMessage());
        }
        return compare(answer, output);
    }

    public CheckResult compare(byte[] ans, byte[] out) {
        int aEnd = contentEnd(ans);
        int oEnd = contentEnd(out);
        int a = 0;
        int o = 0;
        int line = 1;
        int aLineStart = 0;
        int oLineStart = 0;
        while (a < aEnd && o < oEnd) {
            byte x = ans[a];
            byte y = out[o];
            // CR LF on either side counts as LF.
            if (x == '\r' && a + 1 < ans.length && ans[a + 1] == '\n' && a + 1 < aEnd) {
                a++;
                x = '\n';
            }
            if (y == '\r' && o + 1 < out.length && out[o + 1] == '\n' && o + 1 < oEnd) {
                o++;
                y = '\n';
            }
            if (x != y) {
                return CheckResult.wrong("line " + line + ", column " + (o - oLineStart + 1) + ": expected '"
                        + lineText(ans, aLineStart, aEnd) + "' but got '" + lineText(out, oLineStart, oEnd) + "'");
            }
            a++;
            o++;
            if (x == '\n') {
                line++;
                aLineStart = a;
                oLineStart = o;
            }
        }
        if (a >= aEnd && o >= oEnd) return CheckResult.accepted();
        boolean outputShort = a < aEnd;
        // The shorter side ended at a line end: report the next line, not the last (equal) one.
        if (outputShort && o == oEnd && (ans[a] == '\n' || (ans[a] == '\r' && a + 1 < aEnd && ans[a + 1] == '\n'))) {
            a += ans[a] == '\r' ? 2 : 1;
            line++;
            aLineStart = a;
            oLineStart = o;
        } else if (!outputShort && a == aEnd && (out[o] == '\n' || (out[o] == '\r' && o + 1 < oEnd && out[o + 1] == '\n'))) {
            o += out[o] == '\r' ? 2 : 1;
            line++;
            aLineStart = a;
            oLineStart = o;
        }
        if (outputShort) {
            return CheckResult.wrong("line " + line + ": output ends early; expected '" + lineText(ans, aLineStart, aEnd)
                    + "'" + (o > oLineStart ? " but got '" + lineText(out, oLineStart, oEnd) + "'" : ""));
        }
        return CheckResult.wrong("line " + line + ": extra output '" + lineText(out, oLineStart, oEnd) + "'"
                + (a > aLineStart ? " (expected '" + lineText(ans, aLineStart, aEnd) + "')" : ""));
    }

    /** Length without one final line ending (LF or CR LF). */
    private static int contentEnd(byte[] s) {
        int n = s.length;
        if (n > 0 && s[n - 1] == '\n') {
            n--;
            if (n > 0 && s[n - 1] == '\r') n--;
        }
        return n;
    }

    private static String lineText(byte[] s, int start, int end) {
        int e = start;
        while (e < end && s[e] != '\n') e++;
        if (e > start && s[e - 1] == '\r' && e < end) e--;
        return TokenChecker.show(s, start, e);
    }
}
