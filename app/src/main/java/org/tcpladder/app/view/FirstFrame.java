package org.tcpladder.app.view;

import javafx.animation.AnimationTimer;

/**
 * When a window just shown is on screen. Its first frame is made in one pulse and rendered on the
 * render thread, which the next pulse waits for (only at its end, when it hands over its own frame):
 * so the first frame is on screen once that second pulse is over, at the start of the third.
 */
public final class FirstFrame {
    private FirstFrame() {
    }

    /** Runs {@code action} on the FX thread in the third pulse from now. From the FX thread, after show(). */
    public static void then(Runnable action) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 3) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }
}
