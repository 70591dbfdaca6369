package org.tcpladder.capture.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.testing.Frames.bytes;
import static org.tcpladder.capture.testing.Frames.concat;
import static org.tcpladder.capture.testing.Frames.ethernet;
import static org.tcpladder.capture.testing.Frames.ipv4;
import static org.tcpladder.capture.testing.Frames.ipv6;
import static org.tcpladder.capture.testing.Frames.tcp;

import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcpladder.capture.tcp.Endpoint;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;
import org.tcpladder.capture.testing.Decode;
import org.tcpladder.capture.testing.Frames;

class PacketDecoderTest {
    private static final byte[] SEGMENT = tcp().ports(40000, 9000).seq(0xFFFF_FFF0L).ack(77)
            .flags(TcpFlags.PSH | TcpFlags.ACK).window(512).options(1, 1, 8, 10, 0, 0, 0, 5, 0, 0, 0, 6)
            .payload("hello").build();

    private static void assertTheSegment(DecodedPacket p) {
        assertEquals(PacketKind.TCP, p.kind(), String.valueOf(p.problem()));
        assertEquals(40000, p.srcPort());
        assertEquals(9000, p.dstPort());
        assertEquals(0xFFFF_FFF0, p.seq());
        assertEquals(77, p.ack());
        assertEquals(TcpFlags.PSH | TcpFlags.ACK, p.flags());
        assertEquals(512, p.window());
        assertEquals(32, p.tcpHeaderLength());
        assertEquals(5, p.payloadLength());
        assertEquals(5, p.capturedPayloadLength());
        assertNull(p.problem());
    }

    // ---------------------------------------------------------------- link layers

    @Test
    void ethernetCarriesIpv4AndIpv6() {
        DecodedPacket v4 = Decode.frame(LinkTypes.ETHERNET, ethernet(ipv4(SEGMENT).build()));
        assertTheSegment(v4);
        assertEquals(4, v4.ipVersion());
        assertEquals(14, v4.linkHeaderLength());
        assertEquals(new Endpoint(Frames.V4_A, 40000), v4.source());
        DecodedPacket v6 = Decode.frame(LinkTypes.ETHERNET, ethernet(ipv6(SEGMENT).build()));
        assertTheSegment(v6);
        assertEquals(new Endpoint(Frames.V6_B, 9000), v6.destination());
    }

    @Test
    void vlanTagsOfEveryKindAreSkipped() {
        byte[] ip = ipv4(SEGMENT).build();
        for (int tpid : new int[] {0x8100, 0x88a8, 0x9100, 0x9200}) {
            DecodedPacket p = Decode.frame(LinkTypes.ETHERNET, ethernet(Frames.ETHERTYPE_IPV4, ip, tpid, 42));
            assertTheSegment(p);
            assertEquals(18, p.linkHeaderLength());
        }
        DecodedPacket qinq = Decode.frame(LinkTypes.ETHERNET,
                ethernet(Frames.ETHERTYPE_IPV4, ip, 0x88a8, 1, 0x8100, 2));
        assertTheSegment(qinq);
        assertEquals(22, qinq.linkHeaderLength());
    }

