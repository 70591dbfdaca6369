package org.tcpladder.capture.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.testing.Frames.bytes;
import static org.tcpladder.capture.testing.Frames.concat;
import static org.tcpladder.capture.testing.Frames.ethernet;
import static org.tcpladder.capture.testing.Frames.ipv4;
import static org.tcpladder.capture.testing.Frames.ipv6;
import static org.tcpladder.capture.testing.Frames.tcp;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.decode.LinkTypes;
import org.tcpladder.capture.testing.Cli;
import org.tcpladder.capture.testing.Frames;
import org.tcpladder.capture.testing.PcapWriter;
import org.tcpladder.capture.testing.Tcpdump;

/**
 * Byte-built frames for every link type, every TCP option and the malformed TCP headers, written as
 * pcap files and printed by us and by tcpdump: every frame we print must read exactly as tcpdump's
 * line for it, and we must print exactly the frames that are TCP.
 */
class PrintMatchesTcpdumpOnFixturesTest {
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int PSH = 0x08;
    static final int ACK = 0x10;
    static final int URG = 0x20;
    static final int ECE = 0x40;
    static final int CWR = 0x80;
    static final int AE = 0x100;

    /** Options of a Linux SYN: MSS, SACK-permitted, timestamps, NOP, window scale. */
    static final int[] LINUX_SYN_OPTIONS = {2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7};

    @TempDir
    Path dir;

    /** One frame of a fixture file, and whether {@code print} shows it. */
    record Frame(String name, byte[] bytes, int originalLength, boolean printed) {
        static Frame tcpFrame(String name, byte[] bytes) {
            return new Frame(name, bytes, bytes.length, true);
        }

        static Frame skipped(String name, byte[] bytes) {
            return new Frame(name, bytes, bytes.length, false);
        }
    }

    private final List<Frame> frames = new ArrayList<>();

    private void printed(String name, byte[] frame) {
        frames.add(Frame.tcpFrame(name, frame));
    }

    private void skipped(String name, byte[] frame) {
        frames.add(Frame.skipped(name, frame));
    }

    private static byte[] syn() {
        return tcp().flags(SYN).options(LINUX_SYN_OPTIONS).build();
    }

    private static byte[] v4(byte[] segment) {
        return ipv4(segment).build();
    }

    private static byte[] v6(byte[] segment) {
        return ipv6(segment).build();
    }

    // ---------------------------------------------------------------- link layers

    @Test
    void ethernetWithVlanTagsPrintsAsTcpdump() throws Exception {
        printed("plain IPv4", ethernet(v4(syn())));
        printed("plain IPv6", ethernet(v6(syn())));
        printed("802.1Q", ethernet(Frames.ETHERTYPE_IPV4, v4(syn()), 0x8100, 100));
        printed("802.1ad + 802.1Q", ethernet(Frames.ETHERTYPE_IPV4, v4(syn()), 0x88a8, 10, 0x8100, 20));
        printed("0x9100 QinQ, IPv6", ethernet(Frames.ETHERTYPE_IPV6, v6(syn()), 0x9100, 5));
        printed("three tags", ethernet(Frames.ETHERTYPE_IPV4, v4(syn()), 0x8100, 1, 0x8100, 2, 0x8100, 3));
        skipped("ARP", ethernet(0x0806, new byte[28]));
        skipped("UDP", ethernet(ipv4(new byte[8]).protocol(17).build()));
        assertSameAsTcpdump(LinkTypes.ETHERNET);
    }

    @Test
    void bsdLoopbackInBothByteOrdersPrintsAsTcpdump() throws Exception {
        for (int linkType : new int[] {LinkTypes.NULL, LinkTypes.LOOP}) {
            frames.clear();
            printed("AF_INET little-endian", Frames.loopback(2, ByteOrder.LITTLE_ENDIAN, v4(syn())));
            printed("AF_INET big-endian", Frames.loopback(2, ByteOrder.BIG_ENDIAN, v4(syn())));
            printed("AF_INET6 BSD", Frames.loopback(24, ByteOrder.LITTLE_ENDIAN, v6(syn())));
            printed("AF_INET6 FreeBSD", Frames.loopback(28, ByteOrder.BIG_ENDIAN, v6(syn())));
            printed("AF_INET6 Darwin", Frames.loopback(30, ByteOrder.LITTLE_ENDIAN, v6(syn())));
            skipped("AF 99", Frames.loopback(99, ByteOrder.LITTLE_ENDIAN, v4(syn())));
            assertSameAsTcpdump(linkType);
        }
    }

