package org.gradebench.ui.common;

import java.util.logging.Logger;

/**
 * JavaFX logs through java.util.logging (its "javafx" logger); everything of ours goes through SLF4J. This is the one
 * place allowed to touch JUL (ArchitectureTest), to configure JavaFX's own logger.
 */
public final class JavaFxLog {
    /** Held strongly: java.util.logging keeps loggers only weakly, and a collected logger would lose its filter. */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    private JavaFxLog() {
    }

    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" at every start when it
     * is on the classpath. That is deliberate here (ControlsFX and RichTextFX need JavaFX internals that the module
     * path would close), so that one message is filtered out; every other JavaFX warning still shows.
     */
    public static void quietClasspathWarning() {
        JAVAFX.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }
}
