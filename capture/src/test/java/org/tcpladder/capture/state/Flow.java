package org.tcpladder.capture.state;

import org.tcpladder.capture.tcp.Side;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.tcpladder.capture.tcp.Endpoint;
import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * Segment templates for scripting a connection the way a Linux loopback session looks: each call builds
 * the next segment from one side with the numbers that side would use (its next sequence number, an ACK of
 * everything the peer sent), numbers it from 1 and stamps it 50 µs after the previous one. Numbers can be
 * overridden for the odd cases (duplicate ACKs, retransmissions, lost segments).
 */
final class Flow {
    static final Side C = Side.CLIENT;
    static final Side S = Side.SERVER;
    /** Linux loopback SYN options: mss 65495, sackOK, TS, nop, wscale 7. */
    static final int LINUX_WSCALE = 7;

    final Endpoint client;
    final Endpoint server;
    private final SeqNum[] next = new SeqNum[2];
    private final SeqNum[] isn = new SeqNum[2];
    private final int[] window = {512, 512};
    private final List<TcpSegment> segments = new ArrayList<>();
    private long timeNs;
    private long stepNs = 50_000;
    private long tsval = 3_214_424_158L;
    private boolean timestamps = true;
    private Integer windowScale = LINUX_WSCALE;

    Flow(long clientIsn, long serverIsn) {
        this(clientIsn, serverIsn, 54018);
    }

    Flow(long clientIsn, long serverIsn, int clientPort) {
        this(new Endpoint(new byte[] {127, 0, 0, 1}, clientPort), new Endpoint(new byte[] {127, 0, 0, 1}, 9000),
                clientIsn, serverIsn);
    }

    Flow(Endpoint client, Endpoint server, long clientIsn, long serverIsn) {
        this.client = client;
        this.server = server;
        isn[0] = SeqNum.of(clientIsn);
        isn[1] = SeqNum.of(serverIsn);
        next[0] = isn[0];
        next[1] = isn[1];
        timeNs = 1_700_000_000_000_000_000L;
    }

    /** Typical Linux ISNs, far apart. */
    static Flow linux() {
        return new Flow(2_546_219_410L, 1_876_543_210L);
    }

    Flow noWindowScale() {
        windowScale = null;
        return this;
    }

    Flow noTimestamps() {
        timestamps = false;
        return this;
    }

    /** Lets time pass before the next segment. */
    Flow after(Duration d) {
        timeNs += d.toNanos() - stepNs;
        return this;
    }

    Flow afterMs(long ms) {
        return after(Duration.ofMillis(ms));
    }

    Flow step(Duration d) {
        stepNs = d.toNanos();
        return this;
    }

    /** The raw window field this side sends from now on. */
    Flow window(Side side, int raw) {
        window[side.ordinal()] = raw;
        return this;
    }

    SeqNum isn(Side side) {
        return isn[side.ordinal()];
    }

    /** The next sequence number this side will use. */
    SeqNum next(Side side) {
        return next[side.ordinal()];
    }

    /** Pretends the side already sent {@code bytes} more (e.g. a segment the capture lost). */
    Flow skip(Side side, int bytes) {
        next[side.ordinal()] = next[side.ordinal()].plus(bytes);
        return this;
    }

    List<TcpSegment> segments() {
        return List.copyOf(segments);
    }

    long now() {
        return timeNs;
    }

    // --- templates --------------------------------------------------------------------------------

    TcpSegment syn() {
        return synFrom(C);
    }

    TcpSegment synFrom(Side from) {
        return control(from, TcpFlags.SYN, isn(from), new SeqNum(0), from == C ? 65495 : 65483, synOptions());
    }

    TcpSegment synAck() {
        return synAckFrom(S);
    }

    TcpSegment synAckFrom(Side from) {
        return control(from, TcpFlags.SYN | TcpFlags.ACK, isn(from), next(from.other()),
                from == C ? 65495 : 65483, synOptions());
    }

    /** An ACK of everything the peer has sent. */
    TcpSegment ack(Side from) {
        return send(from, TcpFlags.ACK, next(from), next(from.other()), 0);
    }

    /** An ACK with a chosen acknowledgment number (duplicate ACKs, partial ACKs). */
    TcpSegment ackWith(Side from, SeqNum ack) {
        return send(from, TcpFlags.ACK, next(from), ack, 0);
    }

