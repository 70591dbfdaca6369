package org.tcpladder.capture.decode;

/**
 * IPv4 (RFC 791) and IPv6 (RFC 8200) headers down to the start of the transport header, with IPv4
 * options, IPv6 extension headers (hop-by-hop, routing, fragment, destination options) and the
 * IPsec Authentication Header (RFC 4302) skipped, and fragments recognised.
 *
 * <p>The IP length field is trusted over the frame length for where the packet ends (so Ethernet
 * padding is ignored), and a length that claims more bytes than the frame had on the wire is a
 * note on the packet, not a reason to stop: tcpdump decodes such a packet too.
 */
final class IpDecoder {
    static final int PROTO_HOP_BY_HOP = 0;
    static final int PROTO_IPV4 = 4;
    static final int PROTO_TCP = 6;
    static final int PROTO_UDP = 17;
    static final int PROTO_IPV6 = 41;
    static final int PROTO_GRE = 47;
    static final int PROTO_ROUTING = 43;
    static final int PROTO_FRAGMENT = 44;
    static final int PROTO_AH = 51;
    static final int PROTO_DESTINATION_OPTIONS = 60;
    /** Extension headers are at least 8 bytes, so a chain cannot be longer than this in a packet. */
    private static final int MAX_EXTENSION_HEADERS = 8192;

    private IpDecoder() {
    }

    /** The IP header at {@code start} of the version a link or tunnel header announced. */
    static void ip(DecodedPacket p, int version, int start) {
        if (version == LinkLayerDecoder.BY_VERSION_NIBBLE) {
            if (p.frameEnd <= start) {
                malformed(p, Layer.LINK, "empty raw IP frame");
                return;
            }
            version = p.u8(start) >>> 4;
            if (version != 4 && version != 6) {
                malformed(p, Layer.LINK, "raw IP frame with IP version " + version);
                return;
            }
        }
        if (version == 4) {
            ipv4(p, start);
        } else {
            ipv6(p, start);
        }
    }

    static void ipv4(DecodedPacket p, int start) {
        int avail = p.frameEnd - start;
        if (avail < 20) {
            malformed(p, Layer.IPV4, "truncated header: " + Math.max(avail, 0) + " of 20 bytes captured");
            return;
        }
        if (p.lengthEnd - start < 20) {
            // tcpdump: "truncated-ip N" (the frame or an enclosing length leaves too little)
            malformed(p, Layer.IPV4, "only " + Math.max(0, p.lengthEnd - start) + " bytes on the wire for a 20-byte header");
            return;
        }
        int b0 = p.u8(start);
        if (b0 >>> 4 != 4) {
            malformed(p, Layer.IPV4, "version " + (b0 >>> 4) + " in an IPv4 header");
            return;
        }
        int ihl = (b0 & 0x0F) * 4;
        if (ihl < 20) {
            malformed(p, Layer.IPV4, "header length " + ihl + " is less than 20");
            return;
        }
        if (ihl > avail) {
            malformed(p, Layer.IPV4, "truncated header: " + avail + " of " + ihl + " bytes captured");
            return;
        }
        int total = p.u16(start + 2);
        if (total < ihl) {
            malformed(p, Layer.IPV4, "total length " + total + " is less than the header length " + ihl);
            return;
        }
        p.ipVersion = 4;
        p.ipStart = start;
        p.ipEnd = start + total;
        p.srcHi = 0; // an outer IPv6 header of a tunnel may have set them
        p.dstHi = 0;
        p.srcLo = p.u32(start + 12) & 0xFFFF_FFFFL;
        p.dstLo = p.u32(start + 16) & 0xFFFF_FFFFL;
        int frag = p.u16(start + 6);
        p.fragmentOffset = (frag & 0x1FFF) * 8;
        p.moreFragments = (frag & 0x2000) != 0;
        int proto = p.u8(start + 9);
        int at = start + ihl;
        if (p.fragmentOffset != 0) {
            // RFC 791: only the first fragment carries the transport header.
            p.ipProtocol = proto;
            p.l4Start = at;
            p.kind = proto == PROTO_TCP ? PacketKind.TCP_FRAGMENT : PacketKind.NOT_TCP;
            return;
        }
        int ah = -1;
        if (proto == PROTO_AH) {
            int after = skipAuthenticationHeader(p, Layer.IPV4, at);
            if (after < 0) {
                return;
            }
            proto = p.u8(at);
            ah = at;
            at = after;
        }
        p.ipProtocol = proto;
        p.l4Start = at;
        if (proto != PROTO_TCP) {
            if (!TunnelDecoder.inner(p, Encapsulation.IPV4, start, proto, ah, at)) {
                p.kind = PacketKind.NOT_TCP;
            }
            return;
        }
        noteLengthBeyondFrame(p, Layer.IPV4, "total length ", total);
        TcpHeaderDecoder.decode(p);
    }

