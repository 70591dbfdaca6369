package org.tcpladder.app.live;

import org.tcpladder.app.ladder.CaptureLadder;
import org.tcpladder.app.ladder.KernelSnapshot;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.app.ladder.SocketCall;
import org.tcpladder.capture.analysis.ConnectionAnalysis;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.demo.KernelView;
import org.tcpladder.capture.demo.SocketEvent;
import org.tcpladder.capture.state.Narration;

import java.util.ArrayList;
import java.util.List;

/**
 * A live session's connection as the ladder shows it: the captured segments analysed like a file's,
 * with the session's socket calls placed among them by their timestamps (the socket events and the
 * frames share one clock) and the kernel's own view of both sockets after each call.
 *
 * <p>Where a call goes: a call that makes segments (connect, write, shutdown, close) is drawn before
 * the first segment captured after it began; a call that waits for segments (accept, read) after the
 * last one captured before it returned. The kernel's states, read just after a call returned, belong
 * after every segment captured by then.
 */
public final class LiveLadder {
    private LiveLadder() {
    }

    /**
     * @param events every socket event of the session; those of this connection are picked by time
     *               (after the previous connection began, see {@link #eventsOf})
     */
    public static LadderData of(CaptureIndex index, Connection connection, List<SocketEvent> events,
                                Narration narration) {
        ConnectionAnalysis analysis = ConnectionAnalysis.of(connection, connection.endNs());
        int n = analysis.size();
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = analysis.segment(i).segment().timeNs();
        }
        List<SocketCall> calls = new ArrayList<>();
        List<KernelSnapshot> kernel = new ArrayList<>();
        for (SocketEvent e : events) {
            Side side = e.side();
            int position = switch (e.call()) {
                case ACCEPT, READ -> countAtOrBefore(times, e.endNs());
                default -> countBefore(times, e.startNs());
            };
            calls.add(new SocketCall(side, position, SocketCallLabels.of(e)));
            kernel.add(new KernelSnapshot(countAtOrBefore(times, e.endNs()), name(e.client()), name(e.server())));
        }
        calls.sort((a, b) -> Integer.compare(a.position(), b.position()));
        kernel.sort((a, b) -> Integer.compare(a.position(), b.position()));
        return CaptureLadder.of(index, analysis, narration, calls, kernel);
    }

    /**
     * The events that belong to connection {@code k} of {@code connections}: those that ended after it
     * began and before the next one began (the first connection also takes the ones before it, such as
     * the server's listen()).
     */
    public static List<SocketEvent> eventsOf(List<Connection> connections, int k, List<SocketEvent> events) {
        long from = k == 0 ? Long.MIN_VALUE : connections.get(k).startNs();
        long to = k + 1 < connections.size() ? connections.get(k + 1).startNs() : Long.MAX_VALUE;
        List<SocketEvent> out = new ArrayList<>();
        for (SocketEvent e : events) {
            if (e.endNs() >= from && e.endNs() < to) {
                out.add(e);
            }
        }
        return out;
    }

    private static String name(KernelView v) {
        return v == null || v.state() == null ? null : v.state().rfcName();
    }

    static int countBefore(long[] times, long t) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static int countAtOrBefore(long[] times, long t) {
        return t == Long.MAX_VALUE ? times.length : countBefore(times, t + 1);
    }
}
