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

class PcapngFileReaderTest {
    private static final long SECOND = 1_000_000_000L;
    private static final int ETHERNET = 1;
    private static final int RAW_IP = 101;
    private static final int LINUX_SLL = 113;

    @TempDir
    Path dir;

    private PcapngFileReader open(byte[] bytes) throws IOException {
        Path file = dir.resolve("t.pcapng");
        Files.write(file, bytes);
        return new PcapngFileReader(file, "t.pcapng");
    }

    private static ByteOrder order(String name) {
        return name.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    private Reading readDamaged(byte[] bytes) throws IOException {
        try (PcapngFileReader r = open(bytes)) {
            return Frames.readUntilFailure(r);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"BIG_ENDIAN", "LITTLE_ENDIAN"})
    void enhancedPacketsInDefaultMicrosecondsOfEitherByteOrder(String orderName) throws IOException {
        PcapngBytes b = PcapngBytes.file(order(orderName));
        byte[] data = Frames.bytes(61, 1);
        b.interfaceDescription(ETHERNET, 0).enhanced(0, 1_700_000_000_123_456L, data, 1514);
        try (PcapngFileReader r = open(b.bytes())) {
            assertEquals(TimePrecision.MICRO, r.precision());
            Frame f = Frames.readAll(r).get(0);
            assertEquals(1_700_000_000L * SECOND + 123_456_000L, f.timeNs());
            assertEquals(ETHERNET, f.linkType());
            assertEquals(0, f.interfaceId());
            assertEquals(61, f.capturedLength());
            assertEquals(1514, f.originalLength());
            assertArrayEquals(data, f.data());
            assertArrayEquals(data, r.store().read(f.dataOffset(), 61));
        }
    }

    @Test
    void interfacesHaveTheirOwnLinkTypesNamesAndResolutions() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        b.interfaceDescription(ETHERNET, 262144, b.name("lo"), b.tsresol(9))
                .interfaceDescription(LINUX_SLL, 65535, b.name("any"))
                .interfaceDescription(RAW_IP, 0, b.tsresol(0x80 | 20))
                .enhanced(0, 1_700_000_000_123_456_789L, Frames.bytes(60, 1))
                .enhanced(1, 1_700_000_000_654_321L, Frames.bytes(60, 2))
                .enhanced(2, (1_700_000_000L << 20) | 524_288, Frames.bytes(40, 3));
        try (PcapngFileReader r = open(b.bytes())) {
            assertEquals(TimePrecision.NANO, r.precision());
            List<Frame> frames = Frames.readAll(r);
            assertEquals(List.of(ETHERNET, LINUX_SLL, RAW_IP), frames.stream().map(Frame::linkType).toList());
            assertEquals(List.of(0, 1, 2), frames.stream().map(Frame::interfaceId).toList());
            assertEquals(1_700_000_000L * SECOND + 123_456_789L, frames.get(0).timeNs());
            assertEquals(1_700_000_000L * SECOND + 654_321_000L, frames.get(1).timeNs());
            assertEquals(1_700_000_000L * SECOND + 500_000_000L, frames.get(2).timeNs());
            assertEquals("lo", r.interfaceName(0));
            assertEquals("any", r.interfaceName(1));
            assertNull(r.interfaceName(2));
            assertNull(r.interfaceName(3));
            assertNull(r.interfaceName(-1));
            assertEquals(3, r.interfaceCount());
            assertEquals(LINUX_SLL, r.linkType(1));
        }
    }

