package org.tcpladder.capture.state;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The RFC 9293 state diagram (section 3.3.2) as one pure function over the one table of its arcs,
 * {@link RfcArc#ALL} (which the app's state diagram draws too). Whether a segment is acceptable (is the
 * ACK for our SYN? is the reset's sequence number the expected one?) is decided by the caller
 * <em>before</em> an event is passed here; this only says where a state goes on an event.
 */
public final class StateMachine {
    private StateMachine() {
    }

    /** What happened to one side, already judged acceptable. */
    public enum Event {
        SEND_SYN,
        SEND_SYN_ACK,
        SEND_FIN,
        SEND_RST,
        RECEIVE_SYN,
        RECEIVE_SYN_ACK,
        RECEIVE_ACK_OF_SYN,
        RECEIVE_FIN,
        RECEIVE_ACK_OF_FIN,
        RECEIVE_RST,
        TIME_WAIT_TIMEOUT
    }

    /** The state to enter and the rule that says so. */
    record Step(TcpState to, TransitionCause cause) {
    }

    /** The arcs that leave each state on each event, indexed once from {@link RfcArc#ALL}. */
    private static final Map<TcpState, Map<Event, List<RfcArc>>> LEAVING = index();

    private static Map<TcpState, Map<Event, List<RfcArc>>> index() {
        Map<TcpState, Map<Event, List<RfcArc>>> byState = new EnumMap<>(TcpState.class);
        for (TcpState s : TcpState.values()) {
            byState.put(s, new EnumMap<>(Event.class));
        }
        for (RfcArc arc : RfcArc.ALL) {
            if (arc.observable()) {
                byState.get(arc.from()).computeIfAbsent(arc.event(), e -> new ArrayList<>(2)).add(arc);
            }
        }
        return byState;
    }

    /**
     * Where {@code state} goes on {@code event}; null when it stays (retransmissions, duplicates, and
     * events the state ignores: e.g. a reset in LISTEN, 3.10.7.2 first step, or anything arriving at a
     * CLOSED port, which answers with RST and stays closed, 3.10.7.1).
     *
     * @param passiveOpen the side reached SYN-RECEIVED from LISTEN (a reset then returns it to LISTEN)
     */
    static Step next(TcpState state, Event event, boolean passiveOpen) {
        RfcArc arc = arc(state, event, passiveOpen);
        return arc == null ? null : new Step(arc.to(), arc.cause());
    }

    /** The arc of {@link RfcArc#ALL} that {@code state} takes on {@code event}, or null when it stays. */
    public static RfcArc arc(TcpState state, Event event, boolean passiveOpen) {
        List<RfcArc> candidates = LEAVING.get(state).get(event);
        if (candidates != null) {
            for (RfcArc arc : candidates) {
                if (arc.guard().admits(passiveOpen)) {
                    return arc;
                }
            }
        }
        return null;
    }
}
