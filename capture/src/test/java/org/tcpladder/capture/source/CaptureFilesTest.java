package org.tcpladder.capture.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.source.Frames.Frame;

class CaptureFilesTest {
    @TempDir
    Path dir;

    private static byte[] samplePcap() {
        return PcapBytes.nano(ByteOrder.LITTLE_ENDIAN).packet(1, 2, Frames.bytes(60, 1)).packet(3, 4, Frames.bytes(70, 2)).bytes();
    }

    private static byte[] samplePcapng() {
        PcapngBytes b = PcapngBytes.file(ByteOrder.BIG_ENDIAN);
        return b.interfaceDescription(1, 0, b.name("lo")).enhanced(0, 5, Frames.bytes(60, 3)).bytes();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private CaptureFileException refusal(String fileName, byte[] content) throws IOException {
        Path file = dir.resolve(fileName);
        Files.write(file, content);
        return assertThrows(CaptureFileException.class, () -> CaptureFiles.open(file).close());
    }

    private List<Frame> readAll(Path file) throws IOException {
        try (PacketSource s = CaptureFiles.open(file)) {
            return Frames.readAll(s);
        }
    }

    @Test
    void formatIsChosenByContentNotByName() throws IOException {
        Path pcapNamedPcapng = dir.resolve("really-a-pcap.pcapng");
        Files.write(pcapNamedPcapng, samplePcap());
        Path pcapngNamedTxt = dir.resolve("notes.txt");
        Files.write(pcapngNamedTxt, samplePcapng());
        try (PacketSource s = CaptureFiles.open(pcapNamedPcapng)) {
            assertInstanceOf(PcapFileReader.class, s);
            assertEquals(TimePrecision.NANO, s.precision());
            assertEquals(2, Frames.readAll(s).size());
        }
        try (PacketSource s = CaptureFiles.open(pcapngNamedTxt)) {
            assertInstanceOf(PcapngFileReader.class, s);
            assertEquals("lo", s.interfaceName(0));
            assertEquals(1, Frames.readAll(s).size());
        }
    }

    @Test
    void gzipOfEitherFormatIsReadWhateverTheName() throws IOException {
        Path pcapGz = dir.resolve("plain-name.pcap");
        Files.write(pcapGz, gzip(samplePcap()));
        Path pcapngGz = dir.resolve("x.pcapng.gz");
        Files.write(pcapngGz, gzip(samplePcapng()));
        Path plain = dir.resolve("plain.pcap");
        Files.write(plain, samplePcap());
        List<Frame> expected = readAll(plain);
        List<Frame> unzipped = readAll(pcapGz);
        assertEquals(expected.size(), unzipped.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).timeNs(), unzipped.get(i).timeNs());
            assertArrayEquals(expected.get(i).data(), unzipped.get(i).data());
        }
        try (PacketSource s = CaptureFiles.open(pcapngGz)) {
            assertEquals("lo", s.interfaceName(0));
            assertEquals(1, Frames.readAll(s).size());
        }
    }

    @Test
    void gzipPayloadsCanBeReadBackAndTheTemporaryFileGoesOnClose() throws IOException {
        Path gz = dir.resolve("c.pcap.gz");
        Files.write(gz, gzip(samplePcap()));
        Path temporary;
        try (PacketSource s = CaptureFiles.open(gz)) {
            temporary = ((DecompressedCaptureSource) s).temporaryFile();
            assertTrue(Files.exists(temporary));
            List<Frame> frames = Frames.readAll(s);
            assertArrayEquals(Frames.bytes(60, 1), s.store().read(frames.get(0).dataOffset(), 60));
            assertEquals(samplePcap().length, s.totalBytes());
        }
        assertFalse(Files.exists(temporary));
    }

    @Test
    void concatenatedGzipMembersAreOneStream() throws IOException {
        byte[] whole = samplePcap();
        byte[] first = gzip(Arrays.copyOf(whole, 50));
        byte[] second = gzip(Arrays.copyOfRange(whole, 50, whole.length));
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        Path gz = dir.resolve("two-members.gz");
        Files.write(gz, both);
        assertEquals(2, readAll(gz).size());
    }

    @Test
    void cutGzipIsRefusedNamingTheFile() throws IOException {
        byte[] gz = gzip(samplePcapng());
        CaptureFileException e = refusal("cut.pcapng.gz", Arrays.copyOf(gz, gz.length - 12));
        assertTrue(e.getMessage().startsWith(dir.resolve("cut.pcapng.gz") + ": gzip data is cut short"), e.getMessage());
    }

    @Test
    void corruptGzipIsRefusedNamingTheFile() throws IOException {
        byte[] gz = gzip(samplePcapng());
        gz[gz.length - 6] ^= 0x55; // inside the CRC-32 of the trailer
        CaptureFileException e = refusal("crc.gz", gz);
        assertTrue(e.getMessage().startsWith(dir.resolve("crc.gz") + ": corrupt gzip data"), e.getMessage());
        byte[] garbage = {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        e = refusal("garbage.gz", garbage);
        assertTrue(e.getMessage().startsWith(dir.resolve("garbage.gz") + ": corrupt gzip data"), e.getMessage());
    }

    @Test
    void gzipOfSomethingElseSaysWhatItHolds() throws IOException {
        CaptureFileException e = refusal("text.gz", gzip("hello, world\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(dir.resolve("text.gz")
                + ": gzip-compressed, but what it holds is not a capture file (pcap or pcapng): starts with \"hello, world\\n\"",
                e.getMessage());
        e = refusal("empty.gz", gzip(new byte[0]));
        assertEquals(dir.resolve("empty.gz") + ": gzip-compressed, but what it holds is empty, not a capture file", e.getMessage());
    }

    @Test
    void damageInsideAGzipCaptureNamesTheFileAndTheDecompressedOffset() throws IOException {
        byte[] cut = Arrays.copyOf(samplePcap(), 24 + 16 + 60 + 10);
        Path gz = dir.resolve("d.pcap.gz");
        Files.write(gz, gzip(cut));
        try (PacketSource s = CaptureFiles.open(gz)) {
            Frames.Reading reading = Frames.readUntilFailure(s);
            assertEquals(1, reading.frames().size());
            assertEquals(gz + " (decompressed): at byte 100: file ends inside the record header of packet 2 (10 of 16 bytes)",
                    reading.failure().getMessage());
        }
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.pcap");
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> CaptureFiles.open(missing));
        assertEquals(missing + ": no such file", e.getMessage());
        assertEquals(-1, e.offset());
    }

    @Test
    void brokenSymbolicLinkIsExplained() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.pcap"), dir.resolve("gone.pcap"));
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> CaptureFiles.open(link));
        assertEquals(link + ": is a symbolic link to a file that does not exist", e.getMessage());
    }

    @Test
    void directoryIsNotACaptureFile() {
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> CaptureFiles.open(dir));
        assertEquals(dir + ": is a directory, not a capture file", e.getMessage());
    }

    @Test
    void deviceIsNotACaptureFile() {
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> CaptureFiles.open(Path.of("/dev/null")));
        assertEquals("/dev/null: is not a regular file (a device, pipe or socket), not a capture file", e.getMessage());
    }

    @Test
    void permissionDeniedIsSaidInWords() {
        CaptureFileException e = CaptureFiles.cannotRead("secret.pcap", new AccessDeniedException("secret.pcap"));
        assertEquals("secret.pcap: permission denied: this user may not read the file", e.getMessage());
    }

    @Test
    void emptyFileIsSaidToBeEmpty() throws IOException {
        CaptureFileException e = refusal("empty.pcap", new byte[0]);
        assertEquals(dir.resolve("empty.pcap") + ": the file is empty (0 bytes), not a capture file", e.getMessage());
    }

    @Test
    void textFileIsQuotedAsText() throws IOException {
        CaptureFileException e = refusal("capture.pcap", "GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(dir.resolve("capture.pcap") + ": at byte 0: not a capture file (pcap or pcapng): starts with \"GET / HTTP/1.1\\r\\n...\"",
                e.getMessage());
        e = refusal("short.pcap", "hi".getBytes(StandardCharsets.US_ASCII));
        assertEquals(dir.resolve("short.pcap") + ": at byte 0: not a capture file (pcap or pcapng): starts with \"hi\"", e.getMessage());
    }

    @Test
    void binaryFileIsQuotedInHex() throws IOException {
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0};
        CaptureFileException e = refusal("a.out", elf);
        assertEquals(dir.resolve("a.out") + ": at byte 0: not a capture file (pcap or pcapng): starts with 7f 45 4c 46 02 01 01 00 ...",
                e.getMessage());
    }

    @Test
    void otherCompressionsAndArchivesGetAHint() throws IOException {
        CaptureFileException e = refusal("c.pcap.zst", new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0, 0});
        assertTrue(e.getMessage().endsWith("starts with 28 b5 2f fd 00 00 (zstd-compressed; only gzip is read, decompress it first)"),
                e.getMessage());
        e = refusal("c.zip", new byte[] {0x50, 0x4B, 3, 4, 20, 0});
        assertTrue(e.getMessage().endsWith("(a ZIP archive; extract the capture from it first)"), e.getMessage());
        e = refusal("kuznetzov.pcap", PcapBytes.withHeader(ByteOrder.LITTLE_ENDIAN, 0xA1B2CD34, 1, 65535).bytes());
        assertTrue(e.getMessage().endsWith("(a modified pcap file from a patched libpcap; convert it with editcap -F pcap)"),
                e.getMessage());
    }

    @Test
    void pcapMagicWithACutHeaderIsDamageAtItsEnd() throws IOException {
        CaptureFileException e = refusal("cut.pcap", Arrays.copyOf(samplePcap(), 10));
        assertEquals(dir.resolve("cut.pcap") + ": at byte 10: file ends inside the pcap file header (10 of 24 bytes)", e.getMessage());
        e = refusal("cut.pcapng", Arrays.copyOf(samplePcapng(), 10));
        assertEquals(dir.resolve("cut.pcapng") + ": at byte 10: file ends inside the pcapng section header block (10 bytes)",
                e.getMessage());
    }
}
