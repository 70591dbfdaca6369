package org.tcpladder.app.live;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands a burst of notifications from capture threads to the FX thread as one call: however many
 * {@link #request()}s arrive, the action runs once per FX turn, and at most once per
 * {@code minInterval} (a busy port must not flood the window with rebuilds). Every request is followed
 * by a run that sees its effect.
 */
final class FxCoalescer {
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable action;
    private final long minIntervalNs;
    private long lastRunNs = Long.MIN_VALUE / 2;
    private volatile boolean closed;

    FxCoalescer(Runnable action, Duration minInterval) {
        this.action = action;
        this.minIntervalNs = (long) (minInterval.toMillis() * 1_000_000L);
    }

    /** From any thread. */
    void request() {
        if (!closed && scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::onFx);
        }
    }

    /** No more runs after this (the session or watch is over and its window part gone). */
    void close() {
        closed = true;
    }

    private void onFx() {
        long wait = lastRunNs + minIntervalNs - System.nanoTime();
        if (wait > 0) {
            PauseTransition later = new PauseTransition(Duration.millis(wait / 1e6));
            later.setOnFinished(e -> run());
            later.play();
        } else {
            run();
        }
    }

    private void run() {
        // Cleared before running: a request arriving meanwhile schedules the next run.
        scheduled.set(false);
        if (closed) {
            return;
        }
        lastRunNs = System.nanoTime();
        action.run();
    }
}
