package org.tcpladder.capture.demo;

import java.time.Duration;

import org.tcpladder.capture.source.ByteStore;

/**
 * A running demo session: real sockets on loopback, captured live, started by
 * {@link DemoSessions#start}; or a recording of one played back by {@link RecordedSessions#play}, which
 * says so in {@link DemoReady#recording()}. Either reports to its {@link DemoListener}.
 */
public interface DemoSession extends AutoCloseable {
    /** Route, port, capture parameters. */
    DemoReady ready();

    /** Step mode: lets the session make its next step. Ignored when nothing waits. */
    void proceed();

    /** Leaves step mode and plays the rest through (with the run-mode pause between steps). */
    void runToEnd();

    /**
     * Ends the session now: sockets are aborted, the capture stopped, the outcome is
     * {@link DemoOutcome.Status#STOPPED} (unless it had already ended). Returns promptly.
     */
    void stop();

    /** Waits for the end; null if it has not ended within {@code timeout}. */
    DemoOutcome awaitOutcome(Duration timeout) throws InterruptedException;

    /** The captured frames' bytes, for reading payloads back; valid until {@link #close()}. */
    ByteStore store();

    /** Stops if needed and releases everything, including the stored frames. */
    @Override
    void close();
}
