package org.tcpladder.capture.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.state.Flow.C;
import static org.tcpladder.capture.state.Flow.S;
import static org.tcpladder.capture.state.TcpState.CLOSED;
import static org.tcpladder.capture.state.TcpState.ESTABLISHED;
import static org.tcpladder.capture.state.TcpState.LISTEN;
import static org.tcpladder.capture.state.TcpState.SYN_RECEIVED;
import static org.tcpladder.capture.state.TcpState.SYN_SENT;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tcpladder.capture.tcp.TcpSegment;

/** How connections open, one flow per nested class, each scripted the way Linux sends it. */
class OpeningFlowsTest {

    @Nested
    class NormalOpen {
        final Flow f = Flow.linux();
        final Observer o = new Observer(f);

        @Test
        void startsWithBothClosedUntilSomethingShowsTheServerListens() {
            o.states(CLOSED, CLOSED);
        }

        @Test
        void clientSynMakesClientSynSentAtOnce() {
            SegmentAnalysis a = o.see(f.syn());
            assertEquals(SYN_SENT, a.clientState());
            assertEquals(List.of(new StateTransition(C, CLOSED, SYN_SENT, 1, a.segment().timeNs(),
                    TransitionCause.SENT_SYN, -1)), a.transitions());
        }

        @Test
        void serverLeavesListenWhenItsSynAckShowsTheSynArrived() {
            TcpSegment syn = f.syn();
            o.see(syn);
            o.states(SYN_SENT, CLOSED);
            SegmentAnalysis a = o.see(f.synAck());
            o.states(SYN_SENT, SYN_RECEIVED);
            assertEquals(LISTEN, o.inference.statesAt(syn.timeNs() - 1).server(),
                    "the SYN,ACK shows the server was listening before the SYN came");
            StateTransition t = a.transitions().get(0);
            assertEquals(S, t.side());
            assertEquals(1, t.segmentIndex(), "the SYN caused it");
            assertEquals(syn.timeNs(), t.timeNs(), "dated at the SYN's arrival");
            assertEquals(TransitionCause.RECEIVED_SYN, t.cause());
            assertEquals("RFC 9293 \u00a73.10.7.2", t.rfcSection());
        }

        @Test
        void threeWayHandshakeEndsWithBothEstablished() {
            o.see(f.syn());
            TcpSegment synAck = f.synAck();
            o.see(synAck);
            SegmentAnalysis a = o.see(f.ack(C));
            o.states(ESTABLISHED, ESTABLISHED);
            assertEquals(List.of(CLOSED, SYN_SENT, ESTABLISHED), o.path(C, CLOSED));
            assertEquals(List.of(LISTEN, SYN_RECEIVED, ESTABLISHED), o.path(S, LISTEN));
            StateTransition clientEstablished = a.transitions().get(0);
            assertEquals(TransitionCause.RECEIVED_SYN_ACK, clientEstablished.cause());
            assertEquals(2, clientEstablished.segmentIndex());
            assertEquals(synAck.timeNs(), clientEstablished.timeNs());
            assertEquals(TransitionCause.RECEIVED_ACK_OF_SYN, a.transitions().get(1).cause());
            assertFalse(a.assumed());
        }

        @Test
        void firstDataSegmentCanCompleteTheHandshakeInsteadOfAPureAck() {
            o.see(f.syn());
            o.see(f.synAck());
            o.see(f.data(C, 100));
            o.states(ESTABLISHED, ESTABLISHED);
        }

        @Test
        void relativeNumbersCountFromEachIsn() {
            o.see(f.syn());
            SegmentAnalysis synAck = o.see(f.synAck());
            assertEquals(0, synAck.relativeSeq());
            assertEquals(1, synAck.relativeAck());
            o.see(f.ack(C));
            SegmentAnalysis data = o.see(f.data(C, 10));
            assertEquals(1, data.relativeSeq());
            assertEquals(1, data.relativeAck());
        }

        @Test
        void windowsAreScaledOnlyAfterBothSynsCarriedTheOption() {
            SegmentAnalysis syn = o.see(f.syn());
            assertEquals(65495, syn.windowBytes(), "a SYN window is never scaled");
            SegmentAnalysis synAck = o.see(f.synAck());
            assertEquals(65483, synAck.windowBytes());
            SegmentAnalysis ack = o.see(f.ack(C));
            assertEquals(512L << 7, ack.windowBytes());
        }

