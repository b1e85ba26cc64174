package org.gradebench.ui.common;

import javafx.animation.AnimationTimer;

/**
 * Runs code once the window's first frame is on screen, so start-up work that the first frame does not need
 * (sandbox probes, toolchain versions) does not compete with it for the CPU.
 *
 * <p>A pulse renders asynchronously and the next pulse waits for that rendering before syncing its own state, so by
 * the third pulse after {@code show()} the first frame has been rendered and presented. The callback is therefore at
 * most one frame late, never early.</p>
 */
public final class FirstFrame {
    private FirstFrame() {
    }

    /** Call on the FX thread after {@code stage.show()}; {@code then} runs on the FX thread. */
    public static void after(Runnable then) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 3) return;
                stop();
                then.run();
            }
        }.start();
    }
}
