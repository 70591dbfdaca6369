package org.tcpladder.app.ladder;

import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Side;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One side's TCP state along the playback timeline, derived from a {@link LadderData}.
 *
 * <p>The timeline is measured in segments: position {@code p} in {@code [0, n]}; at an integer
 * {@code k} segments {@code 0..k-1} have arrived and segment {@code k} has not left; between
 * {@code k} and {@code k+1} segment {@code k} is in flight. A side's state changes when it sends a
 * segment (on departure, effective just after {@code k}) or receives one (on arrival, effective at
 * {@code k+1}) — so while a SYN flies, the client is already SYN-SENT and the server still LISTEN.
 */
public final class StateTimeline {

    /**
     * A change of this side's state.
     *
     * @param segmentIndex the segment that caused it
     * @param onArrival    true when caused by receiving the segment, false when caused by sending it
     * @param from         the state before (null when unknown)
     * @param to           the state after
     * @param reason       why, as the inference put it (may be null)
     */
    public record Change(int segmentIndex, boolean onArrival, TcpState from, TcpState to, String reason) {
        /** Where on the timeline the change happens: departure at the index, arrival one later. */
        public double position() {
            return onArrival ? segmentIndex + 1 : segmentIndex;
        }

        /** Departures take effect just after their position (the segment has left), arrivals at it. */
        public boolean isEffectiveAt(double p) {
            return onArrival ? p >= segmentIndex + 1 : p > segmentIndex;
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
