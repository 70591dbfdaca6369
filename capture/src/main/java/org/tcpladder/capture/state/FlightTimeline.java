package org.tcpladder.capture.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * Every segment of one connection as a flight: it leaves its sender (a departure) and reaches its
 * receiver (an arrival), or is lost on the way; and each side's events in the order that side went
 * through them. Fed the segments in capture order, then {@link #finish()}ed.
 *
 * <h2>The order of events at the far side</h2>
 * One capture point sees every departure there, and the peer's arrivals only through what the peer
 * sends next. The order is rebuilt from happens-before (Lamport, 1978) on the evidence each segment
 * carries:
 * <ul>
 *   <li>A segment that uses sequence space (data, SYN, FIN) arrived before the first reply that
 *       acknowledges it (its ACK number is above the segment's first number, or a SACK block covers it,
 *       RFC 9293 section 3.4, RFC 2018).</li>
 *   <li>It had not yet arrived when its receiver sent something that acknowledges it not: a segment with
 *       ACK below it, or a SYN without ACK (RFC 9293 section 3.10.7.3: a side that had the peer's SYN
 *       would have acknowledged it). Its arrival then comes after that departure: the two crossed.</li>
 *   <li>A segment that uses no sequence space (a pure ACK, a RST) can be shown neither way; it is taken
 *       to arrive before its receiver's next departure, as on loopback, where departure and arrival
 *       share a timestamp.</li>
 * </ul>
 * Each side's order then interleaves its own departures (capture order) with its arrivals (each just
 * after the last of its departures that it must follow). An arrival's time is the later of its
 * departure's time and that departure's; the model keeps the two times apart so that a second
 * observation point can fill in the receiver's own.
 *
 * <h2>Lost segments</h2>
 * A segment is lost when the same bytes are sent again while nothing from the receiver shows it
 * arrived: its ACKs and SACK blocks go around it (RFC 5681 section 3.2, RFC 6675), or it answered
 * nothing at all before the sender's timer ran out (RFC 6298; for a SYN, RFC 9293 section 3.8.1). A
 * D-SACK (RFC 2883) that later reports the bytes received twice withdraws the verdict: the first copy
 * had arrived and only the answer was missed. A lost segment has no arrival and changes no state at its
 * receiver. Each retransmission names its original (the first segment that carried its first number)
 * and the original its retransmissions. Segments never sent again are never called lost, so a clean
 * capture has no losses.
 *
 * <h2>Limits</h2>
 * At one capture point a lost answer looks like a lost segment unless a D-SACK tells; a segment lost
 * beyond the capture point's end is known only by its retransmission; segments in flight at the end of
 * the capture are taken to arrive. At most {@link #MAX_IN_FLIGHT} segments per direction are followed
 * in flight; older ones are taken to have arrived.
 *
 * <p>Not thread-safe.
 */
public final class FlightTimeline {
    private static final Side[] SIDES = Side.values();

    /** Segments followed in flight per direction; beyond this the oldest is taken to have arrived. */
    static final int MAX_IN_FLIGHT = 4096;
    /**
     * A copy sent sooner than this after the first, not asked for by duplicate ACKs or SACK blocks, is
     * no timer's work but the same packet seen twice (a capture on two interfaces): Linux's quickest
     * retransmission timer, the tail loss probe (RFC 8985), waits at least two clock ticks.
     */
    static final long MIN_TIMER_NS = 1_000_000L;
    /** Recent segments per sender searched for the original of a retransmission. */
    private static final int RECENT = 1024;

    private static final byte IN_FLIGHT = 0;
    private static final byte ARRIVED = 1;
    private static final byte LOST = 2;

    private int n;
    private byte[] sender;
    private byte[] fate;
    private long[] departNs;
    /** The receiver's last departure the arrival follows; the segment's own position when none. */
    private int[] arriveAfter;
    private int[] original;
    private int[] seqStart;
    private int[] seqEnd;
    private boolean[] syn;
    private boolean[] synAck;
    private final Map<Integer, Loss> losses = new HashMap<>();
    private final Map<Integer, int[]> copies = new HashMap<>();
    /** For a lost segment: the receiver's last departure before the copy (where a withdrawn loss arrives). */
    private final Map<Integer, Integer> lostBefore = new HashMap<>();

    /** Per receiving side: positions in flight to it, oldest first. */
    private final int[][] inFlight = {new int[16], new int[16]};
    private final int[] inFlightCount = new int[2];
    /** Per side: its last departure's position, -1 before any. */
    private final int[] lastDeparture = {-1, -1};
    /** Per side as receiver: its last acknowledgment, how often repeated, its last SACK blocks' top. */
    private final boolean[] ackKnown = new boolean[2];
    private final int[] lastAck = new int[2];
    private final int[] duplicateAcks = new int[2];
    private final boolean[] sackKnown = new boolean[2];
    private final int[] sackTop = new int[2];
    /** Per sender: the zero of its relative numbers (tcpdump's base), once known. */
    private final boolean[] baseKnown = new boolean[2];
    private final int[] base = new int[2];
    /** Per sender: its recent sequence-using segments, a ring. */
    private final int[][] recent = {new int[RECENT], new int[RECENT]};
    private final int[] recentCount = new int[2];
    /** Per sender: its recent losses, a small ring, for D-SACKs that withdraw them. */
    private final int[][] recentLosses = {new int[64], new int[64]};
    private final int[] recentLossCount = new int[2];

    private boolean finished;
    private int[] departOrder;
    private int[] arriveOrder;
    private int[] departStep;
    private int[] arriveStep;

    /** A timeline that grows as segments come. */
    public FlightTimeline() {
        this(16);
    }

    /** A timeline with room for {@code expectedSegments} (a whole connection's count saves regrowing). */
    public FlightTimeline(int expectedSegments) {
        int size = Math.max(16, expectedSegments);
        sender = new byte[size];
        fate = new byte[size];
        departNs = new long[size];
        arriveAfter = new int[size];
        original = new int[size];
        seqStart = new int[size];
        seqEnd = new int[size];
        syn = new boolean[size];
        synAck = new boolean[size];
    }

    /**
     * Adds the connection's next segment, in capture order.
     *
     * @throws IllegalStateException after {@link #finish()}
     */
    public void add(SegmentAnalysis a) {
        if (finished) {
            throw new IllegalStateException("the timeline is finished");
        }
        TcpSegment s = a.segment();
        Side from = a.sender();
        Side to = from.other();
        int p = n++;
        grow(p);
        sender[p] = (byte) from.ordinal();
        departNs[p] = s.timeNs();
        arriveAfter[p] = p;
        original[p] = -1;
        int seqLen = (int) s.sequenceLength();
        seqStart[p] = s.seq().raw();
        seqEnd[p] = seqStart[p] + seqLen;
        syn[p] = s.has(TcpFlags.SYN);
        synAck[p] = syn[p] && s.has(TcpFlags.ACK);
        if (!baseKnown[from.ordinal()]) {
            base[from.ordinal()] = s.seq().raw() - (int) a.relativeSeq();
            baseKnown[from.ordinal()] = true;
        }

        // What this segment acknowledges tells what had reached its sender before it left.
        List<TcpOption.SackBlock> sack = sackBlocks(s);
        settle(from, s, sack);
        if (seqLen > 0 && isResend(a)) {
            int first = originalOf(from, s);
            if (first >= 0) {
                original[p] = first;
                int[] c = copies.get(first);
                c = c == null ? new int[1] : Arrays.copyOf(c, c.length + 1);
                c[c.length - 1] = p;
                copies.put(first, c);
                loseCopiesBefore(from, p, s.index());
            }
        }
        if (seqLen > 0) {
            push(to.ordinal(), p);
            remember(from.ordinal(), p);
        } else {
            fate[p] = ARRIVED;
        }
        lastDeparture[from.ordinal()] = p;
        noteAcknowledgment(from, s, seqLen, sack);
    }

    /** No more segments: what is still in flight is taken to arrive after its receiver's last departure. */
    public void finish() {
        if (finished) {
            return;
        }
        for (int side = 0; side < 2; side++) {
            for (int i = 0; i < inFlightCount[side]; i++) {
                arrive(inFlight[side][i], lastDeparture[side]);
            }
            inFlightCount[side] = 0;
        }
        finished = true;
        order();
    }

    public int size() {
        return n;
    }

    /** Who sent segment {@code position}. */
    public Side sender(int position) {
        return SIDES[sender[check(position)]];
    }

    /** The segment leaving its sender. */
    public SegmentEvent departure(int position) {
        requireFinished();
        return new SegmentEvent(sender(position), SegmentEvent.Kind.DEPARTURE, position, departOrder[position],
                departStep[position], departNs[position]);
    }

    /** The segment reaching its receiver; null when it was lost. */
    public SegmentEvent arrival(int position) {
        requireFinished();
        if (fate[check(position)] == LOST) {
            return null;
        }
        return new SegmentEvent(sender(position).other(), SegmentEvent.Kind.ARRIVAL, position,
                arriveOrder[position], arriveStep[position], arrivalNs(position));
    }

    public boolean lost(int position) {
        return fate[check(position)] == LOST;
    }

    /** Why segment {@code position} counts as lost; null when it is not. */
    public Loss loss(int position) {
        return fate[check(position)] == LOST ? losses.get(position) : null;
    }

    /** The position of the segment this one sends again (the first that carried its first number), or -1. */
    public int retransmissionOf(int position) {
        return original[check(position)];
    }

    /** The positions of the segments that send this one's bytes again, in order; empty for most. */
    public List<Integer> retransmittedBy(int position) {
        int[] c = copies.get(check(position));
        if (c == null) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>(c.length);
        for (int x : c) {
            out.add(x);
        }
        return out;
    }

    /** The first copy sent after {@code position} of the same original that was not lost, or -1. */
    public int nextArrivedCopy(int position) {
        int first = original[check(position)] >= 0 ? original[position] : position;
        int[] c = copies.get(first);
        if (c != null) {
            for (int x : c) {
                if (x > position && fate[x] != LOST) {
                    return x;
                }
            }
        }
        return -1;
    }

    /** Every event of {@code side}, in the order it went through them. */
    public List<SegmentEvent> events(Side side) {
        requireFinished();
        List<SegmentEvent> out = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            if (sender[p] == side.ordinal()) {
                out.add(departure(p));
            } else if (fate[p] != LOST) {
                out.add(arrival(p));
            }
        }
        out.sort((x, y) -> Integer.compare(x.order(), y.order()));
        return out;
    }

    // ---------------------------------------------------------------------------------------------

    /** The segments in flight to {@code side}, judged by what {@code side} now sends. */
    private void settle(Side side, TcpSegment d, List<TcpOption.SackBlock> sack) {
        int r = side.ordinal();
        boolean ack = d.has(TcpFlags.ACK);
        boolean denies = ack || d.has(TcpFlags.SYN);
        if (!sack.isEmpty() && SequenceAnalysis.isDsack(d)) {
            withdrawLosses(side.other().ordinal(), sack.get(0));
        }
        int[] q = inFlight[r];
        int kept = 0;
        for (int i = 0; i < inFlightCount[r]; i++) {
            int p = q[i];
            // A side that had the peer's SYN,ACK would answer with a plain ACK, not a SYN of its own
            // (RFC 9293 3.10.7.3): a SYN,ACK it answers with SYN,ACK crossed it (simultaneous open).
            boolean crossedSynAck = synAck[p] && d.has(TcpFlags.SYN);
            boolean proven = !crossedSynAck && (ack && d.ack().raw() - seqStart[p] > 0 || covered(sack, seqStart[p]));
            if (proven || !denies) {
                arrive(p, lastDeparture[r]);
            } else {
                q[kept++] = p;
            }
        }
        inFlightCount[r] = kept;
    }

    private void arrive(int p, int after) {
        fate[p] = ARRIVED;
        if (after > p) {
            arriveAfter[p] = after;
        }
    }

    /**
     * When segment {@code p} arrived as far as one capture point can tell: no earlier than it left, nor
     * than the receiver's departure it follows. (A second observation point gives the receiver's own.)
     */
    private long arrivalNs(int p) {
        int after = arriveAfter[p];
        return after > p ? Math.max(departNs[p], departNs[after]) : departNs[p];
    }

    /** The sender sends again bytes still in flight: those copies were lost. */
    private void loseCopiesBefore(Side from, int copy, long copyPacket) {
        int r = from.other().ordinal();
        int[] q = inFlight[r];
        int kept = 0;
        for (int i = 0; i < inFlightCount[r]; i++) {
            int x = q[i];
            boolean repeated = seqStart[x] - seqStart[copy] >= 0 && seqStart[x] - seqEnd[copy] < 0;
            Loss loss = repeated ? evidence(from, x, copy, copyPacket) : null;
            if (loss != null) {
                fate[x] = LOST;
                losses.put(x, loss);
                lostBefore.put(x, lastDeparture[r]);
                int[] ring = recentLosses[from.ordinal()];
                ring[recentLossCount[from.ordinal()]++ % ring.length] = x;
            } else {
                q[kept++] = x;
            }
        }
        inFlightCount[r] = kept;
    }

    /** Why {@code x} counts as lost now that {@code copy} repeats it; null when nothing shows it was. */
    private Loss evidence(Side from, int x, int copy, long copyPacket) {
        int r = from.other().ordinal();
        long waited = departNs[copy] - departNs[x];
        boolean silent = lastDeparture[r] < x;
        int asked = ackKnown[r] ? lastAck[r] : seqStart[x];
        boolean syn = seqEnd[x] - seqStart[x] == 1 && isSynAt(x);
        Loss.Evidence kind;
        int top = asked;
        if (syn || (silent && !ackKnown[r])) {
            kind = syn ? Loss.Evidence.SYN_UNANSWERED : Loss.Evidence.NEVER_ACKNOWLEDGED;
            asked = seqStart[x];
        } else if (!silent && asked - seqStart[x] <= 0 && sackKnown[r] && sackTop[r] - seqEnd[x] >= 0) {
            kind = Loss.Evidence.SACK_AROUND;
            top = sackTop[r];
        } else if (!silent && asked - seqStart[x] <= 0 && duplicateAcks[r] > 0) {
            kind = Loss.Evidence.DUPLICATE_ACKS;
        } else {
            kind = Loss.Evidence.NEVER_ACKNOWLEDGED;
        }
        boolean timer = kind == Loss.Evidence.SYN_UNANSWERED || kind == Loss.Evidence.NEVER_ACKNOWLEDGED;
        if (timer && waited < MIN_TIMER_NS) {
            return null;
        }
        int b = base[from.ordinal()];
        return new Loss(kind, from, copy, copyPacket, new SeqNum(asked), relative(asked, b), new SeqNum(top),
                relative(top, b), duplicateAcks[r], waited);
    }

    private static long relative(int raw, int base) {
        return (raw - base) & 0xFFFF_FFFFL;
    }

    /** Whether segment {@code x}, one sequence number long, is a SYN (else a FIN or one byte). */
    private boolean isSynAt(int x) {
        return syn[x];
    }

    /** A D-SACK reports bytes received twice: a copy judged lost had arrived after all. */
    private void withdrawLosses(int senderSide, TcpOption.SackBlock block) {
        int[] ring = recentLosses[senderSide];
        int count = Math.min(recentLossCount[senderSide], ring.length);
        for (int i = 0; i < count; i++) {
            int x = ring[i];
            if (fate[x] == LOST && seqStart[x] - block.left().raw() >= 0 && seqEnd[x] - block.right().raw() <= 0) {
                Integer after = lostBefore.remove(x);
                losses.remove(x);
                arrive(x, after == null ? x : after);
            }
        }
    }

    private void noteAcknowledgment(Side side, TcpSegment s, int seqLen, List<TcpOption.SackBlock> sack) {
        int r = side.ordinal();
        if (s.has(TcpFlags.ACK)) {
            int a = s.ack().raw();
            if (ackKnown[r] && a == lastAck[r]) {
                if (seqLen == 0) {
                    duplicateAcks[r]++;
                }
            } else {
                ackKnown[r] = true;
                lastAck[r] = a;
                duplicateAcks[r] = 0;
            }
        }
        sackKnown[r] = false;
        for (TcpOption.SackBlock b : sack) {
            if (!sackKnown[r] || b.right().raw() - sackTop[r] > 0) {
                sackTop[r] = b.right().raw();
                sackKnown[r] = true;
            }
        }
    }

    private static boolean isResend(SegmentAnalysis a) {
        for (Anomaly x : a.anomalies()) {
            switch (x.kind()) {
                case RETRANSMISSION:
                case FAST_RETRANSMISSION:
                case SPURIOUS_RETRANSMISSION:
                case OUT_OF_ORDER:
                    return true;
                default:
                    break;
            }
        }
        return false;
    }

    /** The earliest recent segment from {@code from} whose sequence range holds this one's first number. */
    private int originalOf(Side from, TcpSegment s) {
        int f = from.ordinal();
        int[] ring = recent[f];
        int count = recentCount[f];
        int start = Math.max(0, count - ring.length);
        int seq = s.seq().raw();
        for (int i = start; i < count; i++) {
            int x = ring[i % ring.length];
            if (seq - seqStart[x] >= 0 && seq - seqEnd[x] < 0) {
                return original[x] >= 0 ? original[x] : x;
            }
        }
        return -1;
    }

    private void remember(int f, int p) {
        recent[f][recentCount[f]++ % RECENT] = p;
    }

    private void push(int r, int p) {
        if (inFlightCount[r] == MAX_IN_FLIGHT) {
            // Followed no longer: taken to have arrived (see Limits).
            int oldest = inFlight[r][0];
            arrive(oldest, lastDeparture[r]);
            System.arraycopy(inFlight[r], 1, inFlight[r], 0, --inFlightCount[r]);
        }
        if (inFlightCount[r] == inFlight[r].length) {
            inFlight[r] = Arrays.copyOf(inFlight[r], inFlight[r].length * 2);
        }
        inFlight[r][inFlightCount[r]++] = p;
    }

    private static List<TcpOption.SackBlock> sackBlocks(TcpSegment s) {
        for (TcpOption o : s.options()) {
            if (o instanceof TcpOption.Sack sack) {
                return sack.blocks();
            }
        }
        return List.of();
    }

    private static boolean covered(List<TcpOption.SackBlock> sack, int seq) {
        for (TcpOption.SackBlock b : sack) {
            if (seq - b.left().raw() >= 0 && seq - b.right().raw() < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Numbers each side's events: its departures in capture order, each arrival just after the last
     * departure it must follow (arrivals after the same departure in the order they left); and both
     * sides' events together in one order with the same rule (the steps). One pass: the arrivals are
     * bucketed by the departure they follow (a counting sort, stable in position), then merged.
     */
    private void order() {
        departOrder = new int[n];
        arriveOrder = new int[n];
        departStep = new int[n];
        arriveStep = new int[n];
        int[] start = new int[n + 1];
        for (int p = 0; p < n; p++) {
            if (fate[p] != LOST) {
                start[arriveAfter[p] + 1]++;
            }
        }
        for (int m = 0; m < n; m++) {
            start[m + 1] += start[m];
        }
        int count = start[n];
        int[] arrivals = new int[count];
        int[] fill = Arrays.copyOf(start, n);
        for (int p = 0; p < n; p++) {
            if (fate[p] != LOST) {
                arrivals[fill[arriveAfter[p]]++] = p;
            }
        }
        int[] sideOrder = new int[2];
        int step = 0;
        int next = 0;
        for (int p = 0; p < n; p++) {
            // Arrivals that follow departure p - 1 (or an earlier one) come before departure p; an
            // arrival's own departure is at or before the one it follows, so it always comes after that.
            for (int end = start[p]; next < end; next++) {
                int a = arrivals[next];
                arriveOrder[a] = sideOrder[1 - sender[a]]++;
                arriveStep[a] = step++;
            }
            departOrder[p] = sideOrder[sender[p]]++;
            departStep[p] = step++;
        }
        for (; next < count; next++) {
            int a = arrivals[next];
            arriveOrder[a] = sideOrder[1 - sender[a]]++;
            arriveStep[a] = step++;
        }
    }

    private void grow(int p) {
        if (p < sender.length) {
            return;
        }
        int size = sender.length * 2;
        sender = Arrays.copyOf(sender, size);
        fate = Arrays.copyOf(fate, size);
        departNs = Arrays.copyOf(departNs, size);
        arriveAfter = Arrays.copyOf(arriveAfter, size);
        original = Arrays.copyOf(original, size);
        seqStart = Arrays.copyOf(seqStart, size);
        seqEnd = Arrays.copyOf(seqEnd, size);
        syn = Arrays.copyOf(syn, size);
        synAck = Arrays.copyOf(synAck, size);
    }

    private int check(int position) {
        if (position < 0 || position >= n) {
            throw new IndexOutOfBoundsException("segment " + position + " of " + n);
        }
        return position;
    }

    private void requireFinished() {
        if (!finished) {
            throw new IllegalStateException("the timeline is not finished: call finish() first");
        }
    }
}
