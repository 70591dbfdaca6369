package org.tcpladder.app.ladder;

/** The two ends of a connection as the ladder draws them: the client's lifeline left, the server's right. */
public enum Side {
    CLIENT,
    SERVER;

    public Side other() {
        return this == CLIENT ? SERVER : CLIENT;
    }
}
