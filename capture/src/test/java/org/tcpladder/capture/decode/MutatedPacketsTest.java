package org.tcpladder.capture.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.testing.Frames.bytes;
import static org.tcpladder.capture.testing.Frames.concat;
import static org.tcpladder.capture.testing.Frames.ethernet;
import static org.tcpladder.capture.testing.Frames.ipv4;
import static org.tcpladder.capture.testing.Frames.ipv6;
import static org.tcpladder.capture.testing.Frames.tcp;

import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.source.TimePrecision;
import org.tcpladder.capture.testing.Decode;
import org.tcpladder.capture.testing.Frames;
import org.tcpladder.capture.testing.LinkTypeFixtures;

/**
 * A seeded fuzz test: thousands of bit-flipped and truncated copies of real-looking packets, through
 * the decoder, the segment records and the capture index. Anything but a value (an exception, a
 * hang) fails.
 */
class MutatedPacketsTest {
    private static final long SEED = 0x7C9_1ADDE5L;
    private static final int ROUNDS = 40_000;

    record Seed(int linkType, byte[] frame, int originalLength) {
        Seed(int linkType, byte[] frame) {
            this(linkType, frame, frame.length);
        }
    }

    private static List<Seed> seeds() {
        byte[] syn = tcp().ports(40000, 9000).flags(0x02)
                .options(2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7).build();
        byte[] data = tcp().ports(9000, 40000).flags(0x18).ack(5)
                .options(1, 1, 5, 18, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4).payload("hello world").build();
        byte[] mptcp = tcp().flags(0x10).ack(1).options(30, 20, 0x20, 0x0f, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 9, 0, 0, 0, 10, 0, 16).build();
        byte[] tfo = tcp().flags(0x02).options(34, 10, 1, 2, 3, 4, 5, 6, 7, 8, 254, 4, 0xf9, 0x89).build();
        byte[] ext = concat(bytes(60, 0, 1, 4, 0, 0, 0, 0), bytes(43, 0, 1, 4, 0, 0, 0, 0),
                concat(bytes(44, 2, 2, 1, 0, 0, 0, 0), Frames.V6_A), bytes(51, 0, 0, 0, 0, 0, 0, 9),
                bytes(6, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1));
        List<Seed> s = new ArrayList<>();
        s.add(new Seed(LinkTypes.ETHERNET, ethernet(ipv4(syn).build())));
        s.add(new Seed(LinkTypes.ETHERNET, ethernet(ipv6(data).build())));
        s.add(new Seed(LinkTypes.ETHERNET, ethernet(Frames.ETHERTYPE_IPV4, ipv4(mptcp).options(7, 7, 4, 0, 0, 0, 0, 0).build(), 0x88a8, 1, 0x8100, 2)));
        s.add(new Seed(LinkTypes.ETHERNET, ethernet(ipv6(tfo).extensions(0, ext).build())));
        s.add(new Seed(LinkTypes.ETHERNET, ethernet(ipv4(concat(bytes(6, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1), data)).protocol(51).build())));
        s.add(new Seed(LinkTypes.NULL, Frames.loopback(2, ByteOrder.LITTLE_ENDIAN, ipv4(data).build())));
        s.add(new Seed(LinkTypes.LOOP, Frames.loopback(30, ByteOrder.BIG_ENDIAN, ipv6(syn).build())));
        s.add(new Seed(LinkTypes.RAW, ipv4(data).fragment(0x2000).build()));
        s.add(new Seed(LinkTypes.IPV6, ipv6(data).build()));
        s.add(new Seed(LinkTypes.LINUX_SLL, Frames.sll(4, Frames.ETHERTYPE_IPV4, ipv4(syn).build())));
        s.add(new Seed(LinkTypes.LINUX_SLL2, Frames.sll2(0, 1, Frames.ETHERTYPE_IPV6, ipv6(data).build())));
        return s;
    }

    /** Every frame of the link-type and encapsulation fixtures (PPP ... VXLAN, jumbograms). */
    private static List<Seed> linkTypeSeeds() {
        List<Seed> s = new ArrayList<>();
        for (LinkTypeFixtures.Frame f : LinkTypeFixtures.allFrames()) {
            s.add(new Seed(f.linkType(), f.bytes(), f.originalLength()));
        }
        return s;
    }

    @Test
    void bitFlippedAndTruncatedPacketsGiveOnlyValues() {
        assertOnlyValues(seeds(), SEED, ROUNDS);
    }

    @Test
    void mutatedFramesOfEveryLinkTypeAndTunnelGiveOnlyValues() {
        List<Seed> seeds = linkTypeSeeds();
        assertTrue(seeds.size() > 250, "all fixtures read: " + seeds.size());
        assertOnlyValues(seeds, SEED + 1, 3 * ROUNDS);
    }

    private static void assertOnlyValues(List<Seed> seeds, long randomSeed, int rounds) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Random random = new Random(randomSeed);
            PacketDecoder decoder = new PacketDecoder();
            CaptureIndex index = new CaptureIndex(new NoStore(), TimePrecision.MICRO);
            Map<PacketKind, Integer> kinds = new EnumMap<>(PacketKind.class);
            for (int round = 0; round < rounds; round++) {
                Seed seed = seeds.get(random.nextInt(seeds.size()));
                byte[] frame = mutate(seed.frame(), random);
                int original = random.nextInt(8) == 0 ? random.nextInt(2 * frame.length + 1)
                        : frame.length + Math.max(0, seed.originalLength() - seed.frame().length);
                RawPacket raw = Decode.raw(seed.linkType(), frame, original);
                raw.number = round + 1;
                DecodedPacket p = decoder.decode(raw);
                kinds.merge(p.kind(), 1, Integer::sum);
                switch (p.kind()) {
                    case MALFORMED -> {
                        assertNotNull(p.problem(), "a malformed packet says why");
                        assertTrue(!p.problem().reason().isBlank());
                    }
                    case TCP -> {
                        assertNotNull(p.toSegment());
                        assertTrue(p.payloadLength() >= 0 && p.capturedPayloadLength() <= p.payloadLength());
                        assertTrue(p.tcpHeaderLength() >= 20 && p.l4Start() + p.tcpHeaderLength() <= p.frameEnd());
                        for (int i = 0; i < p.encapsulationCount(); i++) {
                            assertNotNull(p.encapsulation(i));
                            assertTrue(p.encapsulationStart(i) >= p.frameStart() && p.encapsulationStart(i) < p.ipStart(),
                                    "a wrapping header lies before the inner packet");
                        }
                    }
                    default -> {
                        // NOT_TCP, TCP_FRAGMENT, UNSUPPORTED_LINK: nothing more to check
                    }
                }
                index.append(p);
            }
            assertEquals(rounds, index.packetCount());
            assertTrue(kinds.getOrDefault(PacketKind.MALFORMED, 0) > rounds / 20, "mutations produce malformed packets: " + kinds);
            assertTrue(kinds.getOrDefault(PacketKind.TCP, 0) > rounds / 5, "many still decode: " + kinds);
        });
    }

    /** Flips 1 to 8 random bits, and one time in three cuts the frame at a random length. */
    static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
            int bit = random.nextInt(b.length * 8);
            b[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        if (random.nextInt(3) == 0) {
            b = java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));
        }
        return b;
    }

    /** The index keeps no bytes here; reading back is not part of this test. */
    private static final class NoStore implements org.tcpladder.capture.source.ByteStore {
        @Override
        public byte[] read(long offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
