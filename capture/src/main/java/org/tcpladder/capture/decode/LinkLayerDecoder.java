package org.tcpladder.capture.decode;

/**
 * The link-layer header of each supported link type, and the headers between it and IP (VLAN tags,
 * PPPoE, PPP, MPLS), down to the start of the IP header.
 *
 * <p>Each step reads at a buffer position and returns the IP version it found (4 or 6,
 * {@link #BY_VERSION_NIBBLE} when the IP header itself must say) with {@link DecodedPacket#nextStart}
 * set to where that IP header starts, or {@link #NONE} after setting the packet's kind. Every read is
 * checked against the end of the frame first.
 */
final class LinkLayerDecoder {
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86DD;
    /** IEEE 802.1Q customer tag, 802.1ad service tag, and the pre-standard QinQ TPIDs. */
    static final int ETHERTYPE_8021Q = 0x8100;
    static final int ETHERTYPE_8021AD = 0x88A8;
    static final int ETHERTYPE_QINQ_9100 = 0x9100;
    static final int ETHERTYPE_QINQ_9200 = 0x9200;
    /** RFC 3032: MPLS unicast and multicast. */
    static final int ETHERTYPE_MPLS = 0x8847;
    static final int ETHERTYPE_MPLS_MULTICAST = 0x8848;
    /** RFC 2516: PPPoE session stage (the discovery stage, 0x8863, carries no IP). */
    static final int ETHERTYPE_PPPOE_SESSION = 0x8864;

    /** PPP protocol numbers (RFC 1661, RFC 3032 section 5). */
    static final int PPP_IPV4 = 0x0021;
    static final int PPP_IPV6 = 0x0057;
    static final int PPP_MPLS = 0x0281;
    static final int PPP_MPLS_MULTICAST = 0x0283;

    /** BSD address families: AF_INET everywhere; AF_INET6 of Linux, Net/OpenBSD, FreeBSD, Darwin. */
    static final int AF_INET = 2;
    static final int AF_INET6_LINUX = 10;
    static final int AF_INET6_BSD = 24;
    static final int AF_INET6_FREEBSD = 28;
    static final int AF_INET6_DARWIN = 30;

    /** ARCNET system codes (RFC 1051 for 240, RFC 1201 for 212, 196 for IPv6). */
    static final int ARCNET_IP_RFC1051 = 240;
    static final int ARCNET_ARP_RFC1051 = 241;
    static final int ARCNET_DIAGNOSE = 0x80;
    static final int ARCNET_IP = 212;
    static final int ARCNET_IPV6 = 196;

    /** NFLOG: the TLV that holds the packet. */
    static final int NFULA_PAYLOAD = 9;

    /** A result meaning "not IP": the decoder has already set the packet's kind. */
    static final int NONE = -1;
    /** A result meaning "IP, the version nibble decides" (raw IP link types, MPLS). */
    static final int BY_VERSION_NIBBLE = 0;

    private LinkLayerDecoder() {
    }

    /**
     * Decodes the link header, sets {@link DecodedPacket#linkHeaderLength} and returns the IP
     * version announced by the link layer (4 or 6; {@link #BY_VERSION_NIBBLE} for raw IP), or
     * {@link #NONE} after setting the kind when the frame goes no further.
     */
    static int decode(DecodedPacket p) {
        int version = atLinkType(p, p.linkType, p.frameStart);
        if (version != NONE) {
            p.linkHeaderLength = p.nextStart - p.frameStart;
        }
        return version;
    }

    /** The header of {@code linkType} at {@code at} (PPI names the link type of what follows it). */
    static int atLinkType(DecodedPacket p, int linkType, int at) {
        return switch (linkType) {
            case LinkTypes.ETHERNET -> ethernet(p, at);
            case LinkTypes.NULL, LinkTypes.LOOP -> bsdLoopback(p, at);
            case LinkTypes.RAW, LinkTypes.RAW_12, LinkTypes.RAW_14, LinkTypes.IPV4, LinkTypes.IPV6 -> raw(p, at);
            case LinkTypes.LINUX_SLL -> sll(p, at);
            case LinkTypes.LINUX_SLL2 -> sll2(p, at);
            case LinkTypes.PPP -> ppp(p, at);
            case LinkTypes.PPP_SERIAL -> pppSerial(p, at);
            case LinkTypes.PPP_ETHER -> pppoe(p, at);
            case LinkTypes.IEEE802_11 -> WirelessDecoder.ieee80211(p, at, false);
            case LinkTypes.IEEE802_11_RADIOTAP -> WirelessDecoder.radiotap(p, at);
            case LinkTypes.PPI -> WirelessDecoder.ppi(p, at);
            case LinkTypes.IPOIB -> ipoib(p, at);
            case LinkTypes.ARCNET_BSD -> arcnet(p, at);
            case LinkTypes.ARCNET_LINUX -> arcnetLinux(p, at);
            case LinkTypes.NFLOG -> nflog(p, at);
            default -> {
                p.kind = PacketKind.UNSUPPORTED_LINK;
                yield NONE;
            }
        };
    }

