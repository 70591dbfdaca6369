package org.tcpladder.capture.decode;

/**
 * Tunnels inside IP whose inner packet is decoded in place of the outer one: IP in IP (RFC 2003,
 * RFC 4213: IPv4 or IPv6 in IPv4 or IPv6), GRE (RFC 2784 with the key and sequence number of
 * RFC 2890), VXLAN (RFC 7348, UDP port 4789) and Geneve (RFC 8926, UDP port 6081), each also after
 * an IPsec Authentication Header in tunnel mode (RFC 4302 section 3.1.2). The outer headers are
 * recorded as {@link Encapsulation}s; the packet's IP and TCP fields become the inner packet's.
 */
final class TunnelDecoder {
    static final int VXLAN_PORT = 4789;
    static final int GENEVE_PORT = 6081;
    static final int ETHERTYPE_TRANSPARENT_BRIDGING = 0x6558;

    private TunnelDecoder() {
    }

    /**
     * Decodes what follows an IP header at {@code start} when {@code proto} at {@code at} is a
     * tunnel; {@code ah} is where an authentication header before it starts, or -1.
     *
     * @return false, having changed nothing, when it is not a tunnel
     */
    static boolean inner(DecodedPacket p, Encapsulation outer, int start, int proto, int ah, int at) {
        int outerEnd = p.ipEnd;
        int limit = Math.min(p.frameEnd, outerEnd);
        switch (proto) {
            case IpDecoder.PROTO_IPV4, IpDecoder.PROTO_IPV6 -> {
                if (!outer(p, outer, start, outerEnd, ah, at)) {
                    return true;
                }
                IpDecoder.ip(p, proto == IpDecoder.PROTO_IPV4 ? 4 : 6, at);
                return true;
            }
            case IpDecoder.PROTO_GRE -> {
                return gre(p, outer, start, outerEnd, ah, at, limit);
            }
            case IpDecoder.PROTO_UDP -> {
                if (limit - at < 8) {
                    return false;
                }
                int sport = p.u16(at);
                int dport = p.u16(at + 2);
                // tcpdump picks the tunnel by either port, VXLAN first.
                if (sport == VXLAN_PORT || dport == VXLAN_PORT) {
                    return vxlan(p, outer, start, outerEnd, ah, at, limit);
                }
                if (sport == GENEVE_PORT || dport == GENEVE_PORT) {
                    return geneve(p, outer, start, outerEnd, ah, at, limit);
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /** Records the outer IP header and any authentication header; false after marking it malformed. */
    private static boolean outer(DecodedPacket p, Encapsulation outer, int start, int end, int ah, int at) {
        if (!p.addEncapsulation(outer, start, end) || (ah >= 0 && !p.addEncapsulation(Encapsulation.AH, ah, at))) {
            LinkLayerDecoder.tooDeep(p);
            return false;
        }
        // The inner packet is measured against the outer length field, not the frame, and no byte
        // past the outer packet is read as part of it (as tcpdump does).
        p.lengthEnd = end;
        p.frameEnd = Math.min(p.frameEnd, end);
        return true;
    }

    /**
     * RFC 2784 section 2: flags and version, protocol type, then the checksum and reserved word when
     * C is set, the key when K is set and the sequence number when S is set (RFC 2890). Version 1
     * (PPTP) and the deprecated routing present bit are not read.
     */
    private static boolean gre(DecodedPacket p, Encapsulation outer, int start, int end, int ah, int at, int limit) {
        if (limit - at < 4) {
            return false;
        }
        int flags = p.u16(at);
        if ((flags & 0x4007) != 0) {
            return false;
        }
        int length = 4 + ((flags & 0x8000) != 0 ? 4 : 0) + ((flags & 0x2000) != 0 ? 4 : 0) + ((flags & 0x1000) != 0 ? 4 : 0);
        if (limit - at < length) {
            IpDecoder.malformed(p, outer == Encapsulation.IPV4 ? Layer.IPV4 : Layer.IPV6,
                    "truncated GRE header: " + (limit - at) + " of " + length + " bytes");
            return true;
        }
        int type = p.u16(at + 2);
        int version;
        int inner = at + length;
        switch (type) {
            case LinkLayerDecoder.ETHERTYPE_IPV4 -> version = 4;
            case LinkLayerDecoder.ETHERTYPE_IPV6 -> version = 6;
            case ETHERTYPE_TRANSPARENT_BRIDGING, LinkLayerDecoder.ETHERTYPE_MPLS,
                    LinkLayerDecoder.ETHERTYPE_MPLS_MULTICAST -> version = -1;
            default -> {
                return false;
            }
        }
        if (!outer(p, outer, start, end, ah, at)) {
            return true;
        }
        if (!p.addEncapsulation(Encapsulation.GRE, at, end)) {
            LinkLayerDecoder.tooDeep(p);
            return true;
        }
        if (version < 0) {
            version = type == ETHERTYPE_TRANSPARENT_BRIDGING
                    ? LinkLayerDecoder.ethernet(p, inner)
                    : LinkLayerDecoder.mpls(p, inner);
            if (version == LinkLayerDecoder.NONE) {
                return true;
            }
            inner = p.nextStart;
        }
        IpDecoder.ip(p, version, inner);
        return true;
    }

    /** RFC 7348 section 5: flags (I: the VNI is valid), reserved, 24-bit VNI, reserved; then Ethernet. */
    private static boolean vxlan(DecodedPacket p, Encapsulation outer, int start, int end, int ah, int udp, int limit) {
        if (limit - udp < 16) {
            return false;
        }
        if (!outer(p, outer, start, end, ah, udp)) {
            return true;
        }
        if (!p.addEncapsulation(Encapsulation.VXLAN, udp, udp + 16)) {
            LinkLayerDecoder.tooDeep(p);
            return true;
        }
        innerEthernet(p, udp, udp + 16);
        return true;
    }

    /**
     * RFC 8926 section 3.4: version (0) and options length in 4-byte words, O and C bits, protocol
     * type, 24-bit VNI, reserved, options; then Ethernet, or IP when the protocol type says so.
     */
    private static boolean geneve(DecodedPacket p, Encapsulation outer, int start, int end, int ah, int udp, int limit) {
        int at = udp + 8;
        if (limit - at < 8 || p.u8(at) >>> 6 != 0) {
            return false;
        }
        int length = 8 + (p.u8(at) & 0x3F) * 4;
        int type = p.u16(at + 2);
        if (type != ETHERTYPE_TRANSPARENT_BRIDGING && type != LinkLayerDecoder.ETHERTYPE_IPV4
                && type != LinkLayerDecoder.ETHERTYPE_IPV6) {
            return false;
        }
        if (limit - at < length) {
            IpDecoder.malformed(p, outer == Encapsulation.IPV4 ? Layer.IPV4 : Layer.IPV6,
                    "truncated Geneve header: " + (limit - at) + " of " + length + " bytes");
            return true;
        }
        if (!outer(p, outer, start, end, ah, udp)) {
            return true;
        }
        if (!p.addEncapsulation(Encapsulation.GENEVE, udp, at + length)) {
            LinkLayerDecoder.tooDeep(p);
            return true;
        }
        if (type == ETHERTYPE_TRANSPARENT_BRIDGING) {
            innerEthernet(p, udp, at + length);
        } else {
            IpDecoder.ip(p, type == LinkLayerDecoder.ETHERTYPE_IPV4 ? 4 : 6, at + length);
        }
        return true;
    }

    /**
     * The Ethernet frame a UDP tunnel carries at {@code at}: its length is what the UDP length
     * field leaves; one shorter than the bytes there is malformed (tcpdump: "length N < caplen M").
     */
    private static void innerEthernet(DecodedPacket p, int udp, int at) {
        int udpEnd = udp + p.u16(udp + 4);
        if (udpEnd < p.frameEnd) {
            IpDecoder.malformed(p, Layer.LINK, "UDP length " + p.u16(udp + 4) + " ends the tunnel's Ethernet frame "
                    + (p.frameEnd - udpEnd) + " bytes before the packet does");
            return;
        }
        p.lengthEnd = Math.min(p.lengthEnd, udpEnd);
        int version = LinkLayerDecoder.ethernet(p, at);
        if (version != LinkLayerDecoder.NONE) {
            IpDecoder.ip(p, version, p.nextStart);
        }
    }
}
