package org.tcpladder.capture.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.state.Flow.C;
import static org.tcpladder.capture.state.Flow.S;
import static org.tcpladder.capture.state.TcpState.CLOSED;
import static org.tcpladder.capture.state.TcpState.CLOSE_WAIT;
import static org.tcpladder.capture.state.TcpState.CLOSING;
import static org.tcpladder.capture.state.TcpState.ESTABLISHED;
import static org.tcpladder.capture.state.TcpState.FIN_WAIT_1;
import static org.tcpladder.capture.state.TcpState.FIN_WAIT_2;
import static org.tcpladder.capture.state.TcpState.LAST_ACK;
import static org.tcpladder.capture.state.TcpState.LISTEN;
import static org.tcpladder.capture.state.TcpState.SYN_RECEIVED;
import static org.tcpladder.capture.state.TcpState.SYN_SENT;
import static org.tcpladder.capture.state.TcpState.TIME_WAIT;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tcpladder.capture.tcp.TcpSegment;

/** How connections end, one flow per nested class; every flow starts from an open echo session. */
class ClosingFlowsTest {
    Flow f;
    Observer o;

    @BeforeEach
    void openAndExchange() {
        f = Flow.linux();
        o = new Observer(f);
        o.see(f.syn());
        o.see(f.synAck());
        o.see(f.ack(C));
        o.see(f.data(C, 5));
        o.see(f.ack(S));
        o.see(f.data(S, 5));
        o.see(f.ack(C));
        o.states(ESTABLISHED, ESTABLISHED);
    }

    List<TcpState> clientPath() {
        return o.path(C, CLOSED);
    }

    List<TcpState> serverPath() {
        return o.path(S, LISTEN);
    }

    @Nested
    class ActiveCloseWithFourSegments {

        @Test
        void clientFinMakesClientFinWait1AtOnce() {
            o.see(f.fin(C));
            o.states(FIN_WAIT_1, ESTABLISHED);
        }

        @Test
        void serverAckOfFinProvesTheFinArrived() {
            TcpSegment fin = o.see(f.fin(C)).segment();
            SegmentAnalysis ack = o.see(f.ack(S));
            o.states(FIN_WAIT_2, CLOSE_WAIT);
            StateTransition closeWait = ack.transitions().get(0);
            assertEquals(CLOSE_WAIT, closeWait.to());
            assertEquals(fin.index(), closeWait.segmentIndex());
            assertEquals(fin.timeNs(), closeWait.timeNs());
            assertEquals(TransitionCause.RECEIVED_ACK_OF_FIN, ack.transitions().get(1).cause());
        }

        @Test
        void bothSidesWalkTheWholeDiagram() {
            o.see(f.fin(C));
            o.see(f.ack(S));
            o.see(f.fin(S));
            o.states(FIN_WAIT_2, LAST_ACK);
            o.see(f.ack(C));
            o.states(TIME_WAIT, CLOSED);
            assertEquals(List.of(CLOSED, SYN_SENT, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, TIME_WAIT), clientPath());
            assertEquals(List.of(LISTEN, SYN_RECEIVED, ESTABLISHED, CLOSE_WAIT, LAST_ACK, CLOSED), serverPath());
        }

        @Test
        void serverCanCloseFirstToo() {
            o.see(f.fin(S));
            o.see(f.ack(C));
            o.see(f.fin(C));
            o.see(f.ack(S));
            o.states(CLOSED, TIME_WAIT);
            assertEquals(List.of(LISTEN, SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, TIME_WAIT), serverPath());
        }

        @Test
        void everyTransitionNamesItsRfcSection() {
            o.see(f.fin(C));
            o.see(f.ack(S));
            o.see(f.fin(S));
            o.see(f.ack(C));
            for (StateTransition t : o.inference.transitions()) {
                assertTrue(t.rfcSection().startsWith("RFC 9293 \u00a73.10."), t.toString());
            }
            StateTransition timeWait = o.of(C).get(o.of(C).size() - 1);
            assertEquals("RFC 9293 \u00a73.10.7.4", timeWait.rfcSection());
            assertEquals("transition.RECEIVED_FIN_AFTER_ACK", timeWait.reasonKey());
        }
    }

    @Nested
    class CloseWithThreeSegments {

