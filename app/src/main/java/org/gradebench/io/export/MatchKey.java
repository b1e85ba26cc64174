package org.gradebench.io.export;

import java.util.Locale;

/** What links a Gradebench submission to a row of an LMS template, tried in the order the user gives. */
public enum MatchKey {
    /** The LMS identifier (Moodle participant id, Canvas user id, Blackboard username, ...). */
    ID,
    /** The login (Canvas SIS Login ID, Blackboard/Brightspace Username). */
    LOGIN,
    EMAIL,
    /** The display name, compared ignoring case, accents kept, punctuation and word order ignored; unique matches only. */
    NAME;

    public static MatchKey parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown match key '" + s + "' (id, login, email, name)");
        }
    }
}
