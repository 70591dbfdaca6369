package org.tcpladder.capture.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.state.Flow.C;
import static org.tcpladder.capture.state.Flow.S;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * Each finding of Wireshark's TCP analysis, when it is reported and when it is not. The thresholds are
 * tshark's: a fast retransmission follows two or more duplicate ACKs within 20 ms, an out-of-order segment
 * comes within the handshake round trip (here 100 µs) of the newest data.
 */
class AnomalyTest {
    Flow f;
    Observer o;

    @BeforeEach
    void open() {
        f = Flow.linux();
        o = new Observer(f);
        o.see(f.syn());
        o.see(f.synAck());
        o.see(f.ack(C));
    }

    static List<AnomalyKind> kinds(SegmentAnalysis a) {
        return a.anomalies().stream().map(Anomaly::kind).toList();
    }

    static void clean(SegmentAnalysis a) {
        assertEquals(List.of(), a.anomalies(), a.toString());
    }

    @Test
    void ordinaryEchoSessionHasNoFindings() {
        o.see(f.data(C, 5)).anomalies();
        o.see(f.ack(S));
        o.see(f.data(S, 5));
        o.see(f.ack(C));
        o.see(f.fin(C));
        o.see(f.ack(S));
        o.see(f.fin(S));
        o.see(f.ack(C));
        for (SegmentAnalysis a : o.results) {
            clean(a);
        }
    }

    @Nested
    class Retransmission {
        @Test
        void dataSentAgainAfterTheTimerIsARetransmission() {
            TcpSegment d = o.see(f.data(C, 100)).segment();
            f.afterMs(210);
            assertEquals(List.of(AnomalyKind.RETRANSMISSION), kinds(o.see(f.resend(d))));
        }

        @Test
        void repeatedSynAndFinAreRetransmissionsToo() {
            TcpSegment fin = o.see(f.fin(C)).segment();
            f.afterMs(210);
            assertEquals(List.of(AnomalyKind.RETRANSMISSION), kinds(o.see(f.resend(fin))));
        }

        @Test
        void newDataIsNot() {
            clean(o.see(f.data(C, 100)));
            clean(o.see(f.data(C, 100)));
        }
    }

    @Nested
    class FastRetransmission {
        TcpSegment lost;

        void threeDuplicateAcks() {
            o.see(f.data(C, 1000));
            lost = o.see(f.data(C, 1000)).segment();
            TcpSegment third = o.see(f.data(C, 1000)).segment();
            o.see(f.ackWith(S, lost.seq()));
            for (int i = 0; i < 3; i++) {
                o.see(f.ackWithSack(S, lost.seq(), new TcpOption.SackBlock(third.seq(), third.seq().plus(1000))));
            }
        }

        @Test
        void resendRightAfterDuplicateAcksIsFast() {
            threeDuplicateAcks();
            assertEquals(List.of(AnomalyKind.FAST_RETRANSMISSION), kinds(o.see(f.resend(lost))));
        }

        @Test
        void resendAfterOnlyOneDuplicateAckIsPlain() {
            o.see(f.data(C, 1000));
            lost = o.see(f.data(C, 1000)).segment();
            o.see(f.data(C, 1000));
            o.see(f.ackWith(S, lost.seq()));
            o.see(f.ackWith(S, lost.seq()));
            f.afterMs(5);
            assertEquals(List.of(AnomalyKind.RETRANSMISSION), kinds(o.see(f.resend(lost))));
        }

        @Test
        void resendTwentyMillisecondsLaterIsPlain() {
            threeDuplicateAcks();
            f.afterMs(20);
            assertEquals(List.of(AnomalyKind.RETRANSMISSION), kinds(o.see(f.resend(lost))));
        }
    }

    @Nested
    class SpuriousRetransmission {
        @Test
        void resendingAcknowledgedDataIsSpurious() {
            TcpSegment d = o.see(f.data(C, 100)).segment();
            o.see(f.ack(S));
            f.afterMs(300);
            assertEquals(List.of(AnomalyKind.SPURIOUS_RETRANSMISSION), kinds(o.see(f.resend(d))));
        }

        @Test
        void resendingUnacknowledgedDataIsNot() {
            TcpSegment d = o.see(f.data(C, 100)).segment();
            f.afterMs(300);
            assertFalse(o.see(f.resend(d)).has(AnomalyKind.SPURIOUS_RETRANSMISSION));
        }
    }

    @Nested
    class OutOfOrder {
        SeqNum first;

        void secondArrivesFirst() {
            first = f.next(C);
            f.skip(C, 100);
            SegmentAnalysis second = o.see(f.data(C, 100));
            assertEquals(List.of(AnomalyKind.PREVIOUS_SEGMENT_NOT_CAPTURED), kinds(second));
        }

        @Test
        void lowerSegmentRightBehindTheNewestIsOutOfOrder() {
            secondArrivesFirst();
            f.step(Duration.ofNanos(20_000));
            SegmentAnalysis a = o.see(f.send(C, TcpFlags.PSH | TcpFlags.ACK, first, f.next(S), 100));
            assertEquals(List.of(AnomalyKind.OUT_OF_ORDER), kinds(a));
        }

