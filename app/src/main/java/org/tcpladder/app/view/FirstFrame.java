package org.tcpladder.app.view;

import javafx.animation.AnimationTimer;

/** When a window just shown is on screen: its first frame is drawn in one pulse and shown by the next. */
public final class FirstFrame {
    private FirstFrame() {
    }

    /** Runs {@code action} on the FX thread in the second pulse from now. From the FX thread, after show(). */
    public static void then(Runnable action) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }
}
