package org.tcpladder.app.ladder;

import org.tcpladder.capture.tcp.Side;

import org.tcpladder.capture.analysis.ConnectionAnalysis;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.analysis.ConnectionFlights;
import org.tcpladder.capture.state.Anomaly;
import org.tcpladder.capture.state.FlightTimeline;
import org.tcpladder.capture.state.Loss;
import org.tcpladder.capture.state.NumberMode;
import org.tcpladder.capture.state.SegmentEvent;
import org.tcpladder.capture.state.Narration;
import org.tcpladder.capture.state.SegmentAnalysis;
import org.tcpladder.capture.state.StateTransition;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection of a capture as the ladder shows it: its segments with relative numbers (the
 * connection's bases, as tcpdump counts), each side's state after every segment and the sentence
 * saying why it changed (the rule of RFC 9293 it follows), the window in bytes after scaling, the
 * anomalies under Wireshark's names, the narration, and payloads read back from the capture.
 *
 * <p>Segments are built when the ladder asks for them ({@link OnDemandSegments}): the analysis holds
 * what the inference learned, and a segment's narration and header fields are worded or read only
 * when the details pane shows them.
 */
public final class CaptureLadder {
    private CaptureLadder() {
    }

    /** A connection of a capture file: no socket calls, no kernel view. */
    public static LadderData of(CaptureIndex index, ConnectionAnalysis analysis, Narration narration) {
        return of(index, analysis, narration, List.of(), List.of());
    }

    /**
     * @param index    the capture the connection belongs to (payloads and header bytes are read from it)
     * @param analysis the connection's state inference, over as many segments as the ladder shows
     * @param calls    socket calls of a live session, positioned on this connection's timeline
     * @param kernel   the kernel's view of both sockets during a live session
     */
    public static LadderData of(CaptureIndex index, ConnectionAnalysis analysis, Narration narration,
                                List<SocketCall> calls, List<KernelSnapshot> kernel) {
        return of(index, analysis, narration, calls, kernel, Map.of());
    }

    /**
     * @param halfClosedAt where each side that called shutdown(SHUT_WR) did so, as a timeline position:
     *                     its FIN from there on is narrated as a half-close, not as closing
     */
    public static LadderData of(CaptureIndex index, ConnectionAnalysis analysis, Narration narration,
                                List<SocketCall> calls, List<KernelSnapshot> kernel, Map<Side, Integer> halfClosedAt) {
        Connection c = analysis.connection();
        Segments segments = new Segments(index, analysis, narration, halfClosedAt);
        return new LadderData(c.client(), c.server(),
                analysis.initialState(Side.CLIENT),
                analysis.initialState(Side.SERVER),
                segments, calls, t -> payload(index, t), kernel);
    }

    /** The capture core reports a store it cannot read (e.g. released) unchecked; the details expect I/O errors. */
    private static byte[] payload(CaptureIndex index, TcpSegment t) throws IOException {
        try {
            return index.payload(t);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }


    /** The segments, built from the analysis one at a time. */
    private static final class Segments extends OnDemandSegments {
        private final CaptureIndex index;
        private final ConnectionAnalysis analysis;
        private final Connection connection;
        private final Narration narration;
        private final Map<Side, Integer> halfClosedAt;
        /** Why a side's state changed, by segment: only the few segments where one did. */
        private final Map<Integer, String> clientReasons = new HashMap<>();
        private final Map<Integer, String> serverReasons = new HashMap<>();

        /** Per segment, what the layout reads of every one, in flat arrays (see {@link #facts}). */
        private final long[] times;
        private final byte[] facts;
        private static final byte ANOMALIES = 1;
        private static final byte OPTIONS = 2;
        /** Per segment, the row after whose departure it arrives (see {@link LadderData#arrivalRow}); -1 lost. */
        private final int[] arrivalRows;
        /** Arrival times that differ from the departure's, by segment (few at one capture point). */
        private final Map<Integer, Long> arrivalTimes = new HashMap<>();
        private final ConnectionFlights flights;

        Segments(CaptureIndex index, ConnectionAnalysis analysis, Narration narration,
                 Map<Side, Integer> halfClosedAt) {
            this.index = index;
            this.analysis = analysis;
            this.connection = analysis.connection();
            this.narration = narration;
            this.halfClosedAt = halfClosedAt;
            findReasons(Side.CLIENT, clientReasons);
            findReasons(Side.SERVER, serverReasons);
            int n = analysis.size();
            times = new long[n];
            facts = new byte[n];
            facts(n);
            flights = analysis.flights();
            arrivalRows = arrivalRows(analysis.timeline(), n);
        }

        /**
         * Each arrival placed after the last departure that comes before it in the timeline's one order
         * of both sides' events ({@link SegmentEvent#step()}): departures' steps rise with their
         * position, so a binary search from the segment's own row finds it. The same analysis that
         * inferred the states, not a second inference.
         */
        private int[] arrivalRows(FlightTimeline timeline, int n) {
            int[] departSteps = new int[n];
            for (int i = 0; i < n; i++) {
                departSteps[i] = timeline.departure(i).step();
            }
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                SegmentEvent arrival = timeline.arrival(i);
                if (arrival == null) {
                    rows[i] = -1;
                    continue;
                }
                int lo = i;
                int hi = n - 1;
                while (lo < hi) {
                    int mid = (lo + hi + 1) >>> 1;
                    if (departSteps[mid] < arrival.step()) {
                        lo = mid;
                    } else {
                        hi = mid - 1;
                    }
                }
                rows[i] = lo;
                if (arrival.timeNs() != times[i]) {
                    arrivalTimes.put(i, arrival.timeNs());
                }
            }
            return rows;
        }

        @Override
        public int arrivalRow(int i) {
            return arrivalRows[i];
        }

        @Override
        public long arrivalNs(int i) {
            Long t = arrivalTimes.get(i);
            return t == null ? times[i] : t;
        }

        @Override
        public String lossReason(int i, NumberMode mode) {
            Loss loss = flights.loss(i);
            return loss == null ? null : narration.loss(loss, mode);
        }

        @Override
        public String changeReason(int i, Side side) {
            List<StateTransition> at = flights.transitionsAt(i, side);
            if (at.isEmpty()) {
                return reasonOf(i, side);
            }
            List<String> sentences = new ArrayList<>(at.size());
            for (StateTransition t : at) {
                sentences.add(narration.transition(t));
            }
            return String.join(" ", sentences);
        }

        @Override
        public String narration(int i, NumberMode mode) {
            return analysis.segment(i).narration(mode);
        }

        @Override
        public int retransmissionOf(int i) {
            return flights.retransmissionOf(i);
        }

        @Override
        public List<Integer> retransmittedBy(int i) {
            return flights.retransmittedBy(i);
        }

        @Override
        public List<StateTransition> changesAt(int i, Side side) {
            return flights.transitionsAt(i, side);
        }

        /**
         * One pass over the analysed segments, on the thread that builds the ladder: the layout reads
         * these for every segment each time it is laid out (zoom, spacing), and following the analysis'
         * objects a million times costs a few hundred milliseconds, flat arrays a few.
         */
        private void facts(int n) {
            for (int i = 0; i < n; i++) {
                SegmentAnalysis a = analysis.segment(i);
                times[i] = a.segment().timeNs();
                byte f = a.anomalies().isEmpty() ? 0 : ANOMALIES;
                for (TcpOption o : a.segment().options()) {
                    if (o.kind() > 1) {
                        f |= OPTIONS;
                        break;
                    }
                }
                facts[i] = f;
            }
        }

        /** One pass over the states: a reason wherever a side's state differs from the segment before. */
        private void findReasons(Side s, Map<Integer, String> out) {
            TcpState before = analysis.initialState(s);
            for (int i = 0; i < analysis.size(); i++) {
                TcpState after = analysis.stateAfter(s, i);
                if (after != before) {
                    String why = reasonAt(s, i, after);
                    if (why != null) {
                        out.put(i, why);
                    }
                    before = after;
                }
            }
        }

        /**
         * Why {@code side} came to {@code to} at segment {@code i}: the sentences of the transitions its
         * sending or arrival caused (one segment may cause two, e.g. a FIN that also acknowledges the
         * peer's FIN: FIN-WAIT-1 → FIN-WAIT-2 → TIME-WAIT), else a timer's (TIME-WAIT ending, RFC 9293
         * section 3.10.8) that fell due before it.
         */
        private String reasonAt(Side side, int i, TcpState to) {
            List<String> sentences = new ArrayList<>(2);
            Integer halfClose = halfClosedAt.get(side);
            String variant = halfClose != null && halfClose <= i ? Narration.HALF_CLOSE : null;
            for (StateTransition t : analysis.transitionsAt(i)) {
                if (t.side() == side) {
                    sentences.add(narration.transition(t, variant));
                }
            }
            if (sentences.isEmpty()) {
                long time = analysis.segment(i).segment().timeNs();
                StateTransition timer = null;
                for (StateTransition t : analysis.transitions()) {
                    if (t.side() == side && t.segmentIndex() < 0 && t.to() == to && t.timeNs() <= time) {
                        timer = t;
                    }
                }
                if (timer != null) {
                    sentences.add(narration.transition(timer));
                }
            }
            return sentences.isEmpty() ? null : String.join(" ", sentences);
        }

        @Override
        public int size() {
            return analysis.size();
        }

        @Override
        public Side senderOf(int i) {
            return connection.sender(i);
        }

        @Override
        public TcpState stateOf(int i, Side side) {
            return analysis.stateAfter(side, i);
        }

        @Override
        public String reasonOf(int i, Side side) {
            return (side == Side.CLIENT ? clientReasons : serverReasons).get(i);
        }

        @Override
        public long timeNs(int i) {
            return times[i];
        }

        @Override
        public boolean hasAnomalies(int i) {
            return (facts[i] & ANOMALIES) != 0;
        }

        @Override
        public boolean hasOptions(int i) {
            return (facts[i] & OPTIONS) != 0;
        }

        @Override
        public LadderSegment get(int i) {
            SegmentAnalysis a = analysis.segment(i);
            TcpSegment t = a.segment();
            LadderSegment.Builder b = LadderSegment.of(t)
                    .relativeOrNull(connection.relativeSeq(t), t.has(TcpFlags.ACK) ? connection.relativeAck(t) : null)
                    .client(analysis.stateAfter(Side.CLIENT, i),
                            clientReasons.get(i))
                    .server(analysis.stateAfter(Side.SERVER, i),
                            serverReasons.get(i))
                    .narration(a::narration)
                    .header(() -> HeaderBytes.read(index, t));
            if (a.windowBytes() >= 0) {
                b.windowBytes(a.windowBytes());
            }
            for (Anomaly anomaly : a.anomalies()) {
                b.anomaly(narration.anomalyLabel(anomaly));
            }
            return b.build();
        }
    }
}
