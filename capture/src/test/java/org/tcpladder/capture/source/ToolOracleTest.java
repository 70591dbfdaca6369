package org.tcpladder.capture.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.source.Frames.Frame;

/**
 * The readers against the tools everyone trusts: for real captures (made by dumpcap and tcpdump on
 * loopback, committed under {@code src/test/resources/source/}, one recorded live here), their editcap
 * conversions to microsecond and nanosecond pcap, and written variants (power-of-2 resolutions,
 * big-endian, several sections), the packet count and every timestamp and length must be what
 * {@code tshark -T fields -e frame.time_epoch} and {@code tcpdump -tt --time-stamp-precision=nano} say.
 */
class ToolOracleTest {
    /** LINKTYPE_ value to the Wireshark encapsulation number tshark prints in frame.encap_type. */
    private static final Map<Integer, Integer> WIRESHARK_ENCAPSULATION = Map.of(1, 1, 101, 7, 113, 25);

    @TempDir
    Path dir;

    private record ToolFrame(long timeNs, int capturedLength, int originalLength, int interfaceId, int encapsulation) {
    }

    @Test
    void dumpcapPcapngMatchesTshark() throws Exception {
        List<Frame> frames = assertSameAsTshark(fixture("loopback.pcapng"), true);
        assertEquals(42, frames.size());
    }

    @Test
    void twoInterfacesWithDifferentLinkTypesMatchTshark() throws Exception {
        Path file = fixture("two-interfaces.pcapng");
        List<Frame> frames = assertSameAsTshark(file, true);
        assertEquals(84, frames.size());
        assertEquals(List.of(1, 113), frames.stream().map(Frame::linkType).distinct().sorted().toList());
        try (PacketSource s = CaptureFiles.open(file)) {
            assertEquals("lo", s.interfaceName(0));
            assertEquals("any", s.interfaceName(1));
            assertEquals(TimePrecision.NANO, s.precision());
        }
    }

    @Test
    void tcpdumpPcapMatchesTcpdumpAndTshark() throws Exception {
        Path file = fixture("loopback-tcpdump.pcap");
        assertSameAsTshark(file, false);
        assertSameTimesAsTcpdump(file);
        try (PacketSource s = CaptureFiles.open(file)) {
            assertEquals(TimePrecision.MICRO, s.precision());
        }
    }

    @Test
    void editcapConversionsToMicroAndNanoPcapMatchTcpdumpAndTshark() throws Exception {
        Path pcapng = fixture("loopback.pcapng");
        Path micro = dir.resolve("micro.pcap");
        Path nano = dir.resolve("nano.pcap");
        Path forcedEthernet = dir.resolve("forced.pcap");
        run("editcap", "-F", "pcap", pcapng.toString(), micro.toString());
        run("editcap", "-F", "nsecpcap", pcapng.toString(), nano.toString());
        // Two link types cannot go into one pcap unless editcap is told to label all frames as one.
        run("editcap", "-F", "pcap", "-T", "ether", fixture("two-interfaces.pcapng").toString(), forcedEthernet.toString());
        for (Path file : List.of(micro, nano, forcedEthernet)) {
            assertSameAsTshark(file, false);
            assertSameTimesAsTcpdump(file);
        }
        try (PacketSource m = CaptureFiles.open(micro); PacketSource n = CaptureFiles.open(nano)) {
            assertEquals(TimePrecision.MICRO, m.precision());
            assertEquals(TimePrecision.NANO, n.precision());
            List<Frame> microFrames = Frames.readAll(m);
            List<Frame> nanoFrames = Frames.readAll(n);
            for (int i = 0; i < microFrames.size(); i++) {
                assertArrayEquals(nanoFrames.get(i).data(), microFrames.get(i).data());
            }
        }
    }

    @Test
    void gzipCaptureMatchesTshark() throws Exception {
        Path gz = dir.resolve("loopback.pcapng.gz");
        Files.write(gz, CaptureFilesTest.gzip(Files.readAllBytes(fixture("loopback.pcapng"))));
        assertEquals(42, assertSameAsTshark(gz, true).size());
    }

