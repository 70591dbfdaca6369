package org.tcpladder.app.ladder;

import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Side;

import org.tcpladder.capture.tcp.TcpSegment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One arrow of the ladder: a captured segment and what the capture core has worked out about it.
 * Everything but {@link #tcp()} is optional (null or empty) so that the ladder can show a bare
 * capture before the inference has run.
 *
 * <p>States are the names of RFC 9293 section 3.3.2 ({@code SYN-SENT}, {@code ESTABLISHED}…). Each
 * side's state is the one it is in <em>after</em> this segment: the sender's takes effect when the
 * segment leaves, the receiver's when it arrives. A null state means "no information", never "closed".
 *
 * <p>The narration and the extra header fields are computed only when asked for (the details pane
 * asks for one segment at a time): worded sentences cost far more than the arrow itself, and a ladder
 * of a million segments must not word them all.
 */
public final class LadderSegment {
    private final TcpSegment tcp;
    private final Long relativeSeq;
    private final Long relativeAck;
    private final TcpState clientState;
    private final String clientReason;
    private final TcpState serverState;
    private final String serverReason;
    private final Long windowBytes;
    private final List<String> anomalies;
    private final Supplier<String> narration;
    private final Supplier<HeaderExtras> header;

    /**
     * @param tcp          the decoded segment
     * @param relativeSeq  seq relative to the sender's initial sequence number, or null
     * @param relativeAck  ack relative to the receiver's initial sequence number, or null
     * @param clientState  the client's state after this segment, or null
     * @param clientReason why the client's state changed at this segment, or null when it did not
     * @param serverState  the server's state after this segment, or null
     * @param serverReason why the server's state changed at this segment, or null when it did not
     * @param windowBytes  the window in bytes after scaling (RFC 7323 section 2.3), or null if unknown
     * @param anomalies    short names of what is unusual (retransmission, zero window…), shown as markers
     * @param narration    a sentence or two for the classroom explaining this segment (may give null)
     * @param header       header fields the segment record lacks (data offset, checksum; may give null)
     */
    public LadderSegment(TcpSegment tcp, Long relativeSeq, Long relativeAck, TcpState clientState,
                         String clientReason, TcpState serverState, String serverReason, Long windowBytes,
                         List<String> anomalies, Supplier<String> narration, Supplier<HeaderExtras> header) {
        this.tcp = Objects.requireNonNull(tcp, "tcp");
        this.relativeSeq = relativeSeq;
        this.relativeAck = relativeAck;
        this.clientState = clientState;
        this.clientReason = clientReason;
        this.serverState = serverState;
        this.serverReason = serverReason;
        this.windowBytes = windowBytes;
        this.anomalies = anomalies == null ? List.of() : List.copyOf(anomalies);
        this.narration = narration == null ? () -> null : narration;
        this.header = header == null ? () -> null : header;
    }

    public TcpSegment tcp() {
        return tcp;
    }

    public Long relativeSeq() {
        return relativeSeq;
    }

    public Long relativeAck() {
        return relativeAck;
    }

    public TcpState clientState() {
        return clientState;
    }

    public String clientReason() {
        return clientReason;
    }

    public TcpState serverState() {
        return serverState;
    }

    public String serverReason() {
        return serverReason;
    }

    public Long windowBytes() {
        return windowBytes;
    }

    public List<String> anomalies() {
        return anomalies;
    }

    /** The classroom explanation of this segment, worded now; null when there is none. */
    public String narration() {
        return narration.get();
    }

    /** Data offset, reserved bits and checksum, read now; null when not known. */
    public HeaderExtras header() {
        return header.get();
    }

    /** The state of {@code side} after this segment, or null when unknown. */
    public TcpState stateOf(Side side) {
        return side == Side.CLIENT ? clientState : serverState;
    }

    /** Why {@code side}'s state changed at this segment, or null. */
    public String reasonOf(Side side) {
        return side == Side.CLIENT ? clientReason : serverReason;
    }

    @Override
    public String toString() {
        return "segment " + tcp.index() + " client=" + clientState + " server=" + serverState + " " + anomalies;
    }

    public static Builder of(TcpSegment tcp) {
        return new Builder(tcp);
    }

    /** Builds a segment step by step; the constructor is long and mostly optional. */
    public static final class Builder {
        private final TcpSegment tcp;
        private Long relativeSeq;
        private Long relativeAck;
        private TcpState clientState;
        private String clientReason;
        private TcpState serverState;
        private String serverReason;
        private Long windowBytes;
        private final List<String> anomalies = new ArrayList<>();
        private Supplier<String> narration;
        private Supplier<HeaderExtras> header;

        private Builder(TcpSegment tcp) {
            this.tcp = Objects.requireNonNull(tcp, "tcp");
        }

        public Builder relative(long seq, long ack) {
            this.relativeSeq = seq;
            this.relativeAck = ack;
            return this;
        }

        /** Relative numbers where known: a null ack for a segment without ACK (RFC 9293 section 3.1). */
        public Builder relativeOrNull(Long seq, Long ack) {
            this.relativeSeq = seq;
            this.relativeAck = ack;
            return this;
        }

        public Builder client(TcpState state, String reason) {
            this.clientState = state;
            this.clientReason = reason;
            return this;
        }

        public Builder server(TcpState state, String reason) {
            this.serverState = state;
            this.serverReason = reason;
            return this;
        }

        public Builder windowBytes(long bytes) {
            this.windowBytes = bytes;
            return this;
        }

        public Builder anomaly(String name) {
            anomalies.add(name);
            return this;
        }

        public Builder narration(String text) {
            this.narration = () -> text;
            return this;
        }

        /** A narration worded only when someone reads it. */
        public Builder narration(Supplier<String> text) {
            this.narration = text;
            return this;
        }

        public Builder header(HeaderExtras extras) {
            this.header = () -> extras;
            return this;
        }

        /** Header fields read only when someone asks for them. */
        public Builder header(Supplier<HeaderExtras> extras) {
            this.header = extras;
            return this;
        }

        public LadderSegment build() {
            return new LadderSegment(tcp, relativeSeq, relativeAck, clientState, clientReason,
                    serverState, serverReason, windowBytes, anomalies, narration, header);
        }
    }
}