        @Test
        void finPiggyBackedOnTheAckTakesTheServerThroughCloseWaitToLastAck() {
            o.see(f.fin(C));
            SegmentAnalysis finAck = o.see(f.fin(S));
            o.states(FIN_WAIT_2, LAST_ACK);
            assertEquals(List.of(CLOSE_WAIT, LAST_ACK, FIN_WAIT_2),
                    finAck.transitions().stream().map(StateTransition::to).toList());
        }

        @Test
        void clientGoesThroughFinWait2ToTimeWaitOnTheSameSegment() {
            o.see(f.fin(C));
            TcpSegment finAck = o.see(f.fin(S)).segment();
            o.see(f.ack(C));
            o.states(TIME_WAIT, CLOSED);
            List<StateTransition> c = o.of(C);
            StateTransition fw2 = c.get(c.size() - 2);
            StateTransition tw = c.get(c.size() - 1);
            assertEquals(FIN_WAIT_2, fw2.to());
            assertEquals(TIME_WAIT, tw.to());
            assertEquals(finAck.index(), fw2.segmentIndex());
            assertEquals(finAck.index(), tw.segmentIndex());
        }
    }

    @Nested
    class DelayedAckOfFin {

        @Test
        void receiverStaysEstablishedUntilItsDelayedAckShowsTheFin() {
            TcpSegment fin = o.see(f.fin(C)).segment();
            o.states(FIN_WAIT_1, ESTABLISHED);
            f.afterMs(40);
            SegmentAnalysis ack = o.see(f.ack(S));
            o.states(FIN_WAIT_2, CLOSE_WAIT);
            assertEquals(fin.timeNs(), ack.transitions().get(0).timeNs(), "dated at the FIN, 40 ms earlier");
        }

        @Test
        void dataWithAnOldAckDoesNotProveTheFinArrived() {
            o.see(f.fin(C));
            o.see(f.send(S, org.tcpladder.capture.tcp.TcpFlags.PSH | org.tcpladder.capture.tcp.TcpFlags.ACK,
                    f.next(S), f.next(C).plus(-1), 10));
            o.states(FIN_WAIT_1, ESTABLISHED);
            o.see(f.ack(S));
            o.states(FIN_WAIT_2, CLOSE_WAIT);
        }
    }

    @Nested
    class HalfClose {

        @Test
        void serverKeepsSendingInCloseWait() {
            o.see(f.fin(C));
            o.see(f.ack(S));
            SegmentAnalysis data = o.see(f.data(S, 1000));
            assertTrue(data.transitions().isEmpty());
            o.states(FIN_WAIT_2, CLOSE_WAIT);
            o.see(f.ack(C));
            o.see(f.data(S, 1000));
            o.see(f.ack(C));
            o.states(FIN_WAIT_2, CLOSE_WAIT);
            o.see(f.fin(S));
            o.see(f.ack(C));
            o.states(TIME_WAIT, CLOSED);
        }
    }

    @Nested
    class SimultaneousClose {

        void finsCross() {
            o.see(f.fin(C));
            o.see(f.finAcking(S, f.next(C).plus(-1)));
        }

        @Test
        void crossingFinsMakeBothSidesFinWait1ThenClosing() {
            finsCross();
            o.states(FIN_WAIT_1, CLOSING);
            o.see(f.ack(C));
            o.states(CLOSING, TIME_WAIT);
            o.see(f.ack(S));
            o.states(TIME_WAIT, TIME_WAIT);
            assertEquals(List.of(CLOSED, SYN_SENT, ESTABLISHED, FIN_WAIT_1, CLOSING, TIME_WAIT), clientPath());
            assertEquals(List.of(LISTEN, SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, CLOSING, TIME_WAIT), serverPath());
        }

        @Test
        void serversArrivalOfTheClientFinIsMarkedAsCrossed() {
            finsCross();
            StateTransition closing = o.of(S).get(o.of(S).size() - 1);
            assertEquals(CLOSING, closing.to());
            assertEquals(TransitionCause.RECEIVED_FIN_SIMULTANEOUS, closing.cause());
            assertEquals(8, closing.segmentIndex(), "the client's FIN");
            assertEquals(9, closing.crossedSegmentIndex(), "crossed the server's FIN");
        }

        @Test
        void acksInEitherOrderEndInTimeWaitOnBothSides() {
            finsCross();
            o.see(f.ack(S));
            o.see(f.ack(C));
            o.states(TIME_WAIT, TIME_WAIT);
        }

