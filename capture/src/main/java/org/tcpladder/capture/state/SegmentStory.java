package org.tcpladder.capture.state;

import org.tcpladder.capture.tcp.Side;
import java.util.ArrayList;
import java.util.List;

import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * Chooses the sentences that explain one segment: what it is and why its numbers are what they are. Only
 * facts are gathered here (keys and arguments); {@link Narration} puts them into words.
 */
final class SegmentStory {
    static final String MID_STREAM = "segment.midStream";
    static final String SYN = "segment.syn";
    static final String SYN_AGAIN = "segment.synAgain";
    static final String SYN_CROSSING = "segment.synCrossing";
    static final String SYN_ACK = "segment.synAck";
    static final String SYN_ACK_AGAIN = "segment.synAckAgain";
    static final String SYN_ACK_SIMULTANEOUS = "segment.synAckSimultaneous";
    static final String SYN_WINDOW = "segment.synWindow";
    static final String OPTIONS = "segment.options";
    static final String HANDSHAKE_ACK = "segment.handshakeAck";
    static final String DATA = "segment.data";
    static final String ACK = "segment.ack";
    static final String ACK_FIRST = "segment.ackFirst";
    static final String ACK_CLAUSE = "segment.ackClause";
    static final String ACK_OF_FIN = "segment.ackOfFin";
    static final String ACK_OF_FIN_CLAUSE = "segment.ackOfFinClause";
    static final String FIN = "segment.fin";
    static final String FIN_CROSSING = "segment.finCrossing";
    static final String DATA_FIN = "segment.dataFin";
    static final String RST_REFUSED = "segment.rstRefused";
    static final String RST_ABORT = "segment.rstAbort";
    static final String RST_ANSWER = "segment.rstAnswer";
    static final String RST_NOT_EXACT = "segment.rstNotExact";
    static final String RST_IGNORED = "segment.rstIgnored";
    static final String KEEP_ALIVE = "segment.keepAlive";
    static final String ZERO_WINDOW_PROBE = "segment.zeroWindowProbe";
    static final String NO_ACK = "segment.noAck";
    static final String SCALED_WINDOW = "segment.scaledWindow";
    static final String OPTION_MSS = "option.mss";
    static final String OPTION_WINDOW_SCALE = "option.windowScale";
    static final String OPTION_SACK_PERMITTED = "option.sackPermitted";
    static final String OPTION_TIMESTAMPS = "option.timestamps";
    static final String OPTION_FAST_OPEN = "option.fastOpen";

    /** Every segment and option key this class can produce (the bundle must have each). */
    static final List<String> KEYS = List.of(MID_STREAM, SYN, SYN_AGAIN, SYN_CROSSING, SYN_ACK, SYN_ACK_AGAIN,
            SYN_ACK_SIMULTANEOUS,
            SYN_WINDOW, OPTIONS, HANDSHAKE_ACK, DATA, ACK, ACK_FIRST, ACK_CLAUSE, ACK_OF_FIN, ACK_OF_FIN_CLAUSE, FIN, FIN_CROSSING,
            DATA_FIN, RST_REFUSED, RST_ABORT, RST_ANSWER, RST_NOT_EXACT, RST_IGNORED, KEEP_ALIVE,
            ZERO_WINDOW_PROBE, NO_ACK, SCALED_WINDOW, OPTION_MSS, OPTION_WINDOW_SCALE, OPTION_SACK_PERMITTED,
            OPTION_TIMESTAMPS, OPTION_FAST_OPEN);

    private SegmentStory() {
    }

    /** What the observer knew just before the segment (the tracks change while it is processed). */
    record Before(TcpState senderState, TcpState receiverState, boolean senderSynSent, SeqNum senderIsn,
            boolean senderNextKnown, SeqNum senderNext, boolean senderAckSent, SeqNum senderLastAck,
            boolean receiverIsnKnown, SeqNum receiverIsn, boolean receiverFinSent, SeqNum receiverFin,
            boolean receiverNextKnown, SeqNum receiverNext, SeqNum receiverLastAck, long receiverWindowBytes) {
    }

    static Before before(SideTrack x, SideTrack y) {
        return new Before(x.state, y.state, x.isnKnown, x.isn, x.nextSeqKnown, x.nextSeq, x.ackSent,
                x.lastAckSent, y.isnKnown, y.isn, y.finSent, y.finSeq, y.nextSeqKnown, y.nextSeq,
                y.ackSent ? y.lastAckSent : null, y.lastWindowBytes);
    }

