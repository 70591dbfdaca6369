package org.tcpladder.capture.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.tcpladder.capture.state.StateMachine.Event.RECEIVE_ACK_OF_FIN;
import static org.tcpladder.capture.state.StateMachine.Event.RECEIVE_ACK_OF_SYN;
import static org.tcpladder.capture.state.StateMachine.Event.RECEIVE_FIN;
import static org.tcpladder.capture.state.StateMachine.Event.RECEIVE_RST;
import static org.tcpladder.capture.state.StateMachine.Event.RECEIVE_SYN;
import static org.tcpladder.capture.state.StateMachine.Event.RECEIVE_SYN_ACK;
import static org.tcpladder.capture.state.StateMachine.Event.SEND_FIN;
import static org.tcpladder.capture.state.StateMachine.Event.SEND_RST;
import static org.tcpladder.capture.state.StateMachine.Event.SEND_SYN;
import static org.tcpladder.capture.state.StateMachine.Event.SEND_SYN_ACK;
import static org.tcpladder.capture.state.StateMachine.Event.TIME_WAIT_TIMEOUT;
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

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tcpladder.capture.state.StateMachine.Event;

/** The RFC 9293 diagram as a table: every state against every event, grouped per state. */
class StateMachineTest {

    static TcpState next(TcpState s, Event e) {
        StateMachine.Step step = StateMachine.next(s, e, true);
        return step == null ? null : step.to();
    }

    /** The whole diagram; an absent entry means the state stays. */
    static final Map<TcpState, Map<Event, TcpState>> DIAGRAM = new EnumMap<>(TcpState.class);

    static void arc(TcpState from, Event e, TcpState to) {
        DIAGRAM.computeIfAbsent(from, k -> new EnumMap<>(Event.class)).put(e, to);
    }

    static {
        arc(CLOSED, SEND_SYN, SYN_SENT);
        arc(LISTEN, RECEIVE_SYN, SYN_RECEIVED);
        arc(LISTEN, SEND_SYN_ACK, SYN_RECEIVED);
        arc(LISTEN, SEND_SYN, SYN_SENT);
        arc(LISTEN, SEND_RST, CLOSED);
        arc(SYN_SENT, RECEIVE_SYN_ACK, ESTABLISHED);
        arc(SYN_SENT, RECEIVE_SYN, SYN_RECEIVED);
        arc(SYN_SENT, RECEIVE_RST, CLOSED);
        arc(SYN_SENT, SEND_RST, CLOSED);
        arc(SYN_RECEIVED, RECEIVE_ACK_OF_SYN, ESTABLISHED);
        arc(SYN_RECEIVED, SEND_FIN, FIN_WAIT_1);
        arc(SYN_RECEIVED, RECEIVE_FIN, CLOSE_WAIT);
        arc(SYN_RECEIVED, RECEIVE_RST, LISTEN);
        arc(SYN_RECEIVED, SEND_RST, CLOSED);
        arc(ESTABLISHED, SEND_FIN, FIN_WAIT_1);
        arc(ESTABLISHED, RECEIVE_FIN, CLOSE_WAIT);
        arc(ESTABLISHED, RECEIVE_RST, CLOSED);
        arc(ESTABLISHED, SEND_RST, CLOSED);
        arc(FIN_WAIT_1, RECEIVE_ACK_OF_FIN, FIN_WAIT_2);
        arc(FIN_WAIT_1, RECEIVE_FIN, CLOSING);
        arc(FIN_WAIT_1, RECEIVE_RST, CLOSED);
        arc(FIN_WAIT_1, SEND_RST, CLOSED);
        arc(FIN_WAIT_2, RECEIVE_FIN, TIME_WAIT);
        arc(FIN_WAIT_2, RECEIVE_RST, CLOSED);
        arc(FIN_WAIT_2, SEND_RST, CLOSED);
        arc(CLOSE_WAIT, SEND_FIN, LAST_ACK);
        arc(CLOSE_WAIT, RECEIVE_RST, CLOSED);
        arc(CLOSE_WAIT, SEND_RST, CLOSED);
        arc(CLOSING, RECEIVE_ACK_OF_FIN, TIME_WAIT);
        arc(CLOSING, RECEIVE_RST, CLOSED);
        arc(CLOSING, SEND_RST, CLOSED);
        arc(LAST_ACK, RECEIVE_ACK_OF_FIN, CLOSED);
        arc(LAST_ACK, RECEIVE_RST, CLOSED);
        arc(LAST_ACK, SEND_RST, CLOSED);
        arc(TIME_WAIT, TIME_WAIT_TIMEOUT, CLOSED);
        arc(TIME_WAIT, RECEIVE_RST, CLOSED);
        arc(TIME_WAIT, SEND_RST, CLOSED);
    }

