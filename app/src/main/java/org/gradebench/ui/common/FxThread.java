package org.gradebench.ui.common;

import javafx.application.Platform;

import java.util.concurrent.Executor;

/**
 * The UI thread as an {@link Executor}: the only place in Gradebench that calls {@link Platform#runLater}.
 * ViewModels receive it as a plain {@code Executor}, so tests can pass {@code Runnable::run} instead.
 */
public final class FxThread implements Executor {

    @Override
    public void execute(Runnable task) {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
        }
    }

    /** Always queues, even on the FX thread: for work that must run after the current event is handled. */
    public void later(Runnable task) {
        Platform.runLater(task);
    }
}
