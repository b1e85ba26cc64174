package org.gradebench.core.check;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The ICPC default output validator (DOMjudge {@code compare.cc}, Kattis {@code default_validator}) on bytes.
 * <ul>
 *   <li>Tokens are maximal runs of non-whitespace bytes; whitespace is the C locale's {@code isspace}: space, \t, \n,
 *       \v, \f, \r (so CRLF output is fine by default). NUL bytes and invalid UTF-8 are ordinary token bytes.</li>
 *   <li>Case-insensitive by default, ASCII letters only (like {@code strcasecmp} in the C locale).</li>
 *   <li>{@code space_change_sensitive}: every whitespace byte of the answer must be matched by the same byte in the
 *       output, and the output may have no other whitespace, including at the end (a missing final newline is then
 *       a difference, exactly as in compare.cc).</li>
 *   <li>With a tolerance set, an answer token that is a C floating-point literal ({@code strtold} syntax, whole
 *       token: {@code 1}, {@code -0}, {@code 1.5e-3}, {@code .5}, {@code 0x1p3}, {@code inf}, {@code nan}) is
 *       compared numerically: accepted when {@code |a-b| <= abs} or {@code |a-b| <= rel*|a|}; the output token must
 *       be a float too. Finite values are compared in exact decimal arithmetic, so a difference exactly equal to the
 *       tolerance is accepted on every machine (compare.cc uses long double, which can go either way there).
 *       Deliberate deviation from compare.cc: an answer of {@code nan} accepts {@code nan} (compare.cc can never
 *       accept it), and an infinite answer accepts only the same infinity.</li>
 *   <li>Non-float tokens are compared as strings (case per the flag).</li>
 * </ul>
 * Linear in the input size; no regex or split over the whole output.
 */
public final class TokenChecker implements Checker {
    /** Tokens longer than this are never treated as numbers (a 64 MiB "number" would only waste time). */
    private static final int MAX_FLOAT_TOKEN = 4096;
    private static final int SHOW = 60;

    private final boolean caseSensitive;
    private final boolean spaceChangeSensitive;
    private final Optional<Double> absTol;
    private final Optional<Double> relTol;
    private final BigDecimal absExact;
    private final BigDecimal relExact;

    public TokenChecker(boolean caseSensitive, boolean spaceChangeSensitive, Optional<Double> absoluteTolerance,
                        Optional<Double> relativeTolerance) {
        this.caseSensitive = caseSensitive;
        this.spaceChangeSensitive = spaceChangeSensitive;
        this.absTol = absoluteTolerance;
        this.relTol = relativeTolerance;
        // valueOf uses the shortest decimal form (1e-6 -> 0.000001), i.e. the tolerance as the author wrote it.
        this.absExact = absoluteTolerance.map(BigDecimal::valueOf).orElse(null);
        this.relExact = relativeTolerance.map(BigDecimal::valueOf).orElse(null);
    }

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

    /** Compares an answer with an output; public for re-checking stored outputs and for tests. */
    public CheckResult compare(byte[] ans, byte[] out) {
        boolean floats = absTol.isPresent() || relTol.isPresent();
        int a = 0;
        int o = 0;
        int aLine = 1;
        int oLine = 1;
        long tokens = 0;
        while (true) {
            while (a < ans.length && isSpace(ans[a])) {
                byte c = ans[a++];
                if (spaceChangeSensitive) {
                    if (o >= out.length) {
                        return CheckResult.wrong("line " + oLine + ": output ends where the answer has " + spaceName(c));
                    }
                    byte r = out[o++];
                    if (r != c) {
                        return CheckResult.wrong("line " + oLine + ": whitespace differs: expected " + spaceName(c)
                                + " but got " + (isSpace(r) ? spaceName(r) : "'" + show(out, o - 1, tokenEnd(out, o - 1)) + "'"));
                    }
                    if (r == '\n') oLine++;
                }
                if (c == '\n') aLine++;
            }
            while (o < out.length && isSpace(out[o])) {
                byte r = out[o++];
                if (spaceChangeSensitive) {
                    return CheckResult.wrong("line " + oLine + ": whitespace differs: unexpected " + spaceName(r)
                            + (a < ans.length ? " before '" + show(ans, a, tokenEnd(ans, a)) + "'" : " at the end"));
                }
                if (r == '\n') oLine++;
            }
            if (a >= ans.length) break;
            int aEnd = tokenEnd(ans, a);
            if (o >= out.length) {
                return CheckResult.wrong("output ends early after token " + tokens + " (line " + oLine + "): expected '"
                        + show(ans, a, aEnd) + "' next (answer line " + aLine + ")");
            }
            int oEnd = tokenEnd(out, o);
            String problem = compareToken(ans, a, aEnd, out, o, oEnd, floats);
            if (problem != null) return CheckResult.wrong("line " + oLine + ": " + problem);
            tokens++;
            a = aEnd;
            o = oEnd;
        }
        if (o < out.length) {
            return CheckResult.wrong("line " + oLine + ": extra output after the " + tokens + " expected token(s): '"
                    + show(out, o, tokenEnd(out, o)) + "'");
        }
        return CheckResult.accepted();
    }

