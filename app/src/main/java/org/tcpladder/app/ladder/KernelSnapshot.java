package org.tcpladder.app.ladder;

import org.tcpladder.capture.tcp.Side;

/**
 * Each side's state as the operating system reported it at one moment of a live session (Linux's
 * TCP_INFO or /proc/net/tcp), shown beside the state the ladder infers from the segments so that a
 * class can check the inference against the kernel itself.
 *
 * @param position where on the timeline it was read: {@code k} means after segments {@code 0..k-1}
 *                 (every segment captured before the reading)
 * @param client   the client socket's state by its RFC 9293 name, or null when the kernel was not asked
 * @param server   the server socket's state, or null
 */
public record KernelSnapshot(int position, String client, String server) {
    public KernelSnapshot {
        if (position < 0) {
            throw new IllegalArgumentException("position " + position);
        }
    }

    public String stateOf(Side side) {
        return side == Side.CLIENT ? client : server;
    }
}
