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

import org.junit.jupiter.api.Test;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.testing.Decode;
import org.tcpladder.capture.testing.Frames;

/** Named bad inputs: each is a value naming its layer and the bad field, never an exception. */
class MalformedInputTest {
    private static final byte[] SEGMENT = tcp().flags(TcpFlags.ACK).ack(1).options(1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2)
            .payload("0123456789").build();
    private static final byte[] FRAME = ethernet(ipv4(SEGMENT).build());

    private static void assertMalformed(DecodedPacket p, Layer layer, String reasonPart) {
        assertEquals(PacketKind.MALFORMED, p.kind());
        assertEquals(layer, p.problem().layer());
        assertTrue(p.problem().reason().contains(reasonPart), p.problem().toString());
    }

    private static void assertSegmentWithProblem(DecodedPacket p, Layer layer, String reasonPart) {
        assertEquals(PacketKind.TCP, p.kind());
        assertEquals(layer, p.problem().layer());
        assertTrue(p.problem().reason().contains(reasonPart), p.problem().toString());
        assertTrue(p.toSegment().malformed().contains(reasonPart));
    }

    private static DecodedPacket ether(byte[] frame) {
        return Decode.frame(LinkTypes.ETHERNET, frame);
    }

    @Test
    void truncatedEthernetHeader() {
        assertMalformed(ether(cut(FRAME, 13)), Layer.LINK, "13 of 14 bytes");
    }

    @Test
    void truncatedVlanTag() {
        assertMalformed(ether(cut(ethernet(Frames.ETHERTYPE_IPV4, new byte[0], 0x8100, 5), 16)), Layer.LINK, "VLAN tag");
    }

    @Test
    void truncatedCookedHeaders() {
        assertMalformed(Decode.frame(LinkTypes.LINUX_SLL, new byte[15]), Layer.LINK, "15 of 16");
        assertMalformed(Decode.frame(LinkTypes.LINUX_SLL2, new byte[19]), Layer.LINK, "19 of 20");
        assertMalformed(Decode.frame(LinkTypes.NULL, new byte[3]), Layer.LINK, "3 of 4");
    }

    @Test
    void rawFrameWithoutIp() {
        assertMalformed(Decode.frame(LinkTypes.RAW, new byte[0]), Layer.LINK, "empty");
        assertMalformed(Decode.frame(LinkTypes.RAW, bytes(0x50, 0, 0, 0)), Layer.LINK, "version 5");
    }

    @Test
    void truncatedIpv4Header() {
        assertMalformed(ether(cut(FRAME, 14 + 10)), Layer.IPV4, "10 of 20 bytes");
    }

    @Test
    void ipv4HeaderLengthBelowTwenty() {
        assertMalformed(ether(ethernet(ipv4(SEGMENT).ihl(4).build())), Layer.IPV4, "header length 16 is less than 20");
    }

    @Test
    void ipv4OptionsCutByTheCapture() {
        assertMalformed(ether(cut(ethernet(ipv4(SEGMENT).options(1, 1, 1, 1, 1, 1, 1, 0).build()), 14 + 24)),
                Layer.IPV4, "24 of 28");
    }

    @Test
    void ipv4TotalLengthBelowHeaderLength() {
        assertMalformed(ether(ethernet(ipv4(SEGMENT).totalLength(10).build())), Layer.IPV4,
                "total length 10 is less than the header length 20");
    }

    @Test
    void ipv4VersionMismatch() {
        byte[] ip = ipv4(SEGMENT).build();
        ip[0] = 0x65;
        assertMalformed(ether(ethernet(Frames.ETHERTYPE_IPV4, ip)), Layer.IPV4, "version 6");
    }

    @Test
    void ipv4TotalLengthBeyondTheFrameIsANoteNotAFailure() {
        assertSegmentWithProblem(ether(ethernet(ipv4(SEGMENT).totalLength(500).build())), Layer.IPV4,
                "total length 500 claims 438 bytes more");
    }

    @Test
    void truncatedIpv6Header() {
        assertMalformed(ether(cut(ethernet(ipv6(SEGMENT).build()), 14 + 39)), Layer.IPV6, "39 of 40");
    }

    @Test
    void ipv6JumboPayloadLengthBeyondWhatCanBeRead() {
        byte[] jumbo = bytes(6, 0, 0xC2, 4, 0xFF, 0xFF, 0xFF, 0xF0);
        assertMalformed(ether(ethernet(ipv6(SEGMENT).extensions(0, jumbo).payloadLength(0).build())), Layer.IPV6,
                "jumbo payload length 4294967280 is beyond what can be read");
    }

