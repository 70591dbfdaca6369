package org.tcpladder.capture.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.state.Flow.C;
import static org.tcpladder.capture.state.Flow.S;
import static org.tcpladder.capture.state.TcpState.CLOSED;
import static org.tcpladder.capture.state.TcpState.ESTABLISHED;
import static org.tcpladder.capture.state.TcpState.FIN_WAIT_2;
import static org.tcpladder.capture.state.TcpState.LAST_ACK;
import static org.tcpladder.capture.state.TcpState.SYN_RECEIVED;
import static org.tcpladder.capture.state.TcpState.SYN_SENT;
import static org.tcpladder.capture.state.TcpState.TIME_WAIT;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcpladder.capture.tcp.TcpSegment;

/** TIME-WAIT: entered by the side that closed first, left after 2 MSL (Linux: 60 s). */
class TimeWaitTest {
    static final long SECOND = 1_000_000_000L;
    Flow f;
    Observer o;
    TcpSegment serverFin;
    TcpSegment lastAck;

    @BeforeEach
    void closeActivelyFromTheClient() {
        f = Flow.linux();
        o = new Observer(f);
        o.see(f.syn());
        o.see(f.synAck());
        o.see(f.ack(C));
        o.see(f.fin(C));
        o.see(f.ack(S));
        serverFin = o.see(f.fin(S)).segment();
        lastAck = o.see(f.ack(C)).segment();
        o.states(TIME_WAIT, CLOSED);
    }

    @Test
    void timeWaitStartsWhenThePeersFinArrives() {
        StateTransition tw = o.of(C).get(o.of(C).size() - 1);
        assertEquals(serverFin.timeNs(), tw.timeNs());
    }

    @Test
    void countdownStartsAtSixtySeconds() {
        assertEquals(OptionalLong.of(60 * SECOND), o.inference.timeWaitLeftNs(C, serverFin.timeNs()));
        assertEquals(OptionalLong.of(60 * SECOND - (lastAck.timeNs() - serverFin.timeNs())),
                o.inference.timeWaitLeftNs(C, lastAck.timeNs()));
    }

    @Test
    void countdownShrinksWithCaptureTime() {
        assertEquals(OptionalLong.of(18 * SECOND), o.inference.timeWaitLeftNs(C, serverFin.timeNs() + 42 * SECOND));
    }

    @Test
    void countdownIsEmptyForASideNotInTimeWait() {
        assertFalse(o.inference.timeWaitLeftNs(S, serverFin.timeNs()).isPresent());
    }

    @Test
    void countdownIsEmptyOnceTwoMslHavePassed() {
        assertFalse(o.inference.timeWaitLeftNs(C, serverFin.timeNs() + 60 * SECOND).isPresent());
    }

    @Test
    void statesAtAskTheTimeAfterTheLastSegment() {
        assertEquals(TIME_WAIT, o.inference.statesAt(lastAck.timeNs() + 59 * SECOND).client());
        StateInference.SideStates later = o.inference.statesAt(serverFin.timeNs() + 60 * SECOND);
        assertEquals(CLOSED, later.client());
        assertEquals(CLOSED, later.server());
        assertFalse(later.assumed());
    }

    @Test
    void statesAtReplayEarlierMoments() {
        List<TcpSegment> s = f.segments();
        StateInference.SideStates atFirst = o.inference.statesAt(s.get(0).timeNs());
        assertEquals(SYN_SENT, atFirst.client());
        assertEquals(SYN_RECEIVED, atFirst.server(), "with hindsight: the SYN,ACK proved the SYN arrived then");
        StateInference.SideStates beforeAll = o.inference.statesAt(s.get(0).timeNs() - 1);
        assertEquals(CLOSED, beforeAll.client());
        StateInference.SideStates atServerFin = o.inference.statesAt(serverFin.timeNs());
        assertEquals(TIME_WAIT, atServerFin.client());
        assertEquals(LAST_ACK, atServerFin.server());
        assertEquals(ESTABLISHED, o.inference.statesAt(s.get(2).timeNs()).of(S));
        assertEquals(FIN_WAIT_2, o.inference.statesAt(s.get(4).timeNs()).of(C));
    }

    @Test
    void statesAtDoesNotRecordAnything() {
        int before = o.inference.transitions().size();
        o.inference.statesAt(serverFin.timeNs() + 120 * SECOND);
        assertEquals(before, o.inference.transitions().size());
        assertEquals(TIME_WAIT, o.inference.clientState());
    }

    @Test
    void advancingTheClockRecordsTheTimeout() {
        assertTrue(o.inference.advanceTo(serverFin.timeNs() + 59 * SECOND).isEmpty());
        List<StateTransition> expired = o.inference.advanceTo(serverFin.timeNs() + 61 * SECOND);
        assertEquals(1, expired.size());
        StateTransition t = expired.get(0);
        assertEquals(new StateTransition(C, TIME_WAIT, CLOSED, -1, serverFin.timeNs() + 60 * SECOND,
                TransitionCause.TIME_WAIT_TIMEOUT, -1), t);
        assertEquals("RFC 9293 \u00a73.10.8", t.rfcSection());
        assertEquals(TransitionCause.Trigger.TIMER, t.trigger());
        assertEquals(CLOSED, o.inference.clientState());
    }

    @Test
    void aLaterSegmentRecordsTheTimeoutBeforeItself() {
        f.after(Duration.ofSeconds(61));
        SegmentAnalysis late = o.see(f.ack(S));
        assertEquals(TransitionCause.TIME_WAIT_TIMEOUT, late.transitions().get(0).cause());
        assertEquals(CLOSED, late.clientState());
    }

    @Test
    void aRetransmittedFinRestartsTheTimer() {
        f.after(Duration.ofSeconds(30));
        TcpSegment again = o.see(f.resend(serverFin)).segment();
        o.see(f.ack(C));
        assertEquals(OptionalLong.of(60 * SECOND), o.inference.timeWaitLeftNs(C, again.timeNs()));
        assertEquals(TIME_WAIT, o.inference.statesAt(serverFin.timeNs() + 70 * SECOND).client());
        assertEquals(CLOSED, o.inference.statesAt(again.timeNs() + 60 * SECOND).client());
    }

    @Test
    void timeWaitLengthCanBeTheRfcsFourMinutes() {
        Flow g = Flow.linux();
        StateInference i = new StateInference(g.client, g.server, false, Duration.ofMinutes(4), Narration.english());
        g.syn();
        g.synAck();
        g.ack(C);
        g.fin(C);
        g.ack(S);
        TcpSegment fin = g.fin(S);
        g.ack(C);
        i.observeAll(g.segments());
        assertEquals(Duration.ofMinutes(4), i.timeWait());
        assertEquals(OptionalLong.of(180 * SECOND), i.timeWaitLeftNs(C, fin.timeNs() + 60 * SECOND));
    }
}
