/**
 * Decoding captured frames down to TCP, without allocating per packet.
 *
 * <p>{@link org.tcpladder.capture.decode.PacketDecoder#decode} fills one reusable
 * {@link org.tcpladder.capture.decode.DecodedPacket} from a {@link org.tcpladder.capture.source.RawPacket}:
 * link layer ({@link org.tcpladder.capture.decode.LinkTypes}: Ethernet with 802.1Q/802.1ad/QinQ tags,
 * BSD NULL and LOOP, raw IP, Linux cooked v1 and v2, PPP, PPP in HDLC framing, PPPoE, IEEE 802.11
 * with radiotap or PPI, IP over InfiniBand, ARCNET, NFLOG), MPLS, IPv4 with options and the
 * Authentication Header, IPv6 with hop-by-hop, routing, fragment, destination options and AH
 * headers, jumbograms and BIG TCP, the tunnels of {@link org.tcpladder.capture.decode.TunnelDecoder}
 * (IP in IP, GRE, VXLAN, Geneve; each outer header recorded as an
 * {@link org.tcpladder.capture.decode.Encapsulation}), and the TCP header of the innermost packet
 * with every control bit and a strict check of its options
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
 * are reported as {@code TCP_FRAGMENT}); IEEE 802.3 length-field frames (LLC/SNAP), ESP, encrypted
 * 802.11 frames, GRE version 1 (PPTP) and GRE with routing are not TCP as far as this decoder goes;
 * the options inside IPv6 hop-by-hop and destination headers are skipped, not checked (but for the
 * Jumbo Payload option); at most 8
 * headers may wrap a packet. Where tcpdump reads a damaged header its own way (any radiotap or 802.11
 * version, the last radiotap flags field, the inner length from the outer length field), this decoder
 * reads it the same way, so that what {@code print} shows and what the connections hold agree.
 */
package org.tcpladder.capture.decode;
