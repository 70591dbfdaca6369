package org.tcpladder.capture.state;

import static org.tcpladder.capture.state.Flow.C;
import static org.tcpladder.capture.state.Flow.S;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * Whole connections scripted with {@link Flow}, one per flow a real program produces and one per
 * anomaly Wireshark reports, each on its own client port so they can share one capture file.
 */
final class Catalogue {
    private Catalogue() {
    }

    /** One scripted connection. */
    record Scripted(String name, Flow flow, boolean midStream) {
    }

    static List<Scripted> all() {
        List<Scripted> out = new ArrayList<>();
        int[] port = {41000};
        Supplier<Flow> linux = () -> new Flow(2_546_219_410L + port[0] * 7919L, 1_876_543_210L + port[0] * 104729L,
                port[0]++);
        out.add(new Scripted("normal open and four-segment close", normalOpenAndClose(linux.get()), false));
        out.add(new Scripted("lost SYN retransmitted", lostSyn(linux.get()), false));
        out.add(new Scripted("refused", refused(linux.get()), false));
        out.add(new Scripted("simultaneous open", simultaneousOpen(linux.get()), false));
        out.add(new Scripted("three-segment close", threeSegmentClose(linux.get()), false));
        out.add(new Scripted("delayed ACK of FIN", delayedAckOfFin(linux.get()), false));
        out.add(new Scripted("half-close", halfClose(linux.get()), false));
        out.add(new Scripted("simultaneous close", simultaneousClose(linux.get()), false));
        out.add(new Scripted("abortive close", abortiveClose(linux.get()), false));
        out.add(new Scripted("bare RST after peer closed", bareRstAfterClose(linux.get()), false));
        out.add(new Scripted("mid-stream", midStream(linux.get()), true));
        out.add(new Scripted("wraparound", wraparound(new Flow(4_294_966_296L, 4_294_967_000L, port[0]++)), false));
        out.add(new Scripted("retransmission", retransmission(linux.get()), false));
        out.add(new Scripted("fast retransmission", fastRetransmission(linux.get()), false));
        out.add(new Scripted("spurious retransmission and D-SACK", spuriousRetransmission(linux.get()), false));
        out.add(new Scripted("out-of-order", outOfOrder(linux.get()), false));
        out.add(new Scripted("previous segment not captured", lostSegment(linux.get()), false));
        out.add(new Scripted("ACKed unseen segment", ackedUnseen(linux.get()), false));
        out.add(new Scripted("duplicate ACKs", duplicateAcks(linux.get()), false));
        out.add(new Scripted("zero window", zeroWindow(linux.get()), false));
        out.add(new Scripted("window full", windowFull(linux.get()), false));
        out.add(new Scripted("keep-alive", keepAlive(linux.get()), false));
        out.add(new Scripted("no window scaling", noWindowScaling(linux.get().noWindowScale()), false));
        return out;
    }

    static void open(Flow f) {
        f.syn();
        f.synAck();
        f.ack(C);
    }

    static void echo(Flow f, int len) {
        f.data(C, len);
        f.ack(S);
        f.data(S, len);
        f.ack(C);
    }

    static Flow normalOpenAndClose(Flow f) {
        open(f);
        echo(f, 5);
        f.fin(C);
        f.ack(S);
        f.fin(S);
        f.ack(C);
        return f;
    }

    static Flow lostSyn(Flow f) {
        TcpSegment syn = f.syn();
        f.after(Duration.ofSeconds(1));
        f.resend(syn);
        f.synAck();
        f.ack(C);
        echo(f, 12);
        f.fin(C);
        f.fin(S);
        f.ack(C);
        return f;
    }

    static Flow refused(Flow f) {
        f.syn();
        f.refuse(S);
        return f;
    }

    static Flow simultaneousOpen(Flow f) {
        f.synFrom(C);
        f.synFrom(S);
        f.synAckFrom(C);
        f.synAckFrom(S);
        echo(f, 3);
        f.fin(S);
        f.ack(C);
        f.fin(C);
        f.ack(S);
        return f;
    }

    static Flow threeSegmentClose(Flow f) {
        open(f);
        echo(f, 40);
        f.fin(C);
        f.fin(S);
        f.ack(C);
        return f;
    }

    static Flow delayedAckOfFin(Flow f) {
        open(f);
        echo(f, 8);
        f.fin(C);
        f.afterMs(40);
        f.ack(S);
        f.afterMs(5);
        f.fin(S);
        f.ack(C);
        return f;
    }

    static Flow halfClose(Flow f) {
        open(f);
        f.data(C, 300);
        f.fin(C);
        f.ack(S);
        f.data(S, 1000);
        f.ack(C);
        f.data(S, 1000);
        f.ack(C);
        f.dataFin(S, 500);
        f.ack(C);
        return f;
    }

    static Flow simultaneousClose(Flow f) {
        open(f);
        echo(f, 6);
        f.fin(C);
        f.finAcking(S, f.next(C).plus(-1));
        f.ack(C);
        f.ack(S);
        return f;
    }

    static Flow abortiveClose(Flow f) {
        open(f);
        echo(f, 9);
        f.rst(C);
        return f;
    }

