package org.tcpladder.capture.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.testing.Cli;
import org.tcpladder.capture.testing.Json;
import org.tcpladder.capture.testing.LoopbackSession;
import org.tcpladder.capture.testing.LoopbackSession.Ending;
import org.tcpladder.capture.testing.Tcpdump;

/**
 * The oracle: real sessions over loopback captured by tcpdump, printed by us and by
 * {@code tcpdump -nn -tt [-S] -r}, compared line by line.
 */
class PrintMatchesTcpdumpOnLoopbackTest {
    @TempDir
    Path dir;

    @Test
    void ipv4SessionPrintsAsTcpdump() throws Exception {
        Path file = LoopbackSession.captureEcho(dir.resolve("v4.pcap"), InetAddress.getByName("127.0.0.1"), "lo",
                Ending.CLIENT_CLOSES);
        List<String> lines = assertSameAsTcpdump(file);
        assertWholeSessionCaptured(file, "FIN_BOTH");
        assertTrue(lines.get(0).contains(" IP 127.0.0.1."), lines.get(0));
        assertTrue(lines.get(0).contains("Flags [S], seq "), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains("Flags [F.]")), "a FIN");
    }

    @Test
    void ipv6SessionPrintsAsTcpdump() throws Exception {
        Path file = LoopbackSession.captureEcho(dir.resolve("v6.pcap"), InetAddress.getByName("::1"), "lo",
                Ending.CLIENT_CLOSES);
        List<String> lines = assertSameAsTcpdump(file);
        assertWholeSessionCaptured(file, "FIN_BOTH");
        assertTrue(lines.get(0).contains(" IP6 ::1."), lines.get(0));
    }

    @Test
    void resetSessionPrintsAsTcpdump() throws Exception {
        Path file = LoopbackSession.captureEcho(dir.resolve("rst.pcap"), InetAddress.getByName("127.0.0.1"), "lo",
                Ending.CLIENT_RESETS);
        List<String> lines = assertSameAsTcpdump(file);
        assertWholeSessionCaptured(file, "RST");
        assertTrue(lines.stream().anyMatch(l -> l.contains("Flags [R")), "a reset");
    }

    @Test
    void nanosecondCapturePrintsNineDigits() throws Exception {
        Path file = LoopbackSession.captureEcho(dir.resolve("nano.pcap"), InetAddress.getByName("127.0.0.1"), "lo",
                Ending.CLIENT_CLOSES, "--time-stamp-precision=nano");
        List<String> ours = Cli.run("print", file.toString()).lines();
        assertEquals(Tcpdump.print(file, "--time-stamp-precision=nano"), ours);
        assertEquals(Tcpdump.print(file, "--time-stamp-precision=nano", "-S"), Cli.run("print", "-S", file.toString()).lines());
        assertTrue(ours.get(0).matches("\\d+\\.\\d{9} IP .*"), ours.get(0));
        assertWholeSessionCaptured(file, "FIN_BOTH");
    }

    @Test
    void anyInterfaceCaptureShowsInterfaceAndDirection() throws Exception {
        Path file = LoopbackSession.captureEcho(dir.resolve("any.pcap"), InetAddress.getByName("127.0.0.1"), "any",
                Ending.CLIENT_CLOSES);
        List<String> lines = assertSameAsTcpdump(file);
        assertWholeSessionCaptured(file, "FIN_BOTH");
        assertTrue(lines.get(0).matches("\\d+\\.\\d{6} lo    (In |Out) IP 127\\.0\\.0\\.1\\..*"), lines.get(0));
    }

    @Test
    void ipv6AnyInterfaceCapturePrintsAsTcpdump() throws Exception {
        Path file = LoopbackSession.captureEcho(dir.resolve("any6.pcap"), InetAddress.getByName("::1"), "any",
                Ending.CLIENT_RESETS);
        assertSameAsTcpdump(file);
    }

    /** The capture holds the whole echo session: one connection, every byte both ways, the right end. */
    private static void assertWholeSessionCaptured(Path file, String end) {
        Cli r = Cli.run("connections", "--json", file.toString());
        assertEquals(1, r.lines().size(), r.out());
        java.util.Map<String, Object> c = Json.object(r.lines().get(0));
        long sent = 6 + 13 + 4 + 150_000;
        // at least every byte (a loaded machine can make loopback TCP retransmit, which counts again)
        assertTrue((Long) c.get("bytes_client_to_server") >= sent, r.out());
        assertTrue((Long) c.get("bytes_server_to_client") >= sent, r.out());
        assertEquals(end, c.get("end"), r.out());
        assertEquals(Boolean.FALSE, c.get("mid_stream"));
    }

    /** Compares with and without -S; returns our lines (at least a handshake's worth). */
    private static List<String> assertSameAsTcpdump(Path file) throws Exception {
        Cli relative = Cli.run("print", file.toString());
        assertEquals(0, relative.exitCode(), relative.err());
        assertEquals(Tcpdump.print(file), relative.lines());
        Cli absolute = Cli.run("print", "-S", file.toString());
        assertEquals(0, absolute.exitCode(), absolute.err());
        assertEquals(Tcpdump.print(file, "-S"), absolute.lines());
        assertTrue(relative.lines().size() >= 10, "captured " + relative.lines().size() + " packets");
        return relative.lines();
    }
}
