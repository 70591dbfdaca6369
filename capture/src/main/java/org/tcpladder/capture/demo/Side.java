package org.tcpladder.capture.demo;

/** The two ends of a demo connection, the ladder's two lifelines. */
public enum Side {
    CLIENT,
    SERVER;

    public String label() {
        return this == CLIENT ? "client" : "server";
    }
}