    @Test
    void ipv6JumboPayloadLengthUnder65536IsNoJumbogram() {
        byte[] jumbo = bytes(6, 0, 0xC2, 4, 0, 0, 0, 60);
        assertMalformed(ether(ethernet(ipv6(SEGMENT).extensions(0, jumbo).payloadLength(0).build())), Layer.IPV6,
                "payload length 0 with neither a Jumbo Payload option nor TCP next");
    }

    @Test
    void ipv6JumboPayloadLengthInsideItsOwnHeader() {
        byte[] jumbo = bytes(6, 0, 0xC2, 4, 0, 0, 0, 4);
        assertMalformed(ether(ethernet(ipv6(SEGMENT).extensions(0, jumbo).payloadLength(0).build())), Layer.IPV6,
                "payload length 0 with neither a Jumbo Payload option nor TCP next");
    }

    @Test
    void ipv6ExtensionHeaderLongerThanThePacket() {
        assertMalformed(ether(ethernet(ipv6(SEGMENT).extensions(0, bytes(6, 60, 1, 4, 0, 0, 0, 0)).build())),
                Layer.IPV6, "extension header 0");
    }

    @Test
    void ipv6AuthenticationHeaderTooShort() {
        assertMalformed(ether(ethernet(ipv6(SEGMENT).extensions(51, bytes(6, 0, 0, 0, 0, 0, 0, 0)).build())),
                Layer.IPV6, "authentication header length 8");
    }

    @Test
    void tcpHeaderCutBeforeItsTwentyBytes() {
        assertMalformed(ether(cut(FRAME, 14 + 20 + 10)), Layer.TCP, "10 of 20 bytes captured");
    }

    @Test
    void segmentShorterThanATcpHeader() {
        assertMalformed(ether(ethernet(ipv4(SEGMENT).totalLength(30).build())), Layer.TCP,
                "segment of 10 bytes is shorter than the 20-byte header");
    }

    @Test
    void dataOffsetBelowFive() {
        assertMalformed(ether(ethernet(ipv4(tcp().dataOffset(4).build()).build())), Layer.TCP,
                "data offset 4 (16 bytes) is less than the 20-byte minimum");
    }

    @Test
    void dataOffsetBeyondTheSegment() {
        assertMalformed(ether(ethernet(ipv4(tcp().dataOffset(15).build()).build())), Layer.TCP,
                "header length 60 is more than the segment length 20");
    }

    @Test
    void optionsCutByTheCapture() {
        assertMalformed(ether(cut(FRAME, 14 + 20 + 25)), Layer.TCP, "25 of 32 bytes captured");
    }

    @Test
    void optionLengthBelowTwo() {
        assertSegmentWithProblem(ether(ethernet(ipv4(tcp().options(2, 1, 0, 0).build()).build())), Layer.TCP,
                "option kind 2 has length 1, less than 2");
    }

    @Test
    void optionRunningPastTheHeader() {
        assertSegmentWithProblem(ether(ethernet(ipv4(tcp().options(1, 1, 8, 10).build()).build())), Layer.TCP,
                "option kind 8 of length 10 runs past the header");
    }

    @Test
    void optionWithoutItsLengthOctet() {
        assertSegmentWithProblem(ether(ethernet(ipv4(tcp().options(1, 1, 1, 2).build()).build())), Layer.TCP,
                "no length octet");
    }

    @Test
    void optionsOfTheWrongLength() {
        assertSegmentWithProblem(ether(ethernet(ipv4(tcp().options(2, 3, 0, 0).build()).build())), Layer.TCP,
                "MSS option has length 3, expected 4");
        assertSegmentWithProblem(ether(ethernet(ipv4(tcp().options(3, 4, 7, 0).build()).build())), Layer.TCP,
                "window scale option has length 4");
        assertSegmentWithProblem(ether(ethernet(ipv4(tcp().options(5, 6, 0, 0, 0, 0, 1, 1).build()).build())),
                Layer.TCP, "SACK option has length 6");
        assertSegmentWithProblem(ether(ethernet(ipv4(tcp().options(4, 3, 0, 0).build()).build())), Layer.TCP,
                "SACK-permitted option has length 3");
        assertSegmentWithProblem(ether(ethernet(ipv4(tcp().options(34, 5, 1, 2, 3).build()).build())), Layer.TCP,
                "TCP Fast Open option has length 5");
        assertSegmentWithProblem(ether(ethernet(ipv4(tcp().options(30, 2).build()).build())), Layer.TCP,
                "MPTCP option has length 2");
    }

    @Test
    void optionsBeforeABadOneAreKept() {
        DecodedPacket p = ether(ethernet(ipv4(tcp().options(concat(bytes(1, 1, 3, 3, 7), bytes(2, 1, 0, 0))).build()).build()));
        assertEquals(3, p.options().size());
    }
}
