package org.tcpladder.capture.demo;

import org.tcpladder.capture.source.RawPacket;

/**
 * Follows a demo session as it happens. All methods are called on one thread of the session's own,
 * one at a time and in the order things happened to the session (a frame is reported when captured,
 * a socket call when it returns), so an implementation needs no locking, but must hand work for a UI
 * thread over (e.g. {@code Platform.runLater}) and return quickly. Every method has an empty default.
 */
public interface DemoListener {
    /** The capture is open and the server listens: traffic may start. Always the first call. */
    default void ready(DemoReady ready) {
    }

    /** A captured frame. Its bytes stay readable from {@link DemoSession#store()} at {@code dataOffset}. */
    default void frame(RawPacket packet) {
    }

    /** A socket call returned. */
    default void socketEvent(SocketEvent event) {
    }

    /** Step mode: the session waits for {@link DemoSession#proceed()} before doing {@code next}. */
    default void awaitingProceed(PendingStep next) {
    }

    /** Something worth telling the learner, e.g. that a simultaneous close is being retried. */
    default void note(String text) {
    }

    /** The session is over; always the last call. */
    default void finished(DemoOutcome outcome) {
    }
}
