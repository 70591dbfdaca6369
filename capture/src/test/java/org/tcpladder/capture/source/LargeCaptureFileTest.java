package org.tcpladder.capture.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A real capture file over 2 GiB (more than one memory mapping can cover) read through the public
 * entry point. To stay fast the file is written sparse: every record header and the first 8 bytes of
 * every packet (its index) are written, the rest of each 60 KB packet is a hole that reads as zeros,
 * and the last packet is written in full.
 */
class LargeCaptureFileTest {
    private static final int CAPLEN = 60 * 1024;
    private static final int PACKETS = 37_000;
    private static final long RECORD = 16 + CAPLEN;
    private static final long SIZE = 24 + PACKETS * RECORD;
    private static final long FIRST_SECOND = 1_700_000_000L;

    private static long timeOf(int index) {
        return (FIRST_SECOND + index / 1000) * 1_000_000_000L + (index % 1000) * 1_000_000L + index;
    }

    private static byte[] lastPayload() {
        byte[] data = new byte[CAPLEN];
        for (int i = 0; i < CAPLEN; i++) {
            data[i] = (byte) (i * 31 + (i >>> 8));
        }
        ByteBuffer.wrap(data).putLong(PACKETS - 1);
        return data;
    }

    @Test
    void fileOverTwoGibibytesIsReadToItsLastByte() throws IOException {
        assertTrue(SIZE > (1L << 31) + (1L << 26), "the file must be well over 2 GiB");
        Path file = Files.createTempFile(Path.of("/tmp"), "tcpladder-large-", ".pcap");
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                write(file);
                assertEquals(SIZE, Files.size(file));
                read(file);
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void write(Path file) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(PcapFileReader.MAGIC_NANO).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                    .putInt(262144).putInt(1).flip();
            out.write(header, 0);
            ByteBuffer record = ByteBuffer.allocate(16 + 8).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < PACKETS; i++) {
                long t = timeOf(i);
                record.clear();
                record.putInt((int) (t / 1_000_000_000L)).putInt((int) (t % 1_000_000_000L)).putInt(CAPLEN).putInt(CAPLEN + 100);
                record.order(ByteOrder.BIG_ENDIAN).putLong(i).order(ByteOrder.LITTLE_ENDIAN).flip();
                out.write(record, 24 + i * RECORD);
            }
            out.write(ByteBuffer.wrap(lastPayload()), 24 + (PACKETS - 1) * RECORD + 16);
        }
    }

    private static void read(Path file) throws IOException {
        try (PacketSource source = CaptureFiles.open(file)) {
            assertEquals(SIZE, source.totalBytes());
            RawPacket p = new RawPacket();
            int count = 0;
            long lastTime = 0;
            long lastOffset = 0;
            boolean sawStraddler = false;
            while (source.next(p)) {
                // Every packet starts with its index, including those around each window boundary.
                assertEquals(count, p.buffer.getLong(p.position), "packet " + (count + 1));
                assertEquals(CAPLEN, p.capturedLength);
                assertEquals(CAPLEN + 100, p.originalLength);
                if (p.dataOffset < (1L << 31) && p.dataOffset + CAPLEN > (1L << 31)) {
                    sawStraddler = true;
                }
                count++;
                lastTime = p.timeNs;
                lastOffset = p.dataOffset;
                if (count == PACKETS) {
                    byte[] inWindow = new byte[CAPLEN];
                    p.buffer.get(p.position, inWindow);
                    assertArrayEquals(lastPayload(), inWindow);
                }
            }
            assertEquals(PACKETS, count);
            assertTrue(sawStraddler, "a packet crosses the 2 GiB mark");
            assertEquals(timeOf(PACKETS - 1), lastTime);
            assertEquals(SIZE - CAPLEN, lastOffset);
            assertEquals(SIZE, source.bytesRead());
            assertArrayEquals(lastPayload(), source.store().read(lastOffset, CAPLEN));
        }
    }
}
