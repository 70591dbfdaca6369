package org.tcpladder.app.demo;

import org.tcpladder.capture.state.TcpState;
import org.tcpladder.app.Messages;
import org.tcpladder.app.ladder.HeaderExtras;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.ladder.LadderSegment;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.app.ladder.SocketCall;
import org.tcpladder.capture.tcp.Endpoint;
import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-built echo session over loopback, shaped after a real Linux capture on lo (tcpdump of a
 * client sending "hello\n" to an echo server): options in Linux's order, loopback MSS and windows,
 * its timing (microseconds apart, then a 40 ms delayed ACK of the FIN), a three-way handshake, data
 * both ways and a four-segment close.
 *
 * <p>Synthetic: it stands in for the capture core until the real connections and state inference are
 * plugged in, so that the ladder can be seen and tested now. Every number is consistent (seq/ack
 * arithmetic per RFC 9293 section 3.4, states per section 3.3.2), which the tests check.
 */
public final class SyntheticEchoSession {
    public static final int CLIENT_PORT = 54018;
    public static final int SERVER_PORT = 9000;
    public static final long CLIENT_ISN = 2954132071L;
    public static final long SERVER_ISN = 1829474920L;
    /** 2026-11-21 13:05:00 UTC, in nanoseconds. */
    static final long START_NS = 1_795_266_300_000_000_000L;
    static final int WINDOW_SHIFT = 7;
    static final long CLIENT_TS = 3_990_098_941L;
    static final long SERVER_TS = 3_825_573_935L;
    static final byte[] MESSAGE = "hello\n".getBytes(StandardCharsets.US_ASCII);

    private SyntheticEchoSession() {
    }

    /** The echo session over 127.0.0.1, or over ::1 when {@code ipv6}. */
    public static LadderData build(Messages text, boolean ipv6) {
        return new Script(text, ipv6).run();
    }

    /** Writes the session step by step, keeping each side's next sequence number like a real stack. */
    private static final class Script {
        private final Messages text;
        private final Endpoint client;
        private final Endpoint server;
        private final int mss;
        private final List<LadderSegment> segments = new ArrayList<>();
        private final Map<Long, byte[]> payloads = new HashMap<>();
        private long lastServerTs;

        Script(Messages text, boolean ipv6) {
            this.text = text;
            byte[] loopback = ipv6 ? new byte[16] : new byte[]{127, 0, 0, 1};
            if (ipv6) {
                loopback[15] = 1;
            }
            this.client = new Endpoint(loopback, CLIENT_PORT);
            this.server = new Endpoint(loopback, SERVER_PORT);
            // What Linux announces on lo (MTU 65536), as tcpdump shows it.
            this.mss = ipv6 ? 65476 : 65495;
        }

        LadderData run() {
            // Three-way handshake (RFC 9293 section 3.5): each SYN takes one sequence number.
            send(Side.CLIENT, 0, TcpFlags.SYN, 0, 0, 0,
                    TcpState.SYN_SENT, "reason.sentSyn", TcpState.SYN_RECEIVED, "reason.receivedSyn", "demo.echo.syn");
            send(Side.SERVER, 10_000, TcpFlags.SYN | TcpFlags.ACK, 0, 1, 0,
                    TcpState.ESTABLISHED, "reason.receivedSynAck", TcpState.SYN_RECEIVED, null, "demo.echo.synAck");
            send(Side.CLIENT, 22_000, TcpFlags.ACK, 1, 1, 0,
                    TcpState.ESTABLISHED, null, TcpState.ESTABLISHED, "reason.receivedAckOfSyn", "demo.echo.ack");
            // Data both ways: "hello\n" and its echo, each acknowledged (quick ACKs at connection start).
            send(Side.CLIENT, 58_000, TcpFlags.PSH | TcpFlags.ACK, 1, 1, MESSAGE.length,
                    TcpState.ESTABLISHED, null, TcpState.ESTABLISHED, null, "demo.echo.clientData");
            send(Side.SERVER, 63_000, TcpFlags.ACK, 1, 7, 0,
                    TcpState.ESTABLISHED, null, TcpState.ESTABLISHED, null, "demo.echo.serverAck");
            send(Side.SERVER, 129_000, TcpFlags.PSH | TcpFlags.ACK, 1, 7, MESSAGE.length,
                    TcpState.ESTABLISHED, null, TcpState.ESTABLISHED, null, "demo.echo.serverData");
            send(Side.CLIENT, 158_000, TcpFlags.ACK, 7, 7, 0,
                    TcpState.ESTABLISHED, null, TcpState.ESTABLISHED, null, "demo.echo.clientAck");
            // Four-segment close (RFC 9293 section 3.6): each FIN takes one sequence number. The
            // server's ACK of the FIN is a delayed ACK (about 40 ms on Linux).
            send(Side.CLIENT, 186_000, TcpFlags.FIN | TcpFlags.ACK, 7, 7, 0,
                    TcpState.FIN_WAIT_1, "reason.sentFin", TcpState.CLOSE_WAIT, "reason.receivedFin", "demo.echo.clientFin");
            send(Side.SERVER, 41_096_000, TcpFlags.ACK, 7, 8, 0,
                    TcpState.FIN_WAIT_2, "reason.finAcked", TcpState.CLOSE_WAIT, null, "demo.echo.serverAckOfFin");
            send(Side.SERVER, 50_453_000, TcpFlags.FIN | TcpFlags.ACK, 7, 8, 0,
                    TcpState.TIME_WAIT, "reason.receivedFinInFinWait2", TcpState.LAST_ACK, "reason.sentFinFromCloseWait",
                    "demo.echo.serverFin");
            send(Side.CLIENT, 50_470_000, TcpFlags.ACK, 8, 8, 0,
                    TcpState.TIME_WAIT, null, TcpState.CLOSED, "reason.lastAckAcked", "demo.echo.lastAck");

            List<SocketCall> calls = List.of(
                    new SocketCall(Side.SERVER, 0, "listen()"),
                    new SocketCall(Side.CLIENT, 0, "connect()"),
                    new SocketCall(Side.SERVER, 3, "accept()"),
                    new SocketCall(Side.CLIENT, 3, "write(6)"),
                    new SocketCall(Side.SERVER, 4, "read() = 6"),
                    new SocketCall(Side.SERVER, 5, "write(6)"),
                    new SocketCall(Side.CLIENT, 6, "read() = 6"),
                    new SocketCall(Side.CLIENT, 7, "close()"),
                    new SocketCall(Side.SERVER, 8, "read() = 0"),
                    new SocketCall(Side.SERVER, 9, "close()"));
            Map<Long, byte[]> bytes = Map.copyOf(payloads);
            return new LadderData(client, server, TcpState.CLOSED, TcpState.LISTEN, segments, calls,
                    seg -> bytes.getOrDefault(seg.index(), new byte[0]).clone());
        }

