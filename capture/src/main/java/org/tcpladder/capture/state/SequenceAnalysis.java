package org.tcpladder.capture.state;

import org.tcpladder.capture.tcp.Side;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * The per-segment findings of Wireshark's TCP sequence analysis, re-derived from the rules its user guide
 * documents ("TCP Analysis") and checked frame by frame against tshark 4.0: the same checks, in the same
 * order of precedence, over the same remembered values per direction. Each segment must be fed once, in
 * capture order.
 *
 * <p>Deliberate differences from tshark, both about sequence numbers that wrap to exactly 0:
 * <ul>
 *   <li>tshark keeps "next expected sequence number" as a plain number where 0 means "not seen yet", so
 *       once a direction's data ends exactly at 2^32 it forgets what it has seen and misses the next
 *       retransmission or gap. Here "seen yet" is a separate fact; SeqNum compares across the wrap.</li>
 *   <li>likewise an acknowledgment number of exactly 0 with the ACK bit set counts as an acknowledgment
 *       (tshark treats a last-ACK of 0 as "none" when testing for spurious retransmissions).</li>
 * </ul>
 */
final class SequenceAnalysis {
    /** A resend this soon after the duplicate ACKs that asked for it is a fast retransmission. */
    static final long FAST_RETRANSMISSION_WINDOW_NS = 20_000_000L;
    /** Out-of-order threshold while no handshake round-trip time is known. */
    static final long DEFAULT_OUT_OF_ORDER_NS = 3_000_000L;
    /** tshark stops remembering unacknowledged segments (and a FIN's extra number) beyond this many. */
    static final int MAX_UNACKED_SEGMENTS = 1000;

    /** Window scale: not known yet (no SYN seen). */
    static final int SCALE_UNKNOWN = -1;
    /** Window scale: known not to be in use (a SYN without the option, RFC 7323 section 2.2). */
    static final int SCALE_NONE = -2;

    private final Flow[] flows = {new Flow(), new Flow()};
    private long lastSynTimeNs;
    private boolean sawSyn;
    /** Time from the last SYN to the first ACK after it (Wireshark's iRTT); 0 = not measured. */
    private long initialRttNs;

    /** What one direction has sent, as far as the analysis remembers it. */
    static final class Flow {
        boolean nextSeqKnown;
        SeqNum nextSeq = new SeqNum(0);
        long nextSeqTimeNs;
        boolean maxSeqToBeAckedKnown;
        SeqNum maxSeqToBeAcked = new SeqNum(0);
        /** The ack field of this direction's last segment, whether or not ACK was set (as tshark keeps it). */
        SeqNum lastAck = new SeqNum(0);
        boolean lastAckUsable;
        long lastAckTimeNs;
        /** Raw 16-bit window of the last segment; -1 before any segment. */
        int window = -1;
        boolean windowFromSyn;
        int windowScale = SCALE_UNKNOWN;
        int dupAckCount;
        long lastNonDupAckIndex;
        /** The findings on this direction's last segment, one bit per {@link AnomalyKind} ordinal. */
        int lastKinds;
        final ArrayDeque<long[]> unacked = new ArrayDeque<>();
    }