        @Test
        void windowsAreNotScaledWhenOneSynLacksTheOption() {
            Flow g = Flow.linux();
            Observer p = new Observer(g);
            p.see(g.syn());
            g.noWindowScale();
            p.see(g.synAck());
            assertEquals(512, p.see(g.ack(C)).windowBytes());
        }
    }

    @Nested
    class LostSyn {
        final Flow f = Flow.linux();
        final Observer o = new Observer(f);

        @Test
        void unansweredSynShowsNoListeningServer() {
            o.see(f.syn());
            o.states(SYN_SENT, CLOSED);
        }

        @Test
        void retransmittedSynKeepsItsIsnAndChangesNoState() {
            TcpSegment syn = f.syn();
            o.see(syn);
            f.after(Duration.ofSeconds(1));
            SegmentAnalysis again = o.see(f.resend(syn));
            assertTrue(again.transitions().isEmpty());
            assertTrue(again.has(AnomalyKind.RETRANSMISSION));
            o.states(SYN_SENT, CLOSED);
        }

        @Test
        void serverReceivedTheRetransmittedCopy() {
            TcpSegment syn = f.syn();
            o.see(syn);
            f.after(Duration.ofSeconds(1));
            o.see(f.resend(syn));
            o.see(f.synAck());
            o.see(f.ack(C));
            o.states(ESTABLISHED, ESTABLISHED);
            assertEquals(2, o.of(S).get(0).segmentIndex(), "LISTEN -> SYN-RECEIVED at the copy that got through");
        }
    }

    @Nested
    class Refused {
        final Flow f = Flow.linux();
        final Observer o = new Observer(f);

        @Test
        void rstAckAnsweringTheSynClosesTheClient() {
            o.see(f.syn());
            SegmentAnalysis a = o.see(f.refuse(S));
            o.states(CLOSED, CLOSED);
            assertEquals(List.of(CLOSED, SYN_SENT, CLOSED), o.path(C, CLOSED));
            assertEquals(TransitionCause.RECEIVED_RST_REFUSED, o.of(C).get(1).cause());
            assertEquals(a.segment().index(), o.of(C).get(1).segmentIndex());
        }

        @Test
        void serverIsClosedThroughoutBecauseNothingListened() {
            TcpSegment syn = f.syn();
            o.see(syn);
            o.see(f.refuse(S));
            assertEquals(List.of(CLOSED), o.path(S, CLOSED));
            assertEquals(List.of(), o.of(S));
            assertEquals(CLOSED, o.inference.statesAt(syn.timeNs()).server());
        }

        @Test
        void refusalSegmentAcknowledgesTheIsnPlusOne() {
            o.see(f.syn());
            SegmentAnalysis a = o.see(f.refuse(S));
            assertEquals(f.isn(C).plus(1), a.segment().ack());
        }
    }

    @Nested
    class SimultaneousOpen {
        final Flow f = Flow.linux();
        final Observer o = new Observer(f);

        void bothSyns() {
            o.see(f.synFrom(C));
            o.see(f.synFrom(S));
        }

        @Test
        void crossingSynsMakeEachSideSynSentThenSynReceived() {
            bothSyns();
            o.states(SYN_SENT, SYN_RECEIVED);
            o.see(f.synAckFrom(C));
            o.states(SYN_RECEIVED, ESTABLISHED);
            o.see(f.synAckFrom(S));
            o.states(ESTABLISHED, ESTABLISHED);
            assertEquals(List.of(CLOSED, SYN_SENT, SYN_RECEIVED, ESTABLISHED), o.path(C, CLOSED));
            assertEquals(List.of(CLOSED, SYN_SENT, SYN_RECEIVED, ESTABLISHED), o.path(S, CLOSED));
        }

        @Test
        void serversSynCrossedTheClientsSyn() {
            bothSyns();
            StateTransition serverGotSyn = o.of(S).get(1);
            assertEquals(TransitionCause.RECEIVED_SYN_SIMULTANEOUS, serverGotSyn.cause());
            assertEquals(1, serverGotSyn.segmentIndex());
            assertEquals(2, serverGotSyn.crossedSegmentIndex());
        }