    @Test
    void powerOfTwoResolutionConvertsExactlyRoundingDown() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        // 2^-20 s ticks: 1048575 of them is 999999046.25... ns, and 1 tick is 953.67... ns.
        b.interfaceDescription(ETHERNET, 0, b.tsresol(0x80 | 20))
                .enhanced(0, (1_700_000_000L << 20) + 1_048_575, Frames.bytes(1, 1))
                .enhanced(0, (1_700_000_000L << 20) + 1, Frames.bytes(1, 1));
        try (PcapngFileReader r = open(b.bytes())) {
            List<Frame> frames = Frames.readAll(r);
            assertEquals(1_700_000_000L * SECOND + 999_999_046L, frames.get(0).timeNs());
            assertEquals(1_700_000_000L * SECOND + 953L, frames.get(1).timeNs());
        }
    }

    @Test
    void coarserThanMicrosecondPowerOfTwoKeepsMicroPrecision() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        b.interfaceDescription(ETHERNET, 0, b.tsresol(0x80 | 19)).interfaceDescription(ETHERNET, 0, b.tsresol(3));
        try (PcapngFileReader r = open(b.bytes())) {
            assertEquals(TimePrecision.MICRO, r.precision());
        }
    }

    @Test
    void tsoffsetSecondsAreAddedToEveryTimestamp() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.BIG_ENDIAN);
        b.interfaceDescription(ETHERNET, 0, b.tsresol(3), b.tsoffset(1_600_000_000L))
                .enhanced(0, 100_000_000_999L, Frames.bytes(10, 1));
        try (PcapngFileReader r = open(b.bytes())) {
            assertEquals(1_700_000_000L * SECOND + 999_000_000L, Frames.readAll(r).get(0).timeNs());
        }
    }

    @Test
    void negativeTsoffsetCanGiveTimesBeforeTheEpoch() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        b.interfaceDescription(ETHERNET, 0, b.tsoffset(-10)).enhanced(0, 2_500_000L, Frames.bytes(10, 1));
        try (PcapngFileReader r = open(b.bytes())) {
            assertEquals(-7_500_000_000L, Frames.readAll(r).get(0).timeNs());
        }
    }

    @Test
    void simplePacketUsesInterfaceZeroAndCutsToSnaplen() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        b.interfaceDescription(LINUX_SLL, 96, b.name("eth9")).interfaceDescription(ETHERNET, 0)
                .simple(Frames.bytes(96, 1), 1514)
                .simple(Frames.bytes(41, 2), 41);
        try (PcapngFileReader r = open(b.bytes())) {
            List<Frame> frames = Frames.readAll(r);
            assertEquals(2, frames.size());
            Frame cut = frames.get(0);
            assertEquals(LINUX_SLL, cut.linkType());
            assertEquals(0, cut.interfaceId());
            assertEquals(96, cut.capturedLength());
            assertEquals(1514, cut.originalLength());
            assertEquals(0, cut.timeNs());
            assertArrayEquals(Frames.bytes(96, 1), cut.data());
            // 41 bytes padded to 44 in the block: the padding is not part of the packet.
            assertArrayEquals(Frames.bytes(41, 2), frames.get(1).data());
        }
    }

    @Test
    void simplePacketWithoutSnaplenKeepsWhatTheBlockHolds() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        b.interfaceDescription(ETHERNET, 0).simple(Frames.bytes(64, 1), 1514);
        try (PcapngFileReader r = open(b.bytes())) {
            Frame f = Frames.readAll(r).get(0);
            assertEquals(64, f.capturedLength());
            assertEquals(1514, f.originalLength());
        }
    }

    @Test
    void obsoletePacketBlockIsRead() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.BIG_ENDIAN);
        b.interfaceDescription(ETHERNET, 0).interfaceDescription(RAW_IP, 0, b.tsresol(9))
                .obsoletePacket(1, 5_000_000_001L, Frames.bytes(20, 7));
        try (PcapngFileReader r = open(b.bytes())) {
            Frame f = Frames.readAll(r).get(0);
            assertEquals(RAW_IP, f.linkType());
            assertEquals(1, f.interfaceId());
            assertEquals(5_000_000_001L, f.timeNs());
            assertArrayEquals(Frames.bytes(20, 7), f.data());
        }
    }

    @Test
    void unknownAndUninterestingBlocksAreSkippedByTheirLength() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        b.block(PcapngBytes.NAME_RESOLUTION, Frames.bytes(22, 1))
                .interfaceDescription(ETHERNET, 0)
                .block(PcapngBytes.CUSTOM, Frames.bytes(9, 2))
                .enhanced(0, 1, Frames.bytes(30, 3))
                .block(PcapngBytes.INTERFACE_STATISTICS, Frames.bytes(24, 4))
                .block(PcapngBytes.DECRYPTION_SECRETS, Frames.bytes(100, 5))
                .block(0x12345678, new byte[0])
                .enhanced(0, 2, Frames.bytes(31, 6))
                .block(PcapngBytes.INTERFACE_STATISTICS, Frames.bytes(24, 4));
        try (PcapngFileReader r = open(b.bytes())) {
            List<Frame> frames = Frames.readAll(r);
            assertEquals(2, frames.size());
            assertArrayEquals(Frames.bytes(31, 6), frames.get(1).data());
            assertEquals(2, frames.get(1).number());
        }
    }

    @Test
    void eachSectionStartsItsOwnInterfacesAndByteOrder() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        b.interfaceDescription(ETHERNET, 0, b.name("lo")).interfaceDescription(LINUX_SLL, 0, b.name("any"))
                .enhanced(1, 1_000_000, Frames.bytes(20, 1))
                .section(ByteOrder.BIG_ENDIAN);
        b.interfaceDescription(RAW_IP, 0, b.name("tun0"), b.tsresol(9))
                .enhanced(0, 3_000_000_000L, Frames.bytes(20, 2))
                .section(ByteOrder.LITTLE_ENDIAN);
        b.interfaceDescription(ETHERNET, 0, b.name("eth0"))
                .enhanced(0, 4_000_000, Frames.bytes(20, 3));
        try (PcapngFileReader r = open(b.bytes())) {
            List<Frame> frames = Frames.readAll(r);
            assertEquals(List.of(LINUX_SLL, RAW_IP, ETHERNET), frames.stream().map(Frame::linkType).toList());
            // Interface ids number the interfaces of the whole file.
            assertEquals(List.of(1, 2, 3), frames.stream().map(Frame::interfaceId).toList());
            assertEquals(List.of(SECOND, 3 * SECOND, 4 * SECOND), frames.stream().map(Frame::timeNs).toList());
            assertEquals("tun0", r.interfaceName(2));
            assertEquals("eth0", r.interfaceName(3));
        }
    }

    @Test
    void packetOnAnInterfaceOfAnEarlierSectionIsDamage() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        b.interfaceDescription(ETHERNET, 0).interfaceDescription(ETHERNET, 0).enhanced(1, 1, Frames.bytes(20, 1))
                .section(ByteOrder.LITTLE_ENDIAN).interfaceDescription(ETHERNET, 0);
        int damageAt = b.size() + 8;
        b.enhanced(1, 2, Frames.bytes(20, 2));
        Reading reading = readDamaged(b.bytes());
        assertEquals(1, reading.frames().size());
        assertEquals(damageAt, reading.failure().offset());
        assertEquals("t.pcapng: at byte " + damageAt + ": packet 2 is on interface 1, but its section describes 1 interface",
                reading.failure().getMessage());
    }

    @Test
    void interfaceNameLosesATrailingNulAndIsCutWhenHuge() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        byte[] longName = new byte[1000];
        Arrays.fill(longName, (byte) 'x');
        b.interfaceDescription(ETHERNET, 0, b.option(PcapngFileReader.IF_NAME, "eth0\0".getBytes()))
                .interfaceDescription(ETHERNET, 0, b.option(PcapngFileReader.IF_NAME, longName));
        try (PcapngFileReader r = open(b.bytes())) {
            assertEquals("eth0", r.interfaceName(0));
            assertEquals("x".repeat(PcapngFileReader.MAX_NAME_BYTES), r.interfaceName(1));
        }
    }

    @Test
    void tsresolOfTheWrongSizeIsIgnoredAsTsharkDoes() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        b.interfaceDescription(ETHERNET, 0, b.option(PcapngFileReader.IF_TSRESOL, new byte[] {9, 9}))
                .enhanced(0, 7, Frames.bytes(4, 1));
        try (PcapngFileReader r = open(b.bytes())) {
            assertEquals(TimePrecision.MICRO, r.precision());
            assertEquals(7_000, Frames.readAll(r).get(0).timeNs());
        }
    }

    @Test
    void interfaceDescribedAfterPacketsCanRaiseThePrecision() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        b.interfaceDescription(ETHERNET, 0).enhanced(0, 1, Frames.bytes(4, 1))
                .interfaceDescription(ETHERNET, 0, b.tsresol(9)).enhanced(1, 1, Frames.bytes(4, 1));
        try (PcapngFileReader r = open(b.bytes())) {
            assertEquals(TimePrecision.MICRO, r.precision());
            Frames.readAll(r);
            assertEquals(TimePrecision.NANO, r.precision());
        }
    }

    // ---- damage ----

    @ParameterizedTest
    @ValueSource(ints = {0, 8, 13, 14, 15})
    void blockLengthBelowTwelveOrNotAMultipleOfFourIsDamage(int length) throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN).interfaceDescription(ETHERNET, 0).enhanced(0, 1, Frames.bytes(8, 1));
        int blockAt = b.size();
        b.rawBlock(PcapngBytes.CUSTOM, length, new byte[4], length);
        Reading reading = readDamaged(b.bytes());
        assertEquals(1, reading.frames().size());
        assertEquals(blockAt + 4, reading.failure().offset());
        assertEquals("t.pcapng: at byte " + (blockAt + 4) + ": block of type 0x00000BAD has an impossible total length "
                + length + " (at least 12 and a multiple of 4)", reading.failure().getMessage());
    }

    @Test
    void blockRunningPastTheEndOfTheFileIsDamage() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.BIG_ENDIAN).interfaceDescription(ETHERNET, 0);
        int blockAt = b.size();
        b.enhanced(0, 1, Frames.bytes(100, 1));
        byte[] cut = Arrays.copyOf(b.bytes(), blockAt + 60);
        Reading reading = readDamaged(cut);
        assertEquals(0, reading.frames().size());
        assertEquals(blockAt, reading.failure().offset());
        assertEquals("t.pcapng: at byte " + blockAt + ": file ends inside a block of type 6 (enhanced packet)"
                + " (it needs 132 bytes, only 60 left)", reading.failure().getMessage());
    }

    @Test
    void fileEndingInsideABlockHeaderIsDamage() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.BIG_ENDIAN).interfaceDescription(ETHERNET, 0).enhanced(0, 1, Frames.bytes(10, 1));
        int at = b.size();
        Reading reading = readDamaged(b.raw(new byte[] {0, 0, 0, 6, 0, 0}).bytes());
        assertEquals(1, reading.frames().size());
        assertEquals(at, reading.failure().offset());
        assertEquals("t.pcapng: at byte " + at + ": file ends inside a block (6 bytes left, a block has at least 12)",
                reading.failure().getMessage());
    }

    @Test
    void trailerLengthDifferentFromTheHeaderIsDamage() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN).interfaceDescription(ETHERNET, 0).enhanced(0, 1, Frames.bytes(8, 1));
        int blockAt = b.size();
        b.rawBlock(PcapngBytes.NAME_RESOLUTION, 20, new byte[8], 24);
        Reading reading = readDamaged(b.bytes());
        assertEquals(1, reading.frames().size());
        assertEquals(blockAt + 16, reading.failure().offset());
        assertEquals("t.pcapng: at byte " + (blockAt + 16) + ": block of type 0x00000004 ends with total length 24"
                + " but starts with 20", reading.failure().getMessage());
    }

    @Test
    void capturedLengthBeyondItsBlockIsDamage() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN).interfaceDescription(ETHERNET, 0);
        int blockAt = b.size();
        b.enhancedClaiming(0, 1, 41, Frames.bytes(40, 1));
        Reading reading = readDamaged(b.bytes());
        assertEquals(blockAt + 20, reading.failure().offset());
        assertTrue(reading.failure().getMessage().contains("packet 1 has an impossible captured length 41 (its block has room for 40"),
                reading.failure().getMessage());
    }

    @Test
    void packetOnAnUndescribedInterfaceIsDamage() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        int blockAt = b.size();
        b.enhanced(0, 1, Frames.bytes(40, 1));
        Reading reading = readDamaged(b.bytes());
        assertEquals(blockAt + 8, reading.failure().offset());
        assertEquals("t.pcapng: at byte " + (blockAt + 8) + ": packet 1 is on interface 0, but its section describes 0 interfaces",
                reading.failure().getMessage());
    }

    @Test
    void simplePacketBeforeAnyInterfaceIsDamage() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        int blockAt = b.size();
        b.simple(Frames.bytes(40, 1), 40);
        Reading reading = readDamaged(b.bytes());
        assertEquals(blockAt, reading.failure().offset());
        assertTrue(reading.failure().getMessage().endsWith("simple packet block before any interface description block in its section"));
    }

    @Test
    void badByteOrderMagicInALaterSectionIsDamage() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN).interfaceDescription(ETHERNET, 0).enhanced(0, 1, Frames.bytes(8, 1));
        int sectionAt = b.size();
        b.section(ByteOrder.LITTLE_ENDIAN);
        byte[] bytes = b.bytes();
        bytes[sectionAt + 8] = 0x4E;
        Reading reading = readDamaged(bytes);
        assertEquals(1, reading.frames().size());
        assertEquals(sectionAt + 8, reading.failure().offset());
        assertEquals("t.pcapng: at byte " + (sectionAt + 8) + ": section header block has a bad byte-order magic 4e3c2b1a",
                reading.failure().getMessage());
    }

    @Test
    void unsupportedMajorVersionIsRefusedAtOpen() {
        byte[] bytes = PcapngBytes.file(ByteOrder.BIG_ENDIAN).bytes();
        bytes[13] = 2;
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> open(bytes));
        assertEquals("t.pcapng: at byte 12: pcapng version 2.0 is not supported (1.x expected)", e.getMessage());
    }

    @Test
    void damageBeforeTheFirstPacketIsReportedAtOpen() {
        PcapngBytes b = PcapngBytes.file(ByteOrder.BIG_ENDIAN);
        int at = b.size();
        byte[] bytes = b.rawBlock(PcapngFileReader.INTERFACE_DESCRIPTION, 20, new byte[8], 28).bytes();
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> open(bytes));
        assertEquals(at + 16, e.offset());
    }

    @Test
    void optionRunningPastItsBlockIsDamage() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        int at = b.size();
        byte[] body = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) ETHERNET).putShort((short) 0).putInt(0)
                .putShort((short) PcapngFileReader.IF_NAME).putShort((short) 5).put("eth".getBytes()).array();
        byte[] bytes = b.block(PcapngFileReader.INTERFACE_DESCRIPTION, body).bytes();
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> open(bytes));
        assertEquals(at + 16 + 2, e.offset());
        assertTrue(e.getMessage().endsWith("option 2 of 5 bytes runs past the end of its interface description block"));
    }

    @Test
    void timestampBeyondTheYear2262IsDamageNotAWrongTime() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        b.interfaceDescription(ETHERNET, 0, b.tsresol(9)).enhanced(0, 1, Frames.bytes(8, 1));
        int at = b.size();
        b.enhanced(0, -1L, Frames.bytes(8, 2));
        Reading reading = readDamaged(b.bytes());
        assertEquals(1, reading.frames().size());
        assertEquals(at + 12, reading.failure().offset());
        assertTrue(reading.failure().getMessage().contains("packet 2 has a timestamp of 18446744073709551615 units of 10^-9 s"));
    }

    @Test
    void tooManyInterfacesIsDamageNotUnboundedMemory() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i <= PcapngFileReader.MAX_INTERFACES; i++) {
            b.interfaceDescription(ETHERNET, 0);
        }
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> open(b.bytes()));
        assertTrue(e.getMessage().contains("more than 65536 interface description blocks"), e.getMessage());
    }

    @Test
    void smallWindowRemapsAndStillDeliversEveryByte() throws IOException {
        PcapngBytes b = PcapngBytes.file(ByteOrder.BIG_ENDIAN);
        b.interfaceDescription(ETHERNET, 0, b.name("lo"), b.tsresol(9));
        for (int i = 0; i < 300; i++) {
            if (i % 7 == 0) {
                b.block(PcapngBytes.CUSTOM, Frames.bytes(i % 50, i));
            }
            if (i % 3 == 0) {
                b.simple(Frames.bytes(1 + (i * 31) % 400, i), 1 + (i * 31) % 400);
            } else {
                b.enhanced(0, i * SECOND + i, Frames.bytes(1 + (i * 31) % 400, i));
            }
        }
        Path file = dir.resolve("w.pcapng");
        Files.write(file, b.bytes());
        try (PcapngFileReader r = new PcapngFileReader(new MappedFile(file, 128), "w.pcapng")) {
            List<Frame> frames = Frames.readAll(r);
            assertEquals(300, frames.size());
            for (int i = 0; i < 300; i++) {
                assertArrayEquals(Frames.bytes(1 + (i * 31) % 400, i), frames.get(i).data(), "packet " + (i + 1));
                assertEquals(i % 3 == 0 ? 0 : i * SECOND + i, frames.get(i).timeNs());
            }
        }
    }

    @Test
    void notStartingWithASectionHeaderIsRefused() {
        byte[] bytes = PcapBytes.micro(ByteOrder.BIG_ENDIAN).bytes();
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> open(bytes));
        assertEquals("t.pcapng: at byte 0: not a pcapng file (first block type a1b2c3d4 is not a section header block)",
                e.getMessage());
    }
}
