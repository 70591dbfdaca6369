package org.tcpladder.capture.decode;

/**
 * The link-layer header of each supported link type, down to the start of the IP header.
 */
final class LinkLayerDecoder {
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86DD;
    /** IEEE 802.1Q customer tag, 802.1ad service tag, and the pre-standard QinQ TPIDs. */
    static final int ETHERTYPE_8021Q = 0x8100;
    static final int ETHERTYPE_8021AD = 0x88A8;
    static final int ETHERTYPE_QINQ_9100 = 0x9100;
    static final int ETHERTYPE_QINQ_9200 = 0x9200;

    /** BSD address families: AF_INET everywhere; AF_INET6 of Linux, Net/OpenBSD, FreeBSD, Darwin. */
    static final int AF_INET = 2;
    static final int AF_INET6_LINUX = 10;
    static final int AF_INET6_BSD = 24;
    static final int AF_INET6_FREEBSD = 28;
    static final int AF_INET6_DARWIN = 30;

    /** A result meaning "not IP": the decoder has already set the packet's kind. */
    static final int NONE = -1;
    /** A result meaning "IP, the version nibble decides" (raw IP link types). */
    static final int BY_VERSION_NIBBLE = 0;

    private LinkLayerDecoder() {
    }

    /**
     * Decodes the link header, sets {@link DecodedPacket#linkHeaderLength} and returns the IP
     * version announced by the link layer (4 or 6; {@link #BY_VERSION_NIBBLE} for raw IP), or
     * {@link #NONE} after setting the kind when the frame goes no further.
     */
    static int decode(DecodedPacket p) {
        return switch (p.linkType) {
            case LinkTypes.ETHERNET -> ethernet(p);
            case LinkTypes.NULL, LinkTypes.LOOP -> bsdLoopback(p);
            case LinkTypes.RAW, LinkTypes.RAW_12, LinkTypes.RAW_14, LinkTypes.IPV4, LinkTypes.IPV6 -> raw(p);
            case LinkTypes.LINUX_SLL -> sll(p);
            case LinkTypes.LINUX_SLL2 -> sll2(p);
            default -> {
                p.kind = PacketKind.UNSUPPORTED_LINK;
                yield NONE;
            }
        };
    }

    private static int ethernet(DecodedPacket p) {
        int at = p.frameStart + 12;
        if (p.frameEnd - at < 2) {
            return truncated(p, "Ethernet header", 14);
        }
        int type = p.u16(at);
        at += 2;
        // 802.1Q / 802.1ad / QinQ: each tag is TPID, TCI, and then the next type field.
        while (type == ETHERTYPE_8021Q || type == ETHERTYPE_8021AD
                || type == ETHERTYPE_QINQ_9100 || type == ETHERTYPE_QINQ_9200) {
            if (p.frameEnd - at < 4) {
                return truncated(p, "VLAN tag", at + 4 - p.frameStart);
            }
            type = p.u16(at + 2);
            at += 4;
        }
        p.linkHeaderLength = at - p.frameStart;
        return etherTypeToVersion(p, type);
    }

    private static int bsdLoopback(DecodedPacket p) {
        if (p.capturedLength < 4) {
            return truncated(p, "loopback header", 4);
        }
        p.linkHeaderLength = 4;
        int family = p.u32(p.frameStart);
        // NULL holds the family in the writer's byte order, LOOP in network order; tcpdump accepts
        // either for both by swapping a value that does not fit in 16 bits.
        if ((family & 0xFFFF0000) != 0) {
            family = Integer.reverseBytes(family);
        }
        return switch (family) {
            case AF_INET -> 4;
            case AF_INET6_LINUX, AF_INET6_BSD, AF_INET6_FREEBSD, AF_INET6_DARWIN -> 6;
            default -> {
                p.kind = PacketKind.NOT_TCP;
                yield NONE;
            }
        };
    }

    private static int raw(DecodedPacket p) {
        p.linkHeaderLength = 0;
        // The version nibble decides, even for LINKTYPE_IPV4/IPV6 (as tcpdump does).
        return BY_VERSION_NIBBLE;
    }

    private static int sll(DecodedPacket p) {
        if (p.capturedLength < 16) {
            return truncated(p, "Linux cooked header", 16);
        }
        p.linkHeaderLength = 16;
        p.sllPacketType = p.u16(p.frameStart);
        return etherTypeToVersion(p, p.u16(p.frameStart + 14));
    }

    private static int sll2(DecodedPacket p) {
        if (p.capturedLength < 20) {
            return truncated(p, "Linux cooked v2 header", 20);
        }
        p.linkHeaderLength = 20;
        p.sllInterfaceIndex = p.u32(p.frameStart + 4);
        p.sllPacketType = p.u8(p.frameStart + 10);
        return etherTypeToVersion(p, p.u16(p.frameStart));
    }

    private static int etherTypeToVersion(DecodedPacket p, int type) {
        if (type == ETHERTYPE_IPV4) {
            return 4;
        }
        if (type == ETHERTYPE_IPV6) {
            return 6;
        }
        p.kind = PacketKind.NOT_TCP;
        return NONE;
    }

    private static int truncated(DecodedPacket p, String what, int needed) {
        p.kind = PacketKind.MALFORMED;
        p.problemLayer = Layer.LINK;
        p.problem = "truncated " + what + ": " + p.capturedLength + " of " + needed + " bytes captured";
        return NONE;
    }
}
