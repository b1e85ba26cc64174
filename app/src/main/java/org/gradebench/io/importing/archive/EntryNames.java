package org.gradebench.io.importing.archive;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an archive entry name (untrusted) into a relative path that stays inside the target folder, or says why it
 * cannot. Pure functions, shared by every importer.
 */
public final class EntryNames {

    private static final Set<String> JUNK_FILES = Set.of(".ds_store", "thumbs.db", "desktop.ini", "ehthumbs.db");

    private EntryNames() {
    }

    /** A safe relative path: every segment is non-empty, not {@code .}/{@code ..}, and free of separators. */
    public record EntryPath(List<String> segments, boolean directory, boolean renamed) {
        public EntryPath {
            segments = List.copyOf(segments);
        }

        public String joined() {
            return String.join("/", segments);
        }

        public String fileName() {
            return segments.get(segments.size() - 1);
        }
    }

    /** Why an entry name was refused; the message is the reason shown to the user. */
    public static final class UnsafeNameException extends Exception {
        private static final long serialVersionUID = 1L;

        UnsafeNameException(String reason) {
            super(reason);
        }
    }

    /**
     * @return the safe path, or {@code null} for a name that denotes the root itself (e.g. {@code "./"})
     * @throws UnsafeNameException for traversal ({@code ..}), absolute paths, drive letters, over-long paths
     */
    public static EntryPath parse(String raw, int maxSegmentBytes, int maxPathChars) throws UnsafeNameException {
        if (raw == null || raw.isEmpty()) throw new UnsafeNameException("empty name");
        String name = raw.replace('\\', '/');
        if (name.startsWith("/")) throw new UnsafeNameException("absolute path");
        if (name.length() >= 2 && Character.isLetter(name.charAt(0)) && name.charAt(1) == ':')
            throw new UnsafeNameException("absolute path (drive letter)");
        boolean directory = name.endsWith("/");
        List<String> segments = new ArrayList<>();
        boolean renamed = false;
        for (String seg : name.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (seg.equals("..")) throw new UnsafeNameException("path traversal (..)");
            String clean = cleanSegment(seg, maxSegmentBytes);
            if (clean.equals("..") || clean.equals(".")) throw new UnsafeNameException("path traversal (..)");
            renamed |= !clean.equals(seg);
            segments.add(clean);
        }
        if (segments.isEmpty()) return null;
        int chars = segments.stream().mapToInt(s -> s.length() + 1).sum();
        if (chars > maxPathChars) throw new UnsafeNameException("path longer than " + maxPathChars + " characters");
        return new EntryPath(segments, directory, renamed);
    }

    /**
     * Control characters (NUL included) become {@code _}; a name longer than {@code maxBytes} UTF-8 bytes keeps its
     * start and extension and gets a short hash so distinct long names stay distinct.
     */
    public static String cleanSegment(String seg, int maxBytes) {
        StringBuilder b = new StringBuilder(seg.length());
        seg.codePoints().forEach(cp -> {
            if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0xfffe || cp == 0xffff) b.append('_');
            else b.appendCodePoint(cp);
        });
        String s = b.toString();
        if (utf8Length(s) <= maxBytes) return s;
        // Keep both ends: the start names the thing, the end carries the extension and, in LMS exports, the ids
        // (Moodle's "..._1834521_assignsubmission_file").
        String hash = "~" + String.format(Locale.ROOT, "%08x", s.hashCode()) + "~";
        int tailBudget = Math.min(80, (maxBytes - hash.length()) / 2);
        int headBudget = maxBytes - hash.length() - tailBudget;
        StringBuilder tail = new StringBuilder();
        int used = 0;
        for (int i = s.length(); i > 0; ) {
            int cp = s.codePointBefore(i);
            int len = utf8Length(new String(Character.toChars(cp)));
            if (used + len > tailBudget) break;
            tail.insert(0, Character.toChars(cp));
            used += len;
            i -= Character.charCount(cp);
        }
        StringBuilder head = new StringBuilder();
        used = 0;
        for (int i = 0; i < s.length() - tail.length(); ) {
            int cp = s.codePointAt(i);
            int len = utf8Length(new String(Character.toChars(cp)));
            if (used + len > headBudget) break;
            head.appendCodePoint(cp);
            used += len;
            i += Character.charCount(cp);
        }
        return head + hash + tail;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Operating-system litter that is never part of a submission: {@code __MACOSX/}, AppleDouble {@code ._x},
     * {@code .DS_Store}, {@code Thumbs.db}, {@code desktop.ini}.
     */
    public static boolean isJunk(List<String> segments) {
        for (String s : segments) if (s.equals("__MACOSX")) return true;
        return !segments.isEmpty() && isJunkName(segments.get(segments.size() - 1));
    }

    public static boolean isJunkName(String fileName) {
        return fileName.equals("__MACOSX") || fileName.startsWith("._")
                || JUNK_FILES.contains(fileName.toLowerCase(Locale.ROOT));
    }

    /** The name made safe to print on one line (a hostile name could otherwise forge a warning line). */
    public static String display(String raw) {
        if (raw == null) return "<null>";
        StringBuilder b = new StringBuilder();
        raw.codePoints().forEach(cp -> {
            if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) b.append(String.format(Locale.ROOT, "\\x%02x", cp));
            else b.appendCodePoint(cp);
        });
        String s = b.toString();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