    @Test
    void writtenVariantsMatchTshark() throws Exception {
        byte[] payload = Frames.bytes(60, 1);
        PcapngBytes powerOfTwo = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        powerOfTwo.interfaceDescription(1, 0, powerOfTwo.name("two"), powerOfTwo.tsresol(0x80 | 20))
                .interfaceDescription(101, 0, powerOfTwo.tsresol(0x80 | 30))
                .interfaceDescription(113, 0, powerOfTwo.tsresol(0x80 | 10));
        for (int i = 0; i < 30; i++) {
            long fraction = (i * 0x9E3779B97F4A7C15L) >>> 44;
            powerOfTwo.enhanced(0, (1_700_000_000L << 20) + fraction, payload)
                    .enhanced(1, (1_700_000_000L << 30) + (fraction << 10) + i, Frames.bytes(40, i))
                    .enhanced(2, (1_700_000_000L << 10) + (fraction & 1023), Frames.bytes(50, i), 1000);
        }
        PcapngBytes bigEndian = PcapngBytes.file(ByteOrder.BIG_ENDIAN);
        bigEndian.interfaceDescription(1, 0, bigEndian.tsresol(9), bigEndian.tsoffset(100))
                .interfaceDescription(1, 0, bigEndian.tsresol(4))
                .enhanced(0, 1_699_999_900_123_456_789L, payload)
                .obsoletePacket(1, 17_000_000_001_234L, payload)
                .enhanced(1, 17_000_000_009_999L, payload);
        PcapngBytes sections = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        sections.interfaceDescription(1, 0, sections.tsresol(9)).enhanced(0, 1_700_000_000_000_000_001L, payload)
                .section(ByteOrder.BIG_ENDIAN);
        sections.interfaceDescription(101, 0, sections.tsresol(3)).enhanced(0, 1_700_000_000_002L, payload)
                .section(ByteOrder.LITTLE_ENDIAN);
        sections.interfaceDescription(113, 0).enhanced(0, 1_700_000_000_000_003L, payload);
        assertSameAsTshark(write("power-of-two.pcapng", powerOfTwo.bytes()), true);
        assertSameAsTshark(write("big-endian.pcapng", bigEndian.bytes()), true);
        // tshark 4.0 numbers interfaces per section in frame.interface_id; this reader numbers them per file.
        assertSameAsTshark(write("sections.pcapng", sections.bytes()), false);
        Path bigEndianPcap = write("big-endian.pcap",
                PcapBytes.nano(ByteOrder.BIG_ENDIAN).packet(1_700_000_000L, 999_999_999, payload).cutPacket(1_700_000_001L, 5, payload, 1500).bytes());
        assertSameAsTshark(bigEndianPcap, false);
        assertSameTimesAsTcpdump(bigEndianPcap);
    }

    @Test
    void simplePacketsHaveTimeZeroAsTcpdumpShows() throws Exception {
        PcapngBytes b = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        b.interfaceDescription(1, 64).enhanced(0, 1_700_000_000_000_001L, Frames.bytes(60, 1))
                .simple(Frames.bytes(64, 2), 1514).simple(Frames.bytes(60, 3), 60);
        Path file = write("simple.pcapng", b.bytes());
        assertSameTimesAsTcpdump(file);
    }

    @Test
    void liveDumpcapCaptureOnLoopbackMatchesTshark() throws Exception {
        Path file = dir.resolve("live.pcapng");
        Path err = dir.resolve("dumpcap.err");
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Process dumpcap = new ProcessBuilder("dumpcap", "-q", "-i", "lo", "-f", "tcp port " + server.getLocalPort(),
                    "-w", file.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
            try {
                waitFor(err, "Capturing on", dumpcap);
                // dumpcap says "Capturing on" a moment before its filter is attached on a loaded machine;
                // a first SYN sent in that moment is missed, so give it a little time.
                Thread.sleep(200);
                Thread echo = new Thread(() -> echoOnce(server));
                echo.start();
                try (Socket client = new Socket()) {
                    client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
                    OutputStream out = client.getOutputStream();
                    InputStream in = client.getInputStream();
                    for (String message : List.of("hello", "x".repeat(2000), "bye")) {
                        out.write(message.getBytes(StandardCharsets.US_ASCII));
                        in.readNBytes(message.length());
                    }
                }
                echo.join(5000);
                Thread.sleep(300);
            } finally {
                new ProcessBuilder("kill", "-INT", Long.toString(dumpcap.pid())).start().waitFor();
                assertTrue(dumpcap.waitFor(20, TimeUnit.SECONDS), "dumpcap stops on SIGINT");
            }
        }
        List<Frame> frames = assertSameAsTshark(file, true);
        assertTrue(frames.size() >= 10, "handshake, data, acks and close were captured: " + frames.size());
    }

