package org.tcpladder.capture.state;

/**
 * What Wireshark's "TCP Analysis" calls out about a segment, under the names its users know. Each kind
 * names the tshark field that flags the same thing, so the two can be compared frame by frame
 * ({@code tshark -T fields -e tcp.analysis.retransmission ...}).
 *
 * <p>tshark also sets {@code tcp.analysis.retransmission} on fast and spurious retransmissions; here each
 * segment carries only the most specific of the three.
 */
public enum AnomalyKind {
    /** Data (or SYN/FIN) below the highest sequence number already sent: sent again (RFC 9293 3.8.1). */
    RETRANSMISSION("tcp.analysis.retransmission"),
    /** Sent again right after duplicate ACKs asked for it (RFC 5681 section 3.2). */
    FAST_RETRANSMISSION("tcp.analysis.fast_retransmission"),
    /** Sent again although the receiver had already acknowledged all of it. */
    SPURIOUS_RETRANSMISSION("tcp.analysis.spurious_retransmission"),
    /** Below the highest sequence number, but so soon after it that it was probably reordered. */
    OUT_OF_ORDER("tcp.analysis.out_of_order"),
    /** Starts above the next expected sequence number: the capture missed something before it. */
    PREVIOUS_SEGMENT_NOT_CAPTURED("tcp.analysis.lost_segment"),
    /** Acknowledges data the capture never saw. */
    ACKED_UNSEEN_SEGMENT("tcp.analysis.ack_lost_segment"),
    /** Repeats the previous acknowledgment, window and sequence number exactly (RFC 5681 section 2). */
    DUPLICATE_ACK("tcp.analysis.duplicate_ack"),
    /** Advertises a receive window of zero: the sender must stop (RFC 9293 section 3.8.6). */
    ZERO_WINDOW("tcp.analysis.zero_window"),
    /** One byte sent into a zero window to learn when it opens (RFC 9293 section 3.8.6.1). */
    ZERO_WINDOW_PROBE("tcp.analysis.zero_window_probe"),
    /** The answer to a zero-window probe, window still zero. */
    ZERO_WINDOW_PROBE_ACK("tcp.analysis.zero_window_probe_ack"),
    /** This data fills the receiver's advertised window exactly to its right edge. */
    WINDOW_FULL("tcp.analysis.window_full"),
    /** Same sequence and acknowledgment numbers as before, only the window changed. */
    WINDOW_UPDATE("tcp.analysis.window_update"),
    /** A probe one byte below the next sequence number, to see if the peer is still there (RFC 9293 3.8.4). */
    KEEP_ALIVE("tcp.analysis.keep_alive"),
    /** The answer to a keep-alive. */
    KEEP_ALIVE_ACK("tcp.analysis.keep_alive_ack"),
    /** The first SACK block reports data received twice (RFC 2883). */
    DSACK("tcp.options.sack.dsack");

    private final String tsharkField;

    AnomalyKind(String tsharkField) {
        this.tsharkField = tsharkField;
    }

    /** The tshark display-filter field present on frames Wireshark flags the same way. */
    public String tsharkField() {
        return tsharkField;
    }

    /** The bundle key of the short label (e.g. "TCP Dup ACK 7#2"). */
    String labelKey() {
        return "anomaly." + name() + ".label";
    }

    /** The bundle key of the explaining sentence. */
    String sentenceKey() {
        return "anomaly." + name();
    }
}