    static void ipv6(DecodedPacket p, int start) {
        int avail = p.frameEnd - start;
        if (avail < 40) {
            malformed(p, Layer.IPV6, "truncated header: " + Math.max(avail, 0) + " of 40 bytes captured");
            return;
        }
        if (p.lengthEnd - start < 40) {
            malformed(p, Layer.IPV6, "only " + Math.max(0, p.lengthEnd - start) + " bytes on the wire for a 40-byte header");
            return;
        }
        int version = p.u8(start) >>> 4;
        if (version != 6) {
            malformed(p, Layer.IPV6, "version " + version + " in an IPv6 header");
            return;
        }
        int payloadLength = p.u16(start + 4);
        long end = start + 40L + payloadLength;
        if (payloadLength == 0) {
            long jumbo = jumboPayloadLength(p, start);
            if (jumbo >= 0) {
                // RFC 2675: the length is in the hop-by-hop Jumbo Payload option.
                end = start + 40L + jumbo;
            } else if (p.u8(start + 6) != PROTO_TCP) {
                malformed(p, Layer.IPV6, "payload length 0 with neither a Jumbo Payload option nor TCP next");
                return;
            } else {
                // Linux BIG TCP (GSO packets over 64 KiB) says the length nowhere: the frame's is it.
                end = start + Math.max(40L, Math.max(p.lengthEnd - start, p.frameEnd - p.trailerLength - start));
            }
            if (end > Integer.MAX_VALUE) {
                malformed(p, Layer.IPV6, "jumbo payload length " + (end - start - 40) + " is beyond what can be read");
                return;
            }
        }
        p.ipVersion = 6;
        p.ipStart = start;
        p.ipEnd = (int) end;
        p.fragmentOffset = 0;
        p.moreFragments = false;
        p.srcHi = p.u64(start + 8);
        p.srcLo = p.u64(start + 16);
        p.dstHi = p.u64(start + 24);
        p.dstLo = p.u64(start + 32);
        int next = p.u8(start + 6);
        int at = start + 40;
        int limit = Math.min(p.frameEnd, p.ipEnd);
        int ah = -1;
        for (int n = 0; n < MAX_EXTENSION_HEADERS; n++) {
            switch (next) {
                case PROTO_TCP -> {
                    p.ipProtocol = next;
                    p.l4Start = at;
                    noteLengthBeyondFrame(p, Layer.IPV6, "payload length ", p.ipEnd - start - 40);
                    TcpHeaderDecoder.decode(p);
                    return;
                }
                case PROTO_HOP_BY_HOP, PROTO_ROUTING, PROTO_DESTINATION_OPTIONS -> {
                    // RFC 8200 section 4: next header, length in 8-octet units not counting the first.
                    if (limit - at < 2) {
                        extensionTruncated(p, next, at, limit, 2);
                        return;
                    }
                    int len = (p.u8(at + 1) + 1) * 8;
                    if (limit - at < len) {
                        extensionTruncated(p, next, at, limit, len);
                        return;
                    }
                    next = p.u8(at);
                    at += len;
                }
                case PROTO_FRAGMENT -> {
                    // RFC 8200 section 4.5: offset in 8-octet units in the upper 13 bits, M the lowest.
                    if (limit - at < 8) {
                        extensionTruncated(p, next, at, limit, 8);
                        return;
                    }
                    int offlg = p.u16(at + 2);
                    p.fragmentOffset = offlg & 0xFFF8;
                    p.moreFragments = (offlg & 1) != 0;
                    next = p.u8(at);
                    at += 8;
                    if (p.fragmentOffset != 0) {
                        p.ipProtocol = next;
                        p.l4Start = at;
                        p.kind = next == PROTO_TCP ? PacketKind.TCP_FRAGMENT : PacketKind.NOT_TCP;
                        return;
                    }
                }
                case PROTO_AH -> {
                    int after = skipAuthenticationHeader(p, Layer.IPV6, at);
                    if (after < 0) {
                        return;
                    }
                    ah = at;
                    next = p.u8(at);
                    at = after;
                }
                default -> {
                    // ESP, No Next Header, ICMPv6, UDP, ...: nothing we decode, unless a tunnel.
                    p.ipProtocol = next;
                    p.l4Start = at;
                    if (!TunnelDecoder.inner(p, Encapsulation.IPV6, start, next, ah, at)) {
                        p.kind = PacketKind.NOT_TCP;
                    }
                    return;
                }
            }
        }
        malformed(p, Layer.IPV6, "too many extension headers");
    }