    /** An Ethernet II header at {@code at} (also the inner frame of VXLAN, Geneve and GRE bridging). */
    static int ethernet(DecodedPacket p, int at) {
        int start = at;
        at += 12;
        if (p.frameEnd - at < 2) {
            return truncated(p, "Ethernet header", start, 14);
        }
        int type = p.u16(at);
        at += 2;
        // 802.1Q / 802.1ad / QinQ: each tag is TPID, TCI, and then the next type field.
        while (type == ETHERTYPE_8021Q || type == ETHERTYPE_8021AD
                || type == ETHERTYPE_QINQ_9100 || type == ETHERTYPE_QINQ_9200) {
            if (p.frameEnd - at < 4) {
                return truncated(p, "VLAN tag", start, at + 4 - start);
            }
            type = p.u16(at + 2);
            at += 4;
        }
        return etherType(p, type, at);
    }

    /** What an EtherType announces at {@code at}: IP, or the MPLS and PPPoE headers IP hides behind. */
    static int etherType(DecodedPacket p, int type, int at) {
        if (type == ETHERTYPE_IPV4) {
            p.nextStart = at;
            return 4;
        }
        if (type == ETHERTYPE_IPV6) {
            p.nextStart = at;
            return 6;
        }
        return switch (type) {
            case ETHERTYPE_MPLS, ETHERTYPE_MPLS_MULTICAST -> mpls(p, at);
            case ETHERTYPE_PPPOE_SESSION -> pppoe(p, at);
            default -> notTcp(p);
        };
    }

    private static int bsdLoopback(DecodedPacket p, int at) {
        if (p.frameEnd - at < 4) {
            return truncated(p, "loopback header", at, 4);
        }
        p.nextStart = at + 4;
        int family = p.u32(at);
        // NULL holds the family in the writer's byte order, LOOP in network order; tcpdump accepts
        // either for both by swapping a value that does not fit in 16 bits.
        if ((family & 0xFFFF0000) != 0) {
            family = Integer.reverseBytes(family);
        }
        return switch (family) {
            case AF_INET -> 4;
            case AF_INET6_LINUX, AF_INET6_BSD, AF_INET6_FREEBSD, AF_INET6_DARWIN -> 6;
            default -> notTcp(p);
        };
    }

    private static int raw(DecodedPacket p, int at) {
        p.nextStart = at;
        // The version nibble decides, even for LINKTYPE_IPV4/IPV6 (as tcpdump does).
        return BY_VERSION_NIBBLE;
    }

    private static int sll(DecodedPacket p, int at) {
        if (p.frameEnd - at < 16) {
            return truncated(p, "Linux cooked header", at, 16);
        }
        p.sllPacketType = p.u16(at);
        return etherType(p, p.u16(at + 14), at + 16);
    }

    private static int sll2(DecodedPacket p, int at) {
        if (p.frameEnd - at < 20) {
            return truncated(p, "Linux cooked v2 header", at, 20);
        }
        p.sllInterfaceIndex = p.u32(at + 4);
        p.sllPacketType = p.u8(at + 10);
        return etherType(p, p.u16(at), at + 20);
    }

    // ---------------------------------------------------------------- PPP, PPPoE

    /**
     * LINKTYPE_PPP: the PPP protocol field (RFC 1661), after the address and control bytes of
     * HDLC-like framing (RFC 1662) when the frame starts with 0xFF 0x03.
     */
    private static int ppp(DecodedPacket p, int at) {
        if (p.frameEnd - at >= 2 && p.u8(at) == 0xFF && p.u8(at + 1) == 0x03) {
            at += 2;
        }
        return pppProtocol(p, at, true);
    }

