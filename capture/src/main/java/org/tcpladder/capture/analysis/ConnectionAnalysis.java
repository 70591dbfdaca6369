package org.tcpladder.capture.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.state.SegmentAnalysis;
import org.tcpladder.capture.state.StateInference;
import org.tcpladder.capture.state.StateTransition;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * One connection of a capture with each side's TCP state after every segment, the transitions, the
 * anomalies and the narration: what the command line prints and the ladder draws.
 *
 * <p>{@link StateInference} learns that a SYN or FIN arrived only from the receiver's next segment, so
 * its per-segment results lag by a segment for those arrivals. The transitions it records carry the
 * segment that really caused them, so the states here are replayed from the transitions: the state
 * "after segment i" includes every change caused by segment i, as the kernel would show it at that
 * moment. An arrival that crossed the receiver's own SYN or FIN takes effect after the crossing segment.
 *
 * <p>Built once for a finished capture; a live capture rebuilds it as segments arrive (cheap: about
 * 2 µs per segment).
 */
public final class ConnectionAnalysis {
    private static final TcpState[] STATES = TcpState.values();

    private final Connection connection;
    private final StateInference inference;
    private final List<SegmentAnalysis> segments;
    private final byte[] clientAfter;
    private final byte[] serverAfter;
    private final TcpState clientInitial;
    private final TcpState serverInitial;
    private final TcpState clientFinal;
    private final TcpState serverFinal;

    private ConnectionAnalysis(Connection connection, long captureEndNs) {
        this.connection = connection;
        int n = connection.segmentCount();
        this.inference = new StateInference(connection.client(), connection.server(), connection.midStream());
        this.segments = new ArrayList<>(n);
        long[] packet = new long[n];
        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            TcpSegment s = connection.segment(i);
            packet[i] = s.index();
            time[i] = s.timeNs();
            segments.add(inference.observe(s));
        }
        List<StateTransition> all = inference.transitions();
        this.clientInitial = initial(all, Side.CLIENT, inference.clientState());
        this.serverInitial = initial(all, Side.SERVER, inference.serverState());
        this.clientAfter = replay(all, Side.CLIENT, clientInitial, packet, time);
        this.serverAfter = replay(all, Side.SERVER, serverInitial, packet, time);
        StateInference.SideStates end = inference.statesAt(Math.max(captureEndNs, n == 0 ? 0 : time[n - 1]));
        this.clientFinal = end.client();
        this.serverFinal = end.server();
    }

    /**
     * Analyses a whole connection.
     *
     * @param captureEndNs the time of the capture's last packet: a TIME-WAIT that is over by then ends
     *                     in CLOSED (RFC 9293 section 3.10.8, 2 MSL)
     */
    public static ConnectionAnalysis of(Connection connection, long captureEndNs) {
        return new ConnectionAnalysis(connection, captureEndNs);
    }

    public Connection connection() {
        return connection;
    }

    public int size() {
        return segments.size();
    }

    /** The inference's own result for segment {@code i}: anomalies, narration, scaled window. */
    public SegmentAnalysis segment(int i) {
        return segments.get(i);
    }

    /** The state of {@code side} right after segment {@code i} was sent and arrived. */
    public TcpState stateAfter(Side side, int i) {
        return STATES[(side == Side.CLIENT ? clientAfter : serverAfter)[i]];
    }

    /** The state of {@code side} before the first segment. */
    public TcpState initialState(Side side) {
        return side == Side.CLIENT ? clientInitial : serverInitial;
    }

    /** The state of {@code side} at the end of the capture (TIME-WAIT expired if 2 MSL passed). */
    public TcpState finalState(Side side) {
        return side == Side.CLIENT ? clientFinal : serverFinal;
    }

    /** Whether the states are assumed (the capture began mid-stream) rather than observed. */
    public boolean assumed() {
        return inference.assumed();
    }

    /** Every state change, in the order they were recorded. */
    public List<StateTransition> transitions() {
        return inference.transitions();
    }

    /** The state changes that take effect with segment {@code i} (its sending, or an arrival it shows). */
    public List<StateTransition> transitionsAt(int i) {
        long p = segments.get(i).segment().index();
        List<StateTransition> out = new ArrayList<>(2);
        for (StateTransition t : inference.transitions()) {
            if (t.segmentIndex() >= 0 && effectivePacket(t) == p) {
                out.add(t);
            }
        }
        return out;
    }

    /** The inference itself, e.g. for the TIME-WAIT countdown ({@link StateInference#timeWaitLeftNs}). */
    public StateInference inference() {
        return inference;
    }

    private static long effectivePacket(StateTransition t) {
        return t.crossedSegmentIndex() >= 0 ? Math.max(t.segmentIndex(), t.crossedSegmentIndex()) : t.segmentIndex();
    }

    private static TcpState initial(List<StateTransition> all, Side side, TcpState current) {
        for (StateTransition t : all) {
            if (t.side() == side) {
                return t.from();
            }
        }
        return current;
    }

    /**
     * Replays one side's transitions onto the segments. A transition caused by a segment takes effect at
     * that segment (or after the segment it crossed); a timer's at the first segment captured at or after
     * it fired.
     */
    private static byte[] replay(List<StateTransition> all, Side side, TcpState initial, long[] packet, long[] time) {
        int n = packet.length;
        List<long[]> changes = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            StateTransition t = all.get(k);
            if (t.side() != side) {
                continue;
            }
            int at;
            if (t.segmentIndex() >= 0) {
                long p = effectivePacket(t);
                int pos = Arrays.binarySearch(packet, p);
                at = pos >= 0 ? pos : -pos - 1;
            } else {
                int pos = firstAtOrAfter(time, t.timeNs());
                at = pos;
            }
            changes.add(new long[] {at, k, t.to().ordinal()});
        }
        changes.sort(Comparator.<long[]>comparingLong(c -> c[0]).thenComparingLong(c -> c[1]));
        byte[] out = new byte[n];
        byte state = (byte) initial.ordinal();
        int next = 0;
        for (int i = 0; i < n; i++) {
            while (next < changes.size() && changes.get(next)[0] <= i) {
                state = (byte) changes.get(next)[2];
                next++;
            }
            out[i] = state;
        }
        return out;
    }

    private static int firstAtOrAfter(long[] time, long t) {
        int lo = 0;
        int hi = time.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
