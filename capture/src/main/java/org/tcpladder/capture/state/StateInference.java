package org.tcpladder.capture.state;

import org.tcpladder.capture.tcp.Side;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

import org.tcpladder.capture.tcp.Endpoint;
import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * A passive observer's view of both sides of one TCP connection: each side's RFC 9293 state, every change
 * of it, and Wireshark's analysis findings, segment by segment as the capture delivers them.
 *
 * <h2>How the states are inferred</h2>
 * A side's state changes when it <em>sends</em> (a SYN opens, a FIN closes, a RST aborts) and when a
 * segment <em>arrives</em> at it (RFC 9293 section 3.10.7). The capture shows when a segment was sent, not
 * when it arrived, so:
 * <ul>
 *   <li>An ACK or RST acts on its receiver at once, at its own capture time (on loopback sending and
 *       arriving are the same moment).</li>
 *   <li>A SYN or FIN acts on its receiver only once the receiver's own next segment proves the arrival:
 *       it acknowledges the SYN or FIN (the change is then dated at the SYN or FIN), or it is itself a
 *       SYN or FIN that does not acknowledge it, which shows the two crossed on the way (simultaneous
 *       open or close: the arrival is dated just after the crossing segment). A later segment from the
 *       same sender, beyond the SYN or FIN in sequence space, also shows it arrived (segments arrive in
 *       the order they were sent), just before that segment does. Until then the SYN or FIN is in
 *       flight. This is what makes a lost SYN change nothing at its receiver, and crossing FINs give
 *       both sides CLOSING, as the kernels' own state shows.</li>
 * </ul>
 * Both sides start in CLOSED; the client's SYN makes it SYN-SENT. The receiver of the first SYN is
 * LISTEN only once its answer shows a listening socket (its SYN,ACK): then it was LISTEN from the start
 * (since listen(), before the capture could see), and {@link #statesAt} and the first transition's
 * {@code from} say so. A refused SYN (answered with RST) leaves it CLOSED throughout; in a simultaneous
 * open both sides go CLOSED, SYN-SENT, SYN-RECEIVED, ESTABLISHED. If the capture begins after the SYN
 * (or the caller says {@code midStream}), both sides are taken to be ESTABLISHED and every result is
 * flagged {@link SegmentAnalysis#assumed()}.
 *
 * <p>Crossing FINs (each sent before the other arrived) are both told as a simultaneous close
 * ({@link TransitionCause#SENT_FIN_SIMULTANEOUS}); the first FIN's transition is revised once the second
 * shows the crossing ({@link #takeRevisions()}). Which segments were lost, and each side's own order of
 * events, is {@link FlightTimeline}'s to say, over the segments this observer analysed.
 *
 * <h2>Where the capture was taken</h2>
 * The inference reads the capture as if taken at a point where sending and arriving coincide: loopback,
 * or close to both hosts. A capture on one host of a long path sees that host's segments when they leave
 * and the peer's when they arrive; the peer's own changes then appear one path delay late, and a segment
 * lost beyond the capture point still looks sent (its retransmission is what shows the loss). Sequence
 * numbers are compared only through {@link SeqNum}, so connections that wrap past 2^32 are fine.
 *
 * <h2>Limits</h2>
 * Like any passive observer (compare gopacket's tcpcheck) it cannot see the applications' calls, the
 * timers other than TIME-WAIT, data that is buffered but not yet sent, or segments the capture dropped;
 * it assumes the receiver acknowledges what it got. Changes that send nothing stay invisible: Linux
 * drops a FIN-WAIT-2 connection whose application has closed after tcp_fin_timeout (60 s), and a
 * half-closed one stays; the capture cannot tell them apart, so FIN-WAIT-2 lasts. One instance follows
 * one incarnation of one connection: a new SYN after the connection closed (port reuse) belongs to a new
 * instance. TIME-WAIT lasts {@link #LINUX_TIME_WAIT} unless told otherwise (RFC 9293 suggests 2 MSL =
 * 4 minutes). Checked against the kernel's own view ({@code ss}) on real loopback sessions, and the
 * findings against tshark's, by the tests.
 *
 * <p>Not thread-safe: feed it from one thread.
 */
public final class StateInference {
    /** Linux's TIME-WAIT length (TCP_TIMEWAIT_LEN): 60 seconds. */
    public static final Duration LINUX_TIME_WAIT = Duration.ofSeconds(60);
    private static final Side[] SIDES = Side.values();

    private final Endpoint client;
    private final Endpoint server;
    private final long timeWaitNs;
    private final Narration narration;
    private final SideTrack[] tracks = new SideTrack[2];
    private final SequenceAnalysis sequenceAnalysis = new SequenceAnalysis();
    private final List<StateTransition> transitions = new ArrayList<>();
    private final List<StateTransition> unmodifiableTransitions = Collections.unmodifiableList(transitions);
    private final List<StateTransition[]> revisions = new ArrayList<>(1);
    private List<StateTransition> recording;
    private int lastAnomalyCount;
    /** What crosses the segment being observed (reused: one observation at a time). */
    private final List<SideTrack.Pending> crossing = new ArrayList<>(2);
    private boolean assumed;
    private boolean started;
    private TcpState initialClient;
    private TcpState initialServer;

    /**
     * @param client    the sender of the connection's first SYN
     * @param server    the other end
     * @param midStream the capture began after the handshake: take both sides to be ESTABLISHED
     */
    public StateInference(Endpoint client, Endpoint server, boolean midStream) {
        this(client, server, midStream, LINUX_TIME_WAIT, Narration.english());
    }

    /**
     * @param timeWait  how long TIME-WAIT lasts (2 MSL)
     * @param narration the language of {@link SegmentAnalysis#narration()}
     */
    public StateInference(Endpoint client, Endpoint server, boolean midStream, Duration timeWait,
            Narration narration) {
        if (client.equals(server)) {
            throw new IllegalArgumentException("client and server are the same endpoint " + client);
        }
        this.client = client;
        this.server = server;
        this.timeWaitNs = timeWait.toNanos();
        this.narration = narration;
        this.assumed = midStream;
        // RFC 9293 3.10.7.1/3.10.7.2: the receiver of the first SYN is LISTEN only if something shows it
        // (its SYN,ACK); until then it has no socket the capture knows of, and a refused SYN leaves it so.
        setInitialStates(midStream ? TcpState.ESTABLISHED : TcpState.CLOSED,
                midStream ? TcpState.ESTABLISHED : TcpState.CLOSED);
    }

    /**
     * Infers both states for a whole connection at once: the client is the sender of the first SYN
     * without ACK (else the receiver of the first SYN,ACK, else the sender of the first segment), and the
     * capture counts as mid-stream when it does not start with a SYN.
     */
    public static List<SegmentAnalysis> analyzeAll(List<TcpSegment> segments) {
        if (segments.isEmpty()) {
            return List.of();
        }
        TcpSegment first = segments.get(0);
        Endpoint c = first.src();
        Endpoint s = first.dst();
        for (TcpSegment seg : segments) {
            if (seg.has(TcpFlags.SYN)) {
                boolean synAck = seg.has(TcpFlags.ACK);
                c = synAck ? seg.dst() : seg.src();
                s = synAck ? seg.src() : seg.dst();
                break;
            }
        }
        StateInference inference = new StateInference(c, s, !first.has(TcpFlags.SYN));
        return inference.observeAll(segments);
    }

    /** Observes each segment in turn. */
    public List<SegmentAnalysis> observeAll(List<TcpSegment> segments) {
        List<SegmentAnalysis> out = new ArrayList<>(segments.size());
        for (TcpSegment s : segments) {
            out.add(observe(s));
        }
        return out;
    }

    /**
     * Observes the next segment of this connection, in capture order.
     *
     * @throws IllegalArgumentException if the segment is not between the client and the server
     */
    public SegmentAnalysis observe(TcpSegment s) {
        return observe(s, true);
    }

    /**
     * Observes the next segment as {@link #observe} does, with the same states, transitions and
     * findings, but builds no {@link SegmentAnalysis} and no narration: returns only how many anomalies
     * the segment has. For a caller that wants final states and counts only ({@code connections}),
     * where building every segment's story was most of the time.
     *
     * @throws IllegalArgumentException if the segment is not between the client and the server
     */
    public int observeCounting(TcpSegment s) {
        observe(s, false);
        return lastAnomalyCount;
    }

    /** The one observing step: a {@link SegmentAnalysis} when {@code tell}, else null; counts the anomalies. */
    private SegmentAnalysis observe(TcpSegment s, boolean tell) {
        Side from = senderOf(s);
        recording = tell ? new ArrayList<>(4) : null;
        expireTimeWait(s.timeNs());
        boolean firstSegment = !started;
        if (firstSegment) {
            start(s, from);
            started = true;
        }
        SideTrack x = track(from);
        SideTrack y = track(from.other());
        List<Anomaly> anomalies = sequenceAnalysis.analyze(s, from);
        long windowBytes = sequenceAnalysis.windowBytes(s, from);
        SegmentStory.Before before = tell ? SegmentStory.before(x, y) : null;

        // The sender's own segment tells what it had received: confirm or cross what is in flight to it.
        List<SideTrack.Pending> crossing = this.crossing;
        crossing.clear();
        boolean confirmedSynAck = resolveInFlight(from, s, crossing);
        boolean finsCross = false;
        for (SideTrack.Pending p : crossing) {
            finsCross |= !p.syn() && s.has(TcpFlags.FIN);
        }
        if (finsCross) {
            reviseFirstFin(from.other());
        }
        boolean simultaneousSynAck = s.has(TcpFlags.SYN) && s.has(TcpFlags.ACK) && x.simultaneousOpen
                && x.isnKnown && s.seq().equals(x.isn);
        if (simultaneousSynAck) {
            // Wireshark calls this SYN,ACK a retransmission (it repeats the SYN's ISN), but it is the answer
            // to the peer's crossing SYN (RFC 9293 3.10.7.3, simultaneous open): nothing was lost.
            anomalies = withoutRetransmission(anomalies);
        }
        send(from, s, finsCross);
        for (SideTrack.Pending p : crossing) {
            arrive(from, p, s.timeNs(), s.index());
        }
        boolean rstAccepted = receive(from.other(), s);
        x.lastWindowBytes = windowBytes;
        int shift = sequenceAnalysis.windowShift(from);
        // Tell once per side, on its first scaled window that is not zero, what the scaling does.
        boolean explainScale = !x.windowScaleExplained && !s.has(TcpFlags.SYN) && shift > 0 && s.window() > 0;
        x.windowScaleExplained |= explainScale;
        lastAnomalyCount = anomalies.size();
        if (!tell) {
            return null;
        }

        List<Phrase> phrases = SegmentStory.tell(s, from, before, x, y, anomalies, windowBytes, shift,
                confirmedSynAck, rstAccepted, firstSegment && assumed, explainScale, simultaneousSynAck);
        SegmentAnalysis result = new SegmentAnalysis(s, from, tracks[0].state, tracks[1].state, recording,
                anomalies, assumed, windowBytes, relative(s.seq(), x), s.has(TcpFlags.ACK) ? relative(s.ack(), y) : -1,
                phrases, narration);
        recording = null;
        return result;
    }

    /**
     * Lets time pass without a segment (a live capture's clock): records the TIME-WAIT timeouts that fall
     * due by {@code nowNs} and returns them.
     */
    public List<StateTransition> advanceTo(long nowNs) {
        recording = new ArrayList<>(2);
        expireTimeWait(nowNs);
        List<StateTransition> out = List.copyOf(recording);
        recording = null;
        return out;
    }

    public TcpState clientState() {
        return tracks[Side.CLIENT.ordinal()].state;
    }

    public TcpState serverState() {
        return tracks[Side.SERVER.ordinal()].state;
    }

    public TcpState state(Side side) {
        return track(side).state;
    }

    /** Every change so far, in the order the observer learned them (per side, the order they happened). */
    public List<StateTransition> transitions() {
        return unmodifiableTransitions;
    }

    /** Whether the states are assumptions (mid-stream capture), see {@link SegmentAnalysis#assumed()}. */
    public boolean assumed() {
        return assumed;
    }

    public Endpoint client() {
        return client;
    }

    public Endpoint server() {
        return server;
    }

    /**
     * Both states at capture time {@code atNs}, replaying the recorded changes and letting a TIME-WAIT
     * that is still running expire when 2 MSL have passed. Meant for times from the start of the capture
     * to any time after its last segment.
     */
    public SideStates statesAt(long atNs) {
        TcpState c = initialClient;
        TcpState s = initialServer;
        for (StateTransition t : transitions) {
            if (t.timeNs() > atNs) {
                continue;
            }
            if (t.side() == Side.CLIENT) {
                c = t.to();
            } else {
                s = t.to();
            }
        }
        c = expiredAt(Side.CLIENT, c, atNs);
        s = expiredAt(Side.SERVER, s, atNs);
        return new SideStates(c, s, assumed);
    }

    /**
     * How long {@code side} still has to wait in TIME-WAIT at capture time {@code atNs}, in nanoseconds;
     * empty when it is not in TIME-WAIT then (not yet, or the 2 MSL are over).
     */
    public OptionalLong timeWaitLeftNs(Side side, long atNs) {
        SideTrack t = track(side);
        if (t.state != TcpState.TIME_WAIT || atNs < t.timeWaitSinceNs) {
            return OptionalLong.empty();
        }
        long left = t.timeWaitSinceNs + timeWaitNs - atNs;
        return left > 0 ? OptionalLong.of(left) : OptionalLong.empty();
    }

    /**
     * The packet number of the earliest SYN or FIN still in flight: captured, but its arrival not yet
     * proved by its receiver's next segment (see the class documentation); -1 when none is. Once proved,
     * the receiver's change is dated at that segment, so the states this observer gives for segments
     * from that one on may still change; those before it are final.
     */
    public long earliestUnprovenArrival() {
        long earliest = -1;
        for (SideTrack t : tracks) {
            earliest = earlier(earliest, t.pendingSyn);
            earliest = earlier(earliest, t.pendingFin);
        }
        return earliest;
    }

    private static long earlier(long earliest, SideTrack.Pending p) {
        if (p == null) {
            return earliest;
        }
        long i = p.firstIndex();
        return earliest < 0 || i < earliest ? i : earliest;
    }

    /** The TIME-WAIT length in use. */
    public Duration timeWait() {
        return Duration.ofNanos(timeWaitNs);
    }

    /** The two states at one moment. */
    public record SideStates(TcpState client, TcpState server, boolean assumed) {
        public TcpState of(Side side) {
            return side == Side.CLIENT ? client : server;
        }
    }

    // ---------------------------------------------------------------------------------------------

    private Side senderOf(TcpSegment s) {
        if (s.src().equals(client) && s.dst().equals(server)) {
            return Side.CLIENT;
        }
        if (s.src().equals(server) && s.dst().equals(client)) {
            return Side.SERVER;
        }
        throw new IllegalArgumentException("segment " + s.index() + " " + s.src() + " > " + s.dst()
                + " is not between " + client + " and " + server);
    }

    private SideTrack track(Side side) {
        return tracks[side.ordinal()];
    }

    private void reviseInitial(Side side, TcpState state) {
        track(side).state = state;
        if (side == Side.CLIENT) {
            initialClient = state;
        } else {
            initialServer = state;
        }
    }

    private void setInitialStates(TcpState c, TcpState s) {
        tracks[0] = new SideTrack(c);
        tracks[1] = new SideTrack(s);
        initialClient = c;
        initialServer = s;
    }

    /** The first segment shows whether the capture saw the opening; if not, assume an open connection. */
    private void start(TcpSegment s, Side from) {
        if (assumed) {
            return;
        }
        boolean syn = s.has(TcpFlags.SYN);
        boolean ack = s.has(TcpFlags.ACK);
        if (!syn) {
            assumed = true;
            setInitialStates(TcpState.ESTABLISHED, TcpState.ESTABLISHED);
        } else if (ack && from == Side.SERVER) {
            // The capture began between SYN and SYN,ACK: the client must be waiting in SYN-SENT.
            assumed = true;
            setInitialStates(TcpState.SYN_SENT, TcpState.LISTEN);
            SideTrack c = track(Side.CLIENT);
            c.isn = s.ack().plus(-1);
            c.isnKnown = true;
            c.base = c.isn;
            c.baseKnown = true;
            c.nextSeq = s.ack();
            c.nextSeqKnown = true;
        }
    }

    /**
     * Settles what is in flight to {@code side} using the segment it now sends: an ACK above a SYN or FIN
     * proves it arrived before (applied now); a SYN or FIN that does not acknowledge it crossed it (added
     * to {@code crossing}, applied after the send); a RST makes it moot. Returns whether a SYN,ACK was
     * just confirmed (this segment completes the handshake).
     */
    private boolean resolveInFlight(Side side, TcpSegment s, List<SideTrack.Pending> crossing) {
        SideTrack t = track(side);
        boolean confirmedSynAck = false;
        // Both as they were before either is settled.
        SideTrack.Pending syn = t.pendingSyn;
        SideTrack.Pending fin = t.pendingFin;
        for (int k = 0; k < 2; k++) {
            SideTrack.Pending p = k == 0 ? syn : fin;
            if (p == null) {
                continue;
            }
            if (s.has(TcpFlags.RST)) {
                clearPending(t, p);
            } else if (s.has(TcpFlags.ACK) && s.ack().greaterThan(p.controlSeq()) && p.syn() && s.has(TcpFlags.SYN)
                    && t.state == TcpState.SYN_SENT && !p.first().has(TcpFlags.ACK) && p.segment().has(TcpFlags.ACK)) {
                // Simultaneous open, seen as SYN, SYN, SYN,ACK, SYN,ACK: this side answers with SYN,ACK, so the
                // peer's plain SYN reached it first (RFC 9293 3.10.7.3: SYN-SENT to SYN-RECEIVED); the peer's
                // SYN,ACK had not, or it would be ESTABLISHED and answer with a plain ACK. That one crossed.
                clearPending(t, p);
                TcpSegment first = p.first();
                apply(side, StateMachine.Event.RECEIVE_SYN, first.index(), first.timeNs(), -1);
                t.peerSynArrived = true;
                t.peerIsn = first.seq();
                crossing.add(p);
            } else if (s.has(TcpFlags.ACK) && s.ack().greaterThan(p.controlSeq())) {
                clearPending(t, p);
                TcpState before = t.state;
                arrive(side, p, p.segment().timeNs(), -1);
                confirmedSynAck |= p.syn() && p.segment().has(TcpFlags.ACK) && before != t.state;
            } else if (s.has(TcpFlags.SYN) || s.has(TcpFlags.FIN)) {
                clearPending(t, p);
                crossing.add(p);
            }
        }
        return confirmedSynAck;
    }

    private static void clearPending(SideTrack t, SideTrack.Pending p) {
        if (p.syn()) {
            t.pendingSyn = null;
        } else {
            t.pendingFin = null;
        }
    }

    /**
     * The sender's side of a segment: its own SYN, FIN or RST (RFC 9293 sections 3.10.1 to 3.10.5).
     *
     * @param finsCross the peer's FIN was on its way here when this FIN left (a simultaneous close)
     */
    private void send(Side side, TcpSegment s, boolean finsCross) {
        SideTrack t = track(side);
        if (!t.baseKnown) {
            // tcpdump's base, as print writes it: the sender's first sequence number seen counts from 0.
            t.base = s.seq();
            t.baseKnown = true;
        }
        if (s.has(TcpFlags.ACK)) {
            t.ackSent = true;
            t.lastAckSent = s.ack();
        }
        if (s.has(TcpFlags.RST)) {
            apply(side, StateMachine.Event.SEND_RST, s.index(), s.timeNs(), -1);
            return;
        }
        if (s.has(TcpFlags.SYN)) {
            t.isn = s.seq();
            t.isnKnown = true;
            t.base = s.seq();
            apply(side, s.has(TcpFlags.ACK) ? StateMachine.Event.SEND_SYN_ACK : StateMachine.Event.SEND_SYN,
                    s.index(), s.timeNs(), -1);
        }
        SeqNum end = s.seq().plus(s.sequenceLength());
        if (!t.nextSeqKnown || end.greaterThan(t.nextSeq)) {
            t.nextSeq = end;
            t.nextSeqKnown = true;
        }
        if (s.has(TcpFlags.FIN)) {
            t.finSent = true;
            t.finSeq = s.seq().plus(s.payloadLength());
            if (finsCross) {
                // The same arc as any CLOSE (RFC 9293 3.10.4: FIN-WAIT-1), told as half of a simultaneous
                // close: the peer's FIN was already on its way here.
                StateMachine.Step step = StateMachine.next(t.state, StateMachine.Event.SEND_FIN, t.passiveOpen);
                if (step != null) {
                    change(side, step.to(), step.cause() == TransitionCause.SENT_FIN
                            ? TransitionCause.SENT_FIN_SIMULTANEOUS : step.cause(), s.index(), s.timeNs(), -1);
                }
            } else {
                apply(side, StateMachine.Event.SEND_FIN, s.index(), s.timeNs(), -1);
            }
        }
    }

    /**
     * The FINs crossed: the peer's earlier FIN, told as "closed first" when it left, was in truth half of
     * a simultaneous close (RFC 9293 3.10.4, 3.10.7.4). Revises its transition in place and keeps the
     * pair for {@link #takeRevisions()}.
     */
    private void reviseFirstFin(Side peer) {
        for (int i = transitions.size() - 1; i >= 0; i--) {
            StateTransition t = transitions.get(i);
            if (t.side() == peer && t.cause() == TransitionCause.SENT_FIN) {
                StateTransition revised = new StateTransition(t.side(), t.from(), t.to(), t.segmentIndex(), t.timeNs(),
                        TransitionCause.SENT_FIN_SIMULTANEOUS, t.crossedSegmentIndex());
                transitions.set(i, revised);
                revisions.add(new StateTransition[] {t, revised});
                return;
            }
        }
    }

    /**
     * Transitions recorded earlier and since revised (old, new), oldest first, and forgets them: a
     * caller that keeps transitions (see {@code StreamingAnalysis}) replaces the old ones with the new.
     */
    public List<StateTransition[]> takeRevisions() {
        if (revisions.isEmpty()) {
            return List.of();
        }
        List<StateTransition[]> out = List.copyOf(revisions);
        revisions.clear();
        return out;
    }

    private static List<Anomaly> withoutRetransmission(List<Anomaly> anomalies) {
        List<Anomaly> out = new ArrayList<>(anomalies.size());
        for (Anomaly a : anomalies) {
            if (a.kind() != AnomalyKind.RETRANSMISSION) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * The receiver's side: a RST or an ACK acts at once; a SYN or FIN is put in flight until the receiver
     * shows it arrived. Returns whether a RST was accepted.
     */
    private boolean receive(Side side, TcpSegment s) {
        SideTrack t = track(side);
        SideTrack peer = track(side.other());
        if (s.has(TcpFlags.RST)) {
            if (!rstAcceptable(t, peer, s)) {
                return false;
            }
            t.pendingSyn = null;
            t.pendingFin = null;
            apply(side, StateMachine.Event.RECEIVE_RST, s.index(), s.timeNs(), -1);
            return true;
        }
        arrivedInOrder(side, t, s);
        if (s.has(TcpFlags.ACK) && !t.baseKnown) {
            // Not seen sending yet: number its bytes from one below what is acknowledged (as Wireshark).
            t.base = s.ack().plus(-1);
            t.baseKnown = true;
        }
        if (s.has(TcpFlags.ACK)) {
            SeqNum ack = s.ack();
            // RFC 9293 3.10.7.4 fifth: SND.UNA < SEG.ACK =< SND.NXT acknowledges our SYN.
            if (t.state == TcpState.SYN_RECEIVED && t.isnKnown && ack.greaterThan(t.isn)
                    && (!t.nextSeqKnown || ack.lessOrEqual(t.nextSeq))) {
                apply(side, StateMachine.Event.RECEIVE_ACK_OF_SYN, s.index(), s.timeNs(), -1);
            }
            if (t.finSent && ack.greaterThan(t.finSeq)) {
                apply(side, StateMachine.Event.RECEIVE_ACK_OF_FIN, s.index(), s.timeNs(), -1);
            }
        }
        if (s.has(TcpFlags.SYN)) {
            boolean duplicate = t.peerSynArrived && s.seq().equals(t.peerIsn);
            if (!duplicate) {
                SideTrack.Pending p = t.pendingSyn;
                t.pendingSyn = p != null && p.controlSeq().equals(s.seq()) ? p.resentAs(s)
                        : new SideTrack.Pending(s, s.seq(), true, s);
            }
        }
        if (s.has(TcpFlags.FIN)) {
            SeqNum finSeq = s.seq().plus(s.payloadLength());
            boolean duplicate = t.peerFinArrived && finSeq.equals(t.peerFinSeq);
            if (!duplicate) {
                SideTrack.Pending p = t.pendingFin;
                t.pendingFin = p != null && p.controlSeq().equals(finSeq) ? p.resentAs(s)
                        : new SideTrack.Pending(s, finSeq, false, s);
            } else if (t.state == TcpState.TIME_WAIT) {
                // RFC 9293 3.10.7.4 eighth: a repeated FIN in TIME-WAIT restarts the 2 MSL timeout.
                t.timeWaitSinceNs = s.timeNs();
            }
        }
        return false;
    }

    /**
     * A segment sent after a SYN or FIN still in flight to {@code side} (its sequence number lies beyond
     * it) arrives after it: the capture point is where sending and arriving coincide, and segments from
     * one sender arrive in the order they were sent. So the SYN or FIN has arrived, before this segment
     * does, and takes effect first. This matters when the later segment changes the state itself: after
     * crossing FINs, the peer's ACK of this side's FIN finds it in CLOSING (RFC 9293 section 3.10.7.4),
     * not in FIN-WAIT-1. (Had the SYN or FIN been lost, its retransmission would replace it in flight.)
     */
    private void arrivedInOrder(Side side, SideTrack t, TcpSegment s) {
        SideTrack.Pending syn = t.pendingSyn;
        SideTrack.Pending fin = t.pendingFin;
        for (int k = 0; k < 2; k++) {
            SideTrack.Pending p = k == 0 ? syn : fin;
            if (p != null && s.seq().greaterThan(p.controlSeq())) {
                clearPending(t, p);
                arrive(side, p, p.segment().timeNs(), -1);
            }
        }
    }

    /**
     * RFC 9293 3.10.7: in SYN-SENT a reset counts only if it acknowledges our SYN; in LISTEN never; in the
     * other states only if its sequence number is exactly the next one expected (RFC 5961, folded into
     * 9293: one merely inside the window earns a challenge ACK instead).
     */
    private static boolean rstAcceptable(SideTrack receiver, SideTrack sender, TcpSegment s) {
        switch (receiver.state) {
            case CLOSED:
            case LISTEN:
                return false;
            case SYN_SENT:
                return s.has(TcpFlags.ACK) && receiver.isnKnown && s.ack().greaterThan(receiver.isn)
                        && (!receiver.nextSeqKnown || s.ack().lessOrEqual(receiver.nextSeq));
            default:
                return !sender.nextSeqKnown || s.seq().equals(sender.nextSeq);
        }
    }

    /** A SYN or FIN reaches {@code side} (proved by its ACK, or after crossing {@code crossedIndex}). */
    private void arrive(Side side, SideTrack.Pending p, long timeNs, long crossedIndex) {
        SideTrack t = track(side);
        TcpSegment seg = p.segment();
        if (p.syn()) {
            if (seg.has(TcpFlags.ACK)) {
                boolean acksOurSyn = t.isnKnown && seg.ack().greaterThan(t.isn)
                        && (!t.nextSeqKnown || seg.ack().lessOrEqual(t.nextSeq));
                if (acksOurSyn) {
                    // In SYN-RECEIVED (its SYN had come first) the SYN,ACK counts as the ACK of our SYN.
                    apply(side, t.state == TcpState.SYN_RECEIVED ? StateMachine.Event.RECEIVE_ACK_OF_SYN
                            : StateMachine.Event.RECEIVE_SYN_ACK, seg.index(), timeNs, crossedIndex);
                }
            } else {
                if (t.state == TcpState.CLOSED && !t.changed && crossedIndex < 0) {
                    // Its answer shows the SYN found a listening socket: it was LISTEN all along (since
                    // listen(), before the capture could see), not CLOSED (RFC 9293 3.10.7.2).
                    reviseInitial(side, TcpState.LISTEN);
                }
                apply(side, StateMachine.Event.RECEIVE_SYN, seg.index(), timeNs, crossedIndex);
            }
            t.peerSynArrived = true;
            t.peerIsn = seg.seq();
        } else {
            apply(side, StateMachine.Event.RECEIVE_FIN, seg.index(), timeNs, crossedIndex);
            t.peerFinArrived = true;
            t.peerFinSeq = p.controlSeq();
        }
    }

    private void expireTimeWait(long nowNs) {
        for (Side side : SIDES) {
            SideTrack t = track(side);
            if (t.state == TcpState.TIME_WAIT && nowNs - t.timeWaitSinceNs >= timeWaitNs) {
                apply(side, StateMachine.Event.TIME_WAIT_TIMEOUT, -1, t.timeWaitSinceNs + timeWaitNs, -1);
            }
        }
    }

    private void apply(Side side, StateMachine.Event event, long segmentIndex, long timeNs, long crossedIndex) {
        SideTrack t = track(side);
        StateMachine.Step step = StateMachine.next(t.state, event, t.passiveOpen);
        if (step != null) {
            change(side, step.to(), step.cause(), segmentIndex, timeNs, crossedIndex);
        }
    }

    /** The one place a state changes: every change is recorded here and nowhere else. */
    private void change(Side side, TcpState to, TransitionCause cause, long segmentIndex, long timeNs,
            long crossedIndex) {
        SideTrack t = track(side);
        StateTransition transition = new StateTransition(side, t.state, to, segmentIndex, timeNs, cause, crossedIndex);
        if (to == TcpState.SYN_RECEIVED) {
            t.passiveOpen = t.state == TcpState.LISTEN;
        }
        if (to == TcpState.TIME_WAIT) {
            t.timeWaitSinceNs = timeNs;
        }
        t.simultaneousOpen |= cause == TransitionCause.RECEIVED_SYN_SIMULTANEOUS;
        t.changed = true;
        t.state = to;
        transitions.add(transition);
        if (recording != null) {
            recording.add(transition);
        }
    }

    private TcpState expiredAt(Side side, TcpState replayed, long atNs) {
        SideTrack t = track(side);
        if (replayed == TcpState.TIME_WAIT && t.state == TcpState.TIME_WAIT
                && atNs - t.timeWaitSinceNs >= timeWaitNs) {
            return TcpState.CLOSED;
        }
        return replayed;
    }

    private static long relative(SeqNum n, SideTrack owner) {
        if (!owner.baseKnown) {
            return n.value();
        }
        return n.minus(owner.base);
    }
}
