package org.tcpladder.capture.cli;

import org.tcpladder.capture.conn.FlowTable;
import org.tcpladder.capture.decode.DecodedPacket;
import org.tcpladder.capture.decode.Layer;
import org.tcpladder.capture.decode.LinkTypes;
import org.tcpladder.capture.decode.PacketKind;
import org.tcpladder.capture.tcp.TcpFlags;

/**
 * Writes one line per TCP packet exactly as {@code tcpdump -nn -tt [-S] -r FILE} (tcpdump 4.99)
 * does, up to and including {@code length N}. tcpdump goes on after that for some ports (HTTP on
 * 80, SMTP, BGP, DNS...); that application-layer dissection is out of scope and is not written.
 *
 * <p>The line is formatted straight from the frame's bytes into an {@link AsciiBuffer}. tcpdump's
 * quirks are kept on purpose because the output must match byte for byte: the flag letters in the
 * order F S R P . U E W (the AE bit is not shown), relative numbers from its conversation table
 * ({@link TcpdumpRelativeNumbers}), the option walk that steps over the length it expects rather than
 * the length the option gives, and the messages for bad or truncated headers ("[bad opt]",
 * " [|tcp]", "truncated-ip - N bytes missing! ").
 */
final class TcpdumpLineFormatter {
    private static final String[] SLL_PACKET_TYPES = {"In", "B", "M", "P", "Out"};

    private final AsciiBuffer out;
    private final boolean absolute;
    /** {@link #absolute} as a bit, for the everyday line's one test. */
    private final int absoluteBit;
    private final int timeDigits;
    private final InterfaceNames interfaceNames = new InterfaceNames();
    private final TcpdumpRelativeNumbers relative = new TcpdumpRelativeNumbers();
    private final TcpdumpOptionFormatter options;
    private final TcpdumpEncapsulationFormatter encapsulations;
    private long cachedSecond = Long.MIN_VALUE;
    private byte[] secondText;

    /**
     * @param absolute   tcpdump's -S: absolute sequence numbers
     * @param timeDigits 6 (microseconds) or 9 (nanoseconds)
     */
    TcpdumpLineFormatter(AsciiBuffer out, boolean absolute, int timeDigits) {
        this.out = out;
        this.absolute = absolute;
        this.absoluteBit = absolute ? 1 : 0;
        this.timeDigits = timeDigits;
        this.options = new TcpdumpOptionFormatter(out);
        this.encapsulations = new TcpdumpEncapsulationFormatter(out);
    }

    /** Whether {@code print} shows this packet: TCP segments, TCP fragments, and TCP headers it cannot fully decode. */
    static boolean isPrinted(DecodedPacket p) {
        PacketKind k = p.kind();
        return k == PacketKind.TCP || k == PacketKind.TCP_FRAGMENT
                || (k == PacketKind.MALFORMED && p.problemLayer() == Layer.TCP);
    }

    /**
     * Updates tcpdump's relative-number table for a packet that is not printed (tcpdump sees every
     * packet, so filtering a connection must not change the numbers of the others): the line is
     * formatted and thrown away, which keeps every side effect exactly as for a printed line.
     */
    void observe(DecodedPacket p) {
        out.hold();
        try {
            int mark = out.length();
            format(p);
            out.truncate(mark);
        } finally {
            out.release();
        }
    }

    /** Writes the line for {@code p} (one that {@link #isPrinted} accepts), with its newline. */
    void format(DecodedPacket p) {
        timestamp(p.timeNs());
        if (p.linkType() == LinkTypes.LINUX_SLL2) {
            // tcpdump prints "%-5s %-3s " (interface name, packet type) for cooked v2 frames.
            out.padded(interfaceNames.name(p.sllInterfaceIndex()), 5).ch(' ');
            int t = p.sllPacketType();
            out.padded(t >= 0 && t < SLL_PACKET_TYPES.length ? SLL_PACKET_TYPES[t] : "?", 3).ch(' ');
        }
        if (p.encapsulationCount() != 0) {
            encapsulations.format(p);
        }
        if (p.nflogPayloadCut()) {
            // tcpdump 4.99 stops at an NFLOG packet attribute longer than the capture
            out.str(" [|nflog]").newline();
            return;
        }
        if (!everydayLine(p)) {
            if (p.ipVersion() == 4) {
                ipv4(p);
            } else {
                ipv6(p);
            }
        }
        out.newline();
    }

