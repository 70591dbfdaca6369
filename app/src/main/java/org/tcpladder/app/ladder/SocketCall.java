package org.tcpladder.app.ladder;

import org.tcpladder.capture.tcp.Side;

/**
 * A socket API call made by one side (listen(), connect(), write(6), close()…), drawn beside that
 * side's lifeline between two segments.
 *
 * @param side     who called it
 * @param position where on the timeline: {@code k} is after segment {@code k-1} has arrived and
 *                 before segment {@code k} leaves; 0 is before the first segment
 * @param call     the call as the program made it, e.g. {@code connect()} or {@code write(6)}
 */
public record SocketCall(Side side, int position, String call) {
    public SocketCall {
        if (position < 0) {
            throw new IllegalArgumentException("position " + position);
        }
    }
}
