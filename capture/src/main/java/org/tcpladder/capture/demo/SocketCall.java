package org.tcpladder.capture.demo;

/** The socket calls a demo script makes, named as the C API names them. */
public enum SocketCall {
    LISTEN("listen()"),
    CONNECT("connect()"),
    ACCEPT("accept()"),
    WRITE("write()"),
    READ("read()"),
    /** shutdown(SHUT_WR): sends FIN but keeps receiving (half-close, RFC 9293 section 3.6). */
    SHUTDOWN_OUTPUT("shutdown(SHUT_WR)"),
    CLOSE("close()");

    private final String text;

    SocketCall(String text) {
        this.text = text;
    }

    /** The call as a programmer writes it, e.g. {@code shutdown(SHUT_WR)}. */
    public String text() {
        return text;
    }
}