    @Test
    void linuxAddressFamilyTenIsIpv6ThoughTcpdumpDoesNotDecodeIt() throws Exception {
        // tcpdump prints "AF Unknown (10)" and a hex dump; we decode it as IPv6 (Linux's AF_INET6),
        // so the line is the one tcpdump prints for the BSD value 24.
        Path ten = PcapWriter.write(dir.resolve("af10.pcap"), LinkTypes.NULL,
                List.of(Frames.loopback(10, ByteOrder.LITTLE_ENDIAN, v6(syn()))));
        Path bsd = PcapWriter.write(dir.resolve("af24.pcap"), LinkTypes.NULL,
                List.of(Frames.loopback(24, ByteOrder.LITTLE_ENDIAN, v6(syn()))));
        assertEquals(Tcpdump.print(bsd), Cli.run("print", ten.toString()).lines());
    }

    @Test
    void rawIpLinkTypesPrintAsTcpdump() throws Exception {
        for (int linkType : new int[] {LinkTypes.RAW, LinkTypes.IPV4, LinkTypes.IPV6, LinkTypes.RAW_12}) {
            frames.clear();
            printed("IPv4", v4(syn()));
            printed("IPv6", v6(syn()));
            assertSameAsTcpdump(linkType);
        }
    }

    @Test
    void linuxCookedCaptureV1PrintsAsTcpdump() throws Exception {
        for (int type = 0; type <= 4; type++) {
            printed("packet type " + type, Frames.sll(type, Frames.ETHERTYPE_IPV4, v4(syn())));
        }
        printed("IPv6", Frames.sll(0, Frames.ETHERTYPE_IPV6, v6(syn())));
        skipped("ARP", Frames.sll(0, 0x0806, new byte[28]));
        assertSameAsTcpdump(LinkTypes.LINUX_SLL);
    }

    @Test
    void linuxCookedCaptureV2ShowsInterfaceAndDirectionAsTcpdump() throws Exception {
        for (int type = 0; type <= 7; type++) {
            printed("packet type " + type, Frames.sll2(type, 1, Frames.ETHERTYPE_IPV4, v4(syn())));
        }
        printed("IPv6", Frames.sll2(4, 1, Frames.ETHERTYPE_IPV6, v6(syn())));
        printed("no such interface", Frames.sll2(0, 99_999, Frames.ETHERTYPE_IPV4, v4(syn())));
        printed("interface 0", Frames.sll2(0, 0, Frames.ETHERTYPE_IPV4, v4(syn())));
        printed("interface 2", Frames.sll2(0, 2, Frames.ETHERTYPE_IPV4, v4(syn())));
        assertSameAsTcpdump(LinkTypes.LINUX_SLL2);
    }

    // ---------------------------------------------------------------- flags and options

    @Test
    void everyFlagCombinationPrintsAsTcpdump() throws Exception {
        int[] combos = {SYN, SYN | ACK, ACK, PSH | ACK, FIN | ACK, FIN | PSH | ACK, RST, RST | ACK, SYN | FIN,
            ACK | URG, SYN | ECE | CWR, SYN | ACK | ECE, ACK | CWR, AE | ACK, AE, 0, 0xFF, 0x1FF};
        long seq = 5000;
        for (int f : combos) {
            printed("flags " + Integer.toHexString(f), ethernet(v4(tcp().flags(f).seq(seq).ack(77).urgent(3)
                    .payload((f & 1) == 0 ? "data" : "").build())));
            seq += 10;
        }
        assertSameAsTcpdump(LinkTypes.ETHERNET);
    }