    /**
     * The line after the timestamp for the packets nearly every capture is made of, in few steps: a
     * complete TCP header with ACK (and not URG) straight after an untruncated IP header, of a
     * conversation whose endpoint text is cached. Writes the same as {@link #ipv4}/{@link #ipv6}
     * would; returns false, having written and changed nothing, for any other packet.
     *
     * <p>The rare cases share one test, which the opening SYNs of any capture take early: a branch
     * never taken while the JIT profiles and then taken (a truncated IP packet late in a file)
     * makes it throw away and recompile the whole method, and {@code print}'s time is mostly the
     * JIT's start-up.
     */
    private boolean everydayLine(DecodedPacket p) {
        int flags = p.flags();
        int unusual = ((flags & (TcpFlags.ACK | TcpFlags.URG)) ^ TcpFlags.ACK)
                | (p.kind().ordinal() ^ PacketKind.TCP.ordinal()) | p.ipBytesMissing() | absoluteBit;
        if (unusual != 0) {
            return false;
        }
        boolean v4 = p.ipVersion() == 4;
        if (p.u8(p.ipStart() + (v4 ? 9 : 6)) != 6) {
            return false; // an IPv4 authentication header or IPv6 extension headers come first
        }
        if (!v4 && p.u16(p.ipStart() + 4) == 0) {
            return false; // payload length 0: BIG TCP
        }
        boolean rev = FlowTable.reversed(p);
        int flow = relative.find(p, rev);
        byte[] endpoints = flow < 0 ? null : cachedEndpoints(flow, rev);
        if (endpoints == null) {
            return false;
        }
        flags &= 0xFF;
        relative.updateKnown(flow, rev, p.seq(), p.ack(), flags);
        out.bytes(v4 ? IP : IP6).bytes(endpoints).bytes(flagsText(flags));
        // A decoded TCP packet's header is complete and no longer than the segment.
        int length = p.payloadLength();
        if (length > 0 || (flags & (TcpFlags.SYN | TcpFlags.FIN | TcpFlags.RST)) != 0) {
            out.bytes(SEQ).u32(relative.seq);
            if (length > 0) {
                out.ch(':').u32(relative.seq + length);
            }
        }
        out.bytes(ACK).u32(relative.ack).bytes(WIN).num(p.window());
        int start = p.l4Start();
        int hlen = p.tcpHeaderLength();
        if (hlen == 32 && p.u32(start + 20) == NOP_NOP_TIMESTAMPS) {
            out.bytes(NOP_NOP_TS_VAL).u32(p.u32(start + 24)).bytes(ECR).u32(p.u32(start + 28)).ch(']');
        } else if (!options.format(p, start + 20, hlen - 20, flags, relative.sackBase)) {
            return true;
        }
        out.bytes(LENGTH).num(length);
        return true;
    }

    // The everyday line's words as bytes: one array copy each, with nothing to check at run time.
    private static final byte[] IP = ascii("IP ");
    private static final byte[] IP6 = ascii("IP6 ");
    private static final byte[] SEQ = ascii(", seq ");
    private static final byte[] ACK = ascii(", ack ");
    private static final byte[] WIN = ascii(", win ");
    private static final byte[] NOP_NOP_TS_VAL = ascii(", options [nop,nop,TS val ");
    private static final byte[] ECR = ascii(" ecr ");
    private static final byte[] LENGTH = ascii(", length ");

    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private void timestamp(long timeNs) {
        long sec = Math.floorDiv(timeNs, 1_000_000_000L);
        long ns = Math.floorMod(timeNs, 1_000_000_000L);
        if (sec != cachedSecond) {
            // packets come many to a second: keep the text of the seconds
            AsciiBuffer text = new AsciiBuffer();
            text.num(sec).ch('.');
            secondText = text.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            cachedSecond = sec;
        }
        out.bytes(secondText, 0, secondText.length);
        if (timeDigits == 9) {
            out.nineDigits((int) ns);
        } else {
            out.sixDigits((int) (ns / 1000));
        }
        out.ch(' ');
    }

    // ---------------------------------------------------------------- IPv4

    private void ipv4(DecodedPacket p) {
        out.str("IP ");
        int missing = p.ipBytesMissing();
        if (missing > 0) {
            out.str("truncated-ip - ").num(missing).str(" bytes missing! ");
        }
        int start = p.ipStart();
        if (p.kind() == PacketKind.TCP_FRAGMENT) {
            addresses(p).str(": ip-proto-").num(p.ipProtocol());
            return;
        }
        boolean tcpInHeader = p.u8(start + 9) == 6;
        if (!tcpInHeader) {
            // Authentication header between IPv4 and TCP.
            addresses(p).str(": ");
            authenticationHeader(p, start + (p.u8(start) & 0x0F) * 4);
        }
        tcp(p, tcpInHeader);
    }

