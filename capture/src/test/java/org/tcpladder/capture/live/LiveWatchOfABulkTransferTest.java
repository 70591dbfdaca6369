package org.tcpladder.capture.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.bench.LoopbackBulkTransfer;
import org.tcpladder.capture.decode.DecodedPacket;
import org.tcpladder.capture.decode.PacketDecoder;
import org.tcpladder.capture.decode.PacketKind;
import org.tcpladder.capture.source.CaptureFiles;
import org.tcpladder.capture.source.PacketSource;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.tcp.TcpFlags;

/**
 * Watching a bulk transfer over loopback at full speed, for real (the tests run as root), with a memory
 * budget far smaller than what is captured, so that most frames go to the spill file. Says nothing of
 * speed (the benchmark does); it asserts that what was kept is whole and honest.
 */
class LiveWatchOfABulkTransferTest {
    private static final long BUDGET = 1L << 20;
    private static final int SNAPLEN = 256;

    @TempDir
    Path dir;

    /** A copy of a frame as it was delivered, to compare with what the store gives back later. */
    private record Sample(long dataOffset, byte[] bytes) {
    }

    @Test
    void whatWasKeptIsCompleteReadsBackIdenticalAndStayedWithinTheMemoryBudget() throws Exception {
        PacketDecoder decoder = new PacketDecoder();
        List<Sample> samples = new CopyOnWriteArrayList<>();
        AtomicLong frames = new AtomicLong();
        AtomicLong longestCaptured = new AtomicLong();
        AtomicLong truncatedData = new AtomicLong();
        // The client's sequence space (RFC 9293 section 3.4): every data byte sent, from its SYN's ISN + 1 on,
        // must be covered by some kept segment unless a frame was lost. Loopback may hand two segments to
        // the capture in the other order (each processor has its own receive queue), so the ranges are
        // gathered, unwrapped past 2^32, and their union is checked at the end.
        long[] isn = {-1};
        long[] lastRelative = {0};
        List<long[]> ranges = new ArrayList<>();
        AtomicLong mostInMemory = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Path file;
        long sent;
        CaptureStats stats;
        try (LoopbackBulkTransfer bulk = new LoopbackBulkTransfer();
             PortWatch watch = PortWatch.open(LiveCaptureOptions.watchPort("lo", bulk.port(), SNAPLEN, BUDGET)
                     .withSpillDirectory(dir))) {
            FrameStore store = watch.capture().store();
            file = store.spillFile();
            assertTrue(Files.exists(file) && file.startsWith(dir), "spill file " + file);
            int port = bulk.port();
            watch.start(raw -> {
                long n = frames.incrementAndGet();
                longestCaptured.accumulateAndGet(raw.capturedLength, Math::max);
                if (n <= 2000 || n % 97 == 0) {
                    byte[] b = new byte[raw.capturedLength];
                    raw.buffer.duplicate().position(raw.position).get(b);
                    samples.add(new Sample(raw.dataOffset, b));
                }
                DecodedPacket p = decoder.decode(raw);
                if (p.kind() != PacketKind.TCP || p.dstPort() != port) {
                    return;
                }
                long seq = p.seq() & 0xFFFFFFFFL;
                if ((p.flags() & TcpFlags.SYN) != 0) {
                    isn[0] = seq;
                    return;
                }
                int len = p.payloadLength();
                if (len == 0 || isn[0] < 0) {
                    return;
                }
                if (p.capturedPayloadLength() < len) {
                    truncatedData.incrementAndGet();
                }
                // a segment's start relative to the first data byte, unwrapped: neighbours are within 2^31
                int fromLast = (int) ((seq - isn[0] - 1) - lastRelative[0]);
                long relative = lastRelative[0] + fromLast;
                lastRelative[0] = relative;
                ranges.add(new long[] {relative, relative + len});
            });
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    mostInMemory.accumulateAndGet(store.inMemoryBytes(), Math::max);
                    Thread.onSpinWait();
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            sent = bulk.run(3000);
            // the last ACKs and FINs are in the kernel's buffer for at most one poll timeout
            Thread.sleep(3 * LiveCaptureOptions.POLL_MILLIS);
            stats = watch.stop();
            sampling.set(false);
            sampler.join();

            assertNull(watch.capture().endReason(), "the watch ran to the end");
            assertNull(watch.capture().listenerFailure());
            assertEquals(frames.get(), stats.delivered(), "every frame kept was delivered before stop returned");
            assertEquals(store.frameCount(), stats.delivered());
            assertTrue(longestCaptured.get() <= SNAPLEN, "snap length kept: " + longestCaptured);
            assertTrue(truncatedData.get() > 0, "data segments longer than the snap length were cut");

            // memory bounded by the budget, however much was captured; so the early frames were let go of
            assertTrue(mostInMemory.get() <= BUDGET, "in memory at most " + mostInMemory);
            assertTrue(store.peakInMemoryBytes() <= BUDGET, "peak " + store.peakInMemoryBytes());
            assertTrue(store.size() > 2 * BUDGET, "captured " + store.size() + " bytes of frames");
            assertTrue(store.spilledBytes() > BUDGET, "spilled " + store.spilledBytes());

            // what was shown is the whole truth: either nothing was lost and the sequence space has no
            // gap, or the loss is counted
            ranges.sort((a, b) -> Long.compare(a[0], b[0]));
            long covered = 0;
            long gaps = 0;
            for (long[] r : ranges) {
                if (r[0] > covered) {
                    gaps++;
                }
                covered = Math.max(covered, r[1]);
            }
            if (stats.complete()) {
                assertEquals(0, gaps, "gaps in the client's sequence space with no drop reported: " + stats);
                assertEquals(sent, covered, "every byte sent is covered by a kept segment");
            } else {
                assertTrue(stats.droppedByKernel() + stats.droppedByInterface() + stats.notKept() > 0);
                assertTrue(stats.toString().contains(stats.droppedByKernel() + " dropped by kernel"), stats.toString());
            }

            // frames read back, from the spill file or from memory, are the bytes delivered at capture time
            for (Sample s : samples) {
                assertArrayEquals(s.bytes, store.read(s.dataOffset, s.bytes.length), "frame at " + s.dataOffset);
            }
            RawPacket p = new RawPacket();
            store.readFrame(store.blockOffset(0), p);
            assertEquals(samples.get(0).dataOffset, p.dataOffset, "the first frame, found by its index");

            // the spill file is a pcapng of every frame kept
            store.flush();
            long inFile = 0;
            try (PacketSource source = CaptureFiles.open(file)) {
                RawPacket q = new RawPacket();
                while (source.next(q)) {
                    inFile++;
                }
            }
            assertEquals(stats.delivered(), inFile);
        }
        assertNotEquals(0, sent);
        assertFalse(Files.exists(file), "the spill file is removed at close");
    }
}