    static Flow bareRstAfterClose(Flow f) {
        open(f);
        echo(f, 4);
        f.fin(S);
        f.ack(C);
        TcpSegment write = f.data(C, 20);
        f.bareRst(S, write.ack());
        return f;
    }

    static Flow midStream(Flow f) {
        f.skip(C, 1 + 5000).skip(S, 1 + 200);
        f.data(C, 100);
        f.ack(S);
        f.data(S, 50);
        f.ack(C);
        f.fin(C);
        f.ack(S);
        f.fin(S);
        f.ack(C);
        return f;
    }

    /** Both ISNs just below 2^32: the data crosses the wrap (never ending exactly on 0). */
    static Flow wraparound(Flow f) {
        open(f);
        for (int i = 0; i < 3; i++) {
            f.data(C, 700);
            f.ack(S);
            f.data(S, 100);
            f.ack(C);
        }
        TcpSegment again = f.data(C, 700);
        f.afterMs(210);
        f.resend(again);
        f.ack(S);
        f.fin(C);
        f.fin(S);
        f.ack(C);
        return f;
    }

    static Flow retransmission(Flow f) {
        open(f);
        TcpSegment lost = f.data(C, 100);
        f.afterMs(210);
        f.resend(lost);
        f.ack(S);
        f.data(S, 100);
        f.ack(C);
        return f;
    }

    static Flow fastRetransmission(Flow f) {
        open(f);
        f.data(C, 1000);
        TcpSegment lost = f.data(C, 1000);
        TcpSegment third = f.data(C, 1000);
        f.data(C, 1000);
        SeqNum hole = lost.seq();
        f.ackWith(S, hole);
        f.ackWithSack(S, hole, new TcpOption.SackBlock(third.seq(), third.seq().plus(1000)));
        f.ackWithSack(S, hole, new TcpOption.SackBlock(third.seq(), third.seq().plus(2000)));
        f.ackWithSack(S, hole, new TcpOption.SackBlock(third.seq(), third.seq().plus(2000)));
        f.resend(lost);
        f.ack(S);
        return f;
    }

    static Flow spuriousRetransmission(Flow f) {
        open(f);
        TcpSegment data = f.data(C, 100);
        f.ack(S);
        f.afterMs(300);
        f.resend(data);
        f.ackWithSack(S, f.next(C), new TcpOption.SackBlock(data.seq(), data.seq().plus(100)));
        return f;
    }

    static Flow outOfOrder(Flow f) {
        open(f);
        SeqNum first = f.next(C);
        f.skip(C, 100);
        f.data(C, 100);
        f.step(Duration.ofNanos(20_000));
        f.send(C, TcpFlags.PSH | TcpFlags.ACK, first, f.next(S), 100);
        f.step(Duration.ofNanos(50_000));
        f.ack(S);
        TcpSegment late = f.data(C, 100);
        f.afterMs(250);
        f.resend(late);
        f.ack(S);
        return f;
    }

    static Flow lostSegment(Flow f) {
        open(f);
        f.data(C, 100);
        f.skip(C, 100);
        f.data(C, 100);
        f.ack(S);
        f.data(S, 10);
        f.ack(C);
        return f;
    }

    static Flow ackedUnseen(Flow f) {
        open(f);
        f.data(C, 100);
        f.ack(S);
        f.skip(C, 200);
        f.ack(S);
        f.data(S, 10);
        f.ack(C);
        return f;
    }

    static Flow duplicateAcks(Flow f) {
        open(f);
        f.data(C, 100);
        f.ack(S);
        SeqNum acked = f.next(C);
        f.ackWith(S, acked);
        f.ackWith(S, acked);
        f.data(C, 100);
        f.ack(S);
        f.ack(S);
        f.window(S, 600);
        f.ack(S);
        return f;
    }

    static Flow zeroWindow(Flow f) {
        open(f);
        f.data(C, 1000);
        f.window(S, 0);
        f.ack(S);
        f.afterMs(200);
        TcpSegment probe = f.data(C, 1);
        f.ackWith(S, probe.seq());
        f.window(S, 512);
        f.ackWith(S, probe.seq());
        // The probe byte was not taken (the window was closed): sending resumes with it.
        f.send(C, TcpFlags.PSH | TcpFlags.ACK, probe.seq(), f.next(S), 100);
        f.ack(S);
        return f;
    }

    static Flow windowFull(Flow f) {
        open(f);
        f.window(S, 1);
        f.ack(S);
        f.data(C, 100);
        f.data(C, 28);
        f.ack(S);
        f.data(C, 100);
        f.window(S, 512);
        f.ack(S);
        return f;
    }

    static Flow keepAlive(Flow f) {
        open(f);
        echo(f, 10);
        f.after(Duration.ofSeconds(75));
        f.send(C, TcpFlags.ACK, f.next(C).plus(-1), f.next(S), 0);
        f.ack(S);
        f.after(Duration.ofSeconds(75));
        f.send(C, TcpFlags.ACK, f.next(C).plus(-1), f.next(S), 1);
        f.ack(S);
        return f;
    }

    static Flow noWindowScaling(Flow f) {
        open(f);
        f.window(S, 100);
        f.ack(S);
        f.data(C, 100);
        f.window(S, 3000);
        f.ack(S);
        return f;
    }
}
