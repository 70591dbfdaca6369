package org.tcpladder.capture.decode;

/**
 * The LINKTYPE_ values this reader decodes (https://www.tcpdump.org/linktypes.html).
 */
public final class LinkTypes {
    /** BSD loopback: a 4-byte address family in the byte order of the machine that wrote it. */
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    /** DLT_RAW as some systems number it in files (the IP version nibble decides). */
    public static final int RAW_12 = 12;
    /** DLT_RAW as OpenBSD numbers it. */
    public static final int RAW_14 = 14;
    /** Raw IPv4 or IPv6, no link header (the IP version nibble decides). */
    public static final int RAW = 101;
    /** OpenBSD loopback: like {@link #NULL} but the family is in network byte order. */
    public static final int LOOP = 108;
    /** Linux cooked capture v1 ({@code tcpdump -i any} before libpcap 1.10). */
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    /** Linux cooked capture v2: adds the interface index ({@code tcpdump -i any}). */
    public static final int LINUX_SLL2 = 276;

    private LinkTypes() {
    }

    public static boolean isSupported(int linkType) {
        return switch (linkType) {
            case NULL, ETHERNET, RAW_12, RAW_14, RAW, LOOP, LINUX_SLL, IPV4, IPV6, LINUX_SLL2 -> true;
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
            default -> "link type " + linkType;
        };
    }
}
