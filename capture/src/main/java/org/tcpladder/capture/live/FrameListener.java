package org.tcpladder.capture.live;

import org.tcpladder.capture.source.RawPacket;

/**
 * Receives each captured frame as it arrives (push style: a live capture has no end to pull towards).
 * The packet is the listener's to keep: it is never refilled, and its bytes stay readable from the
 * capture's {@link FrameStore} at {@code dataOffset}. Called on the capture thread, so it must return
 * quickly; a listener that throws does not stop the capture (the error is kept, see
 * {@link LiveCapture#listenerFailure()}).
 */
@FunctionalInterface
public interface FrameListener {
    void frame(RawPacket packet);
}