    /**
     * The PPP protocol field at {@code at}: two bytes, or one when protocol-field compression
     * (RFC 1661 section 6.5) drops the leading zero and {@code compressible} (a protocol number is
     * odd in its last byte; tcpdump does not look for compression after HDLC framing, link type 50).
     */
    private static int pppProtocol(DecodedPacket p, int at, boolean compressible) {
        if (p.frameEnd - at < 1) {
            return truncated(p, "PPP header", at, 1);
        }
        int protocol;
        if (compressible && (p.u8(at) & 1) != 0) {
            protocol = p.u8(at);
            at += 1;
        } else {
            if (p.frameEnd - at < 2) {
                return truncated(p, "PPP header", at, 2);
            }
            protocol = p.u16(at);
            at += 2;
        }
        // tcpdump also takes EtherTypes for IP here (BSD/OS wrote them).
        return switch (protocol) {
            case PPP_IPV4, ETHERTYPE_IPV4 -> {
                p.nextStart = at;
                yield 4;
            }
            case PPP_IPV6, ETHERTYPE_IPV6 -> {
                p.nextStart = at;
                yield 6;
            }
            case PPP_MPLS, PPP_MPLS_MULTICAST -> mpls(p, at);
            default -> notTcp(p);
        };
    }

    /**
     * LINKTYPE_PPP_HDLC: HDLC-like framing, address 0xFF and control 0x03, then the protocol; or a
     * Cisco HDLC frame, which the link type also allows: address 0x0F (unicast) or 0x8F
     * (broadcast), control 0, then an EtherType.
     */
    private static int pppSerial(DecodedPacket p, int at) {
        if (p.frameEnd - at < 2) {
            return truncated(p, "PPP header", at, 2);
        }
        if (p.u8(at) == 0x0F || p.u8(at) == 0x8F) {
            if (p.frameEnd - at < 4) {
                return truncated(p, "Cisco HDLC header", at, 4);
            }
            return etherType(p, p.u16(at + 2), at + 4);
        }
        // The control byte is not checked: tcpdump skips whatever follows the 0xFF.
        if (p.u8(at) != 0xFF) {
            return notTcp(p);
        }
        if (!p.addEncapsulation(Encapsulation.PPP_SERIAL, at + 2, at + 2)) {
            return tooDeep(p);
        }
        return pppProtocol(p, at + 2, false);
    }

    /**
     * RFC 2516 section 5.3: version and type (1 and 1; others are only noted, as tcpdump does),
     * code 0 (session data; the discovery codes carry no IP), session id, length, PPP.
     */
    private static int pppoe(DecodedPacket p, int at) {
        if (p.frameEnd - at < 6) {
            return truncated(p, "PPPoE header", at, 6);
        }
        if (p.u8(at + 1) != 0) {
            return notTcp(p);
        }
        if (!p.addEncapsulation(Encapsulation.PPPOE, at, at + 6)) {
            return tooDeep(p);
        }
        // A length shorter than the frame leaves out Ethernet padding; a longer one is only noted.
        p.lengthEnd = Math.min(p.lengthEnd, at + 6 + p.u16(at + 4));
        if (p.frameEnd - at >= 8 && p.u8(at + 6) == 0xFF && p.u8(at + 7) == 0x03) {
            return pppProtocol(p, at + 8, true);
        }
        return pppProtocol(p, at + 6, true);
    }

    // ---------------------------------------------------------------- MPLS

    /**
     * RFC 3032 section 2.1: 4-byte label stack entries down to the one with the bottom-of-stack bit;
     * after it the payload's first nibble says which IP follows, as tcpdump guesses it (labels 0
     * and 2, the explicit nulls, say it themselves).
     */
    static int mpls(DecodedPacket p, int at) {
        int start = at;
        while (true) {
            if (p.frameEnd - at < 4) {
                return truncated(p, "MPLS label stack", start, at + 4 - start);
            }
            int entry = p.u32(at);
            at += 4;
            if ((entry & 0x100) != 0) {
                if (!p.addEncapsulation(Encapsulation.MPLS, start, at)) {
                    return tooDeep(p);
                }
                int label = entry >>> 12;
                p.nextStart = at;
                return label == 0 ? 4 : label == 2 ? 6 : BY_VERSION_NIBBLE;
            }
        }
    }

    // ---------------------------------------------------------------- other link types

    /** LINKTYPE_IPOIB (RFC 4391): destination and source hardware addresses, EtherType, reserved. */
    private static int ipoib(DecodedPacket p, int at) {
        if (p.frameEnd - at < 44) {
            return truncated(p, "IP-over-InfiniBand header", at, 44);
        }
        return etherType(p, p.u16(at + 40), at + 44);
    }

