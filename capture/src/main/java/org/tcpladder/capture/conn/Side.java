package org.tcpladder.capture.conn;

/** One end of a connection, by role. */
public enum Side {
    CLIENT,
    SERVER;

    public Side other() {
        return this == CLIENT ? SERVER : CLIENT;
    }
}