    static List<Phrase> tell(TcpSegment s, Side from, Before b, SideTrack x, SideTrack y, List<Anomaly> anomalies,
            long windowBytes, int windowShift, boolean completesHandshake, boolean rstAccepted, boolean midStreamStart,
            boolean explainScale, boolean simultaneousSynAck) {
        Side to = from.other();
        List<Phrase> out = new ArrayList<>(4);
        if (midStreamStart) {
            out.add(new Phrase(MID_STREAM));
        }
        int len = s.payloadLength();
        SeqNum seq = s.seq();
        boolean ack = s.has(TcpFlags.ACK);
        boolean acksPeerFinFirst = ack && b.receiverFinSent() && s.ack().greaterThan(b.receiverFin())
                && !(b.senderAckSent() && b.senderLastAck().greaterThan(b.receiverFin()));
        if (s.has(TcpFlags.RST)) {
            out.add(reset(s, from, b, rstAccepted, x, y));
        } else if (s.has(TcpFlags.SYN)) {
            synPhrases(s, from, b, out, simultaneousSynAck, x, y);
        } else if (has(anomalies, AnomalyKind.KEEP_ALIVE)) {
            out.add(new Phrase(KEEP_ALIVE, from, sq(seq, x), sq(seq.plus(1), x), to));
        } else if (has(anomalies, AnomalyKind.ZERO_WINDOW_PROBE)) {
            out.add(new Phrase(ZERO_WINDOW_PROBE, from, sq(seq, x), to));
        } else if (s.has(TcpFlags.FIN)) {
            SeqNum finSeq = seq.plus(len);
            if (len > 0) {
                out.add(new Phrase(DATA_FIN, from, (long) len, sq(seq, x), sq(seq.plus(len - 1), x), sq(finSeq, x), to,
                        sq(finSeq.plus(1), x)));
            } else {
                out.add(new Phrase(FIN, from, sq(finSeq, x), to, sq(finSeq.plus(1), x)));
            }
            if (acksPeerFinFirst) {
                out.add(new Phrase(ACK_OF_FIN_CLAUSE, to, sq(s.ack(), y), sq(b.receiverFin(), y)));
            } else if (b.receiverFinSent() && !(ack && s.ack().greaterThan(b.receiverFin()))) {
                out.add(new Phrase(FIN_CROSSING, to));
            }
        } else if (len > 0) {
            out.add(new Phrase(DATA, from, (long) len, sq(seq, x), sq(seq.plus(len - 1), x),
                    rel(seq, x), rel(seq.plus(len - 1), x), sq(seq.plus(len), x)));
            if (acksPeerFinFirst) {
                out.add(new Phrase(ACK_OF_FIN_CLAUSE, to, sq(s.ack(), y), sq(b.receiverFin(), y)));
            } else if (ack && (!b.senderAckSent() || !s.ack().equals(b.senderLastAck()))) {
                out.add(new Phrase(ACK_CLAUSE, to, sq(s.ack(), y)));
            }
        } else if (ack) {
            if (completesHandshake && b.receiverIsnKnown()) {
                out.add(new Phrase(HANDSHAKE_ACK, from, sq(s.ack(), y), to, sq(b.receiverIsn(), y)));
            } else if (acksPeerFinFirst) {
                out.add(new Phrase(ACK_OF_FIN, from, sq(s.ack(), y), to, sq(b.receiverFin(), y)));
            } else if (b.senderAckSent()) {
                long fresh = Math.max(s.ack().diff(b.senderLastAck()), 0);
                out.add(new Phrase(ACK, from, sq(s.ack(), y), rel(s.ack(), y), fresh, to));
            } else {
                out.add(new Phrase(ACK_FIRST, from, sq(s.ack(), y), rel(s.ack(), y), to));
            }
        } else {
            out.add(new Phrase(NO_ACK, from));
        }
        if (explainScale) {
            out.add(new Phrase(SCALED_WINDOW, (long) s.window(), windowBytes, (long) windowShift,
                    1L << windowShift));
        }
        for (Anomaly a : anomalies) {
            if (a.kind() == AnomalyKind.KEEP_ALIVE || a.kind() == AnomalyKind.ZERO_WINDOW_PROBE) {
                continue; // already told by the main sentence
            }
            out.add(anomaly(a, s, from, b, windowBytes, x, y));
        }
        return out;
    }

