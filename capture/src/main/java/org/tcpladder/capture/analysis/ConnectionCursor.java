package org.tcpladder.capture.analysis;

import java.util.NoSuchElementException;

import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * Walks the segments of an indexed connection in capture order, each with its final states, reading
 * ahead in the index only as far as the proof of a SYN's or FIN's arrival requires (usually one
 * segment; see {@link StreamingAnalysis}). Holds a few segments at a time, however long the connection,
 * so a reader can go through a whole capture file packet by packet.
 */
public final class ConnectionCursor {
    private final Connection connection;
    private final StreamingAnalysis analysis;
    private int fed;
    private int returned;

    public ConnectionCursor(Connection connection) {
        this.connection = connection;
        this.analysis = StreamingAnalysis.of(connection);
    }

    /**
     * The next segment with its states.
     *
     * @param current the same segment if the caller has already built it (saves building it again from
     *                the index), else null
     * @throws NoSuchElementException after the connection's last segment
     */
    public AnalysedSegment next(TcpSegment current) {
        int count = connection.segmentCount();
        if (returned >= count) {
            throw new NoSuchElementException("segment " + returned + " of " + connection + " with " + count);
        }
        if (fed == returned) {
            analysis.add(current != null ? current : connection.segment(fed));
            fed++;
        }
        AnalysedSegment a;
        while ((a = analysis.poll()) == null) {
            if (fed < count) {
                analysis.add(connection.segment(fed++));
            } else {
                analysis.finish();
            }
        }
        returned++;
        return a;
    }

    /** Whether every segment has been returned. */
    public boolean done() {
        return returned >= connection.segmentCount();
    }

    public Connection connection() {
        return connection;
    }

    public StreamingAnalysis analysis() {
        return analysis;
    }
}