        @Test
        void synAcksRepeatEachIsn() {
            bothSyns();
            SegmentAnalysis c = o.see(f.synAckFrom(C));
            SegmentAnalysis s = o.see(f.synAckFrom(S));
            assertEquals(f.isn(C), c.segment().seq());
            assertEquals(f.isn(S), s.segment().seq());
            assertTrue(c.narration().contains("same ISN " + f.isn(C)), c.narration());
            assertTrue(c.narration().contains("simultaneous open"), c.narration());
            assertFalse(c.has(AnomalyKind.RETRANSMISSION), "a crossing SYN's answer is no retransmission");
            assertFalse(s.has(AnomalyKind.RETRANSMISSION), "a crossing SYN's answer is no retransmission");
        }

        @Test
        void eitherOrderOfSynAcksTakesBothSidesThroughSynReceived() {
            bothSyns();
            o.see(f.synAckFrom(S));
            o.see(f.synAckFrom(C));
            o.states(ESTABLISHED, ESTABLISHED);
            // The client answered with SYN,ACK, so the server's plain SYN had reached it first.
            assertEquals(List.of(CLOSED, SYN_SENT, SYN_RECEIVED, ESTABLISHED), o.path(C, CLOSED));
            assertEquals(List.of(CLOSED, SYN_SENT, SYN_RECEIVED, ESTABLISHED), o.path(S, CLOSED));
        }
    }

    @Nested
    class CaptureStartsLate {

        @Test
        void midStreamFlagAssumesBothEstablished() {
            Flow f = Flow.linux();
            f.skip(C, 1).skip(S, 1);
            Observer o = new Observer(f, true);
            o.states(ESTABLISHED, ESTABLISHED);
            SegmentAnalysis a = o.see(f.data(C, 100));
            assertTrue(a.assumed());
            assertTrue(o.inference.assumed());
            assertTrue(a.narration().startsWith("The capture starts in the middle"), a.narration());
        }

        @Test
        void firstSegmentWithoutSynSwitchesToAssumedStates() {
            Flow f = Flow.linux();
            f.skip(C, 1).skip(S, 1);
            Observer o = new Observer(f);
            SegmentAnalysis a = o.see(f.data(C, 100));
            assertTrue(a.assumed());
            o.states(ESTABLISHED, ESTABLISHED);
            o.see(f.fin(C));
            o.see(f.fin(S));
            o.see(f.ack(C));
            assertTrue(o.results.get(3).assumed(), "stays assumed to the end");
            o.states(TcpState.TIME_WAIT, CLOSED);
        }

        @Test
        void relativeNumbersCountFromTheFirstSegmentSeenAsTcpdumpDoes() {
            Flow f = Flow.linux();
            f.skip(C, 1000).skip(S, 1);
            Observer o = new Observer(f, true);
            SegmentAnalysis a = o.see(f.data(C, 100));
            assertEquals(0, a.relativeSeq(), "tcpdump's base: the sender's first number seen counts from 0");
            assertEquals(1, a.relativeAck(), "tcpdump's base: the acknowledged side counts from ack - 1");
        }

        @Test
        void captureStartingAtTheSynAckAssumesTheClientWasSynSent() {
            Flow f = Flow.linux();
            f.skip(C, 1);
            Observer o = new Observer(f);
            SegmentAnalysis a = o.see(f.synAck());
            assertTrue(a.assumed());
            o.states(SYN_SENT, SYN_RECEIVED);
            assertEquals(TransitionCause.ANSWERED_UNSEEN_SYN, a.transitions().get(0).cause());
            o.see(f.ack(C));
            o.states(ESTABLISHED, ESTABLISHED);
        }
    }

    @Test
    void analyzeAllFindsTheClientFromTheFirstSyn() {
        Flow f = Flow.linux();
        f.syn();
        f.synAck();
        f.ack(C);
        List<SegmentAnalysis> all = StateInference.analyzeAll(f.segments());
        assertEquals(3, all.size());
        assertEquals(C, all.get(0).sender());
        assertEquals(ESTABLISHED, all.get(2).clientState());
        assertEquals(ESTABLISHED, all.get(2).serverState());
    }
}