    /**
     * LINKTYPE_ARCNET_BSD: source, destination, system code; the RFC 1201 codes add a split flag
     * and a sequence id (and 4 more bytes in an exception frame, flag 0xFF). Only the first of
     * the fragments of a split packet holds the IP header.
     */
    private static int arcnet(DecodedPacket p, int at) {
        if (p.frameEnd - at < 3) {
            return truncated(p, "ARCNET header", at, 3);
        }
        int type = p.u8(at + 2);
        int length = 3;
        if (type != ARCNET_IP_RFC1051 && type != ARCNET_ARP_RFC1051 && type != ARCNET_DIAGNOSE) {
            if (p.frameEnd - at < 6) {
                return truncated(p, "ARCNET header", at, 6);
            }
            int flag = p.u8(at + 3);
            length = 6;
            if (flag == 0xFF) {
                if (p.frameEnd - at < 10) {
                    return truncated(p, "ARCNET exception header", at, 10);
                }
                flag = p.u8(at + 7);
                length = 10;
            }
            if (flag != 0 && (flag & 1) == 0) {
                return notTcp(p); // a later fragment
            }
        }
        return arcnetType(p, type, at + length);
    }

    /** LINKTYPE_ARCNET_LINUX: source, destination, a 2-byte offset, system code, [flag, sequence id]. */
    private static int arcnetLinux(DecodedPacket p, int at) {
        if (p.frameEnd - at < 5) {
            return truncated(p, "ARCNET header", at, 5);
        }
        int type = p.u8(at + 4);
        int length = 5;
        if (type != ARCNET_IP_RFC1051 && type != ARCNET_ARP_RFC1051 && type != ARCNET_DIAGNOSE) {
            if (p.frameEnd - at < 8) {
                return truncated(p, "ARCNET header", at, 8);
            }
            length = 8;
        }
        return arcnetType(p, type, at + length);
    }

    private static int arcnetType(DecodedPacket p, int type, int at) {
        p.nextStart = at;
        return switch (type) {
            case ARCNET_IP, ARCNET_IP_RFC1051 -> 4;
            case ARCNET_IPV6 -> 6;
            default -> notTcp(p);
        };
    }

    /**
     * LINKTYPE_NFLOG: address family, version 0, resource id, then type-length-value attributes,
     * each padded to 4 bytes, one of which holds the packet. The attributes' length and type are in
     * the byte order of the machine that logged them; types are small numbers, so the order whose
     * first type fits in one byte is taken.
     */
    private static int nflog(DecodedPacket p, int at) {
        if (p.frameEnd - at < 4) {
            return truncated(p, "NFLOG header", at, 4);
        }
        int family = p.u8(at);
        if ((family != AF_INET && family != AF_INET6_LINUX) || p.u8(at + 1) != 0) {
            return notTcp(p);
        }
        int tlv = at + 4;
        boolean littleEndian = true;
        if (p.frameEnd - tlv >= 4) {
            int typeLe = Short.reverseBytes((short) p.u16(tlv + 2)) & 0xFFFF;
            littleEndian = typeLe <= 0xFF || (p.u16(tlv + 2) > 0xFF);
        }
        while (p.frameEnd - tlv >= 4) {
            int length = p.u16(tlv);
            int type = p.u16(tlv + 2);
            if (littleEndian) {
                length = Short.reverseBytes((short) length) & 0xFFFF;
                type = Short.reverseBytes((short) type) & 0xFFFF;
            }
            if (length < 4) {
                IpDecoder.malformed(p, Layer.LINK, "NFLOG attribute length " + length + " is less than 4");
                return NONE;
            }
            int padded = (length + 3) & ~3;
            boolean cut = padded > p.frameEnd - tlv;
            if (type == NFULA_PAYLOAD) {
                // A snap length cuts the packet attribute; decode what there is (tcpdump does not).
                p.nflogPayloadCut = cut;
                p.nextStart = tlv + 4;
                return family == AF_INET ? 4 : 6;
            }
            if (cut) {
                IpDecoder.malformed(p, Layer.LINK, "NFLOG attribute " + type + " of " + length
                        + " bytes runs past the captured bytes");
                return NONE;
            }
            tlv += padded;
        }
        return notTcp(p);
    }

    static int notTcp(DecodedPacket p) {
        p.kind = PacketKind.NOT_TCP;
        return NONE;
    }

    static int tooDeep(DecodedPacket p) {
        IpDecoder.malformed(p, Layer.LINK, "more than " + DecodedPacket.MAX_ENCAPSULATIONS + " nested encapsulations");
        return NONE;
    }

    static int truncated(DecodedPacket p, String what, int start, int needed) {
        p.kind = PacketKind.MALFORMED;
        p.problemLayer = Layer.LINK;
        p.problem = "truncated " + what + ": " + Math.max(0, p.frameEnd - start) + " of " + needed + " bytes captured";
        return NONE;
    }
}
