package org.tcpladder.capture.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tcpladder.capture.source.Frames.Frame;
import org.tcpladder.capture.source.Frames.Reading;

class PcapFileReaderTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private PcapFileReader open(byte[] bytes) throws IOException {
        Path file = dir.resolve("t.pcap");
        Files.write(file, bytes);
        return new PcapFileReader(file, "t.pcap");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BIG_ENDIAN", "LITTLE_ENDIAN"})
    void microsecondFileGivesTimesInNanosecondsWithMicroPrecision(String orderName) throws IOException {
        ByteOrder order = orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] first = Frames.bytes(60, 1);
        byte[] second = Frames.bytes(54, 2);
        byte[] file = PcapBytes.micro(order).packet(1_700_000_000L, 123_456, first).packet(4_294_967_295L, 999_999, second).bytes();
        try (PcapFileReader r = open(file)) {
            assertEquals(TimePrecision.MICRO, r.precision());
            assertEquals(1, r.linkType());
            List<Frame> frames = Frames.readAll(r);
            assertEquals(2, frames.size());
            assertEquals(1_700_000_000L * SECOND + 123_456_000L, frames.get(0).timeNs());
            assertEquals(4_294_967_295L * SECOND + 999_999_000L, frames.get(1).timeNs());
            assertArrayEquals(first, frames.get(0).data());
            assertArrayEquals(second, frames.get(1).data());
            assertEquals(1, frames.get(0).number());
            assertEquals(2, frames.get(1).number());
            assertEquals(24 + 16, frames.get(0).dataOffset());
            assertEquals(24 + 16 + 60 + 16, frames.get(1).dataOffset());
            assertEquals(file.length, r.bytesRead());
            assertEquals(file.length, r.totalBytes());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"BIG_ENDIAN", "LITTLE_ENDIAN"})
    void nanosecondMagicKeepsEveryNanosecond(String orderName) throws IOException {
        ByteOrder order = orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] file = PcapBytes.nano(order).packet(1_700_000_000L, 123_456_789, Frames.bytes(40, 3)).bytes();
        try (PcapFileReader r = open(file)) {
            assertEquals(TimePrecision.NANO, r.precision());
            assertEquals(1_700_000_000L * SECOND + 123_456_789L, Frames.readAll(r).get(0).timeNs());
        }
    }

    @Test
    void snaplenCutPacketKeepsBothLengths() throws IOException {
        byte[] captured = Frames.bytes(96, 4);
        byte[] file = PcapBytes.micro(ByteOrder.LITTLE_ENDIAN).cutPacket(1, 0, captured, 1514).bytes();
        try (PcapFileReader r = open(file)) {
            Frame f = Frames.readAll(r).get(0);
            assertEquals(96, f.capturedLength());
            assertEquals(1514, f.originalLength());
            assertArrayEquals(captured, f.data());
        }
    }

    @Test
    void fcsBitsInTheLinkTypeFieldAreMaskedOff() throws IOException {
        // LINKTYPE_ETHERNET with "F" (bit 26) set and an FCS length of 2 sixteen-bit words (bits 28-31).
        int field = (2 << 28) | (1 << 26) | 1;
        byte[] file = PcapBytes.withHeader(ByteOrder.BIG_ENDIAN, PcapFileReader.MAGIC_MICRO, field, 65535)
                .packet(1, 0, Frames.bytes(64, 5)).bytes();
        try (PcapFileReader r = open(file)) {
            assertEquals(1, r.linkType());
            assertEquals(32, r.fcsBits());
            assertEquals(65535, r.snaplen());
            assertEquals(1, Frames.readAll(r).get(0).linkType());
        }
    }

    @Test
    void emptyCaptureHasNoPackets() throws IOException {
        try (PcapFileReader r = open(PcapBytes.micro(ByteOrder.LITTLE_ENDIAN).bytes())) {
            assertTrue(Frames.readAll(r).isEmpty());
        }
    }

    @Test
    void zeroLengthPacketIsDelivered() throws IOException {
        byte[] file = PcapBytes.micro(ByteOrder.LITTLE_ENDIAN).packet(5, 6, new byte[0]).packet(7, 8, Frames.bytes(1, 9)).bytes();
        try (PcapFileReader r = open(file)) {
            List<Frame> frames = Frames.readAll(r);
            assertEquals(2, frames.size());
            assertEquals(0, frames.get(0).capturedLength());
        }
    }

    @Test
    void wrongMagicIsRefusedAtByteZero() throws IOException {
        byte[] file = PcapBytes.withHeader(ByteOrder.BIG_ENDIAN, 0xA1B2C3D5, 1, 65535).bytes();
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> open(file));
        assertEquals(0, e.offset());
        assertEquals("t.pcap: at byte 0: not a pcap file (unknown magic a1b2c3d5)", e.getMessage());
    }

    @Test
    void fileShorterThanTheHeaderIsRefused() {
        byte[] header = PcapBytes.micro(ByteOrder.LITTLE_ENDIAN).bytes();
        byte[] cut = Arrays.copyOf(header, 20);
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> open(cut));
        assertEquals("t.pcap: at byte 20: file ends inside the pcap file header (20 of 24 bytes)", e.getMessage());
    }

    @Test
    void archaicVersionIsRefused() throws IOException {
        byte[] file = PcapBytes.micro(ByteOrder.BIG_ENDIAN).bytes();
        file[5] = 1; // major version (big-endian bytes 4-5) 1 instead of 2
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> open(file));
        assertEquals(4, e.offset());
    }

    @Test
    void cutInsideARecordHeaderDeliversThePacketsBeforeThenFails() throws IOException {
        PcapBytes b = PcapBytes.micro(ByteOrder.LITTLE_ENDIAN).packet(1, 0, Frames.bytes(60, 1)).packet(2, 0, Frames.bytes(60, 2));
        int damageAt = b.size();
        byte[] file = b.raw(new byte[10]).bytes();
        try (PcapFileReader r = open(file)) {
            Reading reading = Frames.readUntilFailure(r);
            assertEquals(2, reading.frames().size());
            assertEquals(damageAt, reading.failure().offset());
            assertEquals("t.pcap: at byte " + damageAt
                    + ": file ends inside the record header of packet 3 (10 of 16 bytes)", reading.failure().getMessage());
        }
    }

    @Test
    void cutInsidePacketDataDeliversThePacketsBeforeThenFails() throws IOException {
        PcapBytes b = PcapBytes.micro(ByteOrder.LITTLE_ENDIAN).packet(1, 0, Frames.bytes(60, 1));
        int damageAt = b.size();
        byte[] file = b.record(2, 0, 60, 60, Frames.bytes(59, 2)).bytes();
        try (PcapFileReader r = open(file)) {
            Reading reading = Frames.readUntilFailure(r);
            assertEquals(1, reading.frames().size());
            assertEquals(damageAt, reading.failure().offset());
            assertEquals("t.pcap: at byte " + damageAt
                    + ": file ends inside packet 2 (its record needs 60 bytes of data, only 59 left)", reading.failure().getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0x7FFFFFFF, (1 << 20) + 1})
    void absurdCapturedLengthIsDamageNamingItsOffset(int caplen) throws IOException {
        PcapBytes b = PcapBytes.micro(ByteOrder.BIG_ENDIAN).packet(1, 0, Frames.bytes(60, 1));
        int damageAt = b.size() + 8;
        byte[] file = b.record(2, 0, caplen, 60, Frames.bytes(60, 2)).bytes();
        try (PcapFileReader r = open(file)) {
            Reading reading = Frames.readUntilFailure(r);
            assertEquals(1, reading.frames().size());
            assertEquals(damageAt, reading.failure().offset());
            assertTrue(reading.failure().getMessage().contains("packet 2 has an impossible captured length "
                    + Integer.toUnsignedString(caplen)), reading.failure().getMessage());
        }
    }

    @Test
    void failureRepeatsOnTheNextCall() throws IOException {
        byte[] file = PcapBytes.micro(ByteOrder.BIG_ENDIAN).raw(new byte[3]).bytes();
        try (PcapFileReader r = open(file)) {
            RawPacket p = new RawPacket();
            CaptureFileException first = assertThrows(CaptureFileException.class, () -> r.next(p));
            CaptureFileException second = assertThrows(CaptureFileException.class, () -> r.next(p));
            assertEquals(first.getMessage(), second.getMessage());
        }
    }

    @Test
    void payloadCanBeReadBackFromTheStoreAfterMovingOn() throws IOException {
        byte[] first = Frames.bytes(100, 11);
        byte[] file = PcapBytes.micro(ByteOrder.LITTLE_ENDIAN).packet(1, 0, first).packet(2, 0, Frames.bytes(50, 12)).bytes();
        try (PcapFileReader r = open(file)) {
            List<Frame> frames = Frames.readAll(r);
            assertArrayEquals(first, r.store().read(frames.get(0).dataOffset(), 100));
        }
    }

    @Test
    void smallWindowRemapsAndStillDeliversEveryByte() throws IOException {
        PcapBytes b = PcapBytes.nano(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 200; i++) {
            b.packet(i, i, Frames.bytes(1 + (i * 37) % 300, i));
        }
        Path file = dir.resolve("w.pcap");
        Files.write(file, b.bytes());
        // A 256-byte window: most records straddle its end, so the window moves for nearly every one.
        try (PcapFileReader r = new PcapFileReader(new MappedFile(file, 256), "w.pcap")) {
            List<Frame> frames = Frames.readAll(r);
            assertEquals(200, frames.size());
            for (int i = 0; i < 200; i++) {
                assertArrayEquals(Frames.bytes(1 + (i * 37) % 300, i), frames.get(i).data(), "packet " + (i + 1));
                assertEquals(i * SECOND + i, frames.get(i).timeNs());
            }
        }
    }

    @Test
    void classicPcapHasNoInterfaceNames() throws IOException {
        try (PcapFileReader r = open(PcapBytes.micro(ByteOrder.LITTLE_ENDIAN).bytes())) {
            assertNull(r.interfaceName(0));
        }
    }

    @Test
    void bufferIsBigEndianWhateverTheFileOrder() throws IOException {
        byte[] data = {0x08, 0x00, 0x45, 0x00};
        try (PcapFileReader r = open(PcapBytes.micro(ByteOrder.LITTLE_ENDIAN).packet(1, 0, data).bytes())) {
            RawPacket p = new RawPacket();
            assertTrue(r.next(p));
            assertEquals(0x0800, p.buffer.getShort(p.position));
            assertEquals(ByteOrder.BIG_ENDIAN, p.buffer.order());
        }
    }
}
