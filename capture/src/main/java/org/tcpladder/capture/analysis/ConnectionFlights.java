package org.tcpladder.capture.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.state.FlightTimeline;
import org.tcpladder.capture.state.Loss;
import org.tcpladder.capture.state.SegmentAnalysis;
import org.tcpladder.capture.state.StateInference;
import org.tcpladder.capture.state.StateTransition;
import org.tcpladder.capture.state.TransitionCause;
import org.tcpladder.capture.tcp.Side;

/**
 * What a connection's flights add to each segment, kept sparse: which segments were lost and why, which
 * send others again, and each side's changes at the segment's event there (see {@link FlightTimeline}).
 * A loss is known only once the retransmission comes, so this is built over the whole connection before
 * its segments are told one by one (the command line's {@code print --states}); it keeps only the few
 * facts that are not "nothing", so a long connection costs little once built.
 */
public final class ConnectionFlights {
    private final Map<Integer, Loss> losses = new HashMap<>();
    private final Map<Integer, Integer> originals = new HashMap<>();
    private final Map<Integer, List<Integer>> copies = new HashMap<>();
    private final Map<Integer, Long> packets = new HashMap<>();
    @SuppressWarnings("unchecked")
    private final Map<Integer, List<StateTransition>>[] atEvent = new Map[] {new HashMap<>(), new HashMap<>()};

    /** Collects a connection's segments in order, then {@link #finish}es into a {@link ConnectionFlights}. */
    static final class Builder {
        private final FlightTimeline timeline;
        private long[] packetOf;
        private int n;

        /** @param expectedSegments the connection's segment count, so nothing regrows */
        Builder(int expectedSegments) {
            timeline = new FlightTimeline(expectedSegments);
            packetOf = new long[Math.max(16, expectedSegments)];
        }

        void add(SegmentAnalysis a) {
            timeline.add(a);
            if (n == packetOf.length) {
                packetOf = Arrays.copyOf(packetOf, n * 2);
            }
            packetOf[n++] = a.segment().index();
        }

        FlightTimeline timeline() {
            return timeline;
        }

        ConnectionFlights finish(List<StateTransition> transitions) {
            timeline.finish();
            return new ConnectionFlights(timeline, Arrays.copyOf(packetOf, n), transitions);
        }
    }

    /** Runs the state inference over the whole of {@code connection} and keeps what the flights add. */
    public static ConnectionFlights of(Connection connection) {
        StateInference inference = new StateInference(connection.client(), connection.server(), connection.midStream());
        Builder b = new Builder(connection.segmentCount());
        for (int i = 0; i < connection.segmentCount(); i++) {
            b.add(inference.observe(connection.segment(i)));
        }
        return b.finish(inference.transitions());
    }

    private ConnectionFlights(FlightTimeline timeline, long[] packetOf, List<StateTransition> transitions) {
        for (int p = 0; p < packetOf.length; p++) {
            if (timeline.lost(p)) {
                losses.put(p, timeline.loss(p));
            }
            int original = timeline.retransmissionOf(p);
            if (original >= 0) {
                originals.put(p, original);
                packets.put(p, packetOf[p]);
                packets.put(original, packetOf[original]);
                copies.computeIfAbsent(original, k -> new ArrayList<>(1)).add(p);
            }
        }
        for (StateTransition t : transitions) {
            if (t.segmentIndex() < 0 || t.trigger() == TransitionCause.Trigger.TIMER) {
                continue;
            }
            int at = Arrays.binarySearch(packetOf, t.segmentIndex());
            if (at < 0) {
                continue;
            }
            if (t.trigger() == TransitionCause.Trigger.RECEIVED && timeline.lost(at)) {
                // A lost segment changes nothing at its receiver: the copy that got through does.
                int copy = timeline.nextArrivedCopy(at);
                at = copy >= 0 ? copy : at;
            }
            atEvent[t.side().ordinal()].computeIfAbsent(at, k -> new ArrayList<>(2)).add(t);
        }
    }

    public boolean lost(int position) {
        return losses.containsKey(position);
    }

    /** Why segment {@code position} was lost; null when it was not. */
    public Loss loss(int position) {
        return losses.get(position);
    }

    /** The position of the original this segment sends again, or -1. */
    public int retransmissionOf(int position) {
        Integer o = originals.get(position);
        return o == null ? -1 : o;
    }

    /** The positions of the segments that send this one again, in order. */
    public List<Integer> retransmittedBy(int position) {
        List<Integer> c = copies.get(position);
        return c == null ? List.of() : c;
    }

    /** The packet number of a segment that is an original or a retransmission, else -1. */
    public long packetOf(int position) {
        Long p = packets.get(position);
        return p == null ? -1 : p;
    }

    /**
     * The changes {@code side} went through at segment {@code position}'s event there: its departure
     * when {@code side} sent it, its arrival when {@code side} received it. In the order they happened.
     */
    public List<StateTransition> transitionsAt(int position, Side side) {
        List<StateTransition> l = atEvent[side.ordinal()].get(position);
        return l == null ? List.of() : l;
    }
}
