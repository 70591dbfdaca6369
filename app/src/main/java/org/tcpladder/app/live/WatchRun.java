package org.tcpladder.app.live;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;
import org.tcpladder.app.ladder.CaptureLadder;
import org.tcpladder.app.load.ConnectionEntry;
import org.tcpladder.capture.analysis.ConnectionAnalysis;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.live.CaptureStats;
import org.tcpladder.capture.live.LiveCaptureOptions;
import org.tcpladder.capture.live.PortWatch;
import org.tcpladder.capture.live.WatchFigures;
import org.tcpladder.capture.state.Narration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Watching one port on the loopback interface: every connection to or from it appears in the list as
 * it is captured, and grows while it lasts. Each connection's ladder is built when it is shown. The
 * list is refreshed at most {@link #REFRESH} apart, so a busy port cannot flood the window. Its
 * {@link #figuresProperty() figures} (frames, every drop, the memory budget, the spill file) follow at the
 * same pace and at least every {@link #CHECK} while the watch runs, and a capture that ends by itself
 * (its disk full, libpcap failing) stops the watch with the reason in them. Read the properties on the
 * FX thread only.
 */
public final class WatchRun {
    static final Duration REFRESH = Duration.millis(200);
    static final long CHECK = 500;

    private final int port;
    private final int snaplen;
    private final Narration narration;
    private final FrameBuffer frames = new FrameBuffer();
    private final FxCoalescer pump = new FxCoalescer(this::refresh, REFRESH);
    private final ReadOnlyObjectWrapper<List<ConnectionEntry>> changed =
            new ReadOnlyObjectWrapper<>(this, "changed", List.of());
    private final ReadOnlyLongWrapper segments = new ReadOnlyLongWrapper(this, "segments");
    private final ReadOnlyObjectWrapper<Exception> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", true);
    private final ReadOnlyBooleanWrapper capturing = new ReadOnlyBooleanWrapper(this, "capturing");
    private final ReadOnlyObjectWrapper<CaptureStats> stopped = new ReadOnlyObjectWrapper<>(this, "stopped");
    private final ReadOnlyObjectWrapper<WatchFigures> figures = new ReadOnlyObjectWrapper<>(this, "figures");
    private final Map<Connection, Integer> shownCounts = new HashMap<>();
    private volatile PortWatch watch;
    private boolean stopRequested;

    private WatchRun(int port, int snaplen, Narration narration) {
        this.port = port;
        this.snaplen = snaplen;
        this.narration = narration;
    }

    /** Starts watching in the background; failures arrive in {@link #failureProperty()}. From the FX thread. */
    public static WatchRun start(int port, PortWatchStarter starter, Narration narration) {
        return start(port, LiveCaptureOptions.WATCH_SNAPLEN, starter, narration);
    }

    /** As {@link #start(int, PortWatchStarter, Narration)}, keeping {@code snaplen} bytes of each frame (0: all). */
    public static WatchRun start(int port, int snaplen, PortWatchStarter starter, Narration narration) {
        WatchRun run = new WatchRun(port, snaplen, narration);
        Thread t = new Thread(() -> run.open(starter), "watch-start");
        t.setDaemon(true);
        t.start();
        return run;
    }

    private void open(PortWatchStarter starter) {
        PortWatch w;
        try {
            w = starter.start(port, snaplen, p -> {
                frames.frame(p);
                pump.request();
            });
        } catch (Exception e) {
            Platform.runLater(() -> {
                failure.set(e);
                running.set(false);
            });
            return;
        }
        watch = w;
        frames.attach(() -> new CaptureIndex(w.capture().store(), w.capture().precision()));
        boolean stop;
        synchronized (this) {
            stop = stopRequested;
        }
        if (stop) {
            stopInBackground(w);
        } else {
            Platform.runLater(() -> capturing.set(running.get()));
            Thread check = new Thread(() -> checkWhileRunning(w), "watch-check");
            check.setDaemon(true);
            check.start();
        }
        pump.request();
    }

    /** Keeps the figures fresh when no frame comes, and stops a watch whose capture ended by itself. */
    private void checkWhileRunning(PortWatch w) {
        while (true) {
            try {
                Thread.sleep(CHECK);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (stopRequested) {
                    return;
                }
            }
            if (w.capture().endReason() != null) {
                stop();
                return;
            }
            pump.request();
        }
    }

    /** On the FX thread: entries for the connections that are new or have grown. */
    private void refresh() {
        CaptureIndex index = frames.index();
        if (index == null) {
            return;
        }
        List<ConnectionEntry> out = new ArrayList<>();
        long total = 0;
        for (Connection c : List.copyOf(index.connections())) {
            int n = c.segmentCount();
            total += n;
            Integer before = shownCounts.get(c);
            if (before != null && before == n) {
                continue;
            }
            shownCounts.put(c, n);
            out.add(ConnectionEntry.of(c, ConnectionEntry.NOT_COUNTED,
                    () -> CaptureLadder.of(index, ConnectionAnalysis.of(c, c.endNs()), narration)));
        }
        segments.set(total);
        PortWatch w = watch;
        if (w != null && stopped.get() == null) {
            figures.set(WatchFigures.of(w.capture()));
        }
        if (!out.isEmpty()) {
            changed.set(List.copyOf(out));
        }
    }

    /** Stops watching (promptly, even if nothing ever came); what was captured stays listed. */
    public void stop() {
        PortWatch w;
        synchronized (this) {
            if (stopRequested) {
                return;
            }
            stopRequested = true;
            w = watch;
        }
        if (w != null) {
            stopInBackground(w);
        }
    }

    private void stopInBackground(PortWatch w) {
        Thread t = new Thread(() -> {
            CaptureStats stats = w.stop();
            WatchFigures last = WatchFigures.of(w.capture());
            pump.request();
            Platform.runLater(() -> {
                figures.set(last);
                stopped.set(stats);
                running.set(false);
                capturing.set(false);
            });
        }, "watch-stop");
        t.setDaemon(true);
        t.start();
    }

    /** Stops and releases the capture: when the window moves on to something else. */
    public void close() {
        stop();
        pump.close();
        PortWatch w = watch;
        if (w != null) {
            Thread t = new Thread(w::close, "watch-close");
            t.setDaemon(true);
            t.start();
        }
    }

    public int port() {
        return port;
    }

    /** The connections that appeared or grew since the previous change (newer entries replace older). */
    public ReadOnlyObjectProperty<List<ConnectionEntry>> changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** Segments captured so far, all connections together. */
    public ReadOnlyLongProperty segmentsProperty() {
        return segments.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Exception> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True from the moment frames are being captured until the watch stops. */
    public ReadOnlyBooleanProperty capturingProperty() {
        return capturing.getReadOnlyProperty();
    }

    /**
     * Frames, drops, memory and spill file so far (null until the capture is open); the last ones once it
     * has stopped, set before {@link #stoppedProperty()}.
     */
    public ReadOnlyObjectProperty<WatchFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** The capture's counters once it has stopped, else null. */
    public ReadOnlyObjectProperty<CaptureStats> stoppedProperty() {
        return stopped.getReadOnlyProperty();
    }
}
