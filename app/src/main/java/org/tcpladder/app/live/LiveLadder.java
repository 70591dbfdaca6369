package org.tcpladder.app.live;

import org.tcpladder.app.ladder.CaptureLadder;
import org.tcpladder.app.ladder.KernelSnapshot;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.app.ladder.SocketCall;
import org.tcpladder.app.ladder.StateTimeline;
import org.tcpladder.capture.analysis.ConnectionAnalysis;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.demo.DemoReady;
import org.tcpladder.capture.demo.KernelView;
import org.tcpladder.capture.demo.SocketEvent;
import org.tcpladder.capture.state.Narration;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Endpoint;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
        Map<Side, Integer> halfClosedAt = new EnumMap<>(Side.class);
        for (SocketEvent e : events) {
            Side side = e.side();
            int position = switch (e.call()) {
                case ACCEPT, READ -> countAtOrBefore(times, e.endNs());
                default -> countBefore(times, e.startNs());
            };
            calls.add(new SocketCall(side, position, SocketCallLabels.of(e)));
            if (e.call() == org.tcpladder.capture.demo.SocketCall.SHUTDOWN_OUTPUT && e.ok()) {
                // The FIN it sends is a half-close, and the narration says so (RFC 9293 section 3.6).
                halfClosedAt.putIfAbsent(side, position);
            }
        }
        calls.sort((a, b) -> Integer.compare(a.position(), b.position()));
        LadderData ladder = CaptureLadder.of(index, analysis, narration, calls, List.of(), halfClosedAt);
        // The kernel's readings are compared with the states the window shows at each position, so they
        // are placed by the very timelines the playback reads.
        StateTimeline client = StateTimeline.of(ladder, Side.CLIENT);
        StateTimeline server = StateTimeline.of(ladder, Side.SERVER);
        List<KernelSnapshot> kernel = new ArrayList<>();
        for (int j = 0; j < events.size(); j++) {
            long nextCall = j + 1 < events.size() ? events.get(j + 1).startNs() : Long.MAX_VALUE;
            kernel.add(readAt(client, server, times, events.get(j), nextCall));
        }
        kernel.sort((a, b) -> Integer.compare(a.position(), b.position()));
        return new LadderData(ladder.client(), ladder.server(), ladder.clientInitialState(),
                ladder.serverInitialState(), ladder.segments(), ladder.socketCalls(), ladder.payloads(), kernel);
    }

    /**
     * A session's ladder before its first segment: no arrows yet, the two lifelines in the states the
     * calls so far left them in (RFC 9293 section 3.3.2: CLOSED until a socket opens; a server that has
     * called listen() is in LISTEN), those calls beside them and the kernel's view after each. The
     * client's port is not chosen until connect(), so its endpoint has port 0 (the header then names
     * the address alone).
     */
    public static LadderData beforeFirstSegment(DemoReady ready, List<SocketEvent> events) {
        byte[] address = ready.ipVersion().loopback().getAddress();
        List<SocketCall> calls = new ArrayList<>();
        List<KernelSnapshot> kernel = new ArrayList<>();
        boolean listening = false;
        for (SocketEvent e : events) {
            calls.add(new SocketCall(e.side(), 0, SocketCallLabels.of(e)));
            kernel.add(new KernelSnapshot(0, name(e.client()), name(e.server())));
            listening |= e.call() == org.tcpladder.capture.demo.SocketCall.LISTEN && e.ok();
        }
        return new LadderData(new Endpoint(address, 0), new Endpoint(address, ready.serverPort()),
                TcpState.CLOSED, listening ? TcpState.LISTEN : TcpState.CLOSED,
                List.of(), calls, null, kernel);
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

    /**
     * Where on the timeline the kernel's view after call {@code e} was read. The demo asks the kernel
     * once the call has returned and before it makes the next one, so the reading falls after every
     * segment captured by the call's end and before the first one captured after the next call began;
     * a segment can arrive in between (the peer's delayed ACK of a FIN, while /proc/net/tcp is read for
     * a closed socket), and then the reading describes the moment after it. So the reading is placed at
     * the first position of that span where it matches the inferred states, and only when none does
     * at the span's start, where the "≠" it then shows is a real disagreement.
     */
    static KernelSnapshot readAt(StateTimeline clientStates, StateTimeline serverStates, long[] times, SocketEvent e,
                                 long nextCallNs) {
        String client = name(e.client());
        String server = name(e.server());
        int from = countAtOrBefore(times, e.endNs());
        int to = Math.max(from, nextCallNs == Long.MAX_VALUE ? times.length : countBefore(times, nextCallNs));
        for (int p = from; p <= to; p++) {
            if (agrees(client, clientStates.at(p).state()) && agrees(server, serverStates.at(p).state())) {
                return new KernelSnapshot(p, client, server);
            }
        }
        return new KernelSnapshot(from, client, server);
    }

    private static boolean agrees(String kernel, TcpState inferred) {
        return kernel == null || (inferred != null && kernel.equals(inferred.displayName()));
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
