package org.tcpladder.capture.state;

import org.tcpladder.capture.tcp.Side;

/**
 * One change of one side's state: what the ladder draws beside a lifeline.
 *
 * @param side                 whose state changed
 * @param from                 the state before
 * @param to                   the state after
 * @param segmentIndex         the segment whose sending ({@link TransitionCause.Trigger#SENT}) or arrival
 *                             ({@link TransitionCause.Trigger#RECEIVED}) caused it; -1 for a timer
 * @param timeNs               when it happened as far as the capture can tell: the capture time of that
 *                             segment, of the segment it crossed, or the timer's expiry
 * @param cause                the rule that applied
 * @param crossedSegmentIndex  -1, or for an arrival that happened only after the receiver had itself sent
 *                             a segment (the two crossed on the way: simultaneous open or close), that
 *                             segment's index; the arrow of {@code segmentIndex} then ends below the start
 *                             of this one
 */
public record StateTransition(
        Side side,
        TcpState from,
        TcpState to,
        long segmentIndex,
        long timeNs,
        TransitionCause cause,
        long crossedSegmentIndex) {

    /** The rule, e.g. {@code RFC 9293 §3.10.7.4}. */
    public String rfcSection() {
        return "RFC 9293 \u00a7" + cause.rfcSection();
    }

    /** The narration bundle key of the explaining sentence (see {@link Narration#transition}). */
    public String reasonKey() {
        return cause.key();
    }

    public TransitionCause.Trigger trigger() {
        return cause.trigger();
    }

    @Override
    public String toString() {
        return side + " " + from + " -> " + to + " @" + segmentIndex + " (" + cause + ")";
    }
}
