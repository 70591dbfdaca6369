package org.tcpladder.capture.state;

import java.util.List;

/**
 * Every arc of the TCP state diagram: the twenty of RFC 9293's figure (section 3.3.2, "TCP Connection
 * State Diagram") and the arcs the figure leaves out but the event processing of section 3.10 defines
 * (resets in every state, a FIN in SYN-RECEIVED) or that a passive observer needs (a SYN,ACK answering
 * a SYN the capture missed). This is the one table: {@link StateMachine#next} looks its transitions up
 * here, and the app's state diagram draws exactly these arcs.
 *
 * <p>Three arcs of the figure are application calls that put no segment on the wire (passive OPEN, and
 * CLOSE before the connection is synchronized): a capture cannot show them, so they have no
 * {@link #event()} and {@link StateMachine#next} never takes them; they are drawn all the same.
 *
 * <p>Each arc's label is two bundle patterns of the narration bundle, {@link #eventKey()} and
 * {@link #actionKey()}, written in the RFC's notation ("rcv SYN" / "snd SYN,ACK"); see
 * {@link Narration#arcLabel}.
 */
public enum RfcArc {
    // ---- the figure of section 3.3.2 ----
    /** CLOSED → LISTEN: passive OPEN, create TCB (3.10.1). Not visible in a capture. */
    PASSIVE_OPEN(TcpState.CLOSED, TcpState.LISTEN, null, Guard.ANY, null, "3.10.1", true),
    /** LISTEN → CLOSED: CLOSE, delete TCB (3.10.4). Not visible in a capture. */
    LISTEN_CLOSE(TcpState.LISTEN, TcpState.CLOSED, null, Guard.ANY, null, "3.10.4", true),
    /** CLOSED → SYN-SENT: active OPEN, create TCB, snd SYN. */
    ACTIVE_OPEN(TcpState.CLOSED, TcpState.SYN_SENT, StateMachine.Event.SEND_SYN, TransitionCause.SENT_SYN, true),
    /** LISTEN → SYN-RECEIVED: rcv SYN, snd SYN,ACK. */
    LISTEN_RECEIVE_SYN(TcpState.LISTEN, TcpState.SYN_RECEIVED, StateMachine.Event.RECEIVE_SYN,
            TransitionCause.RECEIVED_SYN, true),
    /** LISTEN → SYN-SENT: SEND, snd SYN. */
    LISTEN_SEND(TcpState.LISTEN, TcpState.SYN_SENT, StateMachine.Event.SEND_SYN,
            TransitionCause.SENT_SYN_FROM_LISTEN, true),
    /** SYN-SENT → CLOSED: CLOSE, delete TCB (3.10.4). Not visible in a capture. */
    SYN_SENT_CLOSE(TcpState.SYN_SENT, TcpState.CLOSED, null, Guard.ANY, null, "3.10.4", true),
    /** SYN-SENT → SYN-RECEIVED: rcv SYN, snd SYN,ACK (simultaneous open). */
    SYN_SENT_RECEIVE_SYN(TcpState.SYN_SENT, TcpState.SYN_RECEIVED, StateMachine.Event.RECEIVE_SYN,
            TransitionCause.RECEIVED_SYN_SIMULTANEOUS, true),
    /** SYN-RECEIVED → LISTEN: rcv RST, when the side came from LISTEN (the figure's note 1). */
    SYN_RECEIVED_RESET_TO_LISTEN(TcpState.SYN_RECEIVED, TcpState.LISTEN, StateMachine.Event.RECEIVE_RST,
            Guard.PASSIVE_OPEN, TransitionCause.RECEIVED_RST_BACK_TO_LISTEN, null, true),
    /** SYN-SENT → ESTABLISHED: rcv SYN,ACK, snd ACK. */
    SYN_SENT_RECEIVE_SYN_ACK(TcpState.SYN_SENT, TcpState.ESTABLISHED, StateMachine.Event.RECEIVE_SYN_ACK,
            TransitionCause.RECEIVED_SYN_ACK, true),
    /** SYN-RECEIVED → ESTABLISHED: rcv ACK of SYN. */
    SYN_RECEIVED_RECEIVE_ACK(TcpState.SYN_RECEIVED, TcpState.ESTABLISHED, StateMachine.Event.RECEIVE_ACK_OF_SYN,
            TransitionCause.RECEIVED_ACK_OF_SYN, true),
    /** SYN-RECEIVED → FIN-WAIT-1: CLOSE, snd FIN. */
    SYN_RECEIVED_CLOSE(TcpState.SYN_RECEIVED, TcpState.FIN_WAIT_1, StateMachine.Event.SEND_FIN,
            TransitionCause.SENT_FIN, true),
    /** ESTABLISHED → FIN-WAIT-1: CLOSE, snd FIN. */
    ESTABLISHED_CLOSE(TcpState.ESTABLISHED, TcpState.FIN_WAIT_1, StateMachine.Event.SEND_FIN,
            TransitionCause.SENT_FIN, true),
    /** ESTABLISHED → CLOSE-WAIT: rcv FIN, snd ACK. */
    ESTABLISHED_RECEIVE_FIN(TcpState.ESTABLISHED, TcpState.CLOSE_WAIT, StateMachine.Event.RECEIVE_FIN,
            TransitionCause.RECEIVED_FIN, true),
    /** FIN-WAIT-1 → FIN-WAIT-2: rcv ACK of FIN. */
    FIN_WAIT_1_RECEIVE_ACK(TcpState.FIN_WAIT_1, TcpState.FIN_WAIT_2, StateMachine.Event.RECEIVE_ACK_OF_FIN,
            TransitionCause.RECEIVED_ACK_OF_FIN, true),
    /** FIN-WAIT-1 → CLOSING: rcv FIN, snd ACK (simultaneous close). */
    FIN_WAIT_1_RECEIVE_FIN(TcpState.FIN_WAIT_1, TcpState.CLOSING, StateMachine.Event.RECEIVE_FIN,
            TransitionCause.RECEIVED_FIN_SIMULTANEOUS, true),
    /** FIN-WAIT-2 → TIME-WAIT: rcv FIN, snd ACK. */
    FIN_WAIT_2_RECEIVE_FIN(TcpState.FIN_WAIT_2, TcpState.TIME_WAIT, StateMachine.Event.RECEIVE_FIN,
            TransitionCause.RECEIVED_FIN_AFTER_ACK, true),
    /** CLOSING → TIME-WAIT: rcv ACK of FIN. */
    CLOSING_RECEIVE_ACK(TcpState.CLOSING, TcpState.TIME_WAIT, StateMachine.Event.RECEIVE_ACK_OF_FIN,
            TransitionCause.RECEIVED_ACK_OF_FIN_CLOSING, true),
    /** CLOSE-WAIT → LAST-ACK: CLOSE, snd FIN. */
    CLOSE_WAIT_CLOSE(TcpState.CLOSE_WAIT, TcpState.LAST_ACK, StateMachine.Event.SEND_FIN,
            TransitionCause.SENT_FIN_AFTER_PEER, true),
    /** LAST-ACK → CLOSED: rcv ACK of FIN. */
    LAST_ACK_RECEIVE_ACK(TcpState.LAST_ACK, TcpState.CLOSED, StateMachine.Event.RECEIVE_ACK_OF_FIN,
            TransitionCause.RECEIVED_LAST_ACK, true),
    /** TIME-WAIT → CLOSED: Timeout=2MSL, delete TCB. */
    TIME_WAIT_TIMEOUT(TcpState.TIME_WAIT, TcpState.CLOSED, StateMachine.Event.TIME_WAIT_TIMEOUT,
            TransitionCause.TIME_WAIT_TIMEOUT, true),

