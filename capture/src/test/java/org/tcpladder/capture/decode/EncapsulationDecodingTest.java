package org.tcpladder.capture.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.testing.Frames.bytes;
import static org.tcpladder.capture.testing.Frames.concat;
import static org.tcpladder.capture.testing.Frames.cut;
import static org.tcpladder.capture.testing.Frames.ethernet;
import static org.tcpladder.capture.testing.Frames.ipv4;
import static org.tcpladder.capture.testing.Frames.ipv6;
import static org.tcpladder.capture.testing.Frames.tcp;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.testing.Decode;
import org.tcpladder.capture.testing.Frames;

/**
 * The headers between the link and the TCP/IP packet, decoded down to the inner segment: what is
 * recorded of them, and the named bad cases (truncated, impossible, nested without end).
 */
class EncapsulationDecodingTest {
    private static final byte[] SEGMENT = tcp().ports(40000, 9000).flags(TcpFlags.ACK).ack(1).payload("hello").build();
    private static final byte[] INNER = ipv4(SEGMENT).build();
    private static final byte[] OUTER_A = {(byte) 192, 0, 2, 1};
    private static final byte[] OUTER_B = {(byte) 192, 0, 2, 2};

    private static byte[] outer(int protocol, byte[] payload) {
        return ipv4(payload).protocol(protocol).addresses(OUTER_A, OUTER_B).build();
    }

    private static List<Encapsulation> layers(DecodedPacket p) {
        List<Encapsulation> out = new ArrayList<>();
        for (int i = 0; i < p.encapsulationCount(); i++) {
            out.add(p.encapsulation(i));
        }
        return out;
    }

    private static void assertInnerSegment(DecodedPacket p) {
        assertEquals(PacketKind.TCP, p.kind(), String.valueOf(p.problem()));
        assertEquals("10.0.0.1:40000", p.source().toString());
        assertEquals(5, p.payloadLength());
    }

    private static void assertMalformed(DecodedPacket p, Layer layer, String reason) {
        assertEquals(PacketKind.MALFORMED, p.kind());
        assertEquals(layer, p.problemLayer());
        assertTrue(p.problemReason().contains(reason), p.problemReason());
    }

    @Test
    void ipInIpRecordsTheOuterHeaderAndDecodesTheInnerSegment() {
        DecodedPacket p = Decode.frame(LinkTypes.ETHERNET, ethernet(outer(4, INNER)));
        assertInnerSegment(p);
        assertEquals(List.of(Encapsulation.IPV4), layers(p));
        assertEquals(14, p.encapsulationStart(0) - p.frameStart());
        assertEquals(14 + 20, p.ipStart() - p.frameStart());
    }

    @Test
    void ipv4InsideIpv6KeepsNothingOfTheOuterAddresses() {
        byte[] outer6 = ipv6(INNER).extensions(4, new byte[0]).build();
        DecodedPacket p = Decode.frame(LinkTypes.ETHERNET, ethernet(outer6));
        assertInnerSegment(p);
        assertEquals(List.of(Encapsulation.IPV6), layers(p));
        assertEquals(0, p.srcHi(), "the connection key of the inner IPv4 packet has no IPv6 high word");
        assertEquals(0, p.dstHi());
    }

    @Test
    void greWithKeyAndSequenceSkipsBothFields() {
        byte[] gre = concat(bytes(0x30, 0, 0x08, 0x00, 0, 0, 0, 9, 0, 0, 0, 1), INNER);
        DecodedPacket p = Decode.frame(LinkTypes.ETHERNET, ethernet(outer(47, gre)));
        assertInnerSegment(p);
        assertEquals(List.of(Encapsulation.IPV4, Encapsulation.GRE), layers(p));
        assertEquals(p.encapsulationEnd(0), p.encapsulationEnd(1), "GRE ends with the packet that carries it");
    }

    @Test
    void greVersionOneAndRoutingAreNotTcp() {
        assertEquals(PacketKind.NOT_TCP, Decode.frame(LinkTypes.ETHERNET,
                ethernet(outer(47, concat(bytes(0x00, 0x01, 0x88, 0x0b), INNER)))).kind());
        assertEquals(PacketKind.NOT_TCP, Decode.frame(LinkTypes.ETHERNET,
                ethernet(outer(47, concat(bytes(0x40, 0, 0x08, 0x00, 0, 0, 0, 0), INNER)))).kind());
    }