    /**
     * Analyses one segment sent by {@code from}; returns its findings in {@link AnomalyKind} order. The
     * checks run in tshark's order, which matters where one finding excludes another: a zero-window probe
     * skips the window and ACK checks, a keep-alive is never a retransmission, a keep-alive ACK or
     * zero-window-probe ACK is not also a duplicate ACK, and spurious beats fast beats out-of-order beats
     * plain retransmission.
     */
    List<Anomaly> analyze(TcpSegment s, Side from) {
        Flow fwd = flows[from.ordinal()];
        Flow rev = flows[from.other().ordinal()];
        int flags = s.flags();
        boolean syn = TcpFlags.has(flags, TcpFlags.SYN);
        boolean fin = TcpFlags.has(flags, TcpFlags.FIN);
        boolean rst = TcpFlags.has(flags, TcpFlags.RST);
        boolean ackFlag = TcpFlags.has(flags, TcpFlags.ACK);
        boolean control = syn || fin || rst;
        int len = s.payloadLength();
        SeqNum seq = s.seq();
        SeqNum ack = s.ack();
        int window = s.window();
        long now = s.timeNs();
        // One bit per AnomalyKind ordinal: a set without an allocation per segment.
        int kinds = 0;
        Anomaly dupAck = null;

        // The handshake round trip (last SYN to the first segment that ACKs without SYN) sets the
        // out-of-order threshold, as tshark's iRTT does.
        if (syn && !ackFlag) {
            lastSynTimeNs = now;
            sawSyn = true;
        } else if (ackFlag && !syn && sawSyn && initialRttNs == 0) {
            initialRttNs = now - lastSynTimeNs;
        }

        boolean atNext = fwd.nextSeqKnown && seq.equals(fwd.nextSeq);
        boolean sameAckAsBefore = ack.equals(fwd.lastAck);
        forward:
        {
            // One byte at the next sequence number into a closed window: a zero-window probe.
            if (len == 1 && atNext && rev.window == 0) {
                kinds |= bit(AnomalyKind.ZERO_WINDOW_PROBE);
                break forward;
            }
            if (window == 0 && !control) {
                kinds |= bit(AnomalyKind.ZERO_WINDOW);
            }
            // Starting beyond what was seen means the capture missed what came in between.
            if (fwd.nextSeqKnown && seq.greaterThan(fwd.nextSeq) && !rst) {
                kinds |= bit(AnomalyKind.PREVIOUS_SEGMENT_NOT_CAPTURED);
            }
            // RFC 9293 section 3.8.4: a keep-alive repeats the byte before the next sequence number.
            if ((len == 0 || len == 1) && fwd.nextSeqKnown && seq.equals(fwd.nextSeq.plus(-1)) && !control) {
                kinds |= bit(AnomalyKind.KEEP_ALIVE);
            }
            if (len == 0 && window != 0 && window != fwd.window && atNext && sameAckAsBefore && !control) {
                kinds |= bit(AnomalyKind.WINDOW_UPDATE);
            }
            if (len > 0 && !control && rev.windowScale != SCALE_UNKNOWN && rev.window >= 0
                    && seq.plus(len).equals(rev.lastAck.plus(scaledWindow(rev)))) {
                kinds |= bit(AnomalyKind.WINDOW_FULL);
            }
            boolean repeatsLastAck = len == 0 && window == fwd.window && atNext && sameAckAsBefore && !control;
            if (repeatsLastAck && window != 0 && (rev.lastKinds & bit(AnomalyKind.KEEP_ALIVE)) != 0) {
                kinds |= bit(AnomalyKind.KEEP_ALIVE_ACK);
                break forward;
            }
            if (repeatsLastAck && window == 0 && (rev.lastKinds & bit(AnomalyKind.ZERO_WINDOW_PROBE)) != 0) {
                kinds |= bit(AnomalyKind.ZERO_WINDOW_PROBE_ACK);
                break forward;
            }
            if (repeatsLastAck && window != 0) {
                fwd.dupAckCount = fwd.dupAckCount < 0 ? 1 : fwd.dupAckCount + 1;
                kinds |= bit(AnomalyKind.DUPLICATE_ACK);
                dupAck = Anomaly.duplicateAck(fwd.dupAckCount, fwd.lastNonDupAckIndex);
            }
        }
        if (!sameAckAsBefore) {
            fwd.lastNonDupAckIndex = s.index();
            fwd.dupAckCount = 0;
        }

        // Acknowledging beyond the highest contiguous data seen: the capture missed that data. Reported
        // once per hole; the reverse direction's dup-ACK counter doubles as tshark's "already said" mark.
        if (ackFlag && rev.maxSeqToBeAckedKnown && ack.greaterThan(rev.maxSeqToBeAcked)) {
            if (rev.nextSeqKnown && rev.maxSeqToBeAcked.greaterThan(rev.nextSeq)) {
                rev.maxSeqToBeAcked = rev.nextSeq;
                kinds |= bit(AnomalyKind.ACKED_UNSEEN_SEGMENT);
            } else {
                if (rev.dupAckCount == 0) {
                    kinds |= bit(AnomalyKind.ACKED_UNSEEN_SEGMENT);
                }
                rev.dupAckCount = -1;
            }
        }

        if (len > 0 || syn || fin) {
            kinds |= classifyResend(s, fwd, rev, kinds);
        }

        // Remember what this direction has now sent.
        SeqNum end = seq.plus(len);
        if ((len > 0 || syn || fin) && fwd.unacked.size() < MAX_UNACKED_SEGMENTS) {
            if (syn || fin) {
                end = end.plus(1);
            }
            fwd.unacked.addLast(new long[] {seq.raw(), end.raw()});
        }
        boolean probe = (kinds & bit(AnomalyKind.ZERO_WINDOW_PROBE)) != 0;
        if ((!fwd.nextSeqKnown || end.greaterThan(fwd.nextSeq)) && !probe) {
            fwd.nextSeq = end;
            fwd.nextSeqKnown = true;
            fwd.nextSeqTimeNs = now;
        }
        if ((!fwd.maxSeqToBeAckedKnown || seq.equals(fwd.maxSeqToBeAcked)) && !probe) {
            fwd.maxSeqToBeAcked = fwd.nextSeq;
            fwd.maxSeqToBeAckedKnown = true;
        }
        fwd.window = window;
        fwd.windowFromSyn = syn;
        fwd.lastAck = ack;
        fwd.lastAckUsable = ackFlag || ack.raw() != 0;
        fwd.lastAckTimeNs = now;
        fwd.lastKinds = kinds;
        if (ackFlag || ack.raw() != 0) {
            forgetAcknowledged(rev, ack);
        }
        if (syn) {
            learnWindowScale(s, fwd, rev);
        }

        boolean dsack = isDsack(s);
        if (kinds == 0 && !dsack) {
            return List.of();
        }
        List<Anomaly> out = new ArrayList<>(Integer.bitCount(kinds) + 1);
        for (AnomalyKind k : KINDS) {
            if ((kinds & bit(k)) != 0) {
                out.add(k == AnomalyKind.DUPLICATE_ACK ? dupAck : Anomaly.of(k));
            }
        }
        if (dsack) {
            out.add(Anomaly.of(AnomalyKind.DSACK));
        }
        return out;
    }

