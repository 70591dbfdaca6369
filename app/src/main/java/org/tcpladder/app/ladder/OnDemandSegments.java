package org.tcpladder.app.ladder;

import org.tcpladder.capture.state.NumberMode;
import org.tcpladder.capture.state.StateTransition;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Side;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A connection's segments built one at a time when asked for, so that a ladder of a million segments
 * holds no million {@link LadderSegment}s. {@link LadderData} takes such a list as it is (no copy, no
 * check of every segment): whoever builds one guarantees that every segment is between the ladder's
 * two endpoints, e.g. because they all come from one connection of a capture.
 */
public abstract class OnDemandSegments extends AbstractList<LadderSegment> implements RandomAccess {
    /** Who sent segment {@code i}, without building it. */
    public abstract Side senderOf(int i);

    // What the layout reads of every segment, once per layout: override to answer without building it.

    /** {@code side}'s state after segment {@code i}, or null. */
    public TcpState stateOf(int i, Side side) {
        return get(i).stateOf(side);
    }

    /** Why {@code side}'s state changed at segment {@code i}, or null. */
    public String reasonOf(int i, Side side) {
        return get(i).reasonOf(side);
    }

    /** Capture time of segment {@code i}. */
    public long timeNs(int i) {
        return get(i).tcp().timeNs();
    }

    /** Whether segment {@code i} has anything unusual about it. */
    public boolean hasAnomalies(int i) {
        return !get(i).anomalies().isEmpty();
    }

    /** Whether segment {@code i} carries options other than padding (they get chips on the arrow). */
    public boolean hasOptions(int i) {
        return LadderData.hasOptions(get(i));
    }

    // The flights (see {@code FlightTimeline} in the capture core): the defaults are one segment in
    // flight at a time, arriving before anything else happens, never lost.

    /**
     * The row after whose departure segment {@code i} arrives: {@code i} itself when it arrives before
     * the next segment leaves, a later row when later segments left while it flew (they cross), -1 when
     * it was lost.
     */
    public int arrivalRow(int i) {
        return i;
    }

    /** When segment {@code i} arrived as far as the capture tells; its departure time by default. */
    public long arrivalNs(int i) {
        return timeNs(i);
    }

    /** Why segment {@code i} counts as lost, worded with numbers in {@code mode}; null when it was not. */
    public String lossReason(int i, NumberMode mode) {
        return null;
    }

    /** The segment that {@code i} sends again, or -1. */
    public int retransmissionOf(int i) {
        return -1;
    }

    /** The segments that send {@code i}'s bytes again. */
    public List<Integer> retransmittedBy(int i) {
        return List.of();
    }

    /** {@code side}'s changes at segment {@code i}'s event there (departure or arrival), in order; null when unknown. */
    public List<StateTransition> changesAt(int i, org.tcpladder.capture.tcp.Side side) {
        return null;
    }

    /** The classroom explanation of segment {@code i}, its numbers worded as {@code mode} says. */
    public String narration(int i, NumberMode mode) {
        return get(i).narration();
    }

    /** Why {@code side}'s state changed at segment {@code i}'s event there, or null. */
    public String changeReason(int i, org.tcpladder.capture.tcp.Side side) {
        return reasonOf(i, side);
    }
}
