package org.gradebench.ui.common;

import java.util.Objects;

/** A message banner: one short sentence and, for problems, the action that fixes it. */
public record UserMessage(Severity severity, String text, String action) {
    public enum Severity { INFO, SUCCESS, WARNING, ERROR }

    public UserMessage {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(action, "action");
    }

    public static UserMessage info(String text) {
        return new UserMessage(Severity.INFO, text, "");
    }

    public static UserMessage success(String text) {
        return new UserMessage(Severity.SUCCESS, text, "");
    }

    public static UserMessage warning(String text, String action) {
        return new UserMessage(Severity.WARNING, text, action);
    }

    public static UserMessage error(UserError e) {
        return new UserMessage(Severity.ERROR, e.problem(), e.action());
    }
}