    // ---------------------------------------------------------------- IPv6

    private void ipv6(DecodedPacket p) {
        out.str("IP6 ");
        int missing = p.ipBytesMissing();
        int start = p.ipStart();
        // With payload length 0 tcpdump learns the length from a jumbo option, so it says what is
        // missing only after the extension headers.
        boolean jumbo = p.u16(start + 4) == 0;
        if (missing > 0 && !jumbo) {
            out.str("truncated-ip6 - ").num(missing).str(" bytes missing!");
        }
        int next = p.u8(start + 6);
        if (jumbo && next == 6) {
            // BIG TCP: with no jumbo option tcpdump 4.99 takes the payload to be empty.
            addresses(p).str(": [|tcp]");
            return;
        }
        int at = start + 40;
        boolean tcpFirst = next == 6;
        if (!tcpFirst) {
            addresses(p).str(": ");
        }
        while (next != 6) {
            switch (next) {
                case 0 -> {
                    out.str("HBH ");
                    // tcpdump checks hop-by-hop options even without -v (destination options only with -v)
                    if (!ipv6OptionsAccepted(p, at + 2, (p.u8(at + 1) + 1) * 8 - 2)) {
                        out.str(" [|hbhopt]");
                        return;
                    }
                }
                case 60 -> out.str("DSTOPT ");
                case 43 -> {
                    if (!routingHeader(p, at)) {
                        return;
                    }
                }
                case 44 -> {
                    int offset = p.u16(at + 2) & 0xFFF8;
                    out.str("frag (").num(offset).ch('|').num(p.ipEnd() - at - 8).ch(')');
                    if (offset != 0) {
                        return;
                    }
                    out.ch(' ');
                }
                case 51 -> {
                    authenticationHeader(p, at);
                    // After AH tcpdump looks only for a transport protocol, not for more IPv6 headers.
                    int after = p.u8(at);
                    if (after != 6) {
                        int length = (p.u8(at + 1) + 2) * 4;
                        out.str(" ip-proto-").num(after).ch(' ').num(p.ipEnd() - at - length);
                        return;
                    }
                }
                default -> {
                    return;
                }
            }
            int length = switch (next) {
                case 44 -> 8;
                case 51 -> (p.u8(at + 1) + 2) * 4;
                default -> (p.u8(at + 1) + 1) * 8;
            };
            next = p.u8(at);
            at += length;
        }
        if (missing > 0 && jumbo) {
            out.str("truncated-ip6 - ").num(missing).str(" bytes missing!");
        }
        tcp(p, tcpFirst);
    }

