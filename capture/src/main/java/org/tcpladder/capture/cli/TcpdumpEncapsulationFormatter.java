package org.tcpladder.capture.cli;

import org.tcpladder.capture.decode.DecodedPacket;
import org.tcpladder.capture.decode.Encapsulation;

/**
 * The text tcpdump 4.99 writes (with {@code -nn}, without {@code -v} or {@code -e}) for the headers
 * that wrap a packet, outermost first, before the line of the inner packet: {@code IP: } for PPP
 * in HDLC framing, {@code PPPoE  [ses 0x1] }, the radiotap fields, {@code MPLS (label 16, tc 0,
 * [S], ttl 64) }, the outer IP addresses (with the UDP ports for VXLAN and Geneve),
 * {@code GREv0, key=0x2a, length 64: }, {@code AH(...): }, the VXLAN header and the line break
 * tcpdump writes after it, and the Geneve header. Read from the frame's bytes where the decoder
 * recorded each header; nothing is allocated.
 */
final class TcpdumpEncapsulationFormatter {
    private final AsciiBuffer out;
    private final TcpdumpRadiotapFormatter radiotap;

    TcpdumpEncapsulationFormatter(AsciiBuffer out) {
        this.out = out;
        this.radiotap = new TcpdumpRadiotapFormatter(out);
    }

    void format(DecodedPacket p) {
        int n = p.encapsulationCount();
        for (int i = 0; i < n; i++) {
            int at = p.encapsulationStart(i);
            Encapsulation next = i + 1 < n ? p.encapsulation(i + 1) : null;
            switch (p.encapsulation(i)) {
                case PPP_SERIAL -> pppSerial(p, at);
                case PPPOE -> pppoe(p, at, i);
                case RADIOTAP -> radiotap.format(p, at, p.encapsulationEnd(i));
                case MPLS -> mpls(p, at, p.encapsulationEnd(i));
                case IPV4, IPV6 -> outerIp(p, p.encapsulation(i) == Encapsulation.IPV4, at, p.encapsulationEnd(i),
                        lengthEndBefore(p, i), next, i + 1 < n ? p.encapsulationStart(i + 1) : 0);
                case GRE -> gre(p, at, p.encapsulationEnd(i));
                case AH -> authenticationHeader(out, p, at);
                case VXLAN -> vxlan(p, at);
                case GENEVE -> geneve(p, at + 8);
            }
        }
    }

    /**
     * Where the bytes that the headers before the {@code i}th vouch for end: the frame on the wire,
     * or the packet of the closest outer IP header (see {@link DecodedPacket#ipBytesMissing()}).
     */
    private static int lengthEndBefore(DecodedPacket p, int i) {
        for (int j = i - 1; j >= 0; j--) {
            Encapsulation e = p.encapsulation(j);
            if (e == Encapsulation.IPV4 || e == Encapsulation.IPV6) {
                return p.encapsulationEnd(j);
            }
        }
        return p.frameStart() + p.wireLengthFrom(p.frameStart());
    }

    /** {@code PPPoE  [ses 0x1] }, with tcpdump's note when the PPPoE length claims more than there is. */
    private void pppoe(DecodedPacket p, int at, int i) {
        int versionAndType = p.u8(at);
        if (versionAndType >>> 4 != 1) {
            out.str(" [ver ").num(versionAndType >>> 4).ch(']');
        }
        if ((versionAndType & 0x0F) != 1) {
            out.str(" [type ").num(versionAndType & 0x0F).ch(']');
        }
        out.str("PPPoE ");
        int length = p.u16(at + 4);
        int left = lengthEndBefore(p, i) - (at + 6);
        if (length > left) {
            out.str(" [len ").num(length).str(" > ").num(Math.max(0, left)).str("!]");
        }
        int session = p.u16(at + 2);
        if (session != 0) {
            out.str(" [ses 0x").hex(session).ch(']');
        }
        out.ch(' ');
    }

    /** The PPP protocol's name and a colon, as tcpdump writes them for link type 50. */
    private void pppSerial(DecodedPacket p, int at) {
        int protocol = p.u16(at);
        switch (protocol) {
            case 0x0021 -> out.str("IP: ");
            case 0x0057 -> out.str("IP6: ");
            case 0x0281, 0x0283 -> out.str("MPLS: ");
            default -> out.str("unknown PPP protocol (0x").hexPadded(protocol, 4).str("): ");
        }
    }

    /** {@code MPLS (label L, tc T, ttl N) (label L, tc T, [S], ttl N) }: one group per entry. */
    private void mpls(DecodedPacket p, int at, int end) {
        out.str("MPLS");
        for (int i = at; i < end; i += 4) {
            int entry = p.u32(i);
            out.str(" (label ").num(entry >>> 12).str(", tc ").num((entry >>> 9) & 7);
            if ((entry & 0x100) != 0) {
                out.str(", [S]");
            }
            out.str(", ttl ").num(entry & 0xFF).ch(')');
        }
        out.ch(' ');
    }