    private static void echoOnce(ServerSocket server) {
        try (Socket s = server.accept()) {
            s.getInputStream().transferTo(s.getOutputStream());
        } catch (IOException ignored) {
            // the client's assertions report a broken echo
        }
    }

    private static void waitFor(Path err, String text, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (Files.exists(err) && Files.readString(err).contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("dumpcap did not start: " + (Files.exists(err) ? Files.readString(err) : "no output"));
    }

    // ---- comparing ----

    private List<Frame> assertSameAsTshark(Path file, boolean compareInterfaces) throws Exception {
        List<ToolFrame> expected = new ArrayList<>();
        for (String line : run("tshark", "-n", "-r", file.toString(), "-T", "fields", "-E", "separator=,",
                "-e", "frame.time_epoch", "-e", "frame.cap_len", "-e", "frame.len", "-e", "frame.interface_id",
                "-e", "frame.encap_type")) {
            String[] f = line.split(",", -1);
            expected.add(new ToolFrame(epochNanos(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    f[3].isEmpty() ? 0 : Integer.parseInt(f[3]), Integer.parseInt(f[4])));
        }
        List<Frame> frames;
        try (PacketSource s = CaptureFiles.open(file)) {
            frames = Frames.readAll(s);
        }
        assertEquals(expected.size(), frames.size(), file + ": packet count");
        assertTrue(frames.size() > 0, file + ": has packets");
        for (int i = 0; i < frames.size(); i++) {
            ToolFrame want = expected.get(i);
            Frame got = frames.get(i);
            String where = file.getFileName() + " packet " + (i + 1);
            assertEquals(want.timeNs(), got.timeNs(), where + ": time");
            assertEquals(want.capturedLength(), got.capturedLength(), where + ": captured length");
            assertEquals(want.originalLength(), got.originalLength(), where + ": original length");
            assertEquals(want.encapsulation(), WIRESHARK_ENCAPSULATION.get(got.linkType()), where + ": link type");
            if (compareInterfaces) {
                assertEquals(want.interfaceId(), got.interfaceId(), where + ": interface");
            }
        }
        return frames;
    }

    private void assertSameTimesAsTcpdump(Path file) throws Exception {
        List<Long> expected = new ArrayList<>();
        for (String line : run("tcpdump", "-n", "-q", "-tt", "--time-stamp-precision=nano", "-r", file.toString())) {
            expected.add(epochNanos(line.substring(0, line.indexOf(' '))));
        }
        List<Frame> frames;
        try (PacketSource s = CaptureFiles.open(file)) {
            frames = Frames.readAll(s);
        }
        assertEquals(expected, frames.stream().map(Frame::timeNs).toList(), file + ": tcpdump's times");
    }

    /** "1700000000.123456789" (or fewer digits) to nanoseconds, exactly. */
    private static long epochNanos(String text) {
        int dot = text.indexOf('.');
        String fraction = dot < 0 ? "" : text.substring(dot + 1);
        long seconds = Long.parseLong(dot < 0 ? text : text.substring(0, dot));
        return seconds * 1_000_000_000L + Long.parseLong((fraction + "000000000").substring(0, 9));
    }

    private static List<String> run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " finishes");
        assertEquals(0, p.exitValue(), String.join(" ", command) + " succeeds");
        String text = new String(out, StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path fixture(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = ToolOracleTest.class.getResourceAsStream("/source/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }
}
