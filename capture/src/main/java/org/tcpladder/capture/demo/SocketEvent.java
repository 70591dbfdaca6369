package org.tcpladder.capture.demo;

import org.tcpladder.capture.tcp.Side;

/**
 * One socket call the demo made, on the same clock as the captured frames (wall-clock nanoseconds
 * since the epoch, as libpcap stamps packets), so that the ladder can place it among the segments: a
 * segment the call caused has a timestamp between {@code startNs} and shortly after {@code endNs}.
 *
 * @param side    who made the call
 * @param call    which call
 * @param detail  its arguments in words, e.g. {@code 11 bytes "hello, TCP!"}
 * @param result  what it returned, e.g. {@code ok}, {@code 11 bytes}, {@code end of stream},
 *                {@code connection refused (ECONNREFUSED)}
 * @param startNs just before the call
 * @param endNs   just after it returned
 * @param client  the kernel's view of the client's socket right after the call
 * @param server  the kernel's view of the server's socket right after the call
 * @param ok      false when the call failed (refused, reset)
 */
public record SocketEvent(Side side, SocketCall call, String detail, String result, long startNs, long endNs,
                          KernelView client, KernelView server, boolean ok) {

    /** {@code client: connect() → ok}, for logs and the command line. */
    @Override
    public String toString() {
        return side.label() + ": " + call.text() + (detail.isEmpty() ? "" : " " + detail) + " -> " + result
                + "  [client " + client.stateName() + ", server " + server.stateName() + "]";
    }
}
