package org.tcpladder.capture.conn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.testing.Frames.ethernet;
import static org.tcpladder.capture.testing.Frames.ipv4;
import static org.tcpladder.capture.testing.Frames.tcp;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.decode.LinkTypes;
import org.tcpladder.capture.testing.PcapWriter;

/** The budget: at most 64 bytes of heap kept per packet once a capture is indexed. */
class CaptureIndexMemoryTest {
    private static final int CONNECTIONS = 6_000;
    private static final int PACKETS_EACH = 50;

    @TempDir
    Path dir;

    @Test
    void indexKeepsAtMost64BytesPerPacket() throws Exception {
        Path file = dir.resolve("many.pcap");
        int[] ts = {1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2};
        try (PcapWriter w = new PcapWriter(file, LinkTypes.ETHERNET, false)) {
            long t = PcapWriter.BASE_TIME_NS;
            // ten connections at a time, their packets interleaved
            for (int group = 0; group < CONNECTIONS; group += 10) {
                for (int k = 0; k < PACKETS_EACH; k++) {
                    for (int c = group; c < group + 10; c++) {
                        byte[] client = {10, 1, (byte) (c >> 8), (byte) c};
                        boolean fromClient = k % 2 == 0;
                        int flags = k == 0 ? 0x02 : k == 1 ? 0x12 : 0x18;
                        byte[] seg = tcp().ports(fromClient ? 30000 + c % 20000 : 443, fromClient ? 443 : 30000 + c % 20000)
                                .flags(flags).seq(1000 + k * 100).ack(k == 0 ? 0 : 5000).options(ts)
                                .payload(k > 2 ? new byte[100] : new byte[0]).build();
                        byte[] ip = fromClient ? ipv4(seg).addresses(client, new byte[] {10, 9, 9, 9}).build()
                                : ipv4(seg).addresses(new byte[] {10, 9, 9, 9}, client).build();
                        w.add(t, ethernet(ip));
                        t += 1_000;
                    }
                }
            }
        }
        long packets = (long) CONNECTIONS * PACKETS_EACH;
        long before = usedHeapAfterGc();
        CaptureIndex index = CaptureIndex.load(file);
        long after = usedHeapAfterGc();
        try {
            assertEquals(packets, index.segmentCount());
            assertEquals(CONNECTIONS, index.connections().size());
            double measured = (double) (after - before) / packets;
            double estimated = (double) index.retainedBytesEstimate() / packets;
            assertTrue(estimated <= 64, "columns and row lists: " + estimated + " bytes per packet");
            assertTrue(measured <= 64, "heap kept: " + measured + " bytes per packet");
        } finally {
            index.close();
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