    private static final AnomalyKind[] KINDS = AnomalyKind.values();

    private static int bit(AnomalyKind k) {
        return 1 << k.ordinal();
    }

    /**
     * A segment that carries sequence space below the highest already sent: which kind of resend it is.
     * Spurious (all of it already acknowledged) wins, then fast (right after two or more duplicate ACKs
     * asked for exactly this), then out-of-order (close behind the newest data), then plain.
     */
    private int classifyResend(TcpSegment s, Flow fwd, Flow rev, int kinds) {
        if ((kinds & bit(AnomalyKind.KEEP_ALIVE)) != 0) {
            return 0;
        }
        SeqNum seq = s.seq();
        int len = s.payloadLength();
        long now = s.timeNs();
        boolean notAdvanced = fwd.nextSeqKnown && seq.lessThan(fwd.nextSeq);
        // More than one byte starting one below the next number adds new data (after a window probe).
        if (len > 1 && fwd.nextSeqKnown && fwd.nextSeq.plus(-1).equals(seq)) {
            notAdvanced = false;
        }
        if (len > 0 && rev.lastAckUsable && seq.plus(len).lessOrEqual(rev.lastAck)) {
            return bit(AnomalyKind.SPURIOUS_RETRANSMISSION);
        }
        if (notAdvanced && rev.dupAckCount >= 2 && rev.lastAck.equals(seq)
                && Long.compareUnsigned(now - rev.lastAckTimeNs, FAST_RETRANSMISSION_WINDOW_NS) < 0) {
            return bit(AnomalyKind.FAST_RETRANSMISSION);
        }
        long threshold = initialRttNs != 0 ? initialRttNs : DEFAULT_OUT_OF_ORDER_NS;
        SeqNum end = seq.plus(s.sequenceLength());
        if (notAdvanced && Long.compareUnsigned(now - fwd.nextSeqTimeNs, threshold) < 0
                && !fwd.nextSeq.equals(end)) {
            return bit(AnomalyKind.OUT_OF_ORDER);
        }
        return notAdvanced ? bit(AnomalyKind.RETRANSMISSION) : 0;
    }

