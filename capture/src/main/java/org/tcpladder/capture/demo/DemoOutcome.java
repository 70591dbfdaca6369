package org.tcpladder.capture.demo;

import org.tcpladder.capture.live.CaptureStats;

/**
 * How a demo session ended.
 *
 * @param status      see {@link Status}
 * @param message     one line for the user
 * @param stats       the capture's counters
 * @param attempts    connections made (more than 1 only when a simultaneous close was retried)
 * @param finsCrossed for a simultaneous close: whether the FINs crossed in the last attempt; null for
 *                    other scenarios
 * @param clientPort  the client's port of the last connection (0 if none was made)
 * @param recording   null for a live session; for a recording played back, when and where it was made
 *                    (the other fields are then the recorded session's, except a stop during playback)
 */
public record DemoOutcome(Status status, String message, CaptureStats stats, int attempts, Boolean finsCrossed,
                          int clientPort, RecordingInfo recording) {

    /** A live session's outcome. */
    public DemoOutcome(Status status, String message, CaptureStats stats, int attempts, Boolean finsCrossed,
                       int clientPort) {
        this(status, message, stats, attempts, finsCrossed, clientPort, null);
    }

    /** Whether the session was played from a recording rather than captured now. */
    public boolean isRecording() {
        return recording != null;
    }

    public enum Status {
        /** Every step ran and the captured frames show the connection ended (FINs acknowledged, or RST). */
        COMPLETED,
        /** Every step ran, but the frames did not show the end within the end timeout. */
        NOT_ENDED,
        /** A socket call did not return within the call timeout; the sockets were aborted. */
        TIMED_OUT,
        /** Stopped by {@link DemoSession#stop()}. */
        STOPPED,
        /** Something unexpected went wrong (the message says what). */
        FAILED
    }
}
