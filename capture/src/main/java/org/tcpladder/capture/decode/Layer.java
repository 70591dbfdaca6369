package org.tcpladder.capture.decode;

/** The protocol layer a decoding problem was found in. */
public enum Layer {
    /**
     * The link-layer header and what sits between it and IP: Ethernet, VLAN tags, BSD loopback,
     * Linux cooked capture, PPP, PPPoE, 802.11 and its radio headers, NFLOG, MPLS, and the headers
     * of a tunnel's inner frame.
     */
    LINK,
    IPV4,
    IPV6,
    TCP
}