        /**
         * Appends one segment. Sequence and acknowledgment numbers are given relative (as a teacher
         * reads them) and turned absolute with each side's initial sequence number.
         */
        private void send(Side from, long atNs, int flags, long relSeq, long relAck, int payloadLength,
                          TcpState clientState, String clientReasonKey,
                          TcpState serverState, String serverReasonKey, String narrationKey) {
            boolean fromClient = from == Side.CLIENT;
            boolean syn = TcpFlags.has(flags, TcpFlags.SYN);
            boolean hasAck = TcpFlags.has(flags, TcpFlags.ACK);
            long ownIsn = fromClient ? CLIENT_ISN : SERVER_ISN;
            long peerIsn = fromClient ? SERVER_ISN : CLIENT_ISN;
            long index = segments.size() + 1;
            List<TcpOption> options = syn ? synOptions(from, atNs) : dataOptions(from, atNs);
            // Linux on lo: SYN windows 65495 / 65483 (IPv4), 65476 / 65464 (IPv6) unscaled; after the
            // handshake the raw field is 512, scaled by 2^7 (RFC 7323 section 2.2: SYNs are never scaled).
            int window = syn ? (fromClient ? mss : mss - 12) : 512;
            long windowBytes = syn ? window : (long) window << WINDOW_SHIFT;
            SeqNum ack = hasAck ? SeqNum.of(peerIsn).plus(relAck) : SeqNum.of(0);
            TcpSegment tcp = new TcpSegment(index, START_NS + atNs,
                    fromClient ? client : server, fromClient ? server : client,
                    SeqNum.of(ownIsn).plus(relSeq), ack, flags, window, 0,
                    payloadLength, payloadLength, 0, options, null);
            if (payloadLength > 0) {
                payloads.put(index, MESSAGE);
            }
            segments.add(LadderSegment.of(tcp)
                    .relative(relSeq, hasAck ? relAck : 0)
                    .client(clientState, reason(clientReasonKey))
                    .server(serverState, reason(serverReasonKey))
                    .windowBytes(windowBytes)
                    .narration(text.text(narrationKey))
                    .header(new HeaderExtras(20 + optionLength(options), 0, checksum(index), null))
                    .build());
        }

        private String reason(String key) {
            return key == null ? null : text.text(key);
        }

        /** Linux's SYN options: MSS, SACK permitted, timestamps, NOP, window scale (20 bytes). */
        private List<TcpOption> synOptions(Side from, long atNs) {
            return List.of(new TcpOption.MaxSegmentSize(mss), new TcpOption.SackPermitted(),
                    timestamps(from, atNs), new TcpOption.NoOp(), new TcpOption.WindowScale(WINDOW_SHIFT));
        }

        /** NOP, NOP, timestamps (12 bytes), as on every Linux segment after the handshake. */
        private List<TcpOption> dataOptions(Side from, long atNs) {
            return List.of(new TcpOption.NoOp(), new TcpOption.NoOp(), timestamps(from, atNs));
        }

        /**
         * RFC 7323 section 3: each side sends its own millisecond clock and echoes the latest value it
         * received; the client's SYN has nothing to echo yet. Linux offsets each connection's clock at
         * random, so the two clocks differ.
         */
        private TcpOption.Timestamps timestamps(Side from, long atNs) {
            long clientNow = CLIENT_TS + atNs / 1_000_000;
            long serverNow = SERVER_TS + atNs / 1_000_000;
            if (from == Side.CLIENT) {
                return new TcpOption.Timestamps(clientNow, segments.isEmpty() ? 0 : lastServerTs);
            }
            lastServerTs = serverNow;
            return new TcpOption.Timestamps(serverNow, clientNowSeen());
        }

        private long clientNowSeen() {
            for (int i = segments.size() - 1; i >= 0; i--) {
                TcpSegment t = segments.get(i).tcp();
                if (t.src().equals(client)) {
                    for (TcpOption o : t.options()) {
                        if (o instanceof TcpOption.Timestamps ts) {
                            return ts.value();
                        }
                    }
                }
            }
            return 0;
        }

        private static int optionLength(List<TcpOption> options) {
            int n = 0;
            for (TcpOption o : options) {
                n += switch (o.kind()) {
                    case 0, 1 -> 1;
                    case 2 -> 4;
                    case 3 -> 3;
                    case 4 -> 2;
                    case 8 -> 10;
                    default -> 0;
                };
            }
            return n;
        }

        /** A plausible-looking checksum; loopback checksums are offloaded and not verified. */
        private static int checksum(long index) {
            return (int) ((0xFE30 + index * 0x1F3) & 0xFFFF);
        }
    }
}
