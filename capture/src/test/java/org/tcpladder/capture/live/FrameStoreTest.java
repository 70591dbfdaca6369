package org.tcpladder.capture.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.source.CaptureFiles;
import org.tcpladder.capture.source.PacketSource;
import org.tcpladder.capture.source.PcapngBlocks;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.source.TimePrecision;

class FrameStoreTest {
    private static final long T0 = 1_700_000_000_123_456_789L;

    @TempDir
    Path dir;

    private static byte[] frame(int seed, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }

    /** Ethernet, IPv4 10.0.0.1 -> 10.0.0.2, TCP 40000 -> 5000 with seq {@code seq}, then payload bytes. */
    private static byte[] tcpFrame(int seq, int payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + 20 + payload);
        b.put(new byte[12]).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload)).putShort((short) 1).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 6).putShort((short) 0).putInt(0x0A000001).putInt(0x0A000002);
        b.putShort((short) 40000).putShort((short) 5000).putInt(seq).putInt(1).put((byte) 0x50).put((byte) 0x18)
                .putShort((short) 512).putShort((short) 0).putShort((short) 0);
        for (int i = 0; i < payload; i++) {
            b.put((byte) ('a' + i % 26));
        }
        return b.array();
    }

    @Test
    void framesReadBackFromTheirOffsetsAcrossManyChunks() throws IOException {
        FrameStore store = new FrameStore(64L << 20);
        List<RawPacket> packets = new ArrayList<>();
        List<byte[]> frames = new ArrayList<>();
        long expectedBlock = store.firstBlockOffset();
        for (int i = 0; i < 200; i++) {
            byte[] f = frame(i, 60_000 + i * 7);
            RawPacket p = store.append(i + 1, 1000L * i, 1, f.length + 3, f, 0, f.length);
            assertNotNull(p);
            assertEquals(expectedBlock + PcapngBlocks.PACKET_HEADER, p.dataOffset, "blocks follow one another");
            expectedBlock += PcapngBlocks.packetBlockLength(f.length);
            packets.add(p);
            frames.add(f);
        }
        assertEquals(expectedBlock - store.firstBlockOffset(), store.size());
        for (int i = 0; i < packets.size(); i++) {
            RawPacket p = packets.get(i);
            assertArrayEquals(frames.get(i), store.read(p.dataOffset, p.capturedLength));
            byte[] viaBuffer = new byte[p.capturedLength];
            p.buffer.duplicate().position(p.position).get(viaBuffer);
            assertArrayEquals(frames.get(i), viaBuffer, "the packet's own view");
            assertEquals(p.capturedLength + 3, p.originalLength);
        }
        // A read may span frames and chunk boundaries.
        RawPacket a = packets.get(68);
        byte[] span = store.read(a.dataOffset, a.capturedLength + 40);
        assertEquals(frames.get(69)[7], span[a.capturedLength + (PcapngBlocks.packetBlockLength(a.capturedLength)
                - PcapngBlocks.PACKET_HEADER - a.capturedLength) + PcapngBlocks.PACKET_HEADER + 7]);
    }

    @Test
    void aFrameBeyondTheBudgetOfAStoreInMemoryOnlyIsRefused() {
        FrameStore store = new FrameStore(100);
        assertNotNull(store.append(1, 0, 1, 60, frame(1, 60), 0, 60));
        assertNull(store.append(2, 0, 1, 60, frame(2, 60), 0, 60));
        assertEquals(FrameStore.Put.FULL, store.put(0, 60, frame(2, 60), 0, 60));
        assertEquals(PcapngBlocks.packetBlockLength(60), store.size());
        assertEquals(1, store.frameCount());
    }

    @Test
    void readsOutsideTheStoredBytesOrAfterCloseAreIoErrors() {
        FrameStore store = new FrameStore(1000);
        RawPacket p = store.append(1, 0, 1, 10, frame(1, 10), 0, 10);
        assertThrows(IOException.class, () -> store.read(5, 6));
        assertThrows(IOException.class, () -> store.read(p.dataOffset, 100));
        assertThrows(IOException.class, () -> store.read(-1, 2));
        store.close();
        assertThrows(IOException.class, () -> store.read(p.dataOffset, 1));
        assertNull(store.append(2, 0, 1, 10, frame(2, 10), 0, 10));
    }

    @Test
    void framesBeyondTheBudgetGoToThePcapngFileAndReadBackIdenticalWhileMemoryStaysWithinIt() throws Exception {
        Path file = dir.resolve("spill.pcapng");
        long budget = 64 << 10;
        List<byte[]> frames = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        try (FrameStore store = FrameStore.spilling(budget, file, 1, 256, TimePrecision.NANO)) {
            for (int i = 0; i < 3000; i++) {
                byte[] f = frame(i, 54 + (i * 37) % 200);
                assertEquals(FrameStore.Put.KEPT, store.put(T0 + i * 1001L, f.length + 1000, f, 0, f.length));
                assertTrue(store.inMemoryBytes() <= budget, "in memory: " + store.inMemoryBytes());
                frames.add(f);
            }
            assertTrue(store.peakInMemoryBytes() <= budget, "peak " + store.peakInMemoryBytes());
            assertTrue(store.size() > 4 * budget, "far more kept than the budget: " + store.size());
            assertTrue(store.spilledBytes() > 3 * budget, "spilled " + store.spilledBytes());
            // every frame, by its index: the early ones come from the file, the late ones from memory
            RawPacket p = new RawPacket();
            long next = store.firstBlockOffset();
            for (int i = 0; i < frames.size(); i++) {
                long at = store.blockOffset(i);
                assertEquals(next, at, "frame " + i + " found by its index where the walk finds it");
                next = store.readFrame(at, p);
                offsets.add(p.dataOffset);
                byte[] got = new byte[p.capturedLength];
                p.buffer.duplicate().position(p.position).get(got);
                assertArrayEquals(frames.get(i), got, "frame " + i);
                assertArrayEquals(frames.get(i), store.read(p.dataOffset, p.capturedLength), "frame " + i + " by offset");
                assertEquals(T0 + i * 1001L, p.timeNs);
                assertEquals(frames.get(i).length + 1000, p.originalLength);
            }
            assertThrows(IOException.class, () -> store.blockOffset(frames.size()));
            store.flush();
            assertTrue(Files.size(file) >= store.firstBlockOffset() + store.size());
        }
        assertFalse(Files.exists(file), "the spill file is removed at close");
    }

    @Test
    void theSpillFileIsAPcapngThatOurReaderAndTcpdumpRead() throws Exception {
        Path file = dir.resolve("spill.pcapng");
        Path saved = dir.resolve("kept.pcapng");
        int n = 500;
        try (FrameStore store = FrameStore.spilling(16 << 10, file, 1, 96, TimePrecision.NANO)) {
            for (int i = 0; i < n; i++) {
                byte[] f = tcpFrame(1000 + i * 100, 100);
                // a snap length of 96: the headers and the first 42 payload bytes kept, 100 sent
                assertEquals(FrameStore.Put.KEPT, store.put(T0 + i * 1_000_000L, f.length, f, 0, 96));
            }
            store.saveAs(saved);
            assertTrue(store.saved());
        }
        assertFalse(Files.exists(file), "moved, not copied");
        assertTrue(Files.exists(saved), "a saved file stays after close");
        try (PacketSource source = CaptureFiles.open(saved)) {
            assertEquals(TimePrecision.NANO, source.precision());
            RawPacket p = new RawPacket();
            int i = 0;
            while (source.next(p)) {
                assertEquals(T0 + i * 1_000_000L, p.timeNs);
                assertEquals(96, p.capturedLength);
                assertEquals(154, p.originalLength);
                assertEquals(1, p.linkType);
                byte[] got = new byte[96];
                p.buffer.duplicate().position(p.position).get(got);
                assertArrayEquals(java.util.Arrays.copyOf(tcpFrame(1000 + i * 100, 100), 96), got);
                i++;
            }
            assertEquals(n, i);
        }
        Process tcpdump = new ProcessBuilder("tcpdump", "-nn", "-tt", "--time-stamp-precision=nano", "-r",
                saved.toString()).redirectErrorStream(false).start();
        List<String> lines = new String(tcpdump.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        String err = new String(tcpdump.getErrorStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertEquals(0, tcpdump.waitFor(), err);
        assertEquals(n, lines.size(), err);
        assertEquals("1700000000.123456789 IP 10.0.0.1.40000 > 10.0.0.2.5000: Flags [P.], seq 1000:1100, ack 1, "
                + "win 512, length 100", lines.get(0));
        // later sequence numbers relative to the first, as tcpdump prints them
        assertEquals("1700000000.622456789 IP 10.0.0.1.40000 > 10.0.0.2.5000: Flags [P.], seq 49900:50000, ack 1, "
                + "win 512, length 100", lines.get(n - 1));
    }

    @Test
    void microsecondFramesKeepTheirTimeInTheFile() throws Exception {
        Path file = dir.resolve("micro.pcapng");
        try (FrameStore store = FrameStore.spilling(1 << 20, file, 1, 256, TimePrecision.MICRO)) {
            byte[] f = tcpFrame(7, 10);
            store.put(1_700_000_000_654_321_000L, f.length, f, 0, f.length);
            store.flush();
            try (PacketSource source = CaptureFiles.open(file)) {
                RawPacket p = new RawPacket();
                assertTrue(source.next(p));
                assertEquals(1_700_000_000_654_321_000L, p.timeNs);
                assertEquals(TimePrecision.MICRO, source.precision());
            }
            RawPacket q = new RawPacket();
            store.readFrame(store.blockOffset(0), q);
            assertEquals(1_700_000_000_654_321_000L, q.timeNs);
        }
    }
}
