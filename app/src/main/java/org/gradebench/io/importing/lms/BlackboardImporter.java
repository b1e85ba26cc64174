package org.gradebench.io.importing.lms;

import org.gradebench.core.submission.Submission;
import org.gradebench.io.importing.ImportOptions;
import org.gradebench.io.importing.ImportSession;
import org.gradebench.io.importing.LayoutImporter;
import org.gradebench.io.importing.SubmissionFormat;
import org.gradebench.io.importing.SupersededAttempt;
import org.gradebench.io.importing.archive.Folders;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blackboard Learn "Assignment File Download" (lms-exports.md §3.1): flat, one
 * {@code <assignment>_<user>_attempt_<yyyy-MM-dd-HH-mm-ss>.txt} per attempt plus the attempt's files under the same
 * prefix. The {@code .txt} is parsed first and is authoritative: the user comes from {@code Name: Full Name (user)},
 * so underscores in user or assignment names do not matter, and original file names come from its {@code Files:}
 * section. Files with no {@code .txt} are still imported (user guessed from the name, with a warning).
 *
 * <p>Submission id = the Blackboard username (group name for group assignments); student = the full name. Several
 * attempts per user: the newest wins (see {@link ImportOptions#latestAttemptOnly()}); the others are extracted
 * under {@code superseded/} and reported.
 */
public final class BlackboardImporter implements LayoutImporter {

    static final Pattern ATTEMPT = Pattern.compile("_attempt_(\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2})");
    static final Pattern TXT = Pattern.compile("^(?<prefix>.+_attempt_(?<ts>\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}))\\.txt$");
    static final Pattern LOOSE = Pattern.compile(
            "^(?<prefix>(?<assignment>.+)_(?<user>[^_]+)_attempt_(?<ts>\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}))(?:_(?<orig>.+)|\\.txt)$");
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd-HH-mm-ss");
    private static final String NO_TEXT = "There is no student submission text data for this assignment.";

    @Override
    public SubmissionFormat format() {
        return SubmissionFormat.BLACKBOARD;
    }

    @Override
    public boolean matches(Path root, ImportOptions options) throws IOException {
        List<Path> kids = Folders.children(root);
        return kids.stream().anyMatch(p -> LmsFiles.isFile(p) && TXT.matcher(LmsFiles.name(p)).matches())
                && LmsFiles.mostly(kids, p -> LmsFiles.isFile(p) && ATTEMPT.matcher(LmsFiles.name(p)).find());
    }

    /** Parsed attempt metadata; every field may be missing in a damaged or localized file. */
    record Meta(Optional<String> fullName, Optional<String> user, Optional<String> assignment,
                Optional<String> submissionText, Map<String, String> originalNames) {
    }

    private static final class Attempt {
        final String prefix;
        final String ts;
        String user;
        Meta meta;
        final List<Path> files = new ArrayList<>();

        Attempt(String prefix, String ts) {
            this.prefix = prefix;
            this.ts = ts;
        }
    }

    @Override
    public SubmissionFormat read(ImportSession s) throws IOException {
        List<Path> entries = s.rootEntries();
        Map<String, Attempt> attempts = new LinkedHashMap<>();
        for (Path p : entries) {
            Matcher m = TXT.matcher(LmsFiles.name(p));
            if (!LmsFiles.isFile(p) || !m.matches()) continue;
            Attempt a = new Attempt(m.group("prefix"), m.group("ts"));
            a.meta = parseMeta(LmsFiles.readText(p, 4L << 20));
            a.user = a.meta.user().orElseGet(() -> userFromPrefix(a.prefix, a.meta.assignment()));
            if (a.meta.user().isEmpty())
                s.warn(s.inputLabel() + ": " + LmsFiles.name(p) + ": no 'Name: ... (username)' line; user taken from"
                        + " the file name: " + a.user);
            attempts.put(a.prefix, a);
        }
        List<String> prefixes = new ArrayList<>(attempts.keySet());
        prefixes.sort(Comparator.comparingInt(String::length).reversed()); // longest prefix wins
        for (Path p : entries) {
            String name = LmsFiles.name(p);
            if (TXT.matcher(name).matches() && attempts.containsKey(name.substring(0, name.length() - 4))) continue;
            Attempt owner = null;
            for (String pre : prefixes) {
                if (name.startsWith(pre + "_")) {
                    owner = attempts.get(pre);
                    break;
                }
            }
            if (owner == null) {
                Matcher m = LOOSE.matcher(name);
                if (!LmsFiles.isFile(p) || !m.matches()) {
                    s.warn(s.inputLabel() + ": " + name + ": ignored: not a Blackboard attempt file");
                    continue;
                }
                owner = new Attempt(m.group("prefix"), m.group("ts"));
                owner.user = m.group("user");
                owner.meta = new Meta(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
                s.warn(s.inputLabel() + ": " + name + ": no attempt .txt; user guessed from the file name: " + owner.user);
                attempts.put(owner.prefix, owner);
                prefixes.add(owner.prefix);
                prefixes.sort(Comparator.comparingInt(String::length).reversed());
            }
            owner.files.add(p);
        }

        Map<String, List<Attempt>> byUser = new LinkedHashMap<>();
        for (Attempt a : attempts.values()) byUser.computeIfAbsent(a.user, u -> new ArrayList<>()).add(a);
        for (Map.Entry<String, List<Attempt>> e : byUser.entrySet()) {
            List<Attempt> list = e.getValue();
            list.sort(Comparator.comparing(a -> a.ts));
            String user = e.getKey();
            for (int i = 0; i < list.size(); i++) {
                Attempt a = list.get(i);
                boolean latest = i == list.size() - 1;
                Path folder = latest || !s.options().latestAttemptOnly()
                        ? s.newFolder(ImportSession.SUBMISSIONS, latest ? user : user + "#" + (i + 1))
                        : s.newFolder(ImportSession.SUPERSEDED, user + "_" + a.ts);
                for (Path f : a.files) {
                    String name = LmsFiles.name(f);
                    String orig = a.meta.originalNames().getOrDefault(name, name.substring(a.prefix.length() + 1));
                    s.placeFile(f, folder, orig);
                }
                Optional<String> text = a.meta.submissionText();
                if (text.isPresent()) s.writeText(folder, "submission_text.html", text.get());
                Optional<Instant> at = parseTs(a.ts, s);
                if (latest || !s.options().latestAttemptOnly()) {
                    String id = latest ? user : user + "#" + (i + 1);
                    s.add(new Submission(id, a.meta.fullName().orElse(user), folder, new Submission.Identity(
                            "blackboard", Optional.of(user), Optional.of(user), Optional.empty(), false, at, i + 1)));
                } else {
                    s.supersede(new SupersededAttempt(user, i + 1, a.ts, folder, at));
                }
            }
        }
        return SubmissionFormat.BLACKBOARD;
    }

    private static Optional<Instant> parseTs(String ts, ImportSession s) {
        try {
            return Optional.of(LocalDateTime.parse(ts, TS).atZone(s.options().timeZone()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code <assignment>_<user>_attempt_<ts>}: with the assignment name known, the user may contain {@code _}. */
    static String userFromPrefix(String prefix, Optional<String> assignment) {
        String head = prefix.substring(0, prefix.lastIndexOf("_attempt_"));
        if (assignment.isPresent() && head.startsWith(assignment.get() + "_")
                && head.length() > assignment.get().length() + 1)
            return head.substring(assignment.get().length() + 1);
        int us = head.lastIndexOf('_');
        return us >= 0 ? head.substring(us + 1) : head;
    }

    /**
     * Tolerant reader: {@code Key: value} header lines in any order, then the blocks after the exact lines
     * {@code Submission Field:}, {@code Comments:} and {@code Files:} (the last {@code Files:} wins); file pairs are
     * {@code Original filename:} / {@code Filename:}.
     */
    static Meta parseMeta(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        String fullName = null;
        String user = null;
        String assignment = null;
        int fieldAt = -1;
        int commentsAt = -1;
        int filesAt = -1;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.equals("Submission Field:") && fieldAt < 0) fieldAt = i;
            else if (l.equals("Comments:") && commentsAt < 0) commentsAt = i;
            else if (l.equals("Files:")) filesAt = i;
            else if (fieldAt < 0 && l.startsWith("Name:")) {
                String v = l.substring(5).strip();
                int open = v.lastIndexOf('(');
                int close = v.lastIndexOf(')');
                if (open >= 0 && close > open) {
                    user = v.substring(open + 1, close).strip();
                    fullName = v.substring(0, open).strip();
                } else if (!v.isEmpty()) fullName = v;
            } else if (fieldAt < 0 && l.startsWith("Assignment:")) assignment = l.substring(11).strip();
        }
        String field = null;
        if (fieldAt >= 0) {
            int end = commentsAt > fieldAt ? commentsAt : filesAt > fieldAt ? filesAt : lines.length;
            field = String.join("\n", java.util.Arrays.asList(lines).subList(fieldAt + 1, end)).strip();
            if (field.isEmpty() || field.equals(NO_TEXT)) field = null;
        }
        Map<String, String> originals = new HashMap<>();
        if (filesAt >= 0) {
            String pendingOriginal = null;
            for (int i = filesAt + 1; i < lines.length; i++) {
                String l = lines[i].strip();
                if (l.startsWith("Original filename:")) pendingOriginal = l.substring(18).strip();
                else if (l.startsWith("Filename:")) {
                    String stored = l.substring(9).strip();
                    if (pendingOriginal != null && !pendingOriginal.isEmpty()) originals.put(stored, pendingOriginal);
                    pendingOriginal = null;
                }
            }
        }
        return new Meta(Optional.ofNullable(fullName).filter(v -> !v.isEmpty()),
                Optional.ofNullable(user).filter(v -> !v.isEmpty()), Optional.ofNullable(assignment),
                Optional.ofNullable(field), originals);
    }
}