    @Test
    void bsdLoopbackFamilyIsReadInEitherByteOrder() {
        for (int linkType : new int[] {LinkTypes.NULL, LinkTypes.LOOP}) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                assertTheSegment(Decode.frame(linkType, Frames.loopback(2, order, ipv4(SEGMENT).build())));
                for (int family : new int[] {10, 24, 28, 30}) {
                    DecodedPacket p = Decode.frame(linkType, Frames.loopback(family, order, ipv6(SEGMENT).build()));
                    assertTheSegment(p);
                    assertEquals(6, p.ipVersion());
                }
            }
            assertEquals(PacketKind.NOT_TCP,
                    Decode.frame(linkType, Frames.loopback(7, ByteOrder.BIG_ENDIAN, ipv4(SEGMENT).build())).kind());
        }
    }

    @Test
    void rawIpIsDecidedByTheVersionNibble() {
        for (int linkType : new int[] {LinkTypes.RAW, LinkTypes.RAW_12, LinkTypes.RAW_14, LinkTypes.IPV4, LinkTypes.IPV6}) {
            assertEquals(4, Decode.frame(linkType, ipv4(SEGMENT).build()).ipVersion());
            assertEquals(6, Decode.frame(linkType, ipv6(SEGMENT).build()).ipVersion());
            assertTheSegment(Decode.frame(linkType, ipv6(SEGMENT).build()));
        }
    }

    @Test
    void linuxCookedCaptureKeepsPacketTypeAndInterface() {
        DecodedPacket v1 = Decode.frame(LinkTypes.LINUX_SLL, Frames.sll(4, Frames.ETHERTYPE_IPV4, ipv4(SEGMENT).build()));
        assertTheSegment(v1);
        assertEquals(4, v1.sllPacketType());
        assertEquals(-1, v1.sllInterfaceIndex());
        DecodedPacket v2 = Decode.frame(LinkTypes.LINUX_SLL2, Frames.sll2(0, 3, Frames.ETHERTYPE_IPV6, ipv6(SEGMENT).build()));
        assertTheSegment(v2);
        assertEquals(0, v2.sllPacketType());
        assertEquals(3, v2.sllInterfaceIndex());
        assertEquals(20, v2.linkHeaderLength());
    }

    @Test
    void otherLinkTypesAreReportedAsUnsupported() {
        // IEEE 802.5 token ring: a link type this reader does not decode
        assertEquals(PacketKind.UNSUPPORTED_LINK, Decode.frame(6, new byte[40]).kind());
    }

    @Test
    void nonIpEthernetIsNotTcp() {
        assertEquals(PacketKind.NOT_TCP, Decode.frame(LinkTypes.ETHERNET, ethernet(0x0806, new byte[28])).kind());
        assertEquals(PacketKind.NOT_TCP, Decode.frame(LinkTypes.ETHERNET, ethernet(ipv4(new byte[8]).protocol(17).build())).kind());
    }

    // ---------------------------------------------------------------- IP

    @Test
    void ipv4OptionsAreSkipped() {
        DecodedPacket p = Decode.frame(LinkTypes.ETHERNET, ethernet(ipv4(SEGMENT).options(7, 7, 4, 0, 0, 0, 0, 0).build()));
        assertTheSegment(p);
        assertEquals(p.ipStart() + 28, p.l4Start());
    }

    @Test
    void firstIpv4FragmentIsDecodedAndLaterOnesAreReported() {
        DecodedPacket first = Decode.frame(LinkTypes.ETHERNET, ethernet(ipv4(SEGMENT).fragment(0x2000).build()));
        assertTheSegment(first);
        assertTrue(first.moreFragments());
        DecodedPacket later = Decode.frame(LinkTypes.ETHERNET, ethernet(ipv4(SEGMENT).fragment(0x0003).build()));
        assertEquals(PacketKind.TCP_FRAGMENT, later.kind());
        assertEquals(24, later.fragmentOffset());
        assertEquals(0, later.srcPort(), "a later fragment's bytes are not read as a TCP header");
    }

    @Test
    void ipv6ExtensionHeadersAreWalked() {
        byte[] hbh = bytes(60, 0, 1, 4, 0, 0, 0, 0);
        byte[] dst = bytes(43, 0, 1, 4, 0, 0, 0, 0);
        byte[] routing = concat(bytes(44, 2, 2, 1, 0, 0, 0, 0), Frames.V6_A);
        byte[] fragment = bytes(51, 0, 0, 0, 0, 0, 0, 9);
        byte[] ah = bytes(6, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
        DecodedPacket p = Decode.frame(LinkTypes.ETHERNET,
                ethernet(ipv6(SEGMENT).extensions(0, concat(hbh, dst, routing, fragment, ah)).build()));
        assertTheSegment(p);
        assertEquals(p.ipStart() + 40 + 8 + 8 + 24 + 8 + 12, p.l4Start());
        DecodedPacket later = Decode.frame(LinkTypes.ETHERNET,
                ethernet(ipv6(SEGMENT).extensions(44, bytes(6, 0, 0, 0x18, 0, 0, 0, 9)).build()));
        assertEquals(PacketKind.TCP_FRAGMENT, later.kind());
        assertEquals(24, later.fragmentOffset());
        assertEquals(PacketKind.NOT_TCP, Decode.frame(LinkTypes.ETHERNET,
                ethernet(ipv6(new byte[8]).extensions(50, new byte[0]).build())).kind());
    }

    @Test
    void ipv4AuthenticationHeaderIsSkipped() {
        byte[] ah = bytes(6, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
        assertTheSegment(Decode.frame(LinkTypes.ETHERNET, ethernet(ipv4(concat(ah, SEGMENT)).protocol(51).build())));
    }

    @Test
    void ethernetPaddingIsNotPayload() {
        DecodedPacket p = Decode.frame(LinkTypes.ETHERNET, concat(ethernet(ipv4(SEGMENT).build()), new byte[18]));
        assertTheSegment(p);
    }

    @Test
    void snaplenCutPayloadIsKeptAsLengthWithFewerCapturedBytes() {
        byte[] frame = ethernet(ipv4(SEGMENT).build());
        DecodedPacket p = Decode.frame(new PacketDecoder(), LinkTypes.ETHERNET, Frames.cut(frame, frame.length - 3), frame.length);
        assertEquals(PacketKind.TCP, p.kind());
        assertEquals(5, p.payloadLength());
        assertEquals(2, p.capturedPayloadLength());
        assertFalse(p.hasProblem(), "a snaplen is not a fault");
    }

    // ---------------------------------------------------------------- TCP

    @Test
    void everyControlBitIsKeptIncludingAe() {
        int all = TcpFlags.FIN | TcpFlags.SYN | TcpFlags.RST | TcpFlags.PSH | TcpFlags.ACK | TcpFlags.URG
                | TcpFlags.ECE | TcpFlags.CWR | TcpFlags.AE;
        DecodedPacket p = Decode.frame(LinkTypes.RAW, ipv4(tcp().flags(all).urgent(9).build()).build());
        assertEquals(all, p.flags());
        assertEquals(9, p.urgent());
        assertEquals("FSRP.UEWe", TcpFlags.letters(p.flags()));
    }

    @Test
    void everyOptionBecomesItsRecord() {
        byte[] first = concat(
                bytes(2, 4, 0x05, 0xb4),                    // MSS 1460
                bytes(1),                                   // NOP
                bytes(3, 3, 7),                             // window scale 7
                bytes(4, 2),                                // SACK permitted
                bytes(5, 10, 0, 0, 0, 1, 0, 0, 0, 9),       // SACK 1..9
                bytes(8, 10, 0, 0, 0, 5, 0xff, 0xff, 0xff, 0xff), // TS 5, 4294967295
                bytes(34, 2),                               // TFO request
                bytes(254, 8, 0xf9, 0x89, 1, 2, 3, 4));     // experimental TFO cookie
        DecodedPacket p = Decode.frame(LinkTypes.RAW, ipv4(tcp().flags(TcpFlags.SYN).options(first).build()).build());
        assertFalse(p.hasProblem(), String.valueOf(p.problem()));
        List<TcpOption> o = p.options();
        assertEquals(new TcpOption.MaxSegmentSize(1460), o.get(0));
        assertEquals(new TcpOption.NoOp(), o.get(1));
        assertEquals(new TcpOption.WindowScale(7), o.get(2));
        assertEquals(new TcpOption.SackPermitted(), o.get(3));
        TcpOption.Sack sack = (TcpOption.Sack) o.get(4);
        assertEquals(1, sack.blocks().get(0).left().value());
        assertEquals(9, sack.blocks().get(0).right().value());
        assertEquals(new TcpOption.Timestamps(5, 4294967295L), o.get(5));
        TcpOption.FastOpen request = (TcpOption.FastOpen) o.get(6);
        assertEquals(34, request.kind());
        assertEquals(0, request.cookie().length);
        TcpOption.FastOpen cookie = (TcpOption.FastOpen) o.get(7);
        assertEquals(254, cookie.kind());
        assertEquals(List.of((byte) 1, (byte) 2, (byte) 3, (byte) 4),
                List.of(cookie.cookie()[0], cookie.cookie()[1], cookie.cookie()[2], cookie.cookie()[3]));
        assertEquals(8, o.size());

        byte[] second = concat(
                bytes(30, 4, 0x01, 0x81),                   // MPTCP capable
                bytes(34, 6, 9, 8, 7, 6),                   // TFO cookie
                bytes(99, 3, 0xab),                         // unknown
                bytes(0));                                  // EOL
        o = Decode.frame(LinkTypes.RAW, ipv4(tcp().flags(TcpFlags.SYN).options(second).build()).build()).options();
        TcpOption.Mptcp mptcp = (TcpOption.Mptcp) o.get(0);
        assertEquals(0, mptcp.subtype());
        assertEquals(2, mptcp.data().length);
        assertEquals(4, ((TcpOption.FastOpen) o.get(1)).cookie().length);
        TcpOption.Unknown unknown = (TcpOption.Unknown) o.get(2);
        assertEquals(99, unknown.kind());
        assertEquals(3, unknown.length());
        assertEquals((byte) 0xab, unknown.data()[0]);
        assertEquals(new TcpOption.EndOfList(), o.get(3));
        assertEquals(4, o.size());
    }

    @Test
    void segmentRecordCarriesEverythingDecoded() {
        DecodedPacket p = Decode.frame(LinkTypes.ETHERNET, ethernet(ipv4(SEGMENT).build()));
        TcpSegment s = p.toSegment();
        assertEquals(1, s.index());
        assertEquals(p.timeNs(), s.timeNs());
        assertEquals(new Endpoint(Frames.V4_A, 40000), s.src());
        assertEquals(0xFFFF_FFF0L, s.seq().value());
        assertEquals(5, s.payloadLength());
        assertEquals(1000 + 14 + 20 + 32, s.payloadOffset(), "payload located in the store, not copied");
        assertEquals(List.of(new TcpOption.NoOp(), new TcpOption.NoOp(), new TcpOption.Timestamps(5, 6)), s.options());
        assertNull(s.malformed());
    }

    @Test
    void oneDecoderIsReusedWithoutLeftovers() {
        PacketDecoder d = new PacketDecoder();
        byte[] bad = ethernet(ipv4(tcp().dataOffset(3).build()).build());
        assertEquals(PacketKind.MALFORMED, Decode.frame(d, LinkTypes.ETHERNET, bad, bad.length).kind());
        byte[] good = ethernet(ipv4(SEGMENT).build());
        DecodedPacket p = Decode.frame(d, LinkTypes.ETHERNET, good, good.length);
        assertTheSegment(p);
        assertTrue(p == d.packet(), "the flyweight is reused");
    }
}