    /** Drops the remembered segments this acknowledgment covers completely. */
    private static void forgetAcknowledged(Flow rev, SeqNum ack) {
        for (Iterator<long[]> it = rev.unacked.iterator(); it.hasNext(); ) {
            long[] u = it.next();
            // ack >= end in sequence space (SeqNum.greaterOrEqual), without a number object per entry.
            if (ack.raw() - (int) u[1] >= 0) {
                it.remove();
            }
        }
    }

    /**
     * RFC 7323 section 2.2: the shift a side announced in its SYN applies only if both SYNs carried the
     * option; a SYN without it means neither side scales.
     */
    private static void learnWindowScale(TcpSegment s, Flow fwd, Flow rev) {
        for (TcpOption o : s.options()) {
            if (o instanceof TcpOption.WindowScale ws) {
                // RFC 7323 section 2.3: a shift above 14 is treated as 14.
                fwd.windowScale = Math.min(ws.shift(), 14);
            }
        }
        if (fwd.windowScale == SCALE_UNKNOWN) {
            fwd.windowScale = SCALE_NONE;
            rev.windowScale = SCALE_NONE;
        } else if (s.has(TcpFlags.ACK) && rev.windowScale == SCALE_NONE) {
            fwd.windowScale = SCALE_NONE;
        }
    }

    /** The last window this flow advertised, in bytes; a SYN's window is never scaled (RFC 7323 2.2). */
    private static long scaledWindow(Flow f) {
        if (f.windowFromSyn || f.windowScale < 0) {
            return f.window;
        }
        return (long) f.window << f.windowScale;
    }

    /** The receive window {@code s} advertises in bytes, or -1 while its scale is not known. */
    long windowBytes(TcpSegment s, Side from) {
        Flow f = flows[from.ordinal()];
        if (s.has(TcpFlags.SYN) || f.windowScale == SCALE_NONE) {
            return s.window();
        }
        if (f.windowScale == SCALE_UNKNOWN) {
            return -1;
        }
        return (long) s.window() << f.windowScale;
    }

    /** The shift applied to {@code side}'s windows: 0 when none, -1 while unknown. */
    int windowShift(Side side) {
        int w = flows[side.ordinal()].windowScale;
        return w == SCALE_NONE ? 0 : w;
    }

    /**
     * RFC 2883: the first SACK block is a duplicate report (D-SACK) when the cumulative ACK already covers
     * it, or when it lies inside the second block.
     */
    static boolean isDsack(TcpSegment s) {
        for (TcpOption o : s.options()) {
            if (o instanceof TcpOption.Sack sack && !sack.blocks().isEmpty()) {
                TcpOption.SackBlock first = sack.blocks().get(0);
                if (first.right().lessOrEqual(s.ack())) {
                    return true;
                }
                if (sack.blocks().size() > 1) {
                    TcpOption.SackBlock second = sack.blocks().get(1);
                    return first.left().greaterOrEqual(second.left()) && first.right().lessOrEqual(second.right());
                }
                return false;
            }
        }
        return false;
    }

    /** The handshake round-trip time in nanoseconds, 0 while not measured. */
    long initialRttNs() {
        return initialRttNs;
    }
}
