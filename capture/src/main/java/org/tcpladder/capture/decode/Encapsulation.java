package org.tcpladder.capture.decode;

/**
 * A header that wraps the TCP/IP packet a frame is decoded down to, kept (with its position) so that a
 * printer can show it before the inner packet, as tcpdump does. The link headers that say nothing in
 * tcpdump's default line (plain PPP, 802.11, IPoIB, ARCNET, NFLOG) are not recorded.
 */
public enum Encapsulation {
    /** PPP in HDLC-like framing (RFC 1662, link type 50): starts at the protocol field. */
    PPP_SERIAL,
    /** A PPPoE session header (RFC 2516), on Ethernet or link type 51: starts at the version/type byte. */
    PPPOE,
    /** A radiotap header (link type 127): starts at its version byte. */
    RADIOTAP,
    /** An MPLS label stack (RFC 3032): starts at the first entry and ends at the bottom-of-stack one. */
    MPLS,
    /** An outer IPv4 header; its end is where the IPv4 length field says the packet ends. */
    IPV4,
    /** An outer IPv6 header; its end is where the payload length field says the packet ends. */
    IPV6,
    /** A GRE header (RFC 2784, RFC 2890); its end is the end of the IP packet that carries it. */
    GRE,
    /** An IPsec Authentication Header (RFC 4302) followed by a whole inner IP packet (tunnel mode). */
    AH,
    /** A VXLAN header (RFC 7348): starts at the UDP header that carries it. */
    VXLAN,
    /** A Geneve header (RFC 8926): starts at the UDP header that carries it. */
    GENEVE;

    private static final Encapsulation[] VALUES = values();

    static Encapsulation of(int ordinal) {
        return VALUES[ordinal];
    }
}
