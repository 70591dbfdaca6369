package org.tcpladder.capture.demo;

/**
 * One side's TCP state as the kernel saw it at a moment of the session.
 *
 * @param state  the kernel's state; {@link KernelTcpState#CLOSED} also when the kernel holds no socket
 *               for the side (not yet created, or gone after closing)
 * @param source where it was read: {@link #TCP_INFO} (getsockopt on the open socket), {@link #PROC_NET_TCP}
 *               (the kernel's socket table, which also lists sockets already closed by the program,
 *               such as those in TIME-WAIT), {@link #NO_SOCKET}, or {@link #UNAVAILABLE} (not Linux)
 */
public record KernelView(KernelTcpState state, String source) {
    public static final String TCP_INFO = "TCP_INFO";
    public static final String PROC_NET_TCP = "/proc/net/tcp";
    public static final String NO_SOCKET = "no socket";
    public static final String UNAVAILABLE = "unavailable";

    public static final KernelView NONE = new KernelView(KernelTcpState.CLOSED, NO_SOCKET);
    public static final KernelView UNKNOWN = new KernelView(null, UNAVAILABLE);

    /** The RFC name, or "?" when the kernel could not be asked. */
    public String stateName() {
        return state == null ? "?" : state.rfcName();
    }

    @Override
    public String toString() {
        return stateName() + " (" + source + ")";
    }
}