    // ---- not in the figure: section 3.10's event processing, and what an observer needs ----
    /** LISTEN → SYN-RECEIVED on the side's SYN,ACK when the capture missed the SYN it answers (3.10.7.2). */
    LISTEN_ANSWER_UNSEEN_SYN(TcpState.LISTEN, TcpState.SYN_RECEIVED, StateMachine.Event.SEND_SYN_ACK,
            TransitionCause.ANSWERED_UNSEEN_SYN, false),
    /** "LISTEN" → CLOSED: the side answered a SYN with RST, so nothing listened (3.10.7.1). */
    LISTEN_REFUSE(TcpState.LISTEN, TcpState.CLOSED, StateMachine.Event.SEND_RST,
            TransitionCause.REFUSED_NO_LISTENER, false),
    /** SYN-SENT → CLOSED: a reset acknowledging the SYN, connection refused (3.10.7.3). */
    SYN_SENT_RECEIVE_RST(TcpState.SYN_SENT, TcpState.CLOSED, StateMachine.Event.RECEIVE_RST,
            TransitionCause.RECEIVED_RST_REFUSED, false),
    /** SYN-SENT → CLOSED: ABORT, snd RST (3.10.5). */
    SYN_SENT_ABORT(TcpState.SYN_SENT, TcpState.CLOSED, StateMachine.Event.SEND_RST, TransitionCause.SENT_RST, false),
    /** SYN-RECEIVED → CLOSE-WAIT: rcv FIN (3.10.7.4, eighth step). */
    SYN_RECEIVED_RECEIVE_FIN(TcpState.SYN_RECEIVED, TcpState.CLOSE_WAIT, StateMachine.Event.RECEIVE_FIN,
            TransitionCause.RECEIVED_FIN, false),
    /** SYN-RECEIVED → CLOSED: rcv RST when the side opened actively (3.10.7.4, second step). */
    SYN_RECEIVED_RECEIVE_RST(TcpState.SYN_RECEIVED, TcpState.CLOSED, StateMachine.Event.RECEIVE_RST,
            Guard.ACTIVE_OPEN, TransitionCause.RECEIVED_RST_REFUSED, null, false),
    /** SYN-RECEIVED → CLOSED: ABORT, snd RST (3.10.5). */
    SYN_RECEIVED_ABORT(TcpState.SYN_RECEIVED, TcpState.CLOSED, StateMachine.Event.SEND_RST,
            TransitionCause.SENT_RST, false),
    ESTABLISHED_RECEIVE_RST(TcpState.ESTABLISHED, TcpState.CLOSED, StateMachine.Event.RECEIVE_RST,
            TransitionCause.RECEIVED_RST, false),
    ESTABLISHED_ABORT(TcpState.ESTABLISHED, TcpState.CLOSED, StateMachine.Event.SEND_RST,
            TransitionCause.SENT_RST, false),
    FIN_WAIT_1_RECEIVE_RST(TcpState.FIN_WAIT_1, TcpState.CLOSED, StateMachine.Event.RECEIVE_RST,
            TransitionCause.RECEIVED_RST, false),
    FIN_WAIT_1_ABORT(TcpState.FIN_WAIT_1, TcpState.CLOSED, StateMachine.Event.SEND_RST,
            TransitionCause.SENT_RST, false),
    FIN_WAIT_2_RECEIVE_RST(TcpState.FIN_WAIT_2, TcpState.CLOSED, StateMachine.Event.RECEIVE_RST,
            TransitionCause.RECEIVED_RST, false),
    /** FIN-WAIT-2 → CLOSED by a reset of its own, e.g. data arriving after the application closed (Linux). */
    FIN_WAIT_2_ABORT(TcpState.FIN_WAIT_2, TcpState.CLOSED, StateMachine.Event.SEND_RST,
            TransitionCause.SENT_RST, false),
    CLOSE_WAIT_RECEIVE_RST(TcpState.CLOSE_WAIT, TcpState.CLOSED, StateMachine.Event.RECEIVE_RST,
            TransitionCause.RECEIVED_RST, false),
    CLOSE_WAIT_ABORT(TcpState.CLOSE_WAIT, TcpState.CLOSED, StateMachine.Event.SEND_RST,
            TransitionCause.SENT_RST, false),
    CLOSING_RECEIVE_RST(TcpState.CLOSING, TcpState.CLOSED, StateMachine.Event.RECEIVE_RST,
            TransitionCause.RECEIVED_RST, false),
    CLOSING_ABORT(TcpState.CLOSING, TcpState.CLOSED, StateMachine.Event.SEND_RST, TransitionCause.SENT_RST, false),
    LAST_ACK_RECEIVE_RST(TcpState.LAST_ACK, TcpState.CLOSED, StateMachine.Event.RECEIVE_RST,
            TransitionCause.RECEIVED_RST, false),
    LAST_ACK_ABORT(TcpState.LAST_ACK, TcpState.CLOSED, StateMachine.Event.SEND_RST, TransitionCause.SENT_RST, false),
    /** TIME-WAIT → CLOSED on a reset (3.10.7.4 second step; Linux too, unless tcp_rfc1337 is set). */
    TIME_WAIT_RECEIVE_RST(TcpState.TIME_WAIT, TcpState.CLOSED, StateMachine.Event.RECEIVE_RST,
            TransitionCause.RECEIVED_RST, false),
    TIME_WAIT_ABORT(TcpState.TIME_WAIT, TcpState.CLOSED, StateMachine.Event.SEND_RST, TransitionCause.SENT_RST, false);

