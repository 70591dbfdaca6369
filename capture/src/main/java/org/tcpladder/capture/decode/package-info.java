/**
 * Decoding captured frames down to TCP, without allocating per packet.
 *
 * <p>{@link org.tcpladder.capture.decode.PacketDecoder#decode} fills one reusable
 * {@link org.tcpladder.capture.decode.DecodedPacket} from a {@link org.tcpladder.capture.source.RawPacket}:
 * link layer ({@link org.tcpladder.capture.decode.LinkTypes}: Ethernet with 802.1Q/802.1ad/QinQ tags,
 * BSD NULL and LOOP, raw IP, Linux cooked v1 and v2), IPv4 with options and the Authentication
 * Header, IPv6 with hop-by-hop, routing, fragment, destination options and AH headers, and the TCP
 * header with every control bit and a strict check of its options
 * ({@link org.tcpladder.capture.decode.TcpOptionReader}). Records
 * ({@link org.tcpladder.capture.tcp.TcpSegment}, {@link org.tcpladder.capture.tcp.TcpOption}) are built
 * only on request.
 *
 * <p>Malformed input is a value: the packet's {@link org.tcpladder.capture.decode.PacketKind} is
 * {@code MALFORMED} and {@link org.tcpladder.capture.decode.DecodedPacket#problem()} names the
 * {@link org.tcpladder.capture.decode.Layer} and the bad field. A fault that still leaves a usable
 * segment (a bad option, an IP length longer than the frame) is a note on a {@code TCP} packet.
 *
 * <p>Limits, on purpose: fragments are not reassembled (the first fragment is decoded, later ones
 * are reported as {@code TCP_FRAGMENT}); IPv6 jumbograms (payload length 0) are malformed; IEEE 802.3
 * length-field frames (LLC/SNAP) and ESP are not TCP as far as this decoder goes; the options inside
 * IPv6 hop-by-hop and destination headers are skipped, not checked.
 */
package org.tcpladder.capture.decode;
