package org.tcpladder.capture.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.testing.Frames.ethernet;
import static org.tcpladder.capture.testing.Frames.ipv4;
import static org.tcpladder.capture.testing.Frames.ipv6;
import static org.tcpladder.capture.testing.Frames.tcp;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.tcpladder.capture.conn.ConnectionTable;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.testing.Decode;

/** The hot path allocates nothing: decoding a packet and counting it in its connection. */
class DecodingAllocationTest {
    @Test
    void decodingAndCountingAllocateNothingPerPacket() {
        RawPacket[] packets = new RawPacket[64];
        for (int i = 0; i < packets.length; i++) {
            byte[] seg = tcp().ports(40000 + i % 8, 443).flags(i == 0 ? 0x02 : 0x18).seq(1000 + i).ack(7)
                    .options(1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2).payload("data").build();
            byte[] frame = ethernet(i % 2 == 0 ? ipv4(seg).build() : ipv6(seg).build());
            packets[i] = Decode.raw(LinkTypes.ETHERNET, frame, frame.length);
        }
        PacketDecoder decoder = new PacketDecoder();
        ConnectionTable table = new ConnectionTable();
        for (RawPacket r : packets) {
            table.add(decoder.decode(r)); // the connections exist from here on
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long rounds = 200_000;
        long before = threads.getCurrentThreadAllocatedBytes();
        long tcp = 0;
        for (long n = 0; n < rounds; n++) {
            DecodedPacket p = decoder.decode(packets[(int) (n & 63)]);
            if (p.isTcp()) {
                table.add(p);
                tcp++;
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(rounds, tcp);
        assertEquals(8, table.size());
        assertTrue(allocated < rounds / 10, allocated + " bytes allocated for " + rounds + " packets");
    }

    @Test
    void decodingWrappedPacketsOfEveryNewLinkTypeAndTunnelAllocatesNothing() {
        java.util.List<RawPacket> packets = new java.util.ArrayList<>();
        for (org.tcpladder.capture.testing.LinkTypeFixtures.Frame f : org.tcpladder.capture.testing.LinkTypeFixtures.allFrames()) {
            packets.add(Decode.raw(f.linkType(), f.bytes(), f.originalLength()));
        }
        PacketDecoder decoder = new PacketDecoder();
        for (RawPacket r : packets) {
            assertTrue(decoder.decode(r).isTcp(), "every fixture frame is TCP");
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long rounds = 200_000;
        long before = threads.getCurrentThreadAllocatedBytes();
        long tcp = 0;
        for (long n = 0; n < rounds; n++) {
            if (decoder.decode(packets.get((int) (n % packets.size()))).isTcp()) {
                tcp++;
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(rounds, tcp);
        assertTrue(allocated < rounds / 10, allocated + " bytes allocated for " + rounds + " packets");
    }
}
