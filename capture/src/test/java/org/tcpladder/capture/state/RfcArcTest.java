package org.tcpladder.capture.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The one table of the diagram's arcs, and the state machine that looks its transitions up there. */
class RfcArcTest {

    @Test
    void theFigureOfSection332HasItsTwentyArcs() {
        long figure = RfcArc.ALL.stream().filter(RfcArc::inFigure).count();
        assertEquals(20, figure);
        // The figure draws every state but CLOSED with at least one arc out (CLOSED has two).
        Set<TcpState> leaving = new HashSet<>();
        RfcArc.ALL.stream().filter(RfcArc::inFigure).forEach(a -> leaving.add(a.from()));
        assertEquals(Set.of(TcpState.values()), leaving);
    }

    @Test
    void everyTransitionOfTheStateMachineIsAnArcOfTheTable() {
        for (TcpState s : TcpState.values()) {
            for (StateMachine.Event e : StateMachine.Event.values()) {
                for (boolean passive : new boolean[]{false, true}) {
                    StateMachine.Step step = StateMachine.next(s, e, passive);
                    RfcArc arc = StateMachine.arc(s, e, passive);
                    if (step == null) {
                        assertNull(arc, s + " on " + e);
                        continue;
                    }
                    assertNotNull(arc, s + " on " + e);
                    assertSame(s, arc.from());
                    assertSame(step.to(), arc.to());
                    assertSame(step.cause(), arc.cause());
                    assertTrue(RfcArc.ALL.contains(arc));
                }
            }
        }
    }

    @Test
    void everyObservableArcIsTakenByTheStateMachine() {
        for (RfcArc arc : RfcArc.ALL) {
            if (!arc.observable()) {
                assertNull(arc.cause(), arc.name());
                continue;
            }
            boolean passive = arc.guard() != RfcArc.Guard.ACTIVE_OPEN;
            assertSame(arc, StateMachine.arc(arc.from(), arc.event(), passive), arc.name());
        }
    }

    @Test
    void onlyApplicationCallsWithoutASegmentAreUnobservable() {
        Set<RfcArc> unobservable = new HashSet<>();
        RfcArc.ALL.stream().filter(a -> !a.observable()).forEach(unobservable::add);
        assertEquals(Set.of(RfcArc.PASSIVE_OPEN, RfcArc.LISTEN_CLOSE, RfcArc.SYN_SENT_CLOSE), unobservable);
    }

    @Test
    void aResetInSynReceivedDependsOnHowTheSideGotThere() {
        assertSame(RfcArc.SYN_RECEIVED_RESET_TO_LISTEN,
                StateMachine.arc(TcpState.SYN_RECEIVED, StateMachine.Event.RECEIVE_RST, true));
        assertSame(RfcArc.SYN_RECEIVED_RECEIVE_RST,
                StateMachine.arc(TcpState.SYN_RECEIVED, StateMachine.Event.RECEIVE_RST, false));
    }

    @Test
    void theArcBetweenTwoStatesIsChosenByWhatTriggeredIt() {
        assertSame(RfcArc.ESTABLISHED_ABORT,
                RfcArc.between(TcpState.ESTABLISHED, TcpState.CLOSED, TransitionCause.Trigger.SENT));
        assertSame(RfcArc.ESTABLISHED_RECEIVE_RST,
                RfcArc.between(TcpState.ESTABLISHED, TcpState.CLOSED, TransitionCause.Trigger.RECEIVED));
        assertSame(RfcArc.LISTEN_ANSWER_UNSEEN_SYN,
                RfcArc.between(TcpState.LISTEN, TcpState.SYN_RECEIVED, TransitionCause.Trigger.SENT));
        assertSame(RfcArc.PASSIVE_OPEN,
                RfcArc.between(TcpState.CLOSED, TcpState.LISTEN, TransitionCause.Trigger.SENT));
        assertNull(RfcArc.between(TcpState.CLOSED, TcpState.ESTABLISHED, TransitionCause.Trigger.RECEIVED));
    }

    @Test
    void labelsAreTheRfcsNotationFromTheBundle() {
        Narration en = Narration.english();
        assertEquals("rcv SYN / snd SYN,ACK", en.arcLabel(RfcArc.LISTEN_RECEIVE_SYN));
        assertEquals("CLOSE / snd FIN", en.arcLabel(RfcArc.ESTABLISHED_CLOSE));
        assertEquals("active OPEN / create TCB, snd SYN", en.arcLabel(RfcArc.ACTIVE_OPEN));
        assertEquals("rcv ACK of FIN", en.arcLabel(RfcArc.LAST_ACK_RECEIVE_ACK));
        for (RfcArc a : RfcArc.ALL) {
            String label = en.arcLabel(a);
            assertFalse(label.isBlank() || label.endsWith("/ "), a.name() + ": " + label);
        }
    }

    @Test
    void everyArcCitesASectionOfRfc9293() {
        for (RfcArc a : RfcArc.ALL) {
            assertTrue(a.rfcSection().matches("3\\.10(\\.\\d+)*"), a.name() + " " + a.rfcSection());
        }
    }

    @Test
    void aFinAckInFinWait1TakesTheAckArcAndThenTheFinArc() {
        assertEquals(java.util.List.of(RfcArc.FIN_WAIT_1_RECEIVE_ACK, RfcArc.FIN_WAIT_2_RECEIVE_FIN),
                RfcArc.path(TcpState.FIN_WAIT_1, TcpState.TIME_WAIT, TransitionCause.Trigger.RECEIVED));
        assertEquals(java.util.List.of(RfcArc.ESTABLISHED_CLOSE),
                RfcArc.path(TcpState.ESTABLISHED, TcpState.FIN_WAIT_1, TransitionCause.Trigger.SENT));
        assertEquals(java.util.List.of(),
                RfcArc.path(TcpState.TIME_WAIT, TcpState.ESTABLISHED, TransitionCause.Trigger.RECEIVED));
    }
}
