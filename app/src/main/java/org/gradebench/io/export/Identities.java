package org.gradebench.io.export;

import org.gradebench.core.submission.Submission;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which identity field is each LMS's key. {@code Submission.Identity.lmsId} holds what the importer found: Moodle
 * participant id, Canvas user id or anonymous id, Blackboard username, GitHub login...
 */
public final class Identities {
    private Identities() {
    }

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** "1834521", "Participant 1834521", "Participant_1834521" (the worksheet Identifier or a blind folder label). */
    private static final Pattern PARTICIPANT = Pattern.compile("(?:\\p{L}[\\p{L}/ ]*[ _])?(\\d+)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TRAILING_DIGITS = Pattern.compile("(\\d+)\\s*$");
    private static final Pattern CANVAS_ANON = Pattern.compile("(?i)(anon_)?[1-9A-HJ-NP-Za-km-z]{5}");

    public static Optional<String> moodleParticipantId(Submission s) {
        Optional<String> fromLms = s.identity().lmsId().flatMap(Identities::participant);
        return fromLms.isPresent() ? fromLms : participant(s.id());
    }

    private static Optional<String> participant(String v) {
        Matcher m = PARTICIPANT.matcher(v.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The participant id at the end of a worksheet Identifier cell ("Participant 1834521", localized prefixes too). */
    static Optional<String> trailingDigits(String cell) {
        Matcher m = TRAILING_DIGITS.matcher(cell);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Optional<String> canvasUserId(Submission s) {
        if (canvasAnonymous(s)) return Optional.empty();
        Optional<String> lms = s.identity().lmsId().map(String::strip);
        if (lms.isPresent()) return DIGITS.matcher(lms.get()).matches() ? lms : Optional.empty();
        return DIGITS.matcher(s.id().strip()).matches() ? Optional.of(s.id().strip()) : Optional.empty();
    }

    /** The Canvas importer names anonymous submissions {@code anon_<5 base58>} and keeps the bare id as LMS id. */
    static boolean canvasAnonymous(Submission s) {
        String lms = s.identity().lmsId().orElse("").strip();
        return s.id().strip().toLowerCase(Locale.ROOT).startsWith("anon_") || lms.toLowerCase(Locale.ROOT).startsWith("anon_")
                || s.identity().source().equals("canvas") && CANVAS_ANON.matcher(lms).matches() && !DIGITS.matcher(lms).matches();
    }

    /**
     * Who the submission belongs to, for keeping one attempt per student: source plus the submission id without the
     * importers' {@code #<attempt>} suffix (the LMS id cannot be used: Brightspace's differs per submission).
     */
    static String studentKey(Submission s) {
        return s.identity().source() + "\u0000" + s.id().replaceFirst("#\\d+$", "");
    }

    /** Blackboard's key is the username: the LMS id of a Blackboard import, else the login. */
    static Optional<String> blackboardUsername(Submission s) {
        Submission.Identity i = s.identity();
        return i.source().equals("blackboard") ? i.lmsId().or(i::login) : i.login().or(i::lmsId);
    }

    /** The first non-blank of the options. */
    @SafeVarargs
    static Optional<String> first(Optional<String>... values) {
        for (Optional<String> v : values) {
            if (v.isPresent() && !v.get().isBlank()) return v;
        }
        return Optional.empty();
    }

    static List<MatchKey> defaultOrder() {
        return List.of(MatchKey.ID, MatchKey.LOGIN, MatchKey.EMAIL, MatchKey.NAME);
    }

    /** Splits a display name into (first, last) on the last space; "Zoë Ångström" -> ("Zoë", "Ångström"). */
    static String[] firstLast(String name) {
        String n = name.strip();
        if (n.contains(",")) {
            int c = n.indexOf(',');
            return new String[]{n.substring(c + 1).strip(), n.substring(0, c).strip()};
        }
        int sp = n.lastIndexOf(' ');
        return sp < 0 ? new String[]{"", n} : new String[]{n.substring(0, sp).strip(), n.substring(sp + 1)};
    }
}