    private static void synPhrases(TcpSegment s, Side from, Before b, List<Phrase> out, boolean simultaneous,
            SideTrack x, SideTrack y) {
        Side to = from.other();
        SeqNum seq = s.seq();
        boolean sameIsnAgain = b.senderSynSent() && seq.equals(b.senderIsn());
        if (!s.has(TcpFlags.ACK)) {
            if (sameIsnAgain) {
                out.add(new Phrase(SYN_AGAIN, from, sq(seq, x)));
                return;
            }
            if (b.receiverIsnKnown() && b.receiverState() == TcpState.SYN_SENT) {
                out.add(new Phrase(SYN_CROSSING, from, sq(seq, x), to));
            } else {
                out.add(new Phrase(SYN, from, sq(seq, x), sq(seq.plus(1), x)));
            }
        } else {
            SeqNum peerIsn = s.ack().plus(-1);
            if (simultaneous) {
                out.add(new Phrase(SYN_ACK_SIMULTANEOUS, from, sq(seq, x), sq(s.ack(), y), to, sq(peerIsn, y)));
                return;
            }
            out.add(new Phrase(sameIsnAgain ? SYN_ACK_AGAIN : SYN_ACK, from, sq(seq, x), sq(s.ack(), y), to,
                    sq(peerIsn, y)));
            if (sameIsnAgain) {
                return;
            }
        }
        List<Phrase> parts = new ArrayList<>();
        for (TcpOption o : s.options()) {
            if (o instanceof TcpOption.MaxSegmentSize m) {
                parts.add(new Phrase(OPTION_MSS, (long) m.mss()));
            } else if (o instanceof TcpOption.WindowScale w) {
                int shift = Math.min(w.shift(), 14);
                parts.add(new Phrase(OPTION_WINDOW_SCALE, (long) shift, 1L << shift));
            } else if (o instanceof TcpOption.SackPermitted) {
                parts.add(new Phrase(OPTION_SACK_PERMITTED));
            } else if (o instanceof TcpOption.Timestamps) {
                parts.add(new Phrase(OPTION_TIMESTAMPS));
            } else if (o instanceof TcpOption.FastOpen) {
                parts.add(new Phrase(OPTION_FAST_OPEN));
            }
        }
        if (!parts.isEmpty()) {
            out.add(new Phrase(OPTIONS, parts));
        }
        out.add(new Phrase(SYN_WINDOW, (long) s.window()));
    }

    private static Phrase reset(TcpSegment s, Side from, Before b, boolean accepted, SideTrack x, SideTrack y) {
        Side to = from.other();
        if (b.receiverState() == TcpState.SYN_SENT && accepted
                && (b.senderState() == TcpState.LISTEN || b.senderState() == TcpState.CLOSED)) {
            return new Phrase(RST_REFUSED, from, new Phrase.Plain(s.src().port()), sq(s.ack(), y), to);
        }
        if (accepted) {
            return s.has(TcpFlags.ACK)
                    ? new Phrase(RST_ABORT, from, sq(s.seq(), x), to)
                    : new Phrase(RST_ANSWER, from, sq(s.seq(), x), to);
        }
        TcpState r = b.receiverState();
        if (r == TcpState.LISTEN || r == TcpState.CLOSED || r == TcpState.SYN_SENT) {
            return new Phrase(RST_IGNORED, from, to, r);
        }
        return new Phrase(RST_NOT_EXACT, from, sq(s.seq(), x), to, b.senderNextKnown() ? sq(b.senderNext(), x) : "?");
    }

    private static Phrase anomaly(Anomaly a, TcpSegment s, Side from, Before b, long windowBytes, SideTrack x,
            SideTrack y) {
        Side to = from.other();
        String key = a.kind().sentenceKey();
        SeqNum seq = s.seq();
        Object highest = b.senderNextKnown() ? sq(b.senderNext(), x) : "?";
        Object peerAck = b.receiverLastAck() != null ? sq(b.receiverLastAck(), x) : "?";
        switch (a.kind()) {
            case RETRANSMISSION:
            case OUT_OF_ORDER:
            case PREVIOUS_SEGMENT_NOT_CAPTURED:
                return new Phrase(key, from, to, sq(seq, x), highest);
            case FAST_RETRANSMISSION:
            case SPURIOUS_RETRANSMISSION:
                return new Phrase(key, from, to, sq(seq, x), peerAck);
            case ACKED_UNSEEN_SEGMENT:
                return new Phrase(key, from, to, sq(s.ack(), y));
            case DUPLICATE_ACK:
                return new Phrase(key, from, to, (long) a.number(), sq(s.ack(), y),
                        new Phrase.Plain(a.relatedSegmentIndex()));
            case WINDOW_FULL:
                return new Phrase(key, from, to, peerAck, b.receiverWindowBytes());
            case WINDOW_UPDATE:
                return new Phrase(key, from, to, windowBytes >= 0 ? windowBytes : (long) s.window());
            case DSACK:
                TcpOption.SackBlock block = firstSackBlock(s);
                return new Phrase(key, from, to, sq(block.left(), y), sq(block.right().plus(-1), y));
            default:
                return new Phrase(key, from, to);
        }
    }

    private static TcpOption.SackBlock firstSackBlock(TcpSegment s) {
        for (TcpOption o : s.options()) {
            if (o instanceof TcpOption.Sack sack && !sack.blocks().isEmpty()) {
                return sack.blocks().get(0);
            }
        }
        throw new IllegalStateException("D-SACK without SACK blocks");
    }

    private static boolean has(List<Anomaly> anomalies, AnomalyKind kind) {
        for (Anomaly a : anomalies) {
            if (a.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    /** A number of {@code owner}'s sequence space, with its relative value for the Relative mode. */
    private static Phrase.Seq sq(SeqNum n, SideTrack owner) {
        return new Phrase.Seq(n, owner.baseKnown ? n.minus(owner.base) : n.value());
    }

    private static Phrase.Plain rel(SeqNum n, SideTrack owner) {
        return new Phrase.Plain(owner.baseKnown ? n.minus(owner.base) : n.value());
    }
}