        @Test
        void sameLowerSegmentMuchLaterIsARetransmission() {
            secondArrivesFirst();
            f.afterMs(5);
            SegmentAnalysis a = o.see(f.send(C, TcpFlags.PSH | TcpFlags.ACK, first, f.next(S), 100));
            assertEquals(List.of(AnomalyKind.RETRANSMISSION), kinds(a));
        }
    }

    @Nested
    class PreviousSegmentNotCaptured {
        @Test
        void gapInTheSequenceIsReported() {
            o.see(f.data(C, 100));
            f.skip(C, 100);
            assertEquals(List.of(AnomalyKind.PREVIOUS_SEGMENT_NOT_CAPTURED), kinds(o.see(f.data(C, 100))));
        }

        @Test
        void resetBeyondTheNextNumberIsNot() {
            o.see(f.data(C, 100));
            SegmentAnalysis rst = o.see(f.send(C, TcpFlags.RST | TcpFlags.ACK, f.next(C).plus(500), f.next(S), 0));
            assertFalse(rst.has(AnomalyKind.PREVIOUS_SEGMENT_NOT_CAPTURED));
        }
    }

    @Nested
    class AckedUnseenSegment {
        @Test
        void acknowledgingMoreThanWasSeenIsReportedOnce() {
            o.see(f.data(C, 100));
            o.see(f.ack(S));
            f.skip(C, 200);
            assertEquals(List.of(AnomalyKind.ACKED_UNSEEN_SEGMENT), kinds(o.see(f.ack(S))));
            f.skip(C, 200);
            assertFalse(o.see(f.ack(S)).has(AnomalyKind.ACKED_UNSEEN_SEGMENT), "tshark says it once per hole");
        }

        @Test
        void acknowledgingExactlyWhatWasSeenIsNot() {
            o.see(f.data(C, 100));
            clean(o.see(f.ack(S)));
        }
    }

    @Nested
    class DuplicateAck {
        SegmentAnalysis original;

        void acked() {
            o.see(f.data(C, 100));
            original = o.see(f.ack(S));
        }

        @Test
        void repeatsAreNumberedAndNameTheOriginal() {
            acked();
            SegmentAnalysis first = o.see(f.ack(S));
            SegmentAnalysis second = o.see(f.ack(S));
            long orig = original.segment().index();
            assertEquals(List.of(Anomaly.duplicateAck(1, orig)), first.anomalies());
            assertEquals(List.of(Anomaly.duplicateAck(2, orig)), second.anomalies());
            assertEquals("TCP Dup ACK " + orig + "#2", Narration.english().anomalyLabel(second.anomalies().get(0)));
        }

        @Test
        void countStartsAgainAfterANewAcknowledgment() {
            acked();
            o.see(f.ack(S));
            o.see(f.data(C, 100));
            SegmentAnalysis fresh = o.see(f.ack(S));
            clean(fresh);
            assertEquals(List.of(Anomaly.duplicateAck(1, fresh.segment().index())), o.see(f.ack(S)).anomalies());
        }

        @Test
        void ackCarryingDataIsNotADuplicate() {
            acked();
            clean(o.see(f.data(S, 10)));
        }

        @Test
        void ackWithAnotherWindowIsAWindowUpdateInstead() {
            acked();
            f.window(S, 700);
            assertEquals(List.of(AnomalyKind.WINDOW_UPDATE), kinds(o.see(f.ack(S))));
        }
    }

    @Nested
    class ZeroWindow {
        @Test
        void closedWindowProbeAndAnswer() {
            o.see(f.data(C, 1000));
            f.window(S, 0);
            assertEquals(List.of(AnomalyKind.ZERO_WINDOW), kinds(o.see(f.ack(S))));
            f.afterMs(200);
            TcpSegment probe = f.data(C, 1);
            assertEquals(List.of(AnomalyKind.ZERO_WINDOW_PROBE), kinds(o.see(probe)));
            assertEquals(List.of(AnomalyKind.ZERO_WINDOW, AnomalyKind.ZERO_WINDOW_PROBE_ACK),
                    kinds(o.see(f.ackWith(S, probe.seq()))));
            f.window(S, 512);
            assertEquals(List.of(AnomalyKind.WINDOW_UPDATE), kinds(o.see(f.ackWith(S, probe.seq()))));
        }

        @Test
        void resetWithAZeroWindowIsNotAZeroWindow() {
            clean(o.see(f.send(S, TcpFlags.RST | TcpFlags.ACK, f.next(S), f.next(C), 0, 0, List.of())));
        }

        @Test
        void oneByteIntoAnOpenWindowIsNoProbe() {
            clean(o.see(f.data(C, 1)));
        }
    }

    @Nested
    class WindowFull {
        @Test
        void dataReachingTheScaledRightEdgeFillsTheWindow() {
            f.window(S, 1);
            o.see(f.ack(S));
            clean(o.see(f.data(C, 100)));
            assertEquals(List.of(AnomalyKind.WINDOW_FULL), kinds(o.see(f.data(C, 28))), "1 << 7 = 128 bytes");
        }

