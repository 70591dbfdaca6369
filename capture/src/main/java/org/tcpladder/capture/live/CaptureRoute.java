package org.tcpladder.capture.live;

/** How a demo session gets to capture its own traffic. */
public enum CaptureRoute {
    /** This process captures itself (root, or Java holds CAP_NET_RAW). */
    DIRECT,
    /**
     * The session and its capture run in a helper process inside a fresh, unprivileged user and network
     * namespace (Linux): there the helper owns a private loopback interface and may capture on it. Only
     * for demo sessions: such a namespace does not see this machine's own traffic.
     */
    USER_NAMESPACE
}
