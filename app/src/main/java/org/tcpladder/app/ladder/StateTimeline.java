package org.tcpladder.app.ladder;

import org.tcpladder.capture.state.StateTransition;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Side;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One side's TCP state along the playback timeline, derived from a {@link LadderData}.
 *
 * <p>The timeline is measured in segments: position {@code p} in {@code [0, n]}; at an integer
 * {@code k} segment {@code k} has not left; between {@code k} and {@code k+1} segment {@code k} leaves
 * and flies. A side's state changes at its own events (RFC 9293 section 3.10): when it sends a segment
 * (on departure, effective just after {@code k}) or when one arrives (effective at
 * {@code arrivalRow + 1}, where {@link LadderData#arrivalRow} is the last departure the arrival follows:
 * {@code k + 1} when nothing crossed it, later when segments were in flight together). So while a SYN
 * flies the client is already SYN-SENT and the server not yet anything; in a simultaneous close each
 * side is FIN-WAIT-1 before the other's FIN reaches it. A lost segment changes nothing at its receiver.
 */
public final class StateTimeline {

    /**
     * A change of this side's state.
     *
     * @param segmentIndex the segment that caused it (for a timer, the first segment after it fell due)
     * @param onArrival    true when caused by receiving the segment (or by a timer), false when by sending it
     * @param from         the state before (null when unknown)
     * @param to           the state after
     * @param reason       why, as the inference put it (may be null)
     * @param arrivalRow   for an arrival, the row after whose departure it arrives; else the segment's
     * @param timer        whether a timer caused it (TIME-WAIT running out, RFC 9293 section 3.10.8)
     */
    public record Change(int segmentIndex, boolean onArrival, TcpState from, TcpState to, String reason,
                         int arrivalRow, boolean timer) {
        /** A change of a segment that arrived before anything else left. */
        public Change(int segmentIndex, boolean onArrival, TcpState from, TcpState to, String reason) {
            this(segmentIndex, onArrival, from, to, reason, segmentIndex, false);
        }

        /** Where on the timeline the change happens: a departure at its index, an arrival after its row. */
        public double position() {
            if (timer) {
                return segmentIndex;
            }
            return onArrival ? arrivalRow + 1 : segmentIndex;
        }

        /** Departures take effect just after their position (the segment has left), arrivals at it. */
        public boolean isEffectiveAt(double p) {
            return onArrival || timer ? p >= position() : p > segmentIndex;
        }

        /** Sort key: by position, an arrival (or timer) before a departure at the same position. */
        double order() {
            return position() + (onArrival || timer ? 0 : 0.5);
        }
    }

    /** The state at a timeline position and the change that led to it (null before any change). */
    public record StateAt(TcpState state, Change lastChange) {
    }

    private final Side side;
    private final TcpState initial;
    private final List<Change> changes;

    private StateTimeline(Side side, TcpState initial, List<Change> changes) {
        this.side = side;
        this.initial = initial;
        this.changes = List.copyOf(changes);
    }

    public static StateTimeline of(LadderData data, Side side) {
        Objects.requireNonNull(side, "side");
        if (data.size() > 0 && data.changesAt(0, side) != null) {
            return ofEvents(data, side);
        }
        List<Change> changes = new ArrayList<>();
        TcpState current = data.initialState(side);
        for (int i = 0; i < data.size(); i++) {
            TcpState next = data.stateOf(i, side);
            if (next == null || next == current) {
                continue;
            }
            boolean onArrival = data.senderOf(i) != side;
            changes.add(new Change(i, onArrival, current, next, data.reasonOf(i, side)));
            current = next;
        }
        return new StateTimeline(side, data.initialState(side), changes);
    }

    /**
     * From each side's own events: the changes at each segment's departure (at its sender) or arrival
     * (at its receiver), placed where that event is on the timeline, then the timers' changes where the
     * states after each segment show them; sorted into the side's own order.
     */
    private static StateTimeline ofEvents(LadderData data, Side side) {
        List<Change> changes = new ArrayList<>();
        int n = data.size();
        boolean sorted = true;
        double last = -1;
        for (int i = 0; i < n; i++) {
            List<StateTransition> at = data.changesAt(i, side);
            if (at == null || at.isEmpty()) {
                continue;
            }
            boolean onArrival = data.senderOf(i) != side;
            int row = onArrival ? data.arrivalRow(i) : i;
            if (row < 0) {
                continue;
            }
            StateTransition first = at.get(0);
            StateTransition end = at.get(at.size() - 1);
            Change c = new Change(i, onArrival, first.from(), end.to(), data.changeReason(i, side), row, false);
            sorted &= c.order() >= last;
            last = Math.max(last, c.order());
            changes.add(c);
        }
        if (!sorted) {
            changes.sort(Comparator.comparingDouble(Change::order));
        }
        // Timers (TIME-WAIT's 2 MSL, RFC 9293 section 3.10.8) belong to no segment's event: where the
        // states after each segment end CLOSED while the events leave the side in TIME-WAIT, the
        // timer ran out before the first of the segments after which it reads CLOSED.
        List<Change> withTimers = new ArrayList<>(changes);
        TcpState current = changes.isEmpty() ? data.initialState(side) : changes.get(changes.size() - 1).to();
        if (n > 0 && current == TcpState.TIME_WAIT && data.stateOf(n - 1, side) == TcpState.CLOSED) {
            int k = firstSegmentAfterTimeWait(data, side, n);
            withTimers.add(new Change(k, true, current, TcpState.CLOSED, data.reasonOf(k, side), k - 1, true));
        }
        return new StateTimeline(side, data.initialState(side), withTimers);
    }

    /** The first segment from which the replayed states show {@code side} CLOSED to the end. */
    private static int firstSegmentAfterTimeWait(LadderData data, Side side, int n) {
        int k = n - 1;
        while (k > 0 && data.stateOf(k - 1, side) == TcpState.CLOSED) {
            k--;
        }
        return k;
    }
    public Side side() {
        return side;
    }

    public TcpState initialState() {
        return initial;
    }

    /** The changes in timeline order. */
    public List<Change> changes() {
        return changes;
    }

    /** The state at {@code position}; O(log changes). */
    public StateAt at(double position) {
        int effective = countEffective(position);
        if (effective == 0) {
            return new StateAt(initial, null);
        }
        Change last = changes.get(effective - 1);
        return new StateAt(last.to(), last);
    }

    /** Changes are in timeline order, so "effective at p" holds for a prefix: binary search its length. */
    private int countEffective(double p) {
        int lo = 0;
        int hi = changes.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (changes.get(mid).isEffectiveAt(p)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
