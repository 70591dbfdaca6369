package org.tcpladder.capture.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading streams: {@link PacketSource#next} refills the same {@link RawPacket} and allocates nothing
 * per packet, so memory stays flat whatever the file size. Measured with the JVM's per-thread
 * allocation counter over 20,000 packets: less than one byte per packet may be allocated.
 */
class StreamingAllocationTest {
    private static final int PACKETS = 20_000;

    @TempDir
    Path dir;

    @Test
    void readingPcapAllocatesNothingPerPacket() throws IOException {
        PcapBytes b = PcapBytes.micro(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < PACKETS; i++) {
            b.packet(i, i % 1_000_000, Frames.bytes(54 + i % 64, i));
        }
        assertAllocatesNothingPerPacket(write("a.pcap", b.bytes()));
    }

    @Test
    void readingPcapngAllocatesNothingPerPacket() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.BIG_ENDIAN);
        b.interfaceDescription(1, 0, b.tsresol(9)).interfaceDescription(113, 0, b.tsresol(0x80 | 24));
        for (int i = 0; i < PACKETS; i++) {
            if (i % 100 == 0) {
                b.block(PcapngBytes.INTERFACE_STATISTICS, Frames.bytes(24, i));
            }
            long ticks = i % 2 == 0 ? 1_700_000_000_000_000_000L + i : (1_700_000_000L << 24) + i;
            b.enhanced(i % 2, ticks, Frames.bytes(54 + i % 64, i));
        }
        assertAllocatesNothingPerPacket(write("a.pcapng", b.bytes()));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static void assertAllocatesNothingPerPacket(Path file) throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int round = 0; round < 3; round++) { // later rounds run compiled code
            try (PacketSource source = CaptureFiles.open(file)) {
                RawPacket p = new RawPacket();
                long before = threads.getThreadAllocatedBytes(id);
                int count = 0;
                while (source.next(p)) {
                    count++;
                }
                long allocated = threads.getThreadAllocatedBytes(id) - before;
                assertEquals(PACKETS, count);
                assertTrue(allocated < PACKETS, "round " + round + ": " + allocated + " bytes allocated for " + PACKETS + " packets");
            }
        }
    }
}