    /**
     * tcpdump's check of the options in a hop-by-hop options header (RFC 8200 section
     * 4.2: type, length, data; Pad1 is one octet): an option running past the header, or a router
     * alert, jumbo payload or home address option of the wrong length, stops the line. Without -v
     * only the complaints are written.
     */
    private boolean ipv6OptionsAccepted(DecodedPacket p, int start, int len) {
        int optlen;
        for (int i = 0; i < len; i += optlen) {
            int type = p.u8(start + i);
            if (type == 0) {
                optlen = 1;
            } else if (i + 1 < len) {
                optlen = p.u8(start + i + 1) + 2;
            } else {
                return false;
            }
            if (i + optlen > len) {
                return false;
            }
            int left = len - i;
            switch (type) {
                case 0 -> {
                    // Pad1
                }
                case 1 -> {
                    if (left < 2) {
                        out.str("(padn: trunc)");
                        return false;
                    }
                }
                case 5 -> {
                    if (left < 4) {
                        out.str("(rtalert: trunc)");
                        return false;
                    }
                    if (p.u8(start + i + 1) != 2) {
                        out.str("(rtalert: invalid len ").num(p.u8(start + i + 1)).ch(')');
                        return false;
                    }
                }
                case 0xC2 -> {
                    if (left < 6) {
                        out.str("(jumbo: trunc)");
                        return false;
                    }
                    if (p.u8(start + i + 1) != 4) {
                        out.str("(jumbo: invalid len ").num(p.u8(start + i + 1)).ch(')');
                        return false;
                    }
                }
                case 0xC9 -> {
                    if (left < 18) {
                        out.str("(homeaddr: trunc)");
                        return false;
                    }
                    if (p.u8(start + i + 1) < 16) {
                        out.str("(homeaddr: invalid len ").num(p.u8(start + i + 1)).ch(')');
                        return false;
                    }
                }
                default -> {
                    if (left < 2) {
                        out.str("(type ").num(type).str(": trunc)");
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** tcpdump's RT6 text; false when tcpdump stops the line there (unknown type, bad length). */
    private boolean routingHeader(DecodedPacket p, int at) {
        int len = p.u8(at + 1);
        int type = p.u8(at + 2);
        out.str("RT6 (len=").num(len).str(", type=").num(type);
        if (type == 0) {
            out.str(" [Deprecated]");
        }
        out.str(", segleft=").num(p.u8(at + 3));
        switch (type) {
            case 0, 2 -> {
                int reserved = p.u32(at + 4);
                if (reserved != 0) {
                    out.str(", rsv=0x").hex(reserved & 0xFFFF_FFFFL);
                }
                if (len % 2 == 1) {
                    out.str(" (invalid length ").num(len).str(") (invalid)");
                    return false;
                }
            }
            case 4 -> {
                out.str(", last-entry=").num(p.u8(at + 4));
                int flags = p.u8(at + 5);
                if (flags != 0) {
                    out.str(", flags=0x").hex(flags);
                }
                out.str(", tag=").hex(p.u16(at + 6));
                if (len % 2 == 1) {
                    out.str(" (invalid length ").num(len).str(") (invalid)");
                    return false;
                }
            }
            default -> {
                out.str(" (unknown type) (invalid)");
                return false;
            }
        }
        for (int i = 0; i < len / 2; i++) {
            int a = at + 8 + 16 * i;
            out.str(", [").num(i).ch(']').ipv6(p.u64(a), p.u64(a + 8));
        }
        out.str(") ");
        return true;
    }

    private void authenticationHeader(DecodedPacket p, int at) {
        TcpdumpEncapsulationFormatter.authenticationHeader(out, p, at);
    }

    private AsciiBuffer addresses(DecodedPacket p) {
        address(p, p.srcHi(), p.srcLo());
        out.str(" > ");
        address(p, p.dstHi(), p.dstLo());
        return out;
    }

    private void address(DecodedPacket p, long hi, long lo) {
        if (p.ipVersion() == 4) {
            out.ipv4(lo);
        } else {
            out.ipv6(hi, lo);
        }
    }

    // ---------------------------------------------------------------- TCP

    /** tcp_print: {@code withAddresses} is false when an extension header came between IP and TCP. */
    private void tcp(DecodedPacket p, boolean withAddresses) {
        int start = p.l4Start();
        int usable = p.usableEnd() - start;
        int length = p.ipEnd() - start;
        if (usable < 4) {
            addresses(p).str(": [|tcp]");
            return;
        }
        int sport = p.u16(start);
        int dport = p.u16(start + 2);
        if (usable < 20) {
            ports(p, withAddresses, sport, dport);
            out.str(" [|tcp]");
            return;
        }
        int hlen = (p.u8(start + 12) >>> 4) * 4;
        if (hlen < 20) {
            ports(p, withAddresses, sport, dport);
            out.str(" tcp ").u32(length - hlen).str(" [bad hdr length ").num(hlen).str(" - too short, < 20]");
            return;
        }
        int seq = p.u32(start + 4);
        int ack = p.u32(start + 8);
        int win = p.u16(start + 14);
        int flags = p.u8(start + 13);
        int sackBase = 0;
        int flow = -1;
        if (!absolute && (flags & TcpFlags.ACK) != 0) {
            relative.update(p, seq, ack, flags);
            seq = relative.seq;
            ack = relative.ack;
            sackBase = relative.sackBase;
            flow = withAddresses ? relative.flow : -1;
        }
        endpoints(p, withAddresses, flow, relative.reversed, sport, dport);
        out.bytes(flagsText(flags));
        if (hlen > length) {
            out.str(" [bad hdr length ").num(hlen).str(" - too long, > ").num(length).ch(']');
            return;
        }
        length -= hlen;
        if (length > 0 || (flags & (TcpFlags.SYN | TcpFlags.FIN | TcpFlags.RST)) != 0) {
            out.str(", seq ").u32(seq);
            if (length > 0) {
                out.ch(':').u32(seq + length);
            }
        }
        if ((flags & TcpFlags.ACK) != 0) {
            out.str(", ack ").u32(ack);
        }
        out.str(", win ").num(win);
        if ((flags & TcpFlags.URG) != 0) {
            out.str(", urg ").num(p.u16(start + 18));
        }
        if (!options.format(p, start + 20, hlen - 20, flags, sackBase)) {
            return;
        }
        out.str(", length ").num(length);
    }

    /** {@code 10.0.0.1.40000 > 10.0.0.2.80: }, or only the ports after an extension header. */
    private void ports(DecodedPacket p, boolean withAddresses, int sport, int dport) {
        if (withAddresses) {
            address(p, p.srcHi(), p.srcLo());
            out.ch('.').num(sport).str(" > ");
            address(p, p.dstHi(), p.dstLo());
            out.ch('.').num(dport).str(": ");
        } else {
            out.num(sport).str(" > ").num(dport).str(": ");
        }
    }

    /**
     * {@link #ports}, from the cache for a packet of conversation {@code flow} (when not -1) going
     * the way {@code reversed} says: the text is the same for every packet of that direction, so it
     * is written once and copied after that.
     */
    private void endpoints(DecodedPacket p, boolean withAddresses, int flow, boolean reversed, int sport, int dport) {
        byte[] text = flow < 0 ? null : cachedEndpoints(flow, reversed);
        if (text != null) {
            out.bytes(text);
            return;
        }
        out.hold();
        try {
            int mark = out.length();
            ports(p, withAddresses, sport, dport);
            if (flow >= 0) {
                remember(flow, reversed, out.copyFrom(mark));
            }
        } finally {
            out.release();
        }
    }

    private void remember(int flow, boolean reversed, byte[] text) {
        if (endpointBytes >= MAX_ENDPOINT_BYTES) {
            return;
        }
        int i = 2 * flow + (reversed ? 1 : 0);
        if (i >= endpointText.length) {
            endpointText = java.util.Arrays.copyOf(endpointText, Math.max(2 * endpointText.length, i + 2));
        }
        endpointText[i] = text;
        endpointBytes += text.length + 16;
    }

    /**
     * The cached endpoint text of a conversation's direction, or null. Indexed by the conversation's
     * id, not hashed into a smaller table: a lookup that starts missing late in a file (when ids
     * outgrow such a table) makes the JIT throw away and recompile the code that inlined it.
     */
    private byte[] cachedEndpoints(int flow, boolean reversed) {
        int i = 2 * flow + (reversed ? 1 : 0);
        return i < endpointText.length ? endpointText[i] : null;
    }

    /** Per conversation id, both directions' endpoint texts (null until written once). */
    private byte[][] endpointText = new byte[512][];
    private long endpointBytes;
    /** A bound on the cache for captures of millions of conversations (past it, texts are written each time). */
    private static final long MAX_ENDPOINT_BYTES = 64L << 20;

    /** NOP, NOP, then the kind and length of a timestamps option. */
    private static final int NOP_NOP_TIMESTAMPS = 0x0101080A;

    /** {@code Flags [S.]}: made once for each value of the flags octet. */
    private byte[] flagsText(int flags) {
        byte[] text = flagsTexts[flags];
        if (text == null) {
            AsciiBuffer b = new AsciiBuffer();
            b.str("Flags [");
            flagLetters(b, flags);
            b.ch(']');
            text = b.copyFrom(0);
            flagsTexts[flags] = text;
        }
        return text;
    }

    private final byte[][] flagsTexts = new byte[256][];

    /** tcpdump's letters in its table order: F S R P . U E W, "none" for no bits (AE is not shown). */
    private static void flagLetters(AsciiBuffer out, int flags) {
        if ((flags & 0xFF) == 0) {
            out.str("none");
            return;
        }
        if ((flags & TcpFlags.FIN) != 0) out.ch('F');
        if ((flags & TcpFlags.SYN) != 0) out.ch('S');
        if ((flags & TcpFlags.RST) != 0) out.ch('R');
        if ((flags & TcpFlags.PSH) != 0) out.ch('P');
        if ((flags & TcpFlags.ACK) != 0) out.ch('.');
        if ((flags & TcpFlags.URG) != 0) out.ch('U');
        if ((flags & TcpFlags.ECE) != 0) out.ch('E');
        if ((flags & TcpFlags.CWR) != 0) out.ch('W');
    }
}