        @Test
        void dataShortOfTheEdgeOrBeyondItIsNot() {
            f.window(S, 1);
            o.see(f.ack(S));
            clean(o.see(f.data(C, 127)));
            o.see(f.ack(S));
            clean(o.see(f.data(C, 200)));
        }

        @Test
        void synAckWindowIsTakenUnscaled() {
            Flow g = Flow.linux();
            Observer p = new Observer(g);
            p.see(g.syn());
            p.see(g.send(S, TcpFlags.SYN | TcpFlags.ACK, g.isn(S), g.next(C), 0, 300,
                    List.of(new TcpOption.WindowScale(7))));
            assertEquals(List.of(AnomalyKind.WINDOW_FULL), kinds(p.see(g.data(C, 300))));
        }
    }

    @Nested
    class WindowUpdate {
        @Test
        void newWindowAloneIsAnUpdate() {
            o.see(f.data(C, 100));
            o.see(f.ack(S));
            f.window(S, 900);
            SegmentAnalysis a = o.see(f.ack(S));
            assertEquals(List.of(AnomalyKind.WINDOW_UPDATE), kinds(a));
            assertEquals(900L << 7, a.windowBytes());
        }

        @Test
        void newWindowWithANewAcknowledgmentIsNot() {
            o.see(f.data(C, 100));
            f.window(S, 900);
            clean(o.see(f.ack(S)));
        }
    }

    @Nested
    class KeepAlive {
        void quiet() {
            o.see(f.data(C, 10));
            o.see(f.ack(S));
            f.after(Duration.ofSeconds(75));
        }

        @Test
        void probeOneBelowTheNextNumberAndItsAnswer() {
            quiet();
            SegmentAnalysis probe = o.see(f.send(C, TcpFlags.ACK, f.next(C).plus(-1), f.next(S), 0));
            assertEquals(List.of(AnomalyKind.KEEP_ALIVE), kinds(probe));
            assertEquals(List.of(AnomalyKind.KEEP_ALIVE_ACK), kinds(o.see(f.ack(S))));
        }

        @Test
        void oneByteProbeIsAKeepAliveNotARetransmission() {
            quiet();
            SegmentAnalysis probe = o.see(f.send(C, TcpFlags.ACK, f.next(C).plus(-1), f.next(S), 1));
            assertEquals(List.of(AnomalyKind.KEEP_ALIVE), kinds(probe));
        }

        @Test
        void plainAckAtTheNextNumberIsNoKeepAlive() {
            quiet();
            assertFalse(o.see(f.ack(C)).has(AnomalyKind.KEEP_ALIVE));
        }

        @Test
        void repeatedAckWithoutAKeepAliveBeforeIsADuplicate() {
            quiet();
            assertEquals(List.of(AnomalyKind.DUPLICATE_ACK), kinds(o.see(f.ack(S))));
        }
    }

    @Nested
    class Dsack {
        TcpSegment d;

        void acked() {
            d = o.see(f.data(C, 100)).segment();
            o.see(f.data(C, 100));
            o.see(f.ack(S));
        }

        @Test
        void firstBlockBelowTheAckIsADuplicateReport() {
            acked();
            SegmentAnalysis a = o.see(f.ackWithSack(S, f.next(C), new TcpOption.SackBlock(d.seq(), d.seq().plus(100))));
            assertTrue(a.has(AnomalyKind.DSACK));
        }

        @Test
        void firstBlockInsideTheSecondIsADuplicateReport() {
            o.see(f.data(C, 100));
            SeqNum hole = f.next(C);
            f.skip(C, 100);
            TcpSegment later = o.see(f.data(C, 300)).segment();
            SeqNum l = later.seq();
            SegmentAnalysis a = o.see(f.ackWithSack(S, hole, new TcpOption.SackBlock(l.plus(100), l.plus(200)),
                    new TcpOption.SackBlock(l, l.plus(300))));
            assertTrue(a.has(AnomalyKind.DSACK));
        }

        @Test
        void ordinarySackAboveTheAckIsNot() {
            o.see(f.data(C, 100));
            SeqNum hole = f.next(C);
            f.skip(C, 100);
            TcpSegment later = o.see(f.data(C, 300)).segment();
            SegmentAnalysis a = o.see(f.ackWithSack(S, hole, new TcpOption.SackBlock(later.seq(), later.seq().plus(300))));
            assertFalse(a.has(AnomalyKind.DSACK));
        }
    }

    @Test
    void everyKindNamesItsTsharkField() {
        for (AnomalyKind k : AnomalyKind.values()) {
            assertTrue(k.tsharkField().startsWith("tcp."), k.name());
        }
        assertEquals("tcp.analysis.lost_segment", AnomalyKind.PREVIOUS_SEGMENT_NOT_CAPTURED.tsharkField());
        assertEquals("tcp.analysis.ack_lost_segment", AnomalyKind.ACKED_UNSEEN_SEGMENT.tsharkField());
    }
}