    TcpSegment ackWithSack(Side from, SeqNum ack, TcpOption.SackBlock... blocks) {
        return send(from, TcpFlags.ACK, next(from), ack, 0, window[from.ordinal()],
                List.of(new TcpOption.NoOp(), new TcpOption.NoOp(), new TcpOption.Sack(List.of(blocks))));
    }

    TcpSegment data(Side from, int len) {
        return send(from, TcpFlags.PSH | TcpFlags.ACK, next(from), next(from.other()), len);
    }

    TcpSegment fin(Side from) {
        return send(from, TcpFlags.FIN | TcpFlags.ACK, next(from), next(from.other()), 0);
    }

    /** FIN,ACK that does not acknowledge what the peer sent last (the FINs cross). */
    TcpSegment finAcking(Side from, SeqNum ack) {
        return send(from, TcpFlags.FIN | TcpFlags.ACK, next(from), ack, 0);
    }

    TcpSegment dataFin(Side from, int len) {
        return send(from, TcpFlags.FIN | TcpFlags.PSH | TcpFlags.ACK, next(from), next(from.other()), len);
    }

    /** RST,ACK at this side's next sequence number (an abort, SO_LINGER 0). */
    TcpSegment rst(Side from) {
        return send(from, TcpFlags.RST | TcpFlags.ACK, next(from), next(from.other()), 0);
    }

    /** A bare RST whose sequence number is the acknowledgment number of what it answers. */
    TcpSegment bareRst(Side from, SeqNum seq) {
        return send(from, TcpFlags.RST, seq, new SeqNum(0), 0);
    }

    /** RST,ACK refusing a SYN: seq 0, ack = the SYN's sequence number + 1 (RFC 9293 3.10.7.1). */
    TcpSegment refuse(Side from) {
        return send(from, TcpFlags.RST | TcpFlags.ACK, new SeqNum(0), next(from.other()), 0, 0, List.of());
    }

    /** The same segment sent again: new number and time, same header. */
    TcpSegment resend(TcpSegment original) {
        return add(new TcpSegment(segments.size() + 1, tick(), original.src(), original.dst(), original.seq(),
                original.ack(), original.flags(), original.window(), 0, original.payloadLength(),
                original.payloadLength(), 0, original.options(), null));
    }

    /** Any segment, with this side's current window; advances the side's next sequence number. */
    TcpSegment send(Side from, int flags, SeqNum seq, SeqNum ack, int len) {
        return send(from, flags, seq, ack, len, window[from.ordinal()], timestamps ? tsOptions(from) : List.of());
    }

    TcpSegment send(Side from, int flags, SeqNum seq, SeqNum ack, int len, int win, List<TcpOption> options) {
        Endpoint src = from == C ? client : server;
        Endpoint dst = from == C ? server : client;
        TcpSegment s = new TcpSegment(segments.size() + 1, tick(), src, dst, seq, ack, flags, win, 0, len, len, 0,
                options, null);
        SeqNum end = seq.plus(s.sequenceLength());
        if (!TcpFlags.has(flags, TcpFlags.RST) && end.greaterThan(next[from.ordinal()])) {
            next[from.ordinal()] = end;
        }
        return add(s);
    }

    private TcpSegment control(Side from, int flags, SeqNum seq, SeqNum ack, int win, List<TcpOption> options) {
        return send(from, flags, seq, ack, 0, win, options);
    }

    private List<TcpOption> synOptions() {
        List<TcpOption> o = new ArrayList<>();
        o.add(new TcpOption.MaxSegmentSize(65495));
        o.add(new TcpOption.SackPermitted());
        if (timestamps) {
            o.add(new TcpOption.Timestamps(tsval, 0));
        }
        if (windowScale != null) {
            o.add(new TcpOption.NoOp());
            o.add(new TcpOption.WindowScale(windowScale));
        }
        return o;
    }

    private List<TcpOption> tsOptions(Side from) {
        tsval++;
        return List.of(new TcpOption.NoOp(), new TcpOption.NoOp(), new TcpOption.Timestamps(tsval, tsval - 1));
    }

    private long tick() {
        timeNs += stepNs;
        return timeNs;
    }

    private TcpSegment add(TcpSegment s) {
        segments.add(s);
        return s;
    }
}
