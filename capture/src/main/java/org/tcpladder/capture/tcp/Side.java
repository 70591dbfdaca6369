package org.tcpladder.capture.tcp;

/** The two ends of one connection by role: the client sent the first SYN, the server answered it. */
public enum Side {
    CLIENT,
    SERVER;

    public Side other() {
        return this == CLIENT ? SERVER : CLIENT;
    }
}