    private String compareToken(byte[] ans, int a, int aEnd, byte[] out, int o, int oEnd, boolean floats) {
        // Identical bytes are equal under every mode (and the float path is costly): decide them right away.
        if (aEnd - a == oEnd - o && java.util.Arrays.equals(ans, a, aEnd, out, o, oEnd)) return null;
        if (floats) {
            Num expected = parseFloat(ans, a, aEnd);
            if (expected != null) {
                Num got = parseFloat(out, o, oEnd);
                if (got == null) {
                    return "expected a number near '" + show(ans, a, aEnd) + "' but got '" + show(out, o, oEnd) + "'";
                }
                if (!withinTolerance(expected, got)) {
                    return "expected '" + show(ans, a, aEnd) + "' but got '" + show(out, o, oEnd)
                            + "' (difference " + difference(expected, got) + " exceeds " + tolerances() + ")";
                }
                return null;
            }
        }
        if (!equalBytes(ans, a, aEnd, out, o, oEnd)) {
            return "expected '" + show(ans, a, aEnd) + "' but got '" + show(out, o, oEnd) + "'";
        }
        return null;
    }

    private boolean equalBytes(byte[] x, int xs, int xe, byte[] y, int ys, int ye) {
        if (xe - xs != ye - ys) return false;
        for (int i = 0; i < xe - xs; i++) {
            byte p = x[xs + i];
            byte q = y[ys + i];
            if (p == q) continue;
            if (caseSensitive || lower(p) != lower(q)) return false;
        }
        return true;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == 0x0b || b == 0x0c;
    }

    private static int tokenEnd(byte[] s, int i) {
        while (i < s.length && !isSpace(s[i])) i++;
        return i;
    }

    // ---- numbers -------------------------------------------------------------------------------------------------

    /** A parsed float: exact when finite decimal, else a double (hex, inf, nan, huge exponents). */
    private record Num(BigDecimal exact, double approx) {
        boolean isExact() {
            return exact != null;
        }
    }

    private boolean withinTolerance(Num e, Num g) {
        if (e.isExact() && g.isExact()) {
            BigDecimal diff = e.exact().subtract(g.exact()).abs();
            if (absExact != null && diff.compareTo(absExact) <= 0) return true;
            return relExact != null && diff.compareTo(relExact.multiply(e.exact().abs())) <= 0;
        }
        double ev = e.isExact() ? e.exact().doubleValue() : e.approx();
        double gv = g.isExact() ? g.exact().doubleValue() : g.approx();
        if (Double.isNaN(ev)) return Double.isNaN(gv);
        if (Double.isInfinite(ev) || Double.isInfinite(gv)) return ev == gv;
        double diff = Math.abs(ev - gv);
        if (absTol.isPresent() && diff <= absTol.get()) return true;
        return relTol.isPresent() && diff <= relTol.get() * Math.abs(ev);
    }

    private static String difference(Num e, Num g) {
        if (e.isExact() && g.isExact()) return e.exact().subtract(g.exact()).abs().stripTrailingZeros().toString();
        double ev = e.isExact() ? e.exact().doubleValue() : e.approx();
        double gv = g.isExact() ? g.exact().doubleValue() : g.approx();
        return Double.toString(Math.abs(ev - gv));
    }

    private String tolerances() {
        StringBuilder sb = new StringBuilder();
        absTol.ifPresent(t -> sb.append("absolute tolerance ").append(t));
        relTol.ifPresent(t -> sb.append(sb.length() > 0 ? " and " : "").append("relative tolerance ").append(t));
        return sb.toString();
    }

