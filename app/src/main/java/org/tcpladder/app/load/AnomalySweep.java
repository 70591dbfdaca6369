package org.tcpladder.app.load;

import org.tcpladder.capture.analysis.ConnectionAnalysis;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.tcp.Side;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Counts each listed connection's anomalies and finds both sides' final states after the list is shown
 * (the table's anomaly and state columns): the state inference takes about
 * 7 µs a segment, seconds for a large capture, and the list should not wait for it. Small connections
 * go first so that most of the list fills in at once; the counts are handed over in batches.
 *
 * <p>Runs on a background thread; {@link #cancel()} stops it between two connections (a new file).
 */
public final class AnomalySweep implements Runnable {
    /** Hand over what has been counted at least this often. */
    static final long BATCH_NS = 150_000_000L;

    private final List<ConnectionEntry> entries;
    private final long captureEndNs;
    private final Consumer<List<ConnectionEntry>> publish;
    private volatile boolean cancelled;

    /**
     * @param publish receives entries with their counts filled in, a batch at a time (on the sweep's
     *                thread: hand them to the UI thread yourself)
     */
    public AnomalySweep(List<ConnectionEntry> entries, long captureEndNs, Consumer<List<ConnectionEntry>> publish) {
        this.entries = List.copyOf(entries);
        this.captureEndNs = captureEndNs;
        this.publish = publish;
    }

    /** The segments of a connection that carry at least one anomaly. */
    public static int count(ConnectionAnalysis analysis) {
        int n = 0;
        for (int i = 0; i < analysis.size(); i++) {
            if (!analysis.segment(i).anomalies().isEmpty()) {
                n++;
            }
        }
        return n;
    }

    public void cancel() {
        cancelled = true;
    }

    @Override
    public void run() {
        List<ConnectionEntry> order = new ArrayList<>(entries);
        order.sort(Comparator.comparingInt(ConnectionEntry::segmentCount));
        List<ConnectionEntry> batch = new ArrayList<>();
        long last = System.nanoTime();
        for (ConnectionEntry e : order) {
            if (cancelled) {
                return;
            }
            if (!(e.key() instanceof Connection c) || e.anomalies() != ConnectionEntry.NOT_COUNTED) {
                continue;
            }
            try {
                ConnectionAnalysis analysis = ConnectionAnalysis.of(c, captureEndNs);
                batch.add(e.withAnalysis(count(analysis), analysis.finalState(Side.CLIENT),
                        analysis.finalState(Side.SERVER)));
            } catch (RuntimeException ex) {
                // The capture was closed under us (another file opened): nothing more to count.
                return;
            }
            if (System.nanoTime() - last >= BATCH_NS) {
                publish.accept(List.copyOf(batch));
                batch.clear();
                last = System.nanoTime();
            }
        }
        if (!batch.isEmpty() && !cancelled) {
            publish.accept(List.copyOf(batch));
        }
    }
}
