package org.tcpladder.capture.demo;

import org.tcpladder.capture.state.TcpState;

/**
 * A socket's state as the Linux kernel reports it ({@code tcpi_state} of TCP_INFO, the {@code st}
 * column of /proc/net/tcp; numbering from include/net/tcp_states.h), named as RFC 9293 section 3.3.2
 * names the states. This is the kernel's own view of the demo's sockets, shown beside the state the
 * ladder infers from the packets.
 */
public enum KernelTcpState {
    ESTABLISHED(1, "ESTABLISHED"),
    SYN_SENT(2, "SYN-SENT"),
    SYN_RECEIVED(3, "SYN-RECEIVED"),
    FIN_WAIT_1(4, "FIN-WAIT-1"),
    FIN_WAIT_2(5, "FIN-WAIT-2"),
    TIME_WAIT(6, "TIME-WAIT"),
    CLOSED(7, "CLOSED"),
    CLOSE_WAIT(8, "CLOSE-WAIT"),
    LAST_ACK(9, "LAST-ACK"),
    LISTEN(10, "LISTEN"),
    CLOSING(11, "CLOSING"),
    /** Linux's request socket for a half-open connection; RFC 9293 calls it SYN-RECEIVED. */
    NEW_SYN_RECEIVED(12, "SYN-RECEIVED");

    private final int linuxCode;
    private final String rfcName;

    KernelTcpState(int linuxCode, String rfcName) {
        this.linuxCode = linuxCode;
        this.rfcName = rfcName;
    }

    public int linuxCode() {
        return linuxCode;
    }

    /** The RFC 9293 name, e.g. {@code FIN-WAIT-1}. */
    public String rfcName() {
        return rfcName;
    }

    /**
     * The same state as the packet-based inference names it, so the two views can be compared: Linux's
     * request socket ({@link #NEW_SYN_RECEIVED}) is SYN-RECEIVED, every other state maps by name.
     */
    public TcpState tcpState() {
        return this == NEW_SYN_RECEIVED ? TcpState.SYN_RECEIVED : TcpState.valueOf(name());
    }

    /** The state for a kernel code, or null for a code this table does not know. */
    public static KernelTcpState ofLinuxCode(int code) {
        for (KernelTcpState s : values()) {
            if (s.linuxCode == code) {
                return s;
            }
        }
        return null;
    }
}