    /** strtold syntax over the whole token, or null. */
    static Num parseFloat(byte[] s, int from, int to) {
        int len = to - from;
        if (len == 0 || len > MAX_FLOAT_TOKEN) return null;
        int i = from;
        boolean negative = false;
        if (s[i] == '+' || s[i] == '-') {
            negative = s[i] == '-';
            i++;
        }
        if (i >= to) return null;
        Num simple = simpleDecimal(s, i, to, negative);
        if (simple != null) return simple;
        String rest = ascii(s, i, to);
        if (rest == null) return null;
        String lower = rest.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) {
            return new Num(null, negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (lower.equals("nan") || (lower.startsWith("nan(") && lower.endsWith(")")
                && lower.substring(4, lower.length() - 1).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_'))) {
            return new Num(null, Double.NaN);
        }
        if (lower.startsWith("0x")) return parseHex(lower.substring(2), negative);
        // decimal: digits [. digits] [e [sign] digits], at least one mantissa digit
        int p = 0;
        int n = lower.length();
        int mantissaDigits = 0;
        while (p < n && isDigit(lower.charAt(p))) {
            p++;
            mantissaDigits++;
        }
        if (p < n && lower.charAt(p) == '.') {
            p++;
            while (p < n && isDigit(lower.charAt(p))) {
                p++;
                mantissaDigits++;
            }
        }
        if (mantissaDigits == 0) return null;
        long exponent = 0;
        if (p < n && lower.charAt(p) == 'e') {
            p++;
            boolean expNeg = false;
            if (p < n && (lower.charAt(p) == '+' || lower.charAt(p) == '-')) {
                expNeg = lower.charAt(p) == '-';
                p++;
            }
            int expStart = p;
            while (p < n && isDigit(lower.charAt(p))) {
                if (exponent < 1_000_000_000L) exponent = exponent * 10 + (lower.charAt(p) - '0');
                p++;
            }
            if (p == expStart) return null;
            if (expNeg) exponent = -exponent;
        }
        if (p != n) return null;
        String literal = (negative ? "-" : "") + rest;
        if (Math.abs(exponent) > 100_000) {
            // Beyond what BigDecimal arithmetic handles cheaply; as long double would, saturate to 0 or infinity.
            return new Num(null, Double.parseDouble(literal));
        }
        try {
            return new Num(new BigDecimal(literal), 0);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The common case without allocation: up to 18 digits with an optional point and no exponent. */
    private static Num simpleDecimal(byte[] s, int from, int to, boolean negative) {
        if (to - from > 19) return null;
        long unscaled = 0;
        int digits = 0;
        int scale = 0;
        boolean point = false;
        for (int i = from; i < to; i++) {
            byte c = s[i];
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
                digits++;
                if (point) scale++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return null;
            }
        }
        if (digits == 0 || digits > 18) return null;
        return new Num(BigDecimal.valueOf(negative ? -unscaled : unscaled, scale), 0);
    }

    private static Num parseHex(String hex, boolean negative) {
        // 0x mantissa [p exponent]; Double.parseDouble needs the p part, so add p0 when absent.
        int p = 0;
        int n = hex.length();
        int digits = 0;
        while (p < n && Character.digit(hex.charAt(p), 16) >= 0) {
            p++;
            digits++;
        }
        if (p < n && hex.charAt(p) == '.') {
            p++;
            while (p < n && Character.digit(hex.charAt(p), 16) >= 0) {
                p++;
                digits++;
            }
        }
        if (digits == 0) return null;
        String mantissa = hex.substring(0, p);
        String exp = "p0";
        if (p < n && hex.charAt(p) == 'p') {
            int q = p + 1;
            if (q < n && (hex.charAt(q) == '+' || hex.charAt(q) == '-')) q++;
            int start = q;
            while (q < n && isDigit(hex.charAt(q))) q++;
            if (q == start) return null;
            exp = hex.substring(p, q);
            p = q;
        }
        if (p != n) return null;
        try {
            return new Num(null, Double.parseDouble((negative ? "-" : "") + "0x" + mantissa + exp));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String ascii(byte[] s, int from, int to) {
        char[] c = new char[to - from];
        for (int i = from; i < to; i++) {
            if (s[i] < 0x21 || s[i] > 0x7e) return null;
            c[i - from] = (char) s[i];
        }
        return new String(c);
    }

    // ---- messages ------------------------------------------------------------------------------------------------

    /** A token for a message: at most {@value #SHOW} bytes, control and non-ASCII bytes escaped. */
    static String show(byte[] s, int from, int to) {
        StringBuilder sb = new StringBuilder();
        int end = Math.min(to, from + SHOW);
        for (int i = from; i < end; i++) {
            int b = s[i] & 0xff;
            if (b >= 0x20 && b < 0x7f) sb.append((char) b);
            else if (b == 0) sb.append("\\0");
            else sb.append(String.format("\\x%02x", b));
        }
        if (to > end) sb.append("...");
        return sb.toString();
    }

    private static String spaceName(byte c) {
        return switch (c) {
            case '\n' -> "a newline";
            case ' ' -> "a space";
            case '\t' -> "a tab";
            case '\r' -> "a carriage return";
            default -> String.format("whitespace \\x%02x", c & 0xff);
        };
    }
}
