package org.tcpladder.capture.state;

/**
 * The RFC 9293 state diagram (section 3.3.2) as one pure function. Whether a segment is acceptable (is the
 * ACK for our SYN? is the reset's sequence number the expected one?) is decided by the caller
 * <em>before</em> an event is passed here; this only says where a state goes on an event.
 */
final class StateMachine {
    private StateMachine() {
    }

    /** What happened to one side, already judged acceptable. */
    enum Event {
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

    /**
     * Where {@code state} goes on {@code event}; null when it stays (retransmissions, duplicates, and
     * events the state ignores).
     *
     * @param passiveOpen the side reached SYN-RECEIVED from LISTEN (a reset then returns it to LISTEN)
     */
    static Step next(TcpState state, Event event, boolean passiveOpen) {
        switch (state) {
            case CLOSED:
                switch (event) {
                    // 3.10.1 OPEN (active): send SYN, enter SYN-SENT.
                    case SEND_SYN: return new Step(TcpState.SYN_SENT, TransitionCause.SENT_SYN);
                    // 3.10.7.1: a closed port answers anything with RST and stays closed.
                    default: return null;
                }
            case LISTEN:
                switch (event) {
                    // 3.10.7.2 third: a SYN makes a listener SYN-RECEIVED.
                    case RECEIVE_SYN: return new Step(TcpState.SYN_RECEIVED, TransitionCause.RECEIVED_SYN);
                    // Same, when only the answer to the SYN was captured.
                    case SEND_SYN_ACK: return new Step(TcpState.SYN_RECEIVED, TransitionCause.ANSWERED_UNSEEN_SYN);
                    // 3.10.2 SEND in LISTEN: the passive open becomes active, SYN-SENT.
                    case SEND_SYN: return new Step(TcpState.SYN_SENT, TransitionCause.SENT_SYN_FROM_LISTEN);
                    // 3.10.7.1: only a port with no listener answers a SYN with RST: it was CLOSED.
                    case SEND_RST: return new Step(TcpState.CLOSED, TransitionCause.REFUSED_NO_LISTENER);
                    // 3.10.7.2 first: a reset is ignored in LISTEN.
                    default: return null;
                }
            case SYN_SENT:
                switch (event) {
                    // 3.10.7.3 fourth: SYN with an acceptable ACK: ESTABLISHED.
                    case RECEIVE_SYN_ACK: return new Step(TcpState.ESTABLISHED, TransitionCause.RECEIVED_SYN_ACK);
                    // 3.10.7.3 fourth: SYN without ACK: simultaneous open, SYN-RECEIVED.
                    case RECEIVE_SYN: return new Step(TcpState.SYN_RECEIVED, TransitionCause.RECEIVED_SYN_SIMULTANEOUS);
                    // 3.10.7.3 second: a reset that ACKs our SYN means "connection refused".
                    case RECEIVE_RST: return new Step(TcpState.CLOSED, TransitionCause.RECEIVED_RST_REFUSED);
                    // 3.10.5 ABORT.
                    case SEND_RST: return new Step(TcpState.CLOSED, TransitionCause.SENT_RST);
                    // A repeated SYN is a retransmission.
                    default: return null;
                }
            case SYN_RECEIVED:
                switch (event) {
                    // 3.10.7.4 fifth: an ACK of our SYN: ESTABLISHED.
                    case RECEIVE_ACK_OF_SYN: return new Step(TcpState.ESTABLISHED, TransitionCause.RECEIVED_ACK_OF_SYN);
                    // 3.10.4 CLOSE in SYN-RECEIVED: send FIN, FIN-WAIT-1.
                    case SEND_FIN: return new Step(TcpState.FIN_WAIT_1, TransitionCause.SENT_FIN);
                    // 3.10.7.4 eighth: FIN in SYN-RECEIVED: CLOSE-WAIT.
                    case RECEIVE_FIN: return new Step(TcpState.CLOSE_WAIT, TransitionCause.RECEIVED_FIN);
                    // 3.10.7.4 second: a reset returns a passive open to LISTEN, refuses an active one.
                    case RECEIVE_RST: return passiveOpen
                            ? new Step(TcpState.LISTEN, TransitionCause.RECEIVED_RST_BACK_TO_LISTEN)
                            : new Step(TcpState.CLOSED, TransitionCause.RECEIVED_RST_REFUSED);
                    case SEND_RST: return new Step(TcpState.CLOSED, TransitionCause.SENT_RST);
                    default: return null;
                }
            case ESTABLISHED:
                switch (event) {
                    // 3.10.4 CLOSE: send FIN, FIN-WAIT-1.
                    case SEND_FIN: return new Step(TcpState.FIN_WAIT_1, TransitionCause.SENT_FIN);
                    // 3.10.7.4 eighth: the peer's FIN: CLOSE-WAIT.
                    case RECEIVE_FIN: return new Step(TcpState.CLOSE_WAIT, TransitionCause.RECEIVED_FIN);
                    case RECEIVE_RST: return new Step(TcpState.CLOSED, TransitionCause.RECEIVED_RST);
                    case SEND_RST: return new Step(TcpState.CLOSED, TransitionCause.SENT_RST);
                    default: return null;
                }
            case FIN_WAIT_1:
                switch (event) {
                    // 3.10.7.4 fifth: our FIN acknowledged: FIN-WAIT-2.
                    case RECEIVE_ACK_OF_FIN: return new Step(TcpState.FIN_WAIT_2, TransitionCause.RECEIVED_ACK_OF_FIN);
                    // 3.10.7.4 eighth: a FIN while ours is unacknowledged: the FINs crossed, CLOSING.
                    case RECEIVE_FIN: return new Step(TcpState.CLOSING, TransitionCause.RECEIVED_FIN_SIMULTANEOUS);
                    case RECEIVE_RST: return new Step(TcpState.CLOSED, TransitionCause.RECEIVED_RST);
                    case SEND_RST: return new Step(TcpState.CLOSED, TransitionCause.SENT_RST);
                    default: return null;
                }
            case FIN_WAIT_2:
                switch (event) {
                    // 3.10.7.4 eighth: the peer's FIN: TIME-WAIT, start the 2 MSL timer.
                    case RECEIVE_FIN: return new Step(TcpState.TIME_WAIT, TransitionCause.RECEIVED_FIN_AFTER_ACK);
                    case RECEIVE_RST: return new Step(TcpState.CLOSED, TransitionCause.RECEIVED_RST);
                    // e.g. data arriving after the application closed (Linux resets, RFC 2525 2.17).
                    case SEND_RST: return new Step(TcpState.CLOSED, TransitionCause.SENT_RST);
                    default: return null;
                }
            case CLOSE_WAIT:
                switch (event) {
                    // 3.10.4 CLOSE in CLOSE-WAIT: send FIN, LAST-ACK.
                    case SEND_FIN: return new Step(TcpState.LAST_ACK, TransitionCause.SENT_FIN_AFTER_PEER);
                    case RECEIVE_RST: return new Step(TcpState.CLOSED, TransitionCause.RECEIVED_RST);
                    case SEND_RST: return new Step(TcpState.CLOSED, TransitionCause.SENT_RST);
                    default: return null;
                }
            case CLOSING:
                switch (event) {
                    // 3.10.7.4 fifth: our FIN acknowledged: TIME-WAIT.
                    case RECEIVE_ACK_OF_FIN: return new Step(TcpState.TIME_WAIT, TransitionCause.RECEIVED_ACK_OF_FIN_CLOSING);
                    case RECEIVE_RST: return new Step(TcpState.CLOSED, TransitionCause.RECEIVED_RST);
                    case SEND_RST: return new Step(TcpState.CLOSED, TransitionCause.SENT_RST);
                    default: return null;
                }
            case LAST_ACK:
                switch (event) {
                    // 3.10.7.4 fifth: the last ACK: delete the TCB, CLOSED.
                    case RECEIVE_ACK_OF_FIN: return new Step(TcpState.CLOSED, TransitionCause.RECEIVED_LAST_ACK);
                    case RECEIVE_RST: return new Step(TcpState.CLOSED, TransitionCause.RECEIVED_RST);
                    case SEND_RST: return new Step(TcpState.CLOSED, TransitionCause.SENT_RST);
                    default: return null;
                }
            case TIME_WAIT:
                switch (event) {
                    // 3.10.8: the time-wait timeout deletes the TCB.
                    case TIME_WAIT_TIMEOUT: return new Step(TcpState.CLOSED, TransitionCause.TIME_WAIT_TIMEOUT);
                    // 3.10.7.4 second: RST in TIME-WAIT closes (Linux too, unless tcp_rfc1337 is set).
                    case RECEIVE_RST: return new Step(TcpState.CLOSED, TransitionCause.RECEIVED_RST);
                    case SEND_RST: return new Step(TcpState.CLOSED, TransitionCause.SENT_RST);
                    // A repeated FIN restarts the timer but keeps the state.
                    default: return null;
                }
            default:
                throw new AssertionError(state);
        }
    }
}
