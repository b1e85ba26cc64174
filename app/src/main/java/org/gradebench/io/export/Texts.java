package org.gradebench.io.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Text helpers shared by the exporters: numbers, names, file names, CSV injection, HTML. */
public final class Texts {
    private Texts() {
    }

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?");
    private static final Set<String> WINDOWS_RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3",
            "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7",
            "LPT8", "LPT9");

    /** A score with exactly {@code decimals} decimals and the given separator, never in exponent form. */
    public static String number(double value, int decimals, char separator) {
        String s = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        return separator == '.' ? s : s.replace('.', separator);
    }

    /** Parses "7.50", "7,50", "100" (and Brightspace/Blackboard spellings with spaces); empty when not a number. */
    public static java.util.OptionalDouble parseNumber(String s) {
        String t = s.strip();
        if (!NUMBER.matcher(t).matches()) return java.util.OptionalDouble.empty();
        return java.util.OptionalDouble.of(Double.parseDouble(t.replace(',', '.')));
    }

    /**
     * Neutralizes CSV injection for a free-text cell: a leading {@code = + - @}, TAB or CR makes spreadsheets evaluate
     * the cell, so it gets a leading apostrophe. Numbers are left alone. Never use on key or grade cells: the LMS
     * compares those literally.
     */
    public static String safeText(String s) {
        if (s.isEmpty()) return s;
        char c = s.charAt(0);
        if ("=+-@\t\r".indexOf(c) >= 0 && !NUMBER.matcher(s).matches()) return "'" + s;
        return s;
    }

    /**
     * A name reduced for comparison: NFC, lower case, {@code _} and {@code ,} as spaces, apostrophes and other
     * punctuation dropped, words sorted, so "Ångström, Zoë", "Zoë Ångström" and "zoë_ångström" compare equal, and
     * Moodle's "Seán OConnor" equals "Seán O'Connor".
     */
    public static String nameKey(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace('_', ' ').replace(',', ' ').replace('-', ' ');
        StringBuilder sb = new StringBuilder();
        n.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || Character.isWhitespace(cp)) sb.appendCodePoint(cp);
        });
        return Arrays.stream(sb.toString().trim().split("\\s+")).filter(w -> !w.isEmpty()).sorted()
                .collect(Collectors.joining(" "));
    }

    /**
     * Moodle's {@code clean_filename} (PARAM_FILE, lms-exports.md §1.4): drops control characters and
     * {@code & < > " ` | ' : \ /}; keeps spaces, commas, hyphens, parentheses and non-ASCII letters.
     */
    public static String moodleCleanFilename(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || "&<>\"`|':\\/".indexOf(cp) >= 0) return;
            sb.appendCodePoint(cp);
        });
        String r = sb.toString();
        return r.equals(".") || r.equals("..") ? "" : r;
    }

    /**
     * A file or folder name that is safe on Windows, macOS and Linux and inside zips: no path separators, no
     * {@code :*?"<>|}, no control characters, no leading/trailing dots or spaces, not a reserved device name, at
     * most {@code maxChars} characters.
     */
    public static String safeFileName(String s, int maxChars) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || "/\\:*?\"<>|".indexOf(cp) >= 0) sb.append('_');
            else sb.appendCodePoint(cp);
        });
        String r = sb.toString().strip();
        while (r.startsWith(".")) r = r.substring(1);
        while (r.endsWith(".") || r.endsWith(" ")) r = r.substring(0, r.length() - 1);
        if (r.codePointCount(0, r.length()) > maxChars) r = r.substring(0, r.offsetByCodePoints(0, maxChars)).strip();
        if (r.isEmpty()) r = "_";
        String base = r.contains(".") ? r.substring(0, r.indexOf('.')) : r;
        if (WINDOWS_RESERVED.contains(base.toUpperCase(Locale.ROOT))) r = "_" + r;
        return r;
    }

    /** Escapes for HTML text and attribute values. Student output is hostile: every markup character goes. */
    public static String html(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Makes program output safe to show: control characters other than newline and tab (terminal escape sequences,
     * NUL, bell, C1 controls) become visible {@code \xNN} escapes, so {@code cat feedback.txt} cannot be hijacked.
     */
    public static String visibleControls(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t') sb.appendCodePoint(cp);
            else if (cp == '\r') sb.append("\\r");
            else if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E)
                    || (cp >= 0x2066 && cp <= 0x2069)) {
                // bidi overrides too: they can make a diff line read differently from what it holds
                sb.append(cp <= 0xFF ? String.format(Locale.ROOT, "\\x%02x", cp) : String.format(Locale.ROOT, "\\u%04x", cp));
            } else sb.appendCodePoint(cp);
        });
        return sb.toString();
    }

    /** A comment as a Moodle/Blackboard HTML feedback cell: escaped, paragraphs per blank line, line breaks kept. */
    public static String htmlParagraphs(String text) {
        StringBuilder sb = new StringBuilder();
        for (String para : text.strip().split("\\R\\s*\\R")) {
            if (para.isBlank()) continue;
            sb.append("<p>").append(html(para.strip()).replaceAll("\\R", "<br>")).append("</p>");
        }
        return sb.toString();
    }
}