    /** When an arc applies beyond its state and event. */
    public enum Guard {
        /** Always. */
        ANY,
        /** Only for a side that reached SYN-RECEIVED from LISTEN (RFC 9293 section 3.10.7.4, second step). */
        PASSIVE_OPEN,
        /** Only for a side that reached SYN-RECEIVED from SYN-SENT (simultaneous open). */
        ACTIVE_OPEN;

        boolean admits(boolean passiveOpen) {
            return this == ANY || (this == PASSIVE_OPEN) == passiveOpen;
        }
    }

    /** Every arc, in the order above: the figure's first. */
    public static final List<RfcArc> ALL = List.of(values());

    private final TcpState from;
    private final TcpState to;
    private final StateMachine.Event event;
    private final Guard guard;
    private final TransitionCause cause;
    private final String rfcSection;
    private final boolean inFigure;

    RfcArc(TcpState from, TcpState to, StateMachine.Event event, TransitionCause cause, boolean inFigure) {
        this(from, to, event, Guard.ANY, cause, null, inFigure);
    }

    RfcArc(TcpState from, TcpState to, StateMachine.Event event, Guard guard, TransitionCause cause,
           String rfcSection, boolean inFigure) {
        this.from = from;
        this.to = to;
        this.event = event;
        this.guard = guard;
        this.cause = cause;
        this.rfcSection = rfcSection != null ? rfcSection : cause.rfcSection();
        this.inFigure = inFigure;
    }

