package org.tcpladder.capture.tcp;

/** The two ends of one connection by role: the client sent the first SYN, the server answered it. */
public enum Side {
    CLIENT,
    SERVER;

    public Side other() {
        return this == CLIENT ? SERVER : CLIENT;
    }

    /** {@code client} or {@code server}, as the command line and the wire protocol of demo sessions write it. */
    public String label() {
        return this == CLIENT ? "client" : "server";
    }
}
