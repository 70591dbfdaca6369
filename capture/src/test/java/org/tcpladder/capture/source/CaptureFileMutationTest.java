package org.tcpladder.capture.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * About 9,000 damaged versions of valid captures (bits flipped, fields overwritten with extreme
 * values, cut anywhere): opening and reading each must end cleanly or with a
 * {@link CaptureFileException}, never any other throwable and never a hang, and every packet handed
 * out must lie inside its buffer and the file, with the bytes the store gives back.
 */
class CaptureFileMutationTest {
    private static final long SEED = 0x7C91AD3E5L;
    private static final int[] EXTREMES = {0, 1, 4, 11, 12, 13, 16, 28, 32, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF,
            0xFFFFFFF0, 1 << 20, (1 << 20) + 1, 0x0A0D0D0A, 0x1A2B3C4D, 0x4D3C2B1A, 6, 3, 2};

    @TempDir
    Path dir;

    private int fileCounter;

    @Test
    void damagedPcapFilesGiveOnlyCaptureFileExceptions() throws IOException {
        PcapBytes b = PcapBytes.micro(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 20; i++) {
            b.cutPacket(1_700_000_000L + i, i * 1000, Frames.bytes(20 + i * 13 % 90, i), 1500);
        }
        PcapBytes nanoBig = PcapBytes.nano(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < 10; i++) {
            nanoBig.packet(i, 999_999_999, Frames.bytes(60, i));
        }
        mutateAndRead("pcap", b.bytes(), 2000, new Random(SEED));
        mutateAndRead("nano big-endian pcap", nanoBig.bytes(), 600, new Random(SEED + 1));
        mutateAndRead("tcpdump pcap", fixture("loopback-tcpdump.pcap"), 800, new Random(SEED + 2));
    }

    @Test
    void damagedPcapngFilesGiveOnlyCaptureFileExceptions() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        b.interfaceDescription(1, 0, b.name("lo"), b.tsresol(9), b.tsoffset(3))
                .interfaceDescription(113, 128, b.tsresol(0x80 | 24))
                .block(PcapngBytes.NAME_RESOLUTION, Frames.bytes(20, 1));
        for (int i = 0; i < 8; i++) {
            b.enhanced(i % 2, 1_700_000_000_000_000_000L + i, Frames.bytes(30 + i, i), 1500);
        }
        b.simple(Frames.bytes(128, 9), 1514).obsoletePacket(1, 77, Frames.bytes(33, 10))
                .block(PcapngBytes.INTERFACE_STATISTICS, Frames.bytes(24, 2))
                .section(ByteOrder.BIG_ENDIAN);
        b.interfaceDescription(101, 0, b.tsresol(3)).enhanced(0, 5, Frames.bytes(44, 11)).simple(Frames.bytes(10, 12), 10);
        mutateAndRead("pcapng", b.bytes(), 2500, new Random(SEED + 3));
        mutateAndRead("dumpcap pcapng", fixture("loopback.pcapng"), 800, new Random(SEED + 4));
        mutateAndRead("two-interface pcapng", fixture("two-interfaces.pcapng"), 600, new Random(SEED + 5));
    }

    @Test
    void damagedGzipCapturesGiveOnlyCaptureFileExceptions() throws IOException {
        // Damaged gzip streams: nearly all fail their CRC or end early, and must say so.
        mutateAndRead("gzip pcapng", CaptureFilesTest.gzip(fixture("loopback.pcapng")), 400, new Random(SEED + 6), false);
        // Sound gzip streams holding damaged captures.
        byte[] valid = fixture("loopback.pcapng");
        Random random = new Random(SEED + 7);
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            for (int i = 0; i < 200; i++) {
                readChecked("gzip of damaged pcapng version " + i, CaptureFilesTest.gzip(mutate(valid, random)));
            }
        });
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = CaptureFileMutationTest.class.getResourceAsStream("/source/" + name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    private void mutateAndRead(String what, byte[] valid, int versions, Random random) {
        mutateAndRead(what, valid, versions, random, true);
    }

    private void mutateAndRead(String what, byte[] valid, int versions, Random random, boolean someSurvive) {
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            int refused = 0;
            for (int i = 0; i < versions; i++) {
                byte[] damaged = mutate(valid, random);
                if (!readChecked(what + " version " + i, damaged)) {
                    refused++;
                }
            }
            // Sanity: the mutations do damage files, and do not damage all of them beyond reading.
            assertTrue(refused > versions / 20 && (refused < versions || !someSurvive),
                    what + ": " + refused + " of " + versions + " refused");
        });
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] b = valid.clone();
        int kind = random.nextInt(4);
        if (kind == 0 || kind == 3) {
            int flips = 1 + random.nextInt(8);
            for (int f = 0; f < flips; f++) {
                int bit = random.nextInt(b.length * 8);
                b[bit / 8] ^= (byte) (1 << (bit % 8));
            }
        }
        if (kind == 1 || kind == 3) {
            int at = random.nextInt(b.length / 4) * 4;
            int value = random.nextInt(3) == 0 ? random.nextInt() : EXTREMES[random.nextInt(EXTREMES.length)];
            boolean little = random.nextBoolean();
            for (int k = 0; k < 4 && at + k < b.length; k++) {
                int shift = little ? 8 * k : 24 - 8 * k;
                b[at + k] = (byte) (value >>> shift);
            }
        }
        if (kind == 2 || (kind == 3 && random.nextBoolean())) {
            b = Arrays.copyOf(b, random.nextInt(b.length + 1));
        }
        return b;
    }

    /** Reads one damaged file through the public entry point; false if it was refused somewhere. */
    private boolean readChecked(String what, byte[] bytes) throws IOException {
        Path file = dir.resolve("m" + (fileCounter++));
        Files.write(file, bytes);
        try {
            PacketSource source;
            try {
                source = CaptureFiles.open(file);
            } catch (CaptureFileException e) {
                checkMessage(what, e, file, bytes.length);
                return false;
            }
            try (source) {
                RawPacket p = new RawPacket();
                long count = 0;
                try {
                    while (source.next(p)) {
                        count++;
                        checkPacket(what, source, p, count);
                        if (count > source.totalBytes() / 12 + 1) {
                            fail(what + ": more packets than the file can hold");
                        }
                    }
                    return true;
                } catch (CaptureFileException e) {
                    checkMessage(what, e, file, Long.MAX_VALUE);
                    return false;
                }
            }
        } catch (CaptureFileException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + ": escaped " + e, e);
        } finally {
            Files.delete(file);
        }
    }

    private static void checkPacket(String what, PacketSource source, RawPacket p, long count) throws IOException {
        assertEquals(count, p.number, what);
        assertNotNull(p.buffer, what);
        assertTrue(p.capturedLength >= 0 && p.originalLength >= 0, what);
        assertTrue(p.position >= 0 && p.position + p.capturedLength <= p.buffer.limit(), what + ": data outside its buffer");
        assertTrue(p.dataOffset >= 0 && p.dataOffset + p.capturedLength <= source.totalBytes(), what + ": data outside the file");
        byte[] inBuffer = new byte[p.capturedLength];
        p.buffer.get(p.position, inBuffer);
        assertArrayEquals(inBuffer, source.store().read(p.dataOffset, p.capturedLength), what + ": store disagrees");
    }

    private static void checkMessage(String what, CaptureFileException e, Path file, long maxOffset) {
        assertTrue(e.getMessage().startsWith(file.toString()), what + ": message does not name the file: " + e.getMessage());
        assertTrue(e.offset() >= -1 && e.offset() <= maxOffset, what + ": offset " + e.offset());
    }
}