    @Test
    void truncatedGreHeaderIsMalformed() {
        byte[] frame = ethernet(outer(47, concat(bytes(0xB0, 0, 0x08, 0x00, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 1), INNER)));
        assertMalformed(Decode.frame(LinkTypes.ETHERNET, cut(frame, 14 + 20 + 10)), Layer.IPV4, "truncated GRE header: 10 of 16");
    }

    @Test
    void mplsStackWithoutItsBottomIsMalformed() {
        byte[] frame = ethernet(0x8847, bytes(0, 1, 0, 64, 0, 2, 0, 64));
        assertMalformed(Decode.frame(LinkTypes.ETHERNET, frame), Layer.LINK, "truncated MPLS label stack");
    }

    @Test
    void mplsExplicitNullLabelsSayTheVersion() {
        // label 0 is IPv4 explicit null: the IPv6 packet after it is read as IPv4, as tcpdump reads it
        DecodedPacket p = Decode.frame(LinkTypes.ETHERNET, ethernet(0x8847, concat(bytes(0, 0, 1, 64), ipv6(SEGMENT).build())));
        assertMalformed(p, Layer.IPV4, "version 6 in an IPv4 header");
    }

    @Test
    void udpOnOtherPortsIsNotTcpAndVxlanOnItsPortIs() {
        byte[] vxlan = concat(bytes(0x08, 0, 0, 0, 0, 0, 42, 0), ethernet(INNER));
        byte[] udp = concat(bytes(0xC3, 0x51, 0x12, 0xB5, 0, 8 + vxlan.length, 0, 0), vxlan);
        DecodedPacket p = Decode.frame(LinkTypes.ETHERNET, ethernet(outer(17, udp)));
        assertInnerSegment(p);
        assertEquals(List.of(Encapsulation.IPV4, Encapsulation.VXLAN), layers(p));
        byte[] other = concat(bytes(0xC3, 0x51, 0x12, 0xB6, 0, 8 + vxlan.length, 0, 0), vxlan);
        assertEquals(PacketKind.NOT_TCP, Decode.frame(LinkTypes.ETHERNET, ethernet(outer(17, other))).kind());
    }

    @Test
    void tunnelsNestedBeyondTheLimitAreMalformed() {
        byte[] packet = INNER;
        for (int i = 0; i < DecodedPacket.MAX_ENCAPSULATIONS + 1; i++) {
            packet = outer(4, packet);
        }
        assertMalformed(Decode.frame(LinkTypes.RAW, packet), Layer.LINK, "more than 8 nested encapsulations");
    }

    @Test
    void authenticationHeaderInTunnelModeIsFollowedByTheInnerPacket() {
        byte[] ah = concat(bytes(4, 4, 0, 0, 0, 0, 0x10, 0x01, 0, 0, 0, 1), new byte[12], INNER);
        DecodedPacket p = Decode.frame(LinkTypes.ETHERNET, ethernet(outer(51, ah)));
        assertInnerSegment(p);
        assertEquals(List.of(Encapsulation.IPV4, Encapsulation.AH), layers(p));
    }

    @Test
    void ipv6JumbogramTakesItsLengthFromTheJumboOption() {
        byte[] jumbo = bytes(6, 0, 0xC2, 4, 0, 0x01, 0x11, 0x78); // 70,008: the option header and 70,000
        byte[] frame = ethernet(ipv6(SEGMENT).extensions(0, jumbo).payloadLength(0).build());
        DecodedPacket p = Decode.frame(new PacketDecoder(), LinkTypes.ETHERNET, frame, frame.length + 70_000);
        assertEquals(PacketKind.TCP, p.kind(), String.valueOf(p.problem()));
        assertEquals(70_008 - 8 - 20, p.payloadLength());
        assertEquals(5, p.capturedPayloadLength());
    }

    @Test
    void ipv6PayloadLengthZeroWithoutJumboOptionIsBigTcpSizedByTheFrame() {
        byte[] frame = ethernet(ipv6(SEGMENT).payloadLength(0).build());
        DecodedPacket p = Decode.frame(new PacketDecoder(), LinkTypes.ETHERNET, frame, 14 + 40 + 20 + 100_000);
        assertEquals(PacketKind.TCP, p.kind(), String.valueOf(p.problem()));
        assertEquals(100_000, p.payloadLength());
        assertEquals(0, p.ipBytesMissing());
    }

