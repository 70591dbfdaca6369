package org.tcpladder.app.layout;

/** Sequence numbers and times relative to the connection's start (as tcpdump's default), or absolute. */
public enum NumberMode {
    RELATIVE,
    ABSOLUTE
}
