package org.tcpladder.capture.decode;

/**
 * The LINKTYPE_ values this reader decodes (https://www.tcpdump.org/linktypes.html).
 */
public final class LinkTypes {
    /** BSD loopback: a 4-byte address family in the byte order of the machine that wrote it. */
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    /** ARCNET with the BSD header (source, destination, system code, [split flag, sequence id]). */
    public static final int ARCNET_BSD = 7;
    /** PPP (RFC 1661), with or without the 0xFF 0x03 of HDLC-like framing. */
    public static final int PPP = 9;
    /** PPP in HDLC-like framing (RFC 1662): always address 0xFF, control 0x03. */
    public static final int PPP_SERIAL = 50;
    /** PPPoE session frames (RFC 2516) without the Ethernet header. */
    public static final int PPP_ETHER = 51;
    /** DLT_RAW as some systems number it in files (the IP version nibble decides). */
    public static final int RAW_12 = 12;
    /** DLT_RAW as OpenBSD numbers it. */
    public static final int RAW_14 = 14;
    /** Raw IPv4 or IPv6, no link header (the IP version nibble decides). */
    public static final int RAW = 101;
    /** IEEE 802.11 frames, no radio header. */
    public static final int IEEE802_11 = 105;
    /** OpenBSD loopback: like {@link #NULL} but the family is in network byte order. */
    public static final int LOOP = 108;
    /** Linux cooked capture v1 ({@code tcpdump -i any} before libpcap 1.10). */
    public static final int LINUX_SLL = 113;
    /** IEEE 802.11 frames after a radiotap header (monitor mode on Linux and the BSDs). */
    public static final int IEEE802_11_RADIOTAP = 127;
    /** ARCNET as Linux captures it: a 2-byte offset after the addresses. */
    public static final int ARCNET_LINUX = 129;
    /** The CACE Per-Packet Information header, then a frame of the link type it names. */
    public static final int PPI = 192;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    /** Linux netfilter log messages ({@code tcpdump -i nflog}). */
    public static final int NFLOG = 239;
    /** IP over InfiniBand (RFC 4391): a 44-byte header ending in an EtherType. */
    public static final int IPOIB = 242;
    /** Linux cooked capture v2: adds the interface index ({@code tcpdump -i any}). */
    public static final int LINUX_SLL2 = 276;

    private LinkTypes() {
    }

    public static boolean isSupported(int linkType) {
        return switch (linkType) {
            case NULL, ETHERNET, RAW_12, RAW_14, RAW, LOOP, LINUX_SLL, IPV4, IPV6, LINUX_SLL2, ARCNET_BSD, PPP,
                    PPP_SERIAL, PPP_ETHER, IEEE802_11, IEEE802_11_RADIOTAP, ARCNET_LINUX, PPI, NFLOG, IPOIB -> true;
            default -> false;
        };
    }

    /** A short name for messages. */
    public static String name(int linkType) {
        return switch (linkType) {
            case NULL -> "NULL";
            case ETHERNET -> "EN10MB";
            case RAW_12, RAW_14, RAW -> "RAW";
            case LOOP -> "LOOP";
            case LINUX_SLL -> "LINUX_SLL";
            case IPV4 -> "IPV4";
            case IPV6 -> "IPV6";
            case LINUX_SLL2 -> "LINUX_SLL2";
            case ARCNET_BSD -> "ARCNET";
            case PPP -> "PPP";
            case PPP_SERIAL -> "PPP_SERIAL";
            case PPP_ETHER -> "PPP_ETHER";
            case IEEE802_11 -> "IEEE802_11";
            case IEEE802_11_RADIOTAP -> "IEEE802_11_RADIO";
            case ARCNET_LINUX -> "ARCNET_LINUX";
            case PPI -> "PPI";
            case NFLOG -> "NFLOG";
            case IPOIB -> "IPOIB";
            default -> "link type " + linkType;
        };
    }
}