    @Test
    void everyOptionKindPrintsAsTcpdump() throws Exception {
        int[][] synOptions = {
            LINUX_SYN_OPTIONS,
            {34, 2},                                   // TFO cookie request
            {34, 10, 0, 1, 2, 3, 4, 5, 6, 7},          // TFO cookie
            {34, 5, 1, 2, 3},                          // TFO cookie of odd length
            {254, 4, 0xf9, 0x89},                      // experimental TFO request
            {254, 8, 0xf9, 0x89, 1, 2, 3, 4},          // experimental TFO cookie
            {254, 6, 0x12, 0x34, 0, 0},                // other experiment
            {254, 2},                                  // experiment too short
            {30, 4, 0x01, 0x81},                       // MPTCP capable v1, checksum
            {30, 12, 0x00, 0x81, 1, 2, 3, 4, 5, 6, 7, 8},
            {30, 12, 0x11, 0x05, 1, 2, 3, 4, 5, 6, 7, 8}, // MPTCP join (SYN), backup
        };
        for (int[] o : synOptions) {
            printed("SYN options " + java.util.Arrays.toString(o), ethernet(v4(tcp().flags(SYN).options(o).build())));
        }
        printed("MPTCP join SYN,ACK", ethernet(v4(tcp().flags(SYN | ACK).ack(1)
                .options(30, 16, 0x10, 5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12).build())));
        int[][] ackOptions = {
            {1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2},      // NOP NOP TS
            {5, 10, 0, 0, 0x10, 0, 0, 0, 0x20, 0},      // SACK, one block
            {1, 1, 5, 18, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4}, // SACK, two blocks
            {5, 6, 0, 0, 0, 0, 1, 1},                   // SACK of a bad length
            {19, 18, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, // MD5
            {28, 4, 0, 11},                             // user timeout
            {20, 4, 0xab, 5},                           // SCPS
            {29, 2},                                    // TCP-AO too short
            {29, 4, 1, 2},
            {29, 7, 1, 2, 0xaa, 0xbb, 0xcc},
            {11, 6, 0, 0, 0, 5},                        // CC
            {6, 6, 0, 0, 0, 5, 7, 6, 0, 0, 0, 6},       // echo, echo reply
            {12, 6, 0, 0, 0, 5, 13, 6, 0, 0, 0, 5},     // CC.NEW, CC.ECHO
            {99, 2},                                    // unknown, empty
            {99, 5, 1, 2, 3},                           // unknown with data
            {4, 3, 0},                                  // SACK-permitted of length 3
            {1, 0, 1, 1},                               // EOL in the middle
            {3, 3, 7, 1, 1, 1, 4, 2},
            {3, 2, 1, 0},                               // window scale of length 2
            {3, 4, 7, 0},                               // window scale of length 4
            {2, 3, 0, 0},                               // MSS of length 3
            {2, 1, 0, 0},                               // length 1: bad option
            {2, 9, 0, 0},                               // length past the header
            {8, 10, 0, 0},                              // timestamps cut by the header
            {1, 1, 2, 1},                               // bad option after two NOPs
            {30, 20, 0x01, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, // MPTCP capable ACK
            {30, 4, 0x05, 0x00},                        // MPTCP capable, bad version
            {30, 24, 0x10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}, // join ACK
            {30, 8, 0x20, 0x11, 0, 0, 0, 7},            // DSS: FIN, 4-byte ack
            {30, 20, 0x20, 0x0f, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 9, 0, 0, 0, 10, 0, 16}, // DSS 8-byte numbers
            {30, 18, 0x20, 0x05, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 4, 0xbe, 0xef}, // DSS, checksum
            {30, 8, 0x30, 0x07, 10, 0, 0, 1},           // ADD_ADDR IPv4
            {30, 18, 0x30, 0x03, 10, 0, 0, 1, 0x1f, 0x90, 0, 1, 2, 3, 4, 5, 6, 7}, // with port and HMAC
            {30, 22, 0x30, 0x06, 0x20, 1, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0x1f, 0x90}, // IPv6+port
            {30, 5, 0x40, 1, 2},                        // REMOVE_ADDR
            {30, 4, 0x51, 3},                           // MP_PRIO backup
            {30, 3, 0x50},                              // MP_PRIO
            {30, 12, 0x60, 0, 1, 2, 3, 4, 5, 6, 7, 8},  // MP_FAIL
            {30, 12, 0x70, 0, 1, 2, 3, 4, 5, 6, 7, 8},  // MP_FASTCLOSE
            {30, 4, 0x80, 0},                           // subtype 8
            {30, 4, 0xf0, 0},                           // subtype 15
            {30, 2},                                    // MPTCP too short
        };
        for (int[] o : ackOptions) {
            printed("ACK options " + java.util.Arrays.toString(o), ethernet(v4(tcp().flags(ACK).ack(5).options(o).build())));
        }
        assertSameAsTcpdump(LinkTypes.ETHERNET);
    }

    @Test
    void optionsOnIpv6PrintAsTcpdump() throws Exception {
        printed("IPv6 SYN", ethernet(v6(syn())));
        printed("IPv6 MPTCP ADD_ADDR", ethernet(v6(tcp().flags(ACK).ack(1)
                .options(30, 30, 0x30, 0x01, 0x20, 1, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0x1f, 0x90,
                        1, 2, 3, 4, 5, 6, 7, 8).build())));
        assertSameAsTcpdump(LinkTypes.ETHERNET);
    }

    // ---------------------------------------------------------------- truncated and malformed TCP

    @Test
    void truncatedAndMalformedTcpHeadersPrintAsTcpdump() throws Exception {
        byte[] seg = tcp().flags(ACK).ack(5).options(1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2).payload("0123456789").build();
        byte[] full = ethernet(v4(seg));
        printed("cut after the source port", Frames.cut(full, 14 + 20 + 2));
        printed("cut inside the fixed header", Frames.cut(full, 14 + 20 + 10));
        printed("cut inside the options", Frames.cut(full, 14 + 20 + 20 + 5));
        printed("cut inside the payload", Frames.cut(full, 14 + 20 + 32 + 3));
        frames.add(new Frame("snaplen cut before the options", Frames.cut(full, 14 + 20 + 20), 200, true));
        frames.add(new Frame("snaplen cut inside the payload", Frames.cut(full, 14 + 20 + 32 + 4), full.length, true));
        printed("total length beyond the frame", ethernet(ipv4(seg).totalLength(500).build()));
        printed("total length inside the TCP header", ethernet(ipv4(seg).totalLength(30).build()));
        printed("data offset 4", ethernet(v4(tcp().flags(ACK).dataOffset(4).build())));
        printed("data offset 15 past the segment", ethernet(v4(tcp().flags(ACK).dataOffset(15).build())));
        printed("data offset 0", ethernet(v4(tcp().flags(SYN | ACK).dataOffset(0).payload("xxxx").build())));
        printed("IPv6 payload length beyond the frame", ethernet(ipv6(seg).payloadLength(500).build()));
        printed("IPv6 payload length inside the TCP header", ethernet(ipv6(seg).payloadLength(10).build()));
        printed("Ethernet padding after the IP packet", concat(full, new byte[20]));
        skipped("IPv4 header cut", Frames.cut(full, 14 + 10));
        skipped("IPv4 header length 16", ethernet(ipv4(seg).ihl(4).build()));
        skipped("IPv4 total length 10", ethernet(ipv4(seg).totalLength(10).build()));
        skipped("Ethernet header cut", Frames.cut(full, 13));
        assertSameAsTcpdump(LinkTypes.ETHERNET);
    }

    // ---------------------------------------------------------------- IP layer

    @Test
    void ipv4OptionsFragmentsAndAuthenticationHeaderPrintAsTcpdump() throws Exception {
        byte[] seg = tcp().flags(ACK).ack(5).payload("0123456789").build();
        printed("NOP NOP NOP EOL", ethernet(ipv4(seg).options(1, 1, 1, 0).build()));
        printed("record route", ethernet(ipv4(seg).options(7, 7, 4, 0, 0, 0, 0, 0).build()));
        printed("first fragment", ethernet(ipv4(seg).fragment(0x2000).build()));
        printed("later fragment", ethernet(ipv4(new byte[16]).fragment(0x0003).build()));
        printed("middle fragment", ethernet(ipv4(new byte[16]).fragment(0x2003).build()));
        printed("later fragment, header only", Frames.cut(ethernet(ipv4(new byte[16]).fragment(0x0003).build()), 34));
        skipped("later UDP fragment", ethernet(ipv4(new byte[16]).protocol(17).fragment(0x0003).build()));
        byte[] ah = concat(bytes(6, 4, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1), new byte[12]);
        printed("authentication header", ethernet(ipv4(concat(ah, seg)).protocol(51).build()));
        assertSameAsTcpdump(LinkTypes.ETHERNET);
    }

    @Test
    void ipv6ExtensionHeadersPrintAsTcpdump() throws Exception {
        byte[] seg = tcp().flags(ACK).ack(5).payload("0123456789").build();
        byte[] a = Frames.ipv6Address("2001:db8::9");
        byte[] b = Frames.ipv6Address("2001:db8::a");
        printed("hop-by-hop", ethernet(ipv6(seg).extensions(0, bytes(6, 0, 1, 4, 0, 0, 0, 0)).build()));
        printed("destination options", ethernet(ipv6(seg).extensions(60, bytes(6, 0, 1, 4, 0, 0, 0, 0)).build()));
        printed("hop-by-hop then destination options", ethernet(ipv6(seg).extensions(0,
                bytes(60, 0, 1, 4, 0, 0, 0, 0, 6, 1, 1, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).build()));
        printed("routing type 0", ethernet(ipv6(seg).extensions(43, concat(bytes(6, 4, 0, 1, 0, 0, 0, 7), a, b)).build()));
        printed("routing type 2", ethernet(ipv6(seg).extensions(43, concat(bytes(6, 2, 2, 1, 0, 0, 0, 0), a)).build()));
        printed("routing type 4", ethernet(ipv6(seg).extensions(43, concat(bytes(6, 4, 4, 1, 1, 0x80, 0x12, 0x34), a, b)).build()));
        printed("routing type 3", ethernet(ipv6(seg).extensions(43, bytes(6, 0, 3, 0, 0, 0, 0, 0)).build()));
        printed("routing type 0 of odd length", ethernet(ipv6(seg).extensions(43,
                concat(bytes(6, 3, 0, 1, 0, 0, 0, 0), a, new byte[8])).build()));
        printed("first fragment", ethernet(ipv6(seg).extensions(44, bytes(6, 0, 0, 1, 0x12, 0x34, 0x56, 0x78)).build()));
        printed("atomic fragment", ethernet(ipv6(seg).extensions(44, bytes(6, 0, 0, 0, 0, 0, 0, 1)).build()));
        printed("later fragment", ethernet(ipv6(new byte[16]).extensions(44, bytes(6, 0, 0x03, 0x20, 0, 0, 0, 1)).build()));
        printed("authentication header", ethernet(ipv6(seg).extensions(51,
                concat(bytes(6, 2, 0, 0, 0, 0, 0x0a, 0xbc, 0, 0, 0, 7), bytes(0x11, 0x22, 0x33, 0x44))).build()));
        printed("authentication header, empty ICV", ethernet(ipv6(seg).extensions(51,
                bytes(6, 1, 0, 0, 0, 0, 0x0a, 0xbc, 0, 0, 0, 7)).build()));
        skipped("no next header", ethernet(ipv6(new byte[0]).extensions(59, new byte[0]).build()));
        skipped("later UDP fragment", ethernet(ipv6(new byte[16]).extensions(44, bytes(17, 0, 0x03, 0x20, 0, 0, 0, 1)).build()));
        skipped("hop-by-hop longer than the packet", ethernet(ipv6(seg).extensions(0, bytes(6, 60, 1, 4, 0, 0, 0, 0)).build()));
        assertSameAsTcpdump(LinkTypes.ETHERNET);
    }

    @Test
    void ipv6AddressesPrintAsTcpdump() throws Exception {
        String[][] pairs = {
            {"::1", "::2"}, {"::ffff:1.2.3.4", "::1:0"}, {"2001:db8::1:0:0:1", "fe80::1"},
            {"2001:db8:0:1::1", "1:2:3:4:5:6:7:8"}, {"::", "1::"}, {"0:0:1::", "::0.1.2.3"},
        };
        for (String[] p : pairs) {
            printed(p[0] + " > " + p[1], ethernet(ipv6(syn()).addresses(Frames.ipv6Address(p[0]), Frames.ipv6Address(p[1])).build()));
        }
        assertSameAsTcpdump(LinkTypes.ETHERNET);
    }

    // ---------------------------------------------------------------- relative numbers

    @Test
    void relativeNumbersFollowTcpdumpsConversationTable() throws Exception {
        byte[] c = Frames.V4_A;
        byte[] s = Frames.V4_B;
        long isnC = 4_294_967_200L; // the request wraps past 2^32
        long isnS = 100;
        // client 1234 -> server 80: handshake, data both ways, a SACK, FIN
        printed("SYN", ethernet(ipv4(tcp().ports(1234, 80).flags(SYN).seq(isnC).options(LINUX_SYN_OPTIONS).build()).addresses(c, s).build()));
        printed("SYN,ACK", ethernet(ipv4(tcp().ports(80, 1234).flags(SYN | ACK).seq(isnS).ack(isnC + 1).build()).addresses(s, c).build()));
        printed("ACK", ethernet(ipv4(tcp().ports(1234, 80).flags(ACK).seq(isnC + 1).ack(isnS + 1).build()).addresses(c, s).build()));
        printed("request (seq wraps)", ethernet(ipv4(tcp().ports(1234, 80).flags(PSH | ACK).seq(isnC + 1).ack(isnS + 1)
                .payload(new byte[300]).build()).addresses(c, s).build()));
        printed("SACK from the server", ethernet(ipv4(tcp().ports(80, 1234).flags(ACK).seq(isnS + 1).ack(isnC + 101)
                .options(concat(bytes(1, 1, 5, 10), be32(isnC + 201), be32(isnC + 301))).build()).addresses(s, c).build()));
        printed("SACK from the client", ethernet(ipv4(tcp().ports(1234, 80).flags(ACK).seq(isnC + 301).ack(isnS + 1)
                .options(1, 1, 5, 10, 0, 0, 0, 105, 0, 0, 0, 125).build()).addresses(c, s).build()));
        printed("SACK without ACK (absolute)", ethernet(ipv4(tcp().ports(1234, 80).flags(PSH).seq(isnC + 301)
                .options(1, 1, 5, 10, 0, 0, 0, 105, 0, 0, 0, 125).payload("x").build()).addresses(c, s).build()));
        printed("FIN", ethernet(ipv4(tcp().ports(1234, 80).flags(FIN | ACK).seq(isnC + 301).ack(isnS + 1).build()).addresses(c, s).build()));
        // a conversation first seen mid-stream, from the higher port: its first ACK sets the bases
        printed("mid-stream data", ethernet(ipv4(tcp().ports(5555, 22).flags(PSH | ACK).seq(777).ack(999).payload("abc").build()).addresses(c, s).build()));
        printed("mid-stream reply", ethernet(ipv4(tcp().ports(22, 5555).flags(ACK).seq(999).ack(780).build()).addresses(s, c).build()));
        // equal ports: the address decides the orientation
        printed("equal ports, one way", ethernet(ipv4(tcp().ports(7000, 7000).flags(ACK).seq(50).ack(60).build()).addresses(s, c).build()));
        printed("equal ports, the other way", ethernet(ipv4(tcp().ports(7000, 7000).flags(ACK).seq(60).ack(55).build()).addresses(c, s).build()));
        // a new SYN,ACK on the first conversation resets its bases
        printed("new SYN,ACK", ethernet(ipv4(tcp().ports(80, 1234).flags(SYN | ACK).seq(5).ack(9).build()).addresses(s, c).build()));
        printed("after the reset", ethernet(ipv4(tcp().ports(1234, 80).flags(ACK).seq(9).ack(6).build()).addresses(c, s).build()));
        // IPv6 on the same ports is another conversation
        printed("IPv6, same ports", ethernet(ipv6(tcp().ports(1234, 80).flags(ACK).seq(42).ack(43).build()).build()));
        printed("IPv6, again", ethernet(ipv6(tcp().ports(1234, 80).flags(ACK).seq(52).ack(43).payload("z").build()).build()));
        assertSameAsTcpdump(LinkTypes.ETHERNET);
    }

    private static byte[] be32(long v) {
        return java.nio.ByteBuffer.allocate(4).putInt((int) v).array();
    }

    // ---------------------------------------------------------------- comparison

    /**
     * Writes {@link #frames} to a pcap file (one per second) and checks that {@code print}, with and
     * without -S, writes exactly tcpdump's line for each frame marked printed, and nothing else.
     */
    private void assertSameAsTcpdump(int linkType) throws IOException, InterruptedException {
        Path file = dir.resolve("fixture-" + linkType + "-" + System.nanoTime() + ".pcap");
        try (PcapWriter w = new PcapWriter(file, linkType, false)) {
            for (int i = 0; i < frames.size(); i++) {
                Frame f = frames.get(i);
                w.add(PcapWriter.BASE_TIME_NS + i * 1_000_000_000L, f.bytes(), f.originalLength());
            }
        }
        for (String[] flags : new String[][] {{}, {"-S"}}) {
            Map<String, String> tcpdumpByTime = new HashMap<>();
            for (String line : Tcpdump.print(file, flags)) {
                if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
                    tcpdumpByTime.put(line.substring(0, line.indexOf(' ')), line);
                }
            }
            List<String> expected = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < frames.size(); i++) {
                if (frames.get(i).printed()) {
                    String time = (1_700_000_000 + i) + ".123456";
                    String line = tcpdumpByTime.get(time);
                    assertTrue(line != null, "tcpdump printed nothing for " + frames.get(i).name());
                    expected.add(line);
                    names.add(frames.get(i).name());
                }
            }
            List<String> args = new ArrayList<>(List.of("print"));
            args.addAll(List.of(flags));
            args.add(file.toString());
            Cli ours = Cli.run(args.toArray(String[]::new));
            assertEquals(0, ours.exitCode(), ours.err());
            List<String> actual = ours.lines();
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                assertEquals(expected.get(i), actual.get(i), names.get(i) + " " + List.of(flags));
            }
            assertEquals(expected.size(), actual.size(), "lines printed " + List.of(flags) + ": " + actual);
        }
    }
}
