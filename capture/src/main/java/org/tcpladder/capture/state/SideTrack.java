package org.tcpladder.capture.state;

import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.TcpSegment;

/** What the observer knows about one side: its state and the sequence numbers it has used and seen. */
final class SideTrack {
    TcpState state;
    /** Reached SYN-RECEIVED from LISTEN: a reset returns it to LISTEN (RFC 9293 3.10.7.4). */
    boolean passiveOpen;
    /** Received the peer's SYN while its own was unanswered (RFC 9293 3.10.7.3, simultaneous open). */
    boolean simultaneousOpen;
    /** Its state has changed at least once (an initial state may still be revised until then). */
    boolean changed;

    boolean isnKnown;
    SeqNum isn;
    /** Zero point of relative numbers: the ISN, or one below the first sequence number seen. */
    boolean baseKnown;
    SeqNum base;
    /** One past the highest sequence number this side has sent (SYN and FIN count one each). */
    boolean nextSeqKnown;
    SeqNum nextSeq;
    boolean finSent;
    /** The sequence number the FIN occupies. */
    SeqNum finSeq;

    boolean ackSent;
    SeqNum lastAckSent;
    /** Bytes the last window this side advertised allows, -1 while unknown. */
    long lastWindowBytes = -1;
    /** The narration has told once how this side's windows are scaled. */
    boolean windowScaleExplained;

    boolean peerSynArrived;
    SeqNum peerIsn;
    boolean peerFinArrived;
    SeqNum peerFinSeq;

    /** When TIME-WAIT was entered or last restarted. */
    long timeWaitSinceNs;

    /** A SYN or FIN from the peer captured on its way here, not yet shown to have arrived. */
    Pending pendingSyn;
    Pending pendingFin;

    SideTrack(TcpState initial) {
        this.state = initial;
    }

    /**
     * A control segment in flight to this side.
     *
     * @param segment    the latest copy of it (a retransmission replaces the first)
     * @param controlSeq the sequence number the SYN or FIN occupies: arrival is proved by an ACK above it
     * @param syn        a SYN (else a FIN)
     * @param first      its first copy: what the receiver's state is until the proof comes is open from
     *                   there on (in a simultaneous open, a plain SYN its sender then repeats as SYN,ACK)
     */
    record Pending(TcpSegment segment, SeqNum controlSeq, boolean syn, TcpSegment first) {
        /** The same control segment, now in flight as {@code copy}. */
        Pending resentAs(TcpSegment copy) {
            return new Pending(copy, controlSeq, syn, first);
        }

        long firstIndex() {
            return first.index();
        }
    }
}
