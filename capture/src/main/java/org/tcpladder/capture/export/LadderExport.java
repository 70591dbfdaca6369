package org.tcpladder.capture.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

import org.tcpladder.capture.analysis.ConnectionAnalysis;
import org.tcpladder.capture.analysis.ConnectionFlights;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.state.Anomaly;
import org.tcpladder.capture.state.FlightTimeline;
import org.tcpladder.capture.state.Loss;
import org.tcpladder.capture.state.Narration;
import org.tcpladder.capture.state.NumberMode;
import org.tcpladder.capture.state.SegmentAnalysis;
import org.tcpladder.capture.state.SegmentEvent;
import org.tcpladder.capture.state.StateTransition;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.state.TransitionCause;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * A connection's ladder as the text exports tell it, below any window: the two endpoints, one step per
 * segment with its label, marks and the state changes around it, built from the connection's analysis
 * as the export walks it ({@link #writeTo}), so no step outlives its writing.
 *
 * <p>Each side's changes are placed at that side's own event (see
 * {@link ConnectionAnalysis#transitionsAt(int, Side)}): the sender's when the segment leaves, the
 * receiver's when it arrives, so crossing SYNs or FINs read in the order each side went through them,
 * and a lost segment changes nothing at its receiver. A TIME-WAIT that ran out before a segment (RFC
 * 9293 section 3.10.8) shows before that segment; one that ran out by the end of the capture, at the
 * end.
 */
public final class LadderExport {
    private final ConnectionAnalysis analysis;
    private final ExportOptions options;
    private final Narration narration;
    private final ExportWords words;
    private final SegmentRange range;

    private LadderExport(ConnectionAnalysis analysis, ExportOptions options, Narration narration, ExportWords words) {
        this.analysis = analysis;
        this.options = options;
        this.narration = narration;
        this.words = words;
        SegmentRange r = options.range() == null ? SegmentRange.whole(analysis.size()) : options.range();
        if (r != null && r.last() > analysis.size()) {
            throw new IllegalArgumentException("segments " + r.first() + "-" + r.last() + " of a connection of "
                    + analysis.size());
        }
        this.range = r;
    }

    /**
     * The export of {@code analysis} with {@code options}.
     *
     * @throws IllegalArgumentException when the options' range goes beyond the connection's segments
     */
    public static LadderExport of(ConnectionAnalysis analysis, ExportOptions options, Narration narration,
                                  ExportWords words) {
        return new LadderExport(analysis, options, narration, words);
    }

    /**
     * Writes the whole export to {@code writer}, segment by segment. Each step carries the arrivals that
     * happen after its departure and before the next segment leaves, in the order of the flights'
     * events ({@link SegmentEvent#step()}): usually its own arrival; where two segments cross, the
     * earlier one arrives only after the later one left, and its changes come with the later step.
     */
    public void writeTo(LadderWriter writer) throws IOException {
        Connection c = analysis.connection();
        FlightTimeline timeline = analysis.timeline();
        ConnectionFlights flights = analysis.flights();
        TcpState[] state = {analysis.initialState(Side.CLIENT), analysis.initialState(Side.SERVER)};
        int first = range == null ? 0 : range.first() - 1;
        int last = range == null ? -1 : range.last() - 1;
        // Arrivals not yet told, earliest first: {step, position}. Only segments in flight wait here.
        PriorityQueue<long[]> pending = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        int n = analysis.size();
        for (int i = 0; i <= last; i++) {
            if (i == first) {
                writer.begin(heading(c, state, first, last));
            }
            List<StateTransition> before = before(i);
            apply(state, before);
            SegmentEvent arrival = timeline.arrival(i);
            if (arrival != null) {
                pending.add(new long[] {arrival.step(), i});
            }
            // The arrivals before the next departure; after the connection's last segment, all of them.
            long nextDeparture = i + 1 < n ? timeline.departure(i + 1).step() : Long.MAX_VALUE;
            List<StateTransition> after = new ArrayList<>(2);
            while (!pending.isEmpty() && pending.peek()[0] < nextDeparture) {
                after.addAll(after((int) pending.poll()[1]));
            }
            apply(state, after);
            if (i >= first) {
                writer.segment(step(i, flights, before, after, state));
            }
        }
        if (range == null) {
            writer.begin(heading(c, state, 0, -1));
        }
        writer.end(end(state, last));
    }

    private LadderHeading heading(Connection c, TcpState[] state, int first, int last) {
        int width = 0;
        for (int i = first; i <= last; i++) {
            width = Math.max(width, label(analysis.segment(i).segment()).length());
        }
        String client = words.format("participant", "side", narration.sideName(Side.CLIENT), "endpoint", c.client());
        String server = words.format("participant", "side", narration.sideName(Side.SERVER), "endpoint", c.server());
        String scope = range == null ? words.format("scope.empty")
                : words.format("scope", "first", range.first(), "last", range.last(), "total", analysis.size());
        return new LadderHeading(c.client(), c.server(), client, server, narration.sideName(Side.CLIENT),
                narration.sideName(Side.SERVER),
                words.format("title", "client", client, "server", server), scope,
                words.format("numbers." + options.numbers().name()),
                analysis.assumed() ? words.format("assumed") : null,
                range == null ? 0 : range.first(), range == null ? 0 : range.last(), analysis.size(),
                state[0], state[1], width, options);
    }

    private LadderStep step(int i, ConnectionFlights flights, List<StateTransition> before,
                            List<StateTransition> after, TcpState[] state) {
        SegmentAnalysis a = analysis.segment(i);
        TcpSegment s = a.segment();
        boolean lost = flights.lost(i);
        int original = flights.retransmissionOf(i);
        List<String> marks = new ArrayList<>(2);
        if (lost) {
            marks.add(words.format("mark.lost"));
        }
        if (original >= 0) {
            marks.add(words.format("mark.repeats", "original", original + 1));
        }
        for (Anomaly anomaly : a.anomalies()) {
            marks.add(narration.anomalyLabel(anomaly));
        }
        List<String> notes = List.of();
        if (options.notes()) {
            notes = new ArrayList<>(2);
            notes.add(a.narration(options.numbers()));
            Loss loss = flights.loss(i);
            if (loss != null) {
                notes.add(narration.loss(loss, options.numbers()));
            }
        }
        return new LadderStep(i + 1, s.index(), a.sender(), label(s), lost, original + 1, marks,
                options.states() ? before : List.of(), options.states() ? after : List.of(), state[0], state[1], notes);
    }

    private LadderEnd end(TcpState[] state, int last) {
        List<String> notes = new ArrayList<>(2);
        List<Side> changed = new ArrayList<>(2);
        if (range != null && last == analysis.size() - 1) {
            for (Side side : Side.values()) {
                TcpState fin = analysis.finalState(side);
                if (fin != state[side.ordinal()]) {
                    state[side.ordinal()] = fin;
                    changed.add(side);
                    notes.add(words.format("note.end", "side", narration.sideName(side), "state", fin));
                }
            }
        }
        return new LadderEnd(state[0], state[1], options.states() ? notes : List.of(),
                options.states() ? changed : List.of());
    }

    /**
     * The arrow's text: flag names, then seq, ack (only with the ACK bit: otherwise the field means
     * nothing, RFC 9293 section 3.1) and the payload length when there is any.
     */
    String label(TcpSegment s) {
        Connection c = analysis.connection();
        boolean relative = options.numbers() == NumberMode.RELATIVE;
        String flags = TcpFlags.names(s.flags());
        StringBuilder b = new StringBuilder(48);
        b.append(flags.isEmpty() ? words.format("label.noFlags") : flags);
        b.append(' ').append(words.format("label.seq", "seq", relative ? c.relativeSeq(s) : s.seq().value()));
        if (s.has(TcpFlags.ACK)) {
            b.append(' ').append(words.format("label.ack", "ack", relative ? c.relativeAck(s) : s.ack().value()));
        }
        if (s.payloadLength() > 0) {
            b.append(' ').append(words.format("label.length", "length", s.payloadLength()));
        }
        return b.toString();
    }

    /** A TIME-WAIT that ran out before segment {@code i}, then the sender's change at its departure. */
    private List<StateTransition> before(int i) {
        List<StateTransition> out = null;
        for (StateTransition t : analysis.transitionsAt(i)) {
            if (t.trigger() == TransitionCause.Trigger.TIMER) {
                out = out == null ? new ArrayList<>(2) : out;
                out.add(t);
            }
        }
        List<StateTransition> departure = analysis.transitionsAt(i, analysis.segment(i).sender());
        if (out == null) {
            return departure;
        }
        out.addAll(departure);
        return out;
    }

    private List<StateTransition> after(int i) {
        return analysis.transitionsAt(i, analysis.segment(i).sender().other());
    }

    private static void apply(TcpState[] state, List<StateTransition> changes) {
        for (StateTransition t : changes) {
            state[t.side().ordinal()] = t.to();
        }
    }
}
