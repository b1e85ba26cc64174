package org.gradebench.ui.common;

/** Style-class names used by the views and app.css, in one place. */
public final class Styles {
    private Styles() {
    }

    public static final String TOOLBAR = "gb-toolbar";
    public static final String SIDEBAR = "gb-sidebar";
    public static final String SECTION_TITLE = "gb-section-title";
    public static final String STATUS_BAR = "gb-status-bar";
    public static final String SUMMARY_STRIP = "gb-summary";
    public static final String BANNER = "gb-banner";
    public static final String EMPTY_STATE = "gb-empty";
    public static final String CARD = "gb-card";
    public static final String CARD_TITLE = "gb-card-title";
    public static final String MUTED = "gb-muted";
    public static final String DETAIL_HEADER = "gb-detail-header";
    public static final String VERDICT_BADGE = "gb-verdict";
    public static final String DIFF_AREA = "gb-diff";
    public static final String DIFF_REMOVED = "diff-removed";
    public static final String DIFF_ADDED = "diff-added";
    public static final String DIFF_CHANGED = "diff-changed";
    public static final String DIFF_CHAR = "diff-char";
    public static final String DIFF_WS = "diff-ws";
    public static final String DIFF_ESCAPE = "diff-escape";
    public static final String DIFF_NOTE = "diff-note";
    public static final String READ_ONLY_BANNER = "gb-readonly";

    /** Style class of a verdict badge, e.g. {@code verdict-WA}. */
    public static String verdict(Enum<?> v) {
        return "verdict-" + v.name();
    }
}
