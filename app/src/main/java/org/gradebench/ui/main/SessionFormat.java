package org.gradebench.ui.main;

import org.gradebench.core.history.SessionSummary;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How sessions are named on screen: "Nov 21 14:02 - bwrap - 15 submissions, 12 AC". */
public final class SessionFormat {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH);

    private SessionFormat() {
    }

    public static String when(Instant t) {
        return WHEN.format(t.atZone(ZoneId.systemDefault()));
    }

    public static String line(SessionSummary s) {
        String state = switch (s.state()) {
            case COMPLETED -> "";
            case CANCELLED -> " - cancelled";
            case RUNNING -> " - unfinished";
            case FAILED -> " - failed";
        };
        return "#" + s.id() + "  " + when(s.info().started()) + "  " + s.info().backend() + state;
    }

    public static String detail(SessionSummary s) {
        return s.submissions() + " submissions, " + s.accepted() + " accepted, " + s.results() + " runs";
    }
}
