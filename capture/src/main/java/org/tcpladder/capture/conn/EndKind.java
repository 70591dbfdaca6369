package org.tcpladder.capture.conn;

/** How a connection ended, as far as the capture shows. */
public enum EndKind {
    /** No FIN and no RST seen: still open when the capture stopped (or it never got going). */
    OPEN,
    /** A FIN from one side only (RFC 9293 section 3.6: the other side may still send). */
    HALF_CLOSED,
    /** A FIN from each side. */
    FIN_BOTH,
    /** A reset was seen (RFC 9293 section 3.5.2); it counts even after FINs. */
    RST
}
