package org.tcpladder.capture.decode;

/** What {@link PacketDecoder} made of a frame. */
public enum PacketKind {
    /**
     * A TCP segment whose header (with its options) was decoded. It may still carry a non-fatal
     * {@linkplain DecodedPacket#problem() problem}, such as a bad option or an IP length longer
     * than the frame.
     */
    TCP,
    /**
     * A later fragment (offset not zero) of a fragmented IPv4 or IPv6 TCP packet: it holds no TCP
     * header, so there is nothing to decode past the IP layer (reported, never mis-decoded).
     */
    TCP_FRAGMENT,
    /** Anything else: ARP, UDP, ICMP, ESP, an Ethernet frame that is not IP... */
    NOT_TCP,
    /** A link type this reader does not decode (see {@link LinkTypes}). */
    UNSUPPORTED_LINK,
    /** A frame that cannot be decoded as far as a TCP header; {@link DecodedPacket#problem()} says why. */
    MALFORMED
}
