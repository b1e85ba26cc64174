package org.gradebench.ui.detail;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns program output (any bytes) into lines that are safe to show: valid UTF-8 passes through, every invalid byte
 * becomes {@code \xNN}, control characters other than tab become {@code \xNN} too (a NUL or an escape sequence must
 * not reach the screen raw), and {@code \r} becomes a visible {@code ␍}. Escapes are remembered so the view can mark
 * them.
 */
public final class SafeText {
    private SafeText() {
    }

    /** A half-open range of escaped characters in a line. */
    public record Range(int start, int end) {
    }

    /**
     * @param terminated the line ended with {@code \n} (the last line of a file may not)
     */
    public record Line(String text, List<Range> escapes, boolean terminated) {
        public Line {
            escapes = List.copyOf(escapes);
        }
    }

    /**
     * @param lines     at most {@code maxLines} lines
     * @param cut       lines or bytes were left out to keep the view responsive
     * @param totalLines lines in the whole input (counted even when cut)
     * @param binary    the input had invalid UTF-8 or NUL bytes
     */
    public record Decoded(List<Line> lines, boolean cut, int totalLines, boolean binary) {
        public Decoded {
            lines = List.copyOf(lines);
        }
    }

    public static Decoded decode(byte[] bytes, int maxLines) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.max(16, Math.min(bytes.length, 1 << 20) + 16));
        List<Line> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        List<Range> esc = new ArrayList<>();
        boolean binary = false;
        int total = 0;
        boolean cut = false;
        while (true) {
            CoderResult r = dec.decode(in, out, true);
            out.flip();
            while (out.hasRemaining()) {
                char c = out.get();
                if (c == '\n') {
                    total++;
                    if (lines.size() < maxLines) lines.add(new Line(cur.toString(), esc, true));
                    else cut = true;
                    cur.setLength(0);
                    esc = new ArrayList<>();
                } else if (lines.size() >= maxLines) {
                    cut = true;
                } else if (c == '\r') {
                    esc.add(new Range(cur.length(), cur.length() + 1));
                    cur.append('\u240D');
                } else if (c == '\t' || (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0))) {
                    cur.append(c);
                } else {
                    if (c == 0) binary = true;
                    int s = cur.length();
                    cur.append(String.format("\\x%02X", (int) c));
                    esc.add(new Range(s, cur.length()));
                }
            }
            out.clear();
            if (r.isError()) {
                binary = true;
                for (int i = 0; i < r.length(); i++) {
                    int b = in.get() & 0xff;
                    if (lines.size() < maxLines) {
                        int s = cur.length();
                        cur.append(String.format("\\x%02X", b));
                        esc.add(new Range(s, cur.length()));
                    }
                }
                continue;
            }
            if (r.isUnderflow()) break;
        }
        dec.flush(out);
        if (cur.length() > 0) {
            total++;
            if (lines.size() < maxLines) lines.add(new Line(cur.toString(), esc, false));
            else cut = true;
        }
        return new Decoded(lines, cut, total, binary);
    }

    /** A whole text for the plain viewers (input, stderr): escaped lines joined, with a note when cut. */
    public static String display(byte[] bytes, int maxLines, boolean truncatedAtSource) {
        Decoded d = decode(bytes, maxLines);
        StringBuilder sb = new StringBuilder();
        for (Line l : d.lines()) sb.append(l.text()).append('\n');
        if (d.cut()) sb.append("[... showing the first ").append(d.lines().size()).append(" of ").append(d.totalLines()).append(" lines]\n");
        if (truncatedAtSource) sb.append("[... the program wrote more than the capture limit; only the first ")
                .append(bytes.length / 1024).append(" KiB were kept]\n");
        return sb.toString();
    }
}
