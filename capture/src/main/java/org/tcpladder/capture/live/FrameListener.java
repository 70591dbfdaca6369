package org.tcpladder.capture.live;

import org.tcpladder.capture.source.RawPacket;

/**
 * Receives each captured frame, in capture order (push style: a live capture has no end to pull
 * towards). The packet is the listener's to keep: it is never refilled, its buffer is its own copy of
 * the bytes kept, and they stay readable from the capture's {@link FrameStore} at {@code dataOffset}.
 * Called on the capture's delivery thread, never on the thread reading the kernel's buffer, so a slow
 * listener makes frames wait in the store, not the kernel drop them; a listener that throws does not
 * stop the capture (the error is kept, see {@link LiveCapture#listenerFailure()}).
 */
@FunctionalInterface
public interface FrameListener {
    void frame(RawPacket packet);
}
