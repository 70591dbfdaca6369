package org.tcpladder.capture.state;

/** The two ends of one connection: the client sent the first SYN, the server answered it. */
public enum Side {
    CLIENT,
    SERVER;

    public Side other() {
        return this == CLIENT ? SERVER : CLIENT;
    }
}
