package org.tcpladder.capture.state;

import org.tcpladder.capture.tcp.Side;
import java.util.List;

import org.tcpladder.capture.tcp.TcpSegment;

/**
 * What {@link StateInference#observe} learned from one segment.
 *
 * <p>The states are those known once this segment has been observed. A SYN or FIN changes its receiver's
 * state only when the receiver's next segment shows that it arrived (see {@link StateInference}), so the
 * receiver's change may appear in the {@link #transitions()} of a later segment, with the
 * {@link StateTransition#segmentIndex()} of this one.
 */
public final class SegmentAnalysis {
    private final TcpSegment segment;
    private final Side sender;
    private final TcpState clientState;
    private final TcpState serverState;
    private final List<StateTransition> transitions;
    private final List<Anomaly> anomalies;
    private final boolean assumed;
    private final long windowBytes;
    private final long relativeSeq;
    private final long relativeAck;
    private final List<Phrase> phrases;
    private final Narration narration;

    SegmentAnalysis(TcpSegment segment, Side sender, TcpState clientState, TcpState serverState,
            List<StateTransition> transitions, List<Anomaly> anomalies, boolean assumed, long windowBytes,
            long relativeSeq, long relativeAck, List<Phrase> phrases, Narration narration) {
        this.segment = segment;
        this.sender = sender;
        this.clientState = clientState;
        this.serverState = serverState;
        this.transitions = frozen(transitions);
        this.anomalies = frozen(anomalies);
        this.assumed = assumed;
        this.windowBytes = windowBytes;
        this.relativeSeq = relativeSeq;
        this.relativeAck = relativeAck;
        this.phrases = frozen(phrases);
        this.narration = narration;
    }

    /** An unmodifiable copy; most segments have no transitions and no anomalies: the shared empty list. */
    private static <T> List<T> frozen(List<T> list) {
        return list.isEmpty() ? List.of() : List.copyOf(list);
    }

    public TcpSegment segment() {
        return segment;
    }

    /** Which side sent the segment. */
    public Side sender() {
        return sender;
    }

    public TcpState clientState() {
        return clientState;
    }

    public TcpState serverState() {
        return serverState;
    }

    public TcpState state(Side side) {
        return side == Side.CLIENT ? clientState : serverState;
    }

    /**
     * The changes recorded while observing this segment, in the order they happened: TIME-WAIT timeouts
     * that fell due before it, arrivals of earlier segments that this one proved, then this segment's own.
     */
    public List<StateTransition> transitions() {
        return transitions;
    }

    public List<Anomaly> anomalies() {
        return anomalies;
    }

    public boolean has(AnomalyKind kind) {
        for (Anomaly a : anomalies) {
            if (a.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the states are assumptions rather than inferences: the capture did not begin with the
     * connection's SYN, so both sides were taken to be ESTABLISHED at its first segment.
     */
    public boolean assumed() {
        return assumed;
    }

    /**
     * The receive window this segment advertises in bytes: the window field shifted by the scale both
     * SYNs agreed on (never for a SYN itself, RFC 7323 section 2.2); -1 while the scale is unknown
     * (the capture missed the SYNs), in which case only {@link TcpSegment#window()} is known.
     */
    public long windowBytes() {
        return windowBytes;
    }

    /** Sequence number relative to the sender's ISN (the SYN is 0, its first data byte 1). */
    public long relativeSeq() {
        return relativeSeq;
    }

    /** Acknowledgment number relative to the receiver's ISN; -1 without the ACK bit. */
    public long relativeAck() {
        return relativeAck;
    }

    /** The segment explained in plain words, one sentence after another (absolute sequence numbers). */
    public String narration() {
        return narration.segment(this);
    }

    /** The same with its sequence numbers relative or absolute, as the arrows show them. */
    public String narration(NumberMode mode) {
        return narration.segment(this, mode);
    }

    /** The same sentences one by one: what the segment is, then one per anomaly. */
    public List<String> sentences() {
        return narration.sentences(this);
    }

    List<Phrase> phrases() {
        return phrases;
    }

    @Override
    public String toString() {
        return "#" + segment.index() + " " + sender + " client=" + clientState + " server=" + serverState
                + (assumed ? " (assumed)" : "") + " " + anomalies + " " + transitions;
    }
}
