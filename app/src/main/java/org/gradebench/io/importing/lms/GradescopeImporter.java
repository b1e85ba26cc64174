package org.gradebench.io.importing.lms;

import org.gradebench.core.submission.Submission;
import org.gradebench.io.importing.ImportOptions;
import org.gradebench.io.importing.ImportSession;
import org.gradebench.io.importing.LayoutImporter;
import org.gradebench.io.importing.SubmissionFormat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gradescope "Export Submissions" (lms-exports.md §6.1): {@code submission_metadata.yml} plus one
 * {@code submission_<id>/} folder (or, unverified, {@code submission_<id>.<ext>} file) per submission.
 *
 * <p>The metadata is Ruby/Psych output with symbol keys, and is known not to be valid YAML in places (multi-line
 * autograder scalars, {@code ...} document markers), so it is read line by line for the few keys we need:
 * {@code submission_<id>:}, {@code :submitters:} items ({@code :name:}, {@code :sid:}, {@code :email:}) and
 * {@code :created_at:}. Everything else is ignored.
 *
 * <p>Submission id = the first submitter's SID (the submission id {@code submission_<id>} when there is none);
 * student = the submitters' names joined with ", "; {@code lmsId} = the Gradescope submission id.
 */
public final class GradescopeImporter implements LayoutImporter {

    static final String METADATA = "submission_metadata.yml";
    private static final Pattern ENTRY = Pattern.compile("^submission_(\\d+)(\\.[A-Za-z0-9]+)?$");

    @Override
    public SubmissionFormat format() {
        return SubmissionFormat.GRADESCOPE;
    }

    @Override
    public boolean matches(Path root, ImportOptions options) {
        return LmsFiles.isFile(root.resolve(METADATA));
    }

    record Submitter(String name, String sid, String email) {
    }

    record Meta(List<Submitter> submitters, Optional<Instant> createdAt) {
    }

    @Override
    public SubmissionFormat read(ImportSession s) throws IOException {
        Map<String, Meta> meta = parseMetadata(LmsFiles.readText(s.root().resolve(METADATA), 64L << 20));
        Set<String> seen = new HashSet<>();
        for (Path p : s.rootEntries()) {
            String name = LmsFiles.name(p);
            if (name.equals(METADATA)) continue;
            Matcher m = ENTRY.matcher(name);
            if (!m.matches() || (m.group(2) == null) != LmsFiles.isDir(p)) {
                s.warn(s.inputLabel() + ": " + name + ": ignored: not a Gradescope submission");
                continue;
            }
            String subId = m.group(1);
            seen.add(subId);
            Meta md = meta.get(subId);
            if (md == null) {
                s.warn(s.inputLabel() + ": " + name + ": not in " + METADATA + "; imported without a student name");
                md = new Meta(List.of(), Optional.empty());
            }
            Path folder;
            if (LmsFiles.isDir(p)) folder = p;
            else {
                folder = s.newFolder(ImportSession.SUBMISSIONS, "submission_" + subId);
                s.placeFile(p, folder, name);
            }
            Optional<Submitter> first = md.submitters().stream().findFirst();
            String id = first.map(Submitter::sid).filter(v -> !v.isEmpty()).orElse("submission_" + subId);
            String student = md.submitters().isEmpty() ? id
                    : md.submitters().stream().map(x -> x.name().isEmpty() ? x.sid() : x.name())
                    .collect(Collectors.joining(", "));
            s.add(new Submission(id, student, folder, new Submission.Identity("gradescope", Optional.of(subId),
                    Optional.empty(), first.map(Submitter::email).filter(v -> !v.isEmpty()), false, md.createdAt(), 1)));
        }
        for (String subId : meta.keySet())
            if (!seen.contains(subId))
                s.warn(s.inputLabel() + ": submission_" + subId + ": listed in " + METADATA + " but has no files");
        return SubmissionFormat.GRADESCOPE;
    }

    private static final Pattern TOP = Pattern.compile("^submission_(\\d+):\\s*$");
    private static final Pattern KEY = Pattern.compile("^(\\s*)(- )?:?([A-Za-z_]+):\\s?(.*)$");

    /** Line-based reader for the keys we need; see the class comment for why not a YAML parser. */
    static Map<String, Meta> parseMetadata(String text) {
        Map<String, List<Submitter>> subs = new LinkedHashMap<>();
        Map<String, Optional<Instant>> created = new LinkedHashMap<>();
        String current = null;
        int submittersIndent = -1;
        String[] cur = null; // name, sid, email of the submitter being read
        List<Submitter> list = null;
        for (String raw : text.replace("\r\n", "\n").split("\n")) {
            Matcher top = TOP.matcher(raw);
            if (top.matches()) {
                if (cur != null) list.add(new Submitter(cur[0], cur[1], cur[2]));
                cur = null;
                current = top.group(1);
                list = new ArrayList<>();
                subs.put(current, list);
                created.put(current, Optional.empty());
                submittersIndent = -1;
                continue;
            }
            if (current == null || raw.isBlank() || raw.startsWith("...") || raw.startsWith("---")) continue;
            if (!Character.isWhitespace(raw.charAt(0)) && !raw.startsWith("-")) { // another top-level key
                if (cur != null) list.add(new Submitter(cur[0], cur[1], cur[2]));
                cur = null;
                current = null;
                continue;
            }
            Matcher k = KEY.matcher(raw);
            if (!k.matches()) continue;
            int indent = k.group(1).length();
            boolean item = k.group(2) != null;
            String key = k.group(3);
            String value = unquote(k.group(4).strip());
            if (key.equals("submitters") && !item) {
                submittersIndent = indent;
                continue;
            }
            if (submittersIndent >= 0 && indent <= submittersIndent && !item) { // a sibling key ends the list
                if (cur != null) list.add(new Submitter(cur[0], cur[1], cur[2]));
                cur = null;
                submittersIndent = -1;
            }
            if (submittersIndent >= 0 && (key.equals("name") || key.equals("sid") || key.equals("email"))) {
                if (item) {
                    if (cur != null) list.add(new Submitter(cur[0], cur[1], cur[2]));
                    cur = new String[] {"", "", ""};
                }
                if (cur == null) cur = new String[] {"", "", ""};
                cur[key.equals("name") ? 0 : key.equals("sid") ? 1 : 2] = value;
            } else if (submittersIndent < 0 && key.equals("created_at")) {
                created.put(current, parseTime(value));
            }
        }
        if (cur != null) list.add(new Submitter(cur[0], cur[1], cur[2]));
        Map<String, Meta> out = new LinkedHashMap<>();
        for (var e : subs.entrySet()) out.put(e.getKey(), new Meta(List.copyOf(e.getValue()), created.get(e.getKey())));
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && ((v.startsWith("'") && v.endsWith("'")) || (v.startsWith("\"") && v.endsWith("\""))))
            return v.substring(1, v.length() - 1).replace("''", "'");
        return v;
    }

    /** {@code 2024-04-26 17:34:00.861687000 Z} (Ruby), also with {@code +00:00}/{@code -0700} offsets. */
    static Optional<Instant> parseTime(String v) {
        Matcher m = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)\\s*(Z|UTC|[+-]\\d{2}:?\\d{2})$")
                .matcher(v.strip());
        if (!m.matches()) return Optional.empty();
        String zone = m.group(3);
        if (zone.equals("UTC")) zone = "Z";
        if (zone.length() == 5) zone = zone.substring(0, 3) + ":" + zone.substring(3);
        try {
            return Optional.of(OffsetDateTime.parse(m.group(1) + "T" + m.group(2) + zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
