package org.tcpladder.app.ladder;

import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Side;

import org.tcpladder.capture.tcp.Endpoint;

import java.util.List;
import java.util.Objects;

/**
 * Everything the ladder view shows about one connection: the view's only input. {@link CaptureLadder}
 * fills it from the capture core (a connection, its state inference and narration, socket calls and
 * the kernel's states of a live session); {@code SyntheticEchoSession} builds a hand-made one.
 *
 * @param client              the client's endpoint (the side that sent the first SYN, or the
 *                            connection tracker's best guess for a mid-stream capture)
 * @param server              the server's endpoint
 * @param clientInitialState  the client's state before the first segment (e.g. CLOSED), or null
 * @param serverInitialState  the server's state before the first segment (e.g. LISTEN), or null
 * @param segments            the connection's segments in capture order, both directions; an
 *                            {@link OnDemandSegments} list is kept as it is, any other is copied and checked
 * @param socketCalls         socket calls, if known (live sessions), in timeline order
 * @param payloads            reads a segment's payload bytes on demand
 * @param kernel              the kernel's own view of both sockets during a live session, in timeline
 *                            order; empty for captures
 */
public record LadderData(
        Endpoint client,
        Endpoint server,
        TcpState clientInitialState,
        TcpState serverInitialState,
        List<LadderSegment> segments,
        List<SocketCall> socketCalls,
        PayloadReader payloads,
        List<KernelSnapshot> kernel) {

    public LadderData {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        if (!(segments instanceof OnDemandSegments)) {
            segments = List.copyOf(segments);
            for (LadderSegment s : segments) {
                boolean forward = s.tcp().src().equals(client) && s.tcp().dst().equals(server);
                boolean backward = s.tcp().src().equals(server) && s.tcp().dst().equals(client);
                if (!forward && !backward) {
                    throw new IllegalArgumentException("segment " + s.tcp().index() + " " + s.tcp().src()
                            + " > " + s.tcp().dst() + " is not between " + client + " and " + server);
                }
            }
        }
        socketCalls = socketCalls == null ? List.of() : List.copyOf(socketCalls);
        payloads = payloads == null ? PayloadReader.NONE : payloads;
        kernel = kernel == null ? List.of() : List.copyOf(kernel);
        for (SocketCall c : socketCalls) {
            if (c.position() > segments.size()) {
                throw new IllegalArgumentException("socket call " + c + " after the last segment");
            }
        }
        for (KernelSnapshot k : kernel) {
            if (k.position() > segments.size()) {
                throw new IllegalArgumentException("kernel snapshot " + k + " after the last segment");
            }
        }
    }

    /** A ladder without the kernel's view (a capture file, or the synthetic demo). */
    public LadderData(Endpoint client, Endpoint server, TcpState clientInitialState, TcpState serverInitialState,
                      List<LadderSegment> segments, List<SocketCall> socketCalls, PayloadReader payloads) {
        this(client, server, clientInitialState, serverInitialState, segments, socketCalls, payloads, List.of());
    }

    public int size() {
        return segments.size();
    }

    public LadderSegment segment(int i) {
        return segments.get(i);
    }

    /** Who sent segment {@code i}. */
    public Side senderOf(int i) {
        if (segments instanceof OnDemandSegments lazy) {
            return lazy.senderOf(i);
        }
        return segments.get(i).tcp().src().equals(client) ? Side.CLIENT : Side.SERVER;
    }

    // Per-segment facts the layout reads for every segment: answered without building the segment
    // when the list is built on demand, so that laying out a million rows stays fast.

    /** {@code side}'s state after segment {@code i}, or null when unknown. */
    public TcpState stateOf(int i, Side side) {
        return segments instanceof OnDemandSegments lazy ? lazy.stateOf(i, side) : segments.get(i).stateOf(side);
    }

    /** Why {@code side}'s state changed at segment {@code i}, or null. */
    public String reasonOf(int i, Side side) {
        return segments instanceof OnDemandSegments lazy ? lazy.reasonOf(i, side) : segments.get(i).reasonOf(side);
    }

    /** Capture time of segment {@code i}. */
    public long timeNs(int i) {
        return segments instanceof OnDemandSegments lazy ? lazy.timeNs(i) : segments.get(i).tcp().timeNs();
    }

    /** Whether segment {@code i} has anomalies. */
    public boolean hasAnomalies(int i) {
        return segments instanceof OnDemandSegments lazy ? lazy.hasAnomalies(i) : !segments.get(i).anomalies().isEmpty();
    }

    /** Whether segment {@code i} carries options other than padding (NOP, end of list). */
    public boolean hasOptions(int i) {
        return segments instanceof OnDemandSegments lazy ? lazy.hasOptions(i) : hasOptions(segments.get(i));
    }

    static boolean hasOptions(LadderSegment s) {
        for (org.tcpladder.capture.tcp.TcpOption o : s.tcp().options()) {
            if (o.kind() > 1) {
                return true;
            }
        }
        return false;
    }

    public Endpoint endpoint(Side side) {
        return side == Side.CLIENT ? client : server;
    }

    public TcpState initialState(Side side) {
        return side == Side.CLIENT ? clientInitialState : serverInitialState;
    }

    // ---- flights: each segment leaves its sender and arrives at its receiver, or is lost ----

    /**
     * The row after whose departure segment {@code i} arrives at its receiver: {@code i} when nothing
     * else left while it flew; a later row when segments crossed it (they were in flight together);
     * -1 when it was lost. Never earlier than {@code i}: nothing arrives before it leaves.
     */
    public int arrivalRow(int i) {
        return segments instanceof OnDemandSegments lazy ? lazy.arrivalRow(i) : i;
    }

    /** Whether segment {@code i} was lost on its way (it has no arrival). */
    public boolean lost(int i) {
        return arrivalRow(i) < 0;
    }

    /** When segment {@code i} left its sender. */
    public long departureNs(int i) {
        return timeNs(i);
    }

    /** When segment {@code i} reached its receiver (not necessarily its departure time); for a lost one, its departure's. */
    public long arrivalNs(int i) {
        return segments instanceof OnDemandSegments lazy ? lazy.arrivalNs(i) : timeNs(i);
    }

    /** Why segment {@code i} counts as lost, its numbers worded as {@code mode} says; null when it was not lost. */
    public String lossReason(int i, org.tcpladder.capture.state.NumberMode mode) {
        return segments instanceof OnDemandSegments lazy ? lazy.lossReason(i, mode) : null;
    }

    /** The segment that {@code i} sends again (its original), or -1. */
    public int retransmissionOf(int i) {
        return segments instanceof OnDemandSegments lazy ? lazy.retransmissionOf(i) : -1;
    }

    /** The segments that send {@code i}'s bytes again, in order. */
    public List<Integer> retransmittedBy(int i) {
        return segments instanceof OnDemandSegments lazy ? lazy.retransmittedBy(i) : List.of();
    }

    /**
     * {@code side}'s state changes at segment {@code i}'s event there (its departure at the sender, its
     * arrival at the receiver), in the order that side went through them; null when the data has no
     * per-side events (a hand-made ladder), which then reads the states after each segment.
     */
    public List<org.tcpladder.capture.state.StateTransition> changesAt(int i, Side side) {
        return segments instanceof OnDemandSegments lazy ? lazy.changesAt(i, side) : null;
    }

    /**
     * The classroom explanation of segment {@code i} with its numbers as the window's toggle shows the
     * arrows' ({@code mode}), so that an arrow and its sentence agree; a lost segment's says why it
     * counts as lost.
     */
    public String narrationOf(int i, org.tcpladder.app.layout.NumberMode mode) {
        org.tcpladder.capture.state.NumberMode m = mode == org.tcpladder.app.layout.NumberMode.ABSOLUTE
                ? org.tcpladder.capture.state.NumberMode.ABSOLUTE : org.tcpladder.capture.state.NumberMode.RELATIVE;
        String said = segments instanceof OnDemandSegments lazy ? lazy.narration(i, m) : segments.get(i).narration();
        String loss = lossReason(i, m);
        if (loss == null) {
            return said;
        }
        return said == null || said.isEmpty() ? loss : said + " " + loss;
    }

    /** Why {@code side}'s state changed at segment {@code i}'s own event there (see {@link #changesAt}), or null. */
    public String changeReason(int i, Side side) {
        return segments instanceof OnDemandSegments lazy ? lazy.changeReason(i, side) : reasonOf(i, side);
    }
}
