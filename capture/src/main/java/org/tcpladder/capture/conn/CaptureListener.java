package org.tcpladder.capture.conn;

/**
 * Told about what {@link CaptureIndex#append} adds, on the thread that appends (a live capture's
 * reader thread; hand work to the UI thread yourself). Keep the callbacks short.
 */
public interface CaptureListener {
    /** A connection was seen for the first time (its first segment follows at once). */
    default void connectionAdded(Connection connection) {
    }

    /** Segment {@code segmentIndex} of {@code connection} was added. */
    default void segmentAdded(Connection connection, int segmentIndex) {
    }

    /** A packet could not be decoded down to TCP. */
    default void malformedPacket(MalformedPacket packet) {
    }
}