        @Test
        void serversAckAfterItsFinFindsTheClientInClosingAsTheKernelDoes() {
            // The server's ACK comes after its FIN, so the FIN reached the client first: FIN-WAIT-1,
            // CLOSING, TIME-WAIT (seen on Linux loopback), never FIN-WAIT-2.
            finsCross();
            SegmentAnalysis serverAck = o.see(f.ack(S));
            o.states(TIME_WAIT, CLOSING);
            assertEquals(List.of(CLOSED, SYN_SENT, ESTABLISHED, FIN_WAIT_1, CLOSING, TIME_WAIT), clientPath());
            StateTransition closing = serverAck.transitions().get(0);
            assertEquals(TransitionCause.RECEIVED_FIN_SIMULTANEOUS, closing.cause());
            assertEquals(9, closing.segmentIndex(), "the server's FIN arrived");
            o.see(f.ack(C));
            o.states(TIME_WAIT, TIME_WAIT);
            assertEquals(List.of(LISTEN, SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, CLOSING, TIME_WAIT), serverPath());
        }
    }

    @Nested
    class AbortiveClose {

        @Test
        void rstFromSoLingerZeroClosesBothSidesAtOnce() {
            SegmentAnalysis rst = o.see(f.rst(C));
            o.states(CLOSED, CLOSED);
            assertEquals(List.of(TransitionCause.SENT_RST, TransitionCause.RECEIVED_RST),
                    rst.transitions().stream().map(StateTransition::cause).toList());
            assertEquals("RFC 9293 \u00a73.10.5", rst.transitions().get(0).rfcSection());
        }

        @Test
        void rstWithAnUnexpectedSequenceNumberIsNotAccepted() {
            SegmentAnalysis rst = o.see(f.send(C, org.tcpladder.capture.tcp.TcpFlags.RST, f.next(C).plus(100),
                    new org.tcpladder.capture.tcp.SeqNum(0), 0));
            o.states(CLOSED, ESTABLISHED);
            assertTrue(rst.narration().contains("challenge ACK"), rst.narration());
        }

        @Test
        void rstInTimeWaitEndsItEarly() {
            o.see(f.fin(C));
            o.see(f.ack(S));
            o.see(f.fin(S));
            o.see(f.ack(C));
            o.states(TIME_WAIT, CLOSED);
            o.see(f.bareRst(S, f.next(S)));
            o.states(CLOSED, CLOSED);
        }

        @Test
        void rstDuringPassiveOpenReturnsTheServerToListen() {
            Flow g = Flow.linux();
            Observer p = new Observer(g);
            p.see(g.syn());
            p.see(g.synAck());
            p.see(g.bareRst(C, g.next(C)));
            p.states(CLOSED, LISTEN);
            assertEquals(TransitionCause.RECEIVED_RST_BACK_TO_LISTEN, p.of(S).get(1).cause());
        }
    }

    @Nested
    class ResetAfterPeerClosed {

        @Test
        void writeAfterThePeerClosedIsAnsweredWithABareRst() {
            o.see(f.fin(S));
            o.see(f.ack(C));
            o.states(CLOSE_WAIT, FIN_WAIT_2);
            TcpSegment write = o.see(f.data(C, 20)).segment();
            SegmentAnalysis rst = o.see(f.bareRst(S, write.ack()));
            o.states(CLOSED, CLOSED);
            assertFalse(rst.segment().has(org.tcpladder.capture.tcp.TcpFlags.ACK));
            assertEquals(List.of(TransitionCause.SENT_RST, TransitionCause.RECEIVED_RST),
                    rst.transitions().stream().map(StateTransition::cause).toList());
            assertTrue(rst.narration().contains("bare RST"), rst.narration());
        }

        @Test
        void resetFromASocketAlreadyGoneChangesOnlyTheReceiver() {
            o.see(f.fin(S));
            o.see(f.ack(C));
            o.see(f.fin(C));
            o.see(f.ack(S));
            o.states(CLOSED, TIME_WAIT);
            SegmentAnalysis rst = o.see(f.bareRst(C, f.next(C)));
            assertEquals(1, rst.transitions().size());
            o.states(CLOSED, CLOSED);
        }
    }
}