    @Test
    void everyStateOnEveryEventFollowsTheDiagram() {
        for (TcpState s : TcpState.values()) {
            for (Event e : Event.values()) {
                TcpState expected = DIAGRAM.getOrDefault(s, Map.of()).get(e);
                assertEquals(expected, next(s, e), s + " on " + e);
            }
        }
    }

    @Test
    void everyArcNamesACauseWhoseTriggerMatchesTheEvent() {
        for (TcpState s : TcpState.values()) {
            for (Event e : Event.values()) {
                StateMachine.Step step = StateMachine.next(s, e, true);
                if (step == null) {
                    continue;
                }
                TransitionCause.Trigger expected = e == TIME_WAIT_TIMEOUT ? TransitionCause.Trigger.TIMER
                        : e.name().startsWith("SEND") ? TransitionCause.Trigger.SENT : TransitionCause.Trigger.RECEIVED;
                assertEquals(expected, step.cause().trigger(), s + " on " + e);
            }
        }
    }

    @Nested
    class Closed {
        @Test
        void sendingSynIsTheActiveOpen() {
            assertEquals(TransitionCause.SENT_SYN, StateMachine.next(CLOSED, SEND_SYN, false).cause());
        }

        @Test
        void answeringWithRstKeepsItClosed() {
            assertNull(next(CLOSED, SEND_RST));
        }
    }

    @Nested
    class Listen {
        @Test
        void receivingRstIsIgnored() {
            assertNull(next(LISTEN, RECEIVE_RST));
        }

        @Test
        void answeringTheSynWithRstMeansNothingListened() {
            assertEquals(TransitionCause.REFUSED_NO_LISTENER, StateMachine.next(LISTEN, SEND_RST, false).cause());
        }
    }

    @Nested
    class SynSent {
        @Test
        void repeatedSynIsARetransmissionNotAChange() {
            assertNull(next(SYN_SENT, SEND_SYN));
        }

        @Test
        void rstAnsweringTheSynMeansRefused() {
            assertEquals(TransitionCause.RECEIVED_RST_REFUSED, StateMachine.next(SYN_SENT, RECEIVE_RST, false).cause());
        }
    }

    @Nested
    class SynReceived {
        @Test
        void rstReturnsAPassiveOpenToListen() {
            assertEquals(LISTEN, StateMachine.next(SYN_RECEIVED, RECEIVE_RST, true).to());
        }

        @Test
        void rstClosesAnActiveOpen() {
            StateMachine.Step step = StateMachine.next(SYN_RECEIVED, RECEIVE_RST, false);
            assertEquals(CLOSED, step.to());
            assertEquals(TransitionCause.RECEIVED_RST_REFUSED, step.cause());
        }
    }

    @Nested
    class FinWait1 {
        @Test
        void finBeforeTheAckOfOursMeansTheFinsCrossed() {
            assertEquals(TransitionCause.RECEIVED_FIN_SIMULTANEOUS, StateMachine.next(FIN_WAIT_1, RECEIVE_FIN, false).cause());
        }
    }

    @Nested
    class TimeWait {
        @Test
        void repeatedFinKeepsTheState() {
            assertNull(next(TIME_WAIT, RECEIVE_FIN));
        }

        @Test
        void timeoutCitesTheTimeoutsSection() {
            assertEquals("3.10.8", StateMachine.next(TIME_WAIT, TIME_WAIT_TIMEOUT, false).cause().rfcSection());
        }
    }
}