    /**
     * {@code IP 192.0.2.1 > 192.0.2.2: }, with the UDP ports before the colon when a UDP tunnel
     * ({@code next} at {@code nextStart}) follows, and tcpdump's note when the length field claims
     * more bytes than the frame had.
     */
    private void outerIp(DecodedPacket p, boolean v4, int at, int end, int lengthEnd, Encapsulation next, int nextStart) {
        int missing = end - lengthEnd;
        if (v4) {
            out.str("IP ");
            if (missing > 0) {
                out.str("truncated-ip - ").num(missing).str(" bytes missing! ");
            }
            out.ipv4(p.u32(at + 12) & 0xFFFF_FFFFL);
        } else {
            out.str("IP6 ");
            if (missing > 0) {
                out.str("truncated-ip6 - ").num(missing).str(" bytes missing!");
            }
            out.ipv6(p.u64(at + 8), p.u64(at + 16));
        }
        boolean udp = next == Encapsulation.VXLAN || next == Encapsulation.GENEVE;
        if (udp) {
            out.ch('.').num(p.u16(nextStart));
        }
        out.str(" > ");
        if (v4) {
            out.ipv4(p.u32(at + 16) & 0xFFFF_FFFFL);
        } else {
            out.ipv6(p.u64(at + 24), p.u64(at + 32));
        }
        if (udp) {
            out.ch('.').num(p.u16(nextStart + 2));
        }
        out.str(": ");
    }

    /** {@code GREv0, [off 0xN, ][key=0xN, ][seq N, ]length N: } (RFC 2784, RFC 2890 fields). */
    private void gre(DecodedPacket p, int at, int end) {
        int flags = p.u16(at);
        out.str("GREv0, ");
        int field = at + 4;
        if ((flags & 0x8000) != 0) {
            out.str("off 0x").hex(p.u16(field + 2)).str(", ");
            field += 4;
        }
        if ((flags & 0x2000) != 0) {
            out.str("key=0x").hex(p.u32(field) & 0xFFFF_FFFFL).str(", ");
            field += 4;
        }
        if ((flags & 0x1000) != 0) {
            out.str("seq ").u32(p.u32(field)).str(", ");
        }
        out.str("length ").num(end - at).str(": ");
    }

    /** tcpdump ends the VXLAN part with a line break; the inner Ethernet header says nothing. */
    private void vxlan(DecodedPacket p, int udp) {
        int flags = p.u8(udp + 8);
        out.str("VXLAN, flags [").str((flags & 0x08) != 0 ? "I" : "invalid").str("] (0x").hex2(flags)
                .str("), vni ").num(p.u32(udp + 12) >>> 8).newline();
    }

    private void geneve(DecodedPacket p, int at) {
        int flags = p.u8(at + 1);
        out.str("Geneve, Flags [");
        if (flags == 0) {
            out.str("none");
        } else {
            // O (control packet), C (critical options), then the six reserved bits R1 to R6
            if ((flags & 0x80) != 0) {
                out.ch('O');
            }
            if ((flags & 0x40) != 0) {
                out.ch('C');
            }
            for (int bit = 0; bit < 6; bit++) {
                if ((flags & (0x20 >>> bit)) != 0) {
                    out.ch('R').num(bit + 1);
                }
            }
        }
        out.str("], vni 0x").hex(p.u32(at + 4) >>> 8);
        int reserved = p.u8(at + 7);
        if (reserved != 0) {
            out.str(", rsvd 0x").hex(reserved);
        }
        int options = (p.u8(at) & 0x3F) * 4;
        if (options > 0) {
            out.str(", options [").num(options).str(" bytes]");
        }
        out.str(": ");
    }

    /** {@code AH(spi=0x00001001,seq=0x1,icv=0x...): } (RFC 4302 section 2). */
    static void authenticationHeader(AsciiBuffer out, DecodedPacket p, int at) {
        int len = (p.u8(at + 1) + 2) * 4;
        out.str("AH(");
        int reserved = p.u16(at + 2);
        if (reserved != 0) {
            out.str("reserved=0x").hex(reserved).str("[MustBeZero],");
        }
        out.str("spi=0x").hexPadded(p.u32(at + 4) & 0xFFFF_FFFFL, 8)
                .str(",seq=0x").hex(p.u32(at + 8) & 0xFFFF_FFFFL).str(",icv=0x");
        for (int i = 12; i < len; i++) {
            out.hex2(p.u8(at + i));
        }
        out.str("): ");
    }
}
