package org.tcpladder.capture.state;

/**
 * The connection states of one TCP endpoint, named as RFC 9293 section 3.3.2 names them
 * ({@link #displayName()} gives {@code SYN-SENT}, the constant is {@code SYN_SENT}).
 *
 * <p>CLOSED is the fictional state of "no connection" (no TCB). A passive observer never sees a state;
 * it infers it from the segments each side sends and receives, see {@link StateInference}.
 */
public enum TcpState {
    CLOSED("CLOSED"),
    LISTEN("LISTEN"),
    SYN_SENT("SYN-SENT"),
    SYN_RECEIVED("SYN-RECEIVED"),
    ESTABLISHED("ESTABLISHED"),
    FIN_WAIT_1("FIN-WAIT-1"),
    FIN_WAIT_2("FIN-WAIT-2"),
    CLOSE_WAIT("CLOSE-WAIT"),
    CLOSING("CLOSING"),
    LAST_ACK("LAST-ACK"),
    TIME_WAIT("TIME-WAIT");

    private final String displayName;

    TcpState(String displayName) {
        this.displayName = displayName;
    }

    /** The RFC's spelling: {@code SYN-SENT}, {@code FIN-WAIT-1}, {@code TIME-WAIT}. */
    public String displayName() {
        return displayName;
    }

    /**
     * ESTABLISHED and every later state: both ISNs are known and acknowledged ("synchronized states",
     * RFC 9293 section 3.5.2).
     */
    public boolean isSynchronized() {
        return ordinal() >= ESTABLISHED.ordinal();
    }

    /** Still opening: SYN-SENT or SYN-RECEIVED (LISTEN waits for a SYN but has no connection yet). */
    public boolean isOpening() {
        return this == SYN_SENT || this == SYN_RECEIVED;
    }

    /** This side has sent its FIN: it will send no more data (RFC 9293 section 3.6). */
    public boolean hasSentFin() {
        return this == FIN_WAIT_1 || this == FIN_WAIT_2 || this == CLOSING || this == TIME_WAIT
                || this == LAST_ACK;
    }

    /** This side has received the peer's FIN: the peer will send no more data. */
    public boolean hasReceivedFin() {
        return this == CLOSE_WAIT || this == CLOSING || this == LAST_ACK || this == TIME_WAIT;
    }

    /** The application may still send data in this state (RFC 9293 section 3.10.2, SEND call). */
    public boolean maySendData() {
        return this == ESTABLISHED || this == CLOSE_WAIT;
    }

    /** CLOSED or LISTEN: no connection exists for this pair of endpoints. */
    public boolean hasNoConnection() {
        return this == CLOSED || this == LISTEN;
    }

    /**
     * The state for a name as {@code ss -tan} prints it ({@code ESTAB}, {@code SYN-RECV},
     * {@code FIN-WAIT-1}, {@code UNCONN}...) or as the RFC writes it; null when the name is none of
     * these. Used to compare the inference with the kernel's own view.
     */
    public static TcpState fromName(String name) {
        switch (name) {
            case "ESTAB":
                return ESTABLISHED;
            case "SYN-RECV":
                return SYN_RECEIVED;
            case "UNCONN":
            case "CLOSE":
                return CLOSED;
            default:
                for (TcpState s : values()) {
                    if (s.displayName.equals(name)) {
                        return s;
                    }
                }
                return null;
        }
    }

    @Override
    public String toString() {
        return displayName;
    }
}
