package org.tcpladder.capture.analysis;

import java.util.ArrayList;
import java.util.List;

import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.state.FlightTimeline;
import org.tcpladder.capture.state.SegmentAnalysis;
import org.tcpladder.capture.state.StateInference;
import org.tcpladder.capture.state.StateTransition;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Side;

/**
 * One connection of a capture with each side's TCP state after every segment, the transitions, the
 * anomalies and the narration: what the command line prints and the ladder draws.
 *
 * <p>{@link StateInference} learns that a SYN or FIN arrived only from the receiver's next segment, so
 * its per-segment results lag by a segment for those arrivals. The transitions it records carry the
 * segment that really caused them, so the states here are replayed from the transitions (by
 * {@link StreamingAnalysis}): the state "after segment i" includes every change caused by segment i,
 * as the kernel would show it at that moment. An arrival that crossed the receiver's own SYN or FIN
 * takes effect after the crossing segment.
 *
 * <p>Each segment is also a flight ({@link #timeline()}): its departure, its arrival or its loss, and
 * each side's events in that side's own order; {@link #transitionsAt(int, Side)} gives the changes one
 * side went through at this segment's event there (its departure at the sender, its arrival at the
 * receiver), so a side's changes read in the order it went through them even where segments cross.
 *
 * <p>Built once for a finished capture; a live capture rebuilds it as segments arrive (cheap: a few
 * µs per segment), or follows the connection with a {@link StreamingAnalysis}.
 */
public final class ConnectionAnalysis {
    private static final TcpState[] STATES = TcpState.values();

    private final Connection connection;
    private final StateInference inference;
    private final List<SegmentAnalysis> segments;
    private final List<List<StateTransition>> transitionsAt;
    private final byte[] clientAfter;
    private final byte[] serverAfter;
    private final TcpState clientInitial;
    private final TcpState serverInitial;
    private final TcpState clientFinal;
    private final TcpState serverFinal;
    private final ConnectionFlights.Builder flightsBuilder;
    private final ConnectionFlights flights;

    private ConnectionAnalysis(Connection connection, long captureEndNs) {
        this.connection = connection;
        int n = connection.segmentCount();
        this.flightsBuilder = new ConnectionFlights.Builder(n);
        StreamingAnalysis stream = StreamingAnalysis.of(connection);
        this.inference = stream.inference();
        this.segments = new ArrayList<>(n);
        this.transitionsAt = new ArrayList<>(n);
        this.clientAfter = new byte[n];
        this.serverAfter = new byte[n];
        long lastTime = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            stream.add(connection.segment(i));
            drain(stream);
        }
        stream.finish();
        drain(stream);
        this.flights = flightsBuilder.finish(inference.transitions());
        if (n > 0) {
            lastTime = segments.get(n - 1).segment().timeNs();
        }
        this.clientInitial = initial(Side.CLIENT);
        this.serverInitial = initial(Side.SERVER);
        StateInference.SideStates end = inference.statesAt(Math.max(captureEndNs, n == 0 ? 0 : lastTime));
        this.clientFinal = end.client();
        this.serverFinal = end.server();
    }

    private void drain(StreamingAnalysis stream) {
        for (AnalysedSegment a; (a = stream.poll()) != null; ) {
            segments.add(a.analysis());
            flightsBuilder.add(a.analysis());
            transitionsAt.add(a.transitions().isEmpty() ? List.of() : a.transitions());
            clientAfter[a.position()] = (byte) a.clientState().ordinal();
            serverAfter[a.position()] = (byte) a.serverState().ordinal();
        }
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

    /**
     * The state changes that take effect with segment {@code i}, in the order they happened: its
     * sending, an arrival it carried or crossed, a TIME-WAIT that ran out before it. Applied to the
     * states after segment {@code i - 1} they give the states after segment {@code i}.
     */
    public List<StateTransition> transitionsAt(int i) {
        return transitionsAt.get(i);
    }

    /** The inference itself, e.g. for the TIME-WAIT countdown ({@link StateInference#timeWaitLeftNs}). */
    public StateInference inference() {
        return inference;
    }

    /** Every segment's departure, arrival or loss, and each side's events in its own order. */
    public FlightTimeline timeline() {
        return flightsBuilder.timeline();
    }

    /** Losses, retransmission links and each side's changes at each segment's event there. */
    public ConnectionFlights flights() {
        return flights;
    }

    /** The changes of {@code side}, in the order it went through them. */
    public List<StateTransition> transitions(Side side) {
        List<StateTransition> out = new ArrayList<>();
        for (StateTransition t : inference.transitions()) {
            if (t.side() == side) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The changes {@code side} went through at segment {@code i}'s event there: its departure when
     * {@code side} sent it, its arrival when {@code side} received it (none when it was lost; a change
     * the receiver owes to lost bytes shows at the copy that got through). Up to two, in order.
     */
    public List<StateTransition> transitionsAt(int i, Side side) {
        return flights.transitionsAt(i, side);
    }

    private TcpState initial(Side side) {
        for (StateTransition t : inference.transitions()) {
            if (t.side() == side) {
                return t.from();
            }
        }
        return inference.state(side);
    }
}