    /**
     * The Jumbo Payload option's length (RFC 2675 section 2) when a hop-by-hop header that is fully
     * captured holds one of the right length and a value over 65,535, else -1.
     */
    private static long jumboPayloadLength(DecodedPacket p, int start) {
        int at = start + 40;
        if (p.u8(start + 6) != PROTO_HOP_BY_HOP || p.frameEnd - at < 8) {
            return -1;
        }
        int end = at + (p.u8(at + 1) + 1) * 8;
        if (end > p.frameEnd) {
            return -1;
        }
        for (int i = at + 2; i < end; ) {
            int type = p.u8(i);
            if (type == 0) {
                i++;
                continue;
            }
            if (i + 2 > end) {
                return -1;
            }
            int len = p.u8(i + 1);
            if (type == 0xC2 && len == 4 && i + 6 <= end) {
                long jumbo = p.u32(i + 2) & 0xFFFF_FFFFL;
                // RFC 2675 section 2: a jumbogram is longer than 65,535 bytes, or it is not one.
                return jumbo > 0xFFFF ? jumbo : -1;
            }
            i += 2 + len;
        }
        return -1;
    }

    /** RFC 4302 section 2.2: the length is in 32-bit words, minus 2; the fixed part is 12 bytes. */
    private static int skipAuthenticationHeader(DecodedPacket p, Layer layer, int at) {
        int limit = Math.min(p.frameEnd, p.ipEnd);
        if (limit - at < 2) {
            malformed(p, layer, "truncated authentication header");
            return -1;
        }
        int len = authenticationHeaderLength(p, at);
        if (len < 12) {
            malformed(p, layer, "authentication header length " + len + " is less than 12");
            return -1;
        }
        if (limit - at < len) {
            malformed(p, layer, "truncated authentication header: " + (limit - at) + " of " + len + " bytes");
            return -1;
        }
        return at + len;
    }

    private static int authenticationHeaderLength(DecodedPacket p, int at) {
        return (p.u8(at + 1) + 2) * 4;
    }

    private static void extensionTruncated(DecodedPacket p, int type, int at, int limit, int needed) {
        String where = limit == p.ipEnd && p.ipEnd < p.frameEnd ? "runs past the payload length" : "is truncated";
        malformed(p, Layer.IPV6, "extension header " + type + " " + where + ": needs " + needed
                + " bytes, " + Math.max(0, limit - at) + " left");
    }

    private static void noteLengthBeyondFrame(DecodedPacket p, Layer layer, String field, int value) {
        int missing = p.ipBytesMissing();
        if (missing > 0) {
            p.problemLayer = layer;
            p.problem = field + value + " claims " + missing + " bytes more than the frame had on the wire";
        }
    }

    static void malformed(DecodedPacket p, Layer layer, String reason) {
        p.kind = PacketKind.MALFORMED;
        p.problemLayer = layer;
        p.problem = reason;
    }
}
