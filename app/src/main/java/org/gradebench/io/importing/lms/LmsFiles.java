package org.gradebench.io.importing.lms;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Helpers shared by the LMS importers: tolerant text decoding, CSV, and "does most of this folder match". */
final class LmsFiles {
    private LmsFiles() {
    }

    /**
     * Detection rule: at least one candidate matches and more than half do. Strays (a README the instructor added)
     * do not hide a layout; a folder that merely contains one file with an LMS-looking name is not taken for it.
     */
    static boolean mostly(List<Path> candidates, Predicate<Path> test) {
        int hit = 0;
        for (Path p : candidates) if (test.test(p)) hit++;
        return hit > 0 && hit * 2 > candidates.size();
    }

    static boolean isFile(Path p) {
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    }

    static boolean isDir(Path p) {
        return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
    }

    static String name(Path p) {
        return p.getFileName().toString();
    }

    /** UTF-8 (BOM stripped) when valid, UTF-16 with a BOM, else Windows-1252: LMS text files come in all three. */
    static String readText(Path file, long maxBytes) throws IOException {
        byte[] b;
        try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes));
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe)
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff)
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        int off = b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, b.length - off))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(b, off, b.length - off, Charset.forName("windows-1252"));
        }
    }

    /**
     * RFC 4180-ish CSV: optional BOM, CRLF or LF, quoted cells with {@code ""} escapes and line breaks; the
     * separator ({@code ,} {@code ;} or TAB) is the most frequent one in the first line outside quotes.
     */
    static List<List<String>> readCsv(Path file) throws IOException {
        String text = readText(file, 64L << 20);
        char sep = ',';
        int bestCount = -1;
        String firstLine = text.lines().findFirst().orElse("");
        for (char c : new char[] {',', ';', '\t'}) {
            int n = 0;
            boolean q = false;
            for (char ch : firstLine.toCharArray()) {
                if (ch == '"') q = !q;
                else if (ch == c && !q) n++;
            }
            if (n > bestCount) {
                bestCount = n;
                sep = c;
            }
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else quoted = false;
                } else cell.append(c);
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == sep) {
                row.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                if (any || cell.length() > 0) {
                    row.add(cell.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(c);
                any = true;
            }
        }
        if (any || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