    @Test
    void radiotapFcsIsNotCountedAsPacketBytes() {
        byte[] dot11 = concat(bytes(0x08, 0x01, 0, 0), new byte[20], bytes(0xAA, 0xAA, 3, 0, 0, 0, 0x08, 0x00));
        byte[] radiotap = bytes(0, 0, 9, 0, 0x02, 0, 0, 0, 0x10);
        byte[] frame = concat(radiotap, dot11, INNER, bytes(1, 2, 3, 4));
        DecodedPacket p = Decode.frame(LinkTypes.IEEE802_11_RADIOTAP, frame);
        assertInnerSegment(p);
        assertEquals(0, p.ipBytesMissing());
        assertEquals(List.of(Encapsulation.RADIOTAP), layers(p));
    }

    @Test
    void radiotapShorterThanItsOwnHeaderIsMalformed() {
        assertMalformed(Decode.frame(LinkTypes.IEEE802_11_RADIOTAP, bytes(0, 0, 4, 0, 0, 0, 0, 0, 0)), Layer.LINK,
                "radiotap header length 4 is less than 8");
    }

    @Test
    void protectedAndAggregated80211FramesAreNotTcp() {
        byte[] snap = bytes(0xAA, 0xAA, 3, 0, 0, 0, 0x08, 0x00);
        byte[] protectedFrame = concat(bytes(0x08, 0x41), new byte[22], snap, INNER);
        assertEquals(PacketKind.NOT_TCP, Decode.frame(LinkTypes.IEEE802_11, protectedFrame).kind());
        byte[] subframe = concat(new byte[12], bytes(0, snap.length + INNER.length)); // DA, SA, length
        byte[] amsdu = concat(bytes(0x88, 0x01), new byte[22], bytes(0x80, 0), subframe, snap, INNER);
        assertEquals(PacketKind.NOT_TCP, Decode.frame(LinkTypes.IEEE802_11, amsdu).kind());
    }

    @Test
    void ppiInsidePpiIsMalformed() {
        byte[] frame = concat(bytes(0, 0, 8, 0, 192, 0, 0, 0), bytes(0, 0, 8, 0, 105, 0, 0, 0));
        assertMalformed(Decode.frame(LinkTypes.PPI, frame), Layer.LINK, "PPI header inside a PPI header");
    }

    @Test
    void nflogAttributeShorterThanItsHeaderIsMalformed() {
        assertMalformed(Decode.frame(LinkTypes.NFLOG, bytes(2, 0, 0, 5, 2, 0, 1, 0)), Layer.LINK,
                "NFLOG attribute length 2 is less than 4");
    }

    @Test
    void nflogAttributesInEitherByteOrderLeadToThePacket() {
        byte[] little = concat(bytes(2, 0, 0, 5, 8, 0, 1, 0, 8, 0, 0, 3), bytes(4 + INNER.length, 0, 9, 0), INNER);
        assertInnerSegment(Decode.frame(LinkTypes.NFLOG, little));
        byte[] big = concat(bytes(2, 0, 0, 5, 0, 8, 0, 1, 8, 0, 0, 3), bytes(0, 4 + INNER.length, 0, 9), INNER);
        assertInnerSegment(Decode.frame(LinkTypes.NFLOG, big));
    }

    @Test
    void arcnetLaterFragmentsAreNotTcp() {
        assertEquals(PacketKind.NOT_TCP, Decode.frame(LinkTypes.ARCNET_BSD, concat(bytes(1, 2, 212, 2, 0, 7), INNER)).kind());
        assertInnerSegment(Decode.frame(LinkTypes.ARCNET_BSD, concat(bytes(1, 2, 212, 1, 0, 7), INNER)));
    }

    @Test
    void pppoeSessionOnEthernetAndPppProtocolCompression() {
        byte[] pppoe = concat(bytes(0x11, 0, 0x12, 0x34, 0, 1 + INNER.length, 0x21), INNER);
        DecodedPacket p = Decode.frame(LinkTypes.ETHERNET, ethernet(0x8864, pppoe));
        assertInnerSegment(p);
        assertEquals(List.of(Encapsulation.PPPOE), layers(p));
        assertEquals(PacketKind.NOT_TCP, Decode.frame(LinkTypes.ETHERNET, ethernet(0x8863, pppoe)).kind());
    }

    @Test
    void ordinaryEthernetRecordsNoEncapsulation() {
        DecodedPacket p = Decode.frame(LinkTypes.ETHERNET, Frames.ethernet(INNER));
        assertInnerSegment(p);
        assertEquals(0, p.encapsulationCount());
    }
}