    public TcpState from() {
        return from;
    }

    public TcpState to() {
        return to;
    }

    /** What the observer sees happen, or null for an application call that sends nothing. */
    public StateMachine.Event event() {
        return event;
    }

    public Guard guard() {
        return guard;
    }

    /** The rule the inference reports for this arc, or null when a capture cannot show the arc. */
    public TransitionCause cause() {
        return cause;
    }

    /** Whether a capture can show this arc being taken (it sends or receives a segment, or is a timer). */
    public boolean observable() {
        return event != null;
    }

    /** The RFC 9293 section whose rule this arc is, e.g. {@code 3.10.7.4}. */
    public String rfcSection() {
        return rfcSection;
    }

    /** Whether the figure in RFC 9293 section 3.3.2 draws this arc. */
    public boolean inFigure() {
        return inFigure;
    }

    /** The narration bundle key of the event half of the label, e.g. "rcv SYN". */
    public String eventKey() {
        return "arc." + name() + ".event";
    }

    /** The narration bundle key of the action half of the label, e.g. "snd SYN,ACK"; may be empty text. */
    public String actionKey() {
        return "arc." + name() + ".action";
    }

    /**
     * The arc a side took from {@code from} to {@code to}, preferring one whose cause has the given
     * trigger (a reset sent and a reset received both lead to CLOSED); null when no arc joins the two.
     */
    public static RfcArc between(TcpState from, TcpState to, TransitionCause.Trigger trigger) {
        RfcArc any = null;
        for (RfcArc a : ALL) {
            if (a.from == from && a.to == to) {
                if (a.cause != null && a.cause.trigger() == trigger) {
                    return a;
                }
                if (any == null) {
                    any = a;
                }
            }
        }
        return any;
    }

    /**
     * The arcs a side took from {@code from} to {@code to}: the arc {@link #between} them when there is
     * one, else a chain of two arcs a capture can show (table order breaks ties). One segment can
     * take two arcs: a FIN,ACK that acknowledges our FIN makes FIN-WAIT-1 FIN-WAIT-2 and then TIME-WAIT,
     * because the ACK is processed before the FIN (RFC 9293 section 3.10.7.4, fifth and eighth steps),
     * and the table lists the ACK's arc first. Empty when no chain joins the two.
     */
    public static List<RfcArc> path(TcpState from, TcpState to, TransitionCause.Trigger trigger) {
        RfcArc direct = between(from, to, trigger);
        if (direct != null) {
            return List.of(direct);
        }
        // At most two arcs, and never through CLOSED or LISTEN: one segment does not end one connection
        // and begin another.
        for (RfcArc first : ALL) {
            if (first.from == from && first.observable() && !first.to.hasNoConnection()) {
                for (RfcArc second : ALL) {
                    if (second.from == first.to && second.to == to && second.observable()) {
                        return List.of(first, second);
                    }
                }
            }
        }
        return List.of();
    }
}
