package org.tcpladder.capture.state;

import org.tcpladder.capture.tcp.Side;

/**
 * One event in one side's life: a segment leaves it, or a segment arrives at it. Each side's state
 * changes at its own events, in its own order (RFC 9293 section 3.10): the sender's when a segment
 * leaves, the receiver's when it arrives.
 *
 * @param side     where it happens: the sender for a departure, the receiver for an arrival
 * @param kind     departure or arrival
 * @param position the segment's place in its connection, from 0
 * @param order    the event's place among all of {@code side}'s events, from 0: the order that side went
 *                 through them (reconstructed from evidence for the far side, see {@link FlightTimeline})
 * @param step     the event's place among both sides' events, from 0: one order consistent with each
 *                 side's own and with every departure before its arrival (for spacing "by order", so
 *                 crossings stay visible)
 * @param timeNs   when it happened as far as the observation point can tell. A departure and an arrival
 *                 carry separate times; at one capture point on loopback they are often the same
 *                 number, but nothing may assume so (a second observation point gives the other end's
 *                 own times)
 */
public record SegmentEvent(Side side, Kind kind, int position, int order, int step, long timeNs) {

    /** What happens to the segment at {@link #side()}. */
    public enum Kind {
        /** The segment leaves its sender. */
        DEPARTURE,
        /** The segment reaches its receiver. */
        ARRIVAL
    }
}
