package org.tcpladder.app.view;

import javafx.application.Platform;
import org.tcpladder.app.Messages;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.load.ConnectionEntry;
import org.tcpladder.app.viewmodel.PlaybackViewModel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Puts the selected connection's ladder on screen. A small connection's ladder is built at once; a
 * large one's (the state inference takes about 7 µs a segment) on a background thread while the
 * window stays live, and only the newest request is built when several pile up.
 *
 * <p>A newer version of the connection already shown (a live one that grew) replaces it without
 * moving the playhead, and a live ladder follows its newest segment while the playhead is at its end.
 */
final class SelectedLadder {
    /** Connections with more segments than this are analysed off the FX thread. */
    static final int BACKGROUND_ABOVE = 5_000;

    private final Messages text;
    private final PlaybackViewModel playback;
    private final Consumer<String> status;
    private final BooleanSupplier live;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ladder-builder");
        t.setDaemon(true);
        return t;
    });
    private ConnectionEntry shown;
    private long generation;
    private boolean building;
    private Runnable queued;

    /**
     * @param status receives a line for the status bar while a large connection is analysed
     * @param live   whether the list belongs to a live session or watch (its ladders follow new segments)
     */
    SelectedLadder(Messages text, PlaybackViewModel playback, Consumer<String> status, BooleanSupplier live) {
        this.text = text;
        this.playback = playback;
        this.status = status;
        this.live = live;
    }

    void show(ConnectionEntry e) {
        long gen = ++generation;
        if (e == null) {
            shown = null;
            playback.load(null);
            return;
        }
        boolean same = shown != null && shown.key().equals(e.key());
        if (same && shown.ladder() == e.ladder()) {
            // Only the list's figures changed (an anomaly count arrived): the ladder is the same.
            shown = e;
            return;
        }
        shown = e;
        boolean fresh = !same;
        if (e.segmentCount() <= BACKGROUND_ABOVE) {
            apply(e.ladder().get(), fresh);
            return;
        }
        if (fresh) {
            playback.load(null);
        }
        status.accept(text.format("status.analysing", e.client(), e.server(), e.segmentCount()));
        queued = () -> build(e, gen, fresh);
        if (!building) {
            runQueued();
        }
    }

    private void runQueued() {
        Runnable next = queued;
        queued = null;
        if (next != null) {
            building = true;
            worker.execute(next);
        }
    }

    /** On the worker thread. */
    private void build(ConnectionEntry e, long gen, boolean fresh) {
        long start = System.nanoTime();
        LadderData data = null;
        RuntimeException failure = null;
        try {
            data = e.ladder().get();
        } catch (RuntimeException ex) {
            failure = ex;
        }
        LadderData built = data;
        RuntimeException failed = failure;
        double seconds = (System.nanoTime() - start) / 1e9;
        Platform.runLater(() -> {
            building = false;
            if (gen == generation) {
                if (failed != null) {
                    status.accept(text.format("status.analysisFailed", String.valueOf(failed.getMessage())));
                } else {
                    apply(built, fresh);
                    status.accept(text.format("status.analysed", e.segmentCount(),
                            String.format(java.util.Locale.ROOT, "%.1f", seconds)));
                }
            }
            runQueued();
        });
    }

    private void apply(LadderData data, boolean fresh) {
        if (fresh) {
            playback.load(data);
            if (live.getAsBoolean()) {
                playback.follow();
            }
            return;
        }
        boolean atEnd = playback.isPlaying() || playback.animatingProperty().get()
                || playback.getPosition() >= playback.getLength();
        playback.update(data);
        if (live.getAsBoolean() && atEnd) {
            playback.follow();
        }
    }

    /** The connection whose ladder is (being) shown. */
    ConnectionEntry shown() {
        return shown;
    }
}
