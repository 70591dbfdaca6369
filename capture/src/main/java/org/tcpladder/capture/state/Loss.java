package org.tcpladder.capture.state;

import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.Side;

/**
 * Why a segment counts as lost on its way: what its receiver did (or did not do) before the sender sent
 * the same bytes again. Worded by {@link Narration#loss}.
 *
 * @param evidence           which evidence shows it
 * @param sender             the side that sent the lost segment (and its retransmission)
 * @param retransmission     the position of the copy sent next, in the connection
 * @param retransmissionPacket the packet number of that copy (what the narration names)
 * @param asked              the receiver's acknowledgment number at the time: the byte it asked for next
 * @param askedRelative      the same number relative to its owner's base (tcpdump's rule)
 * @param sackRight          for {@link Evidence#SACK_AROUND}: one past the highest byte the receiver's SACK
 *                           blocks reported beyond the lost segment; otherwise {@code asked}
 * @param sackRightRelative  the same, relative
 * @param duplicateAcks      how many duplicate ACKs asked for {@code asked} before the copy left
 * @param waitedNs           from the lost segment's departure to its copy's
 */
public record Loss(Evidence evidence, Side sender, int retransmission, long retransmissionPacket, SeqNum asked,
                   long askedRelative, SeqNum sackRight, long sackRightRelative, int duplicateAcks, long waitedNs) {

    /** The kind of evidence that the receiver never got the segment. */
    public enum Evidence {
        /** A SYN its receiver never answered before it was sent again. */
        SYN_UNANSWERED,
        /** Data or a FIN the receiver never acknowledged before the sender's timer sent it again. */
        NEVER_ACKNOWLEDGED,
        /** The receiver's duplicate ACKs kept asking for the segment's first byte (RFC 5681 3.2). */
        DUPLICATE_ACKS,
        /** The receiver's SACK blocks reported bytes beyond it while its ACKs asked for it (RFC 2018). */
        SACK_AROUND
    }

    /** The narration bundle key of the sentence explaining the loss. */
    public String key() {
        return "loss." + evidence.name();
    }
}
