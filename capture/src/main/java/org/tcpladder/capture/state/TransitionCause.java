package org.tcpladder.capture.state;

/**
 * Why a side changed state: the event, the rule of RFC 9293 that makes it so, and what triggered it
 * (the side sent a segment, received one, or a timer ran out).
 */
public enum TransitionCause {
    /** CLOSED → SYN-SENT: the application connected; the SYN is the active open. */
    SENT_SYN(Trigger.SENT, "3.10.1"),
    /** LISTEN → SYN-SENT: a listening side sent a SYN of its own (SEND in LISTEN turns passive into active). */
    SENT_SYN_FROM_LISTEN(Trigger.SENT, "3.10.2"),
    /** LISTEN → SYN-RECEIVED: the side answered a SYN the capture did not contain (capture began mid-handshake). */
    ANSWERED_UNSEEN_SYN(Trigger.SENT, "3.10.7.2"),
    /** ESTABLISHED or SYN-RECEIVED → FIN-WAIT-1: the application closed first. */
    SENT_FIN(Trigger.SENT, "3.10.4"),
    /** ESTABLISHED or SYN-RECEIVED → FIN-WAIT-1: both applications closed at once; the FINs cross. */
    SENT_FIN_SIMULTANEOUS(Trigger.SENT, "3.10.4"),
    /** CLOSE-WAIT → LAST-ACK: the application closed after the peer had. */
    SENT_FIN_AFTER_PEER(Trigger.SENT, "3.10.4"),
    /** Any connection state → CLOSED: the side aborted (ABORT call, SO_LINGER 0, or data after close). */
    SENT_RST(Trigger.SENT, "3.10.5"),
    /** LISTEN → CLOSED: the RST answering the SYN shows nothing was listening: a closed port answers so. */
    REFUSED_NO_LISTENER(Trigger.SENT, "3.10.7.1"),
    /** LISTEN → SYN-RECEIVED. */
    RECEIVED_SYN(Trigger.RECEIVED, "3.10.7.2"),
    /** SYN-SENT → SYN-RECEIVED: the peer's SYN arrived while this side's own SYN was unanswered. */
    RECEIVED_SYN_SIMULTANEOUS(Trigger.RECEIVED, "3.10.7.3"),
    /** SYN-SENT → ESTABLISHED. */
    RECEIVED_SYN_ACK(Trigger.RECEIVED, "3.10.7.3"),
    /** SYN-RECEIVED → ESTABLISHED. */
    RECEIVED_ACK_OF_SYN(Trigger.RECEIVED, "3.10.7.4"),
    /** ESTABLISHED or SYN-RECEIVED → CLOSE-WAIT. */
    RECEIVED_FIN(Trigger.RECEIVED, "3.10.7.4"),
    /** FIN-WAIT-1 → FIN-WAIT-2. */
    RECEIVED_ACK_OF_FIN(Trigger.RECEIVED, "3.10.7.4"),
    /** FIN-WAIT-1 → CLOSING: the FINs crossed (simultaneous close). */
    RECEIVED_FIN_SIMULTANEOUS(Trigger.RECEIVED, "3.10.7.4"),
    /** FIN-WAIT-2 → TIME-WAIT. */
    RECEIVED_FIN_AFTER_ACK(Trigger.RECEIVED, "3.10.7.4"),
    /** CLOSING → TIME-WAIT. */
    RECEIVED_ACK_OF_FIN_CLOSING(Trigger.RECEIVED, "3.10.7.4"),
    /** LAST-ACK → CLOSED. */
    RECEIVED_LAST_ACK(Trigger.RECEIVED, "3.10.7.4"),
    /** SYN-SENT → CLOSED: the SYN was answered with RST,ACK (connection refused). */
    RECEIVED_RST_REFUSED(Trigger.RECEIVED, "3.10.7.3"),
    /** SYN-RECEIVED → LISTEN: a reset undoes a passive open. */
    RECEIVED_RST_BACK_TO_LISTEN(Trigger.RECEIVED, "3.10.7.4"),
    /** Any synchronized state → CLOSED: the peer reset the connection. */
    RECEIVED_RST(Trigger.RECEIVED, "3.10.7.4"),
    /** TIME-WAIT → CLOSED after 2 MSL. */
    TIME_WAIT_TIMEOUT(Trigger.TIMER, "3.10.8");

    /** What made the side change. */
    public enum Trigger {
        /** The side sent the segment. */
        SENT,
        /** The segment arrived at the side. */
        RECEIVED,
        /** No segment: a timer expired. */
        TIMER
    }

    private final Trigger trigger;
    private final String rfcSection;

    TransitionCause(Trigger trigger, String rfcSection) {
        this.trigger = trigger;
        this.rfcSection = rfcSection;
    }

    public Trigger trigger() {
        return trigger;
    }

    /** The RFC 9293 section that defines this change, e.g. {@code 3.10.7.4}. */
    public String rfcSection() {
        return rfcSection;
    }

    /** The narration bundle key of the sentence explaining this change. */
    public String key() {
        return "transition." + name();
    }
}
