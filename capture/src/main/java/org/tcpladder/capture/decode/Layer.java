package org.tcpladder.capture.decode;

/** The protocol layer a decoding problem was found in. */
public enum Layer {
    /** The link-layer header: Ethernet, VLAN tags, BSD loopback, Linux cooked capture. */
    LINK,
    IPV4,
    IPV6,
    TCP
}
