package org.tcpladder.capture.export;

import static org.tcpladder.capture.testing.Conversation.ACK;
import static org.tcpladder.capture.testing.Conversation.FIN;
import static org.tcpladder.capture.testing.Conversation.PSH;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.tcpladder.capture.analysis.ConnectionAnalysis;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.decode.LinkTypes;
import org.tcpladder.capture.state.Narration;
import org.tcpladder.capture.testing.Conversation;
import org.tcpladder.capture.testing.PcapWriter;

/** Real captures to export: the shipped echo recording, a tcpdump capture, and one with a lost segment. */
final class ExportFixtures {
    private ExportFixtures() {
    }

    /** The program's own recording of the echo session over IPv4: 11 segments, captured live. */
    static Path echo(Path dir) throws IOException {
        return recording(dir, "echo-ipv4");
    }

    /** The recordings the program ships, one per scenario and IP version. */
    static final List<String> RECORDINGS = recordings();

    private static List<String> recordings() {
        List<String> out = new java.util.ArrayList<>();
        for (String scenario : List.of("echo", "server-closes", "block", "half-close", "refused", "abort",
                "simultaneous-close", "bulk")) {
            out.add(scenario + "-ipv4");
            out.add(scenario + "-ipv6");
        }
        return List.copyOf(out);
    }

    /** One of the recordings the program ships, e.g. {@code simultaneous-close-ipv4}. */
    static Path recording(Path dir, String name) throws IOException {
        Path file = dir.resolve(name + ".pcap.gz");
        if (!Files.exists(file)) {
            try (InputStream in = ExportFixtures.class.getResourceAsStream(
                    "/org/tcpladder/capture/demo/recordings/" + name + ".pcap.gz")) {
                Files.copy(in, file);
            }
        }
        return file;
    }

    /** tcpdump's capture of several interleaved echo sessions on loopback. */
    static Path loopback() {
        return Path.of("src/test/resources/source/loopback-tcpdump.pcap");
    }

    /**
     * A conversation whose segment 5 ("two") never reaches the server: its duplicate ACKs keep asking for
     * byte 4 until the client sends it again as segment 8; then both close.
     */
    static Path loss(Path dir) throws IOException {
        List<byte[]> f = Conversation.frames();
        Conversation a = Conversation.of(f, 40000, 80);
        a.handshake(100, 900);
        a.client(PSH | ACK, 101, 901, "one").client(PSH | ACK, 104, 901, "two").server(ACK, 901, 104)
                .server(ACK, 901, 104).client(PSH | ACK, 104, 901, "two").server(ACK, 901, 107)
                .client(FIN | ACK, 107, 901).server(FIN | ACK, 901, 108).client(ACK, 108, 902);
        return PcapWriter.write(dir.resolve("loss.pcap"), LinkTypes.ETHERNET, f);
    }

    /** Connection {@code stream} of {@code file} exported to {@code format} with {@code options}. */
    static String export(Path file, int stream, TextFormat format, ExportOptions options) {
        try (CaptureIndex index = CaptureIndex.load(file)) {
            Connection c = index.connections().get(stream);
            long end = 0;
            for (Connection each : index.connections()) {
                end = Math.max(end, each.endNs());
            }
            StringWriter out = new StringWriter();
            LadderExport.of(ConnectionAnalysis.of(c, end), options, Narration.english(), ExportWords.english())
                    .writeTo(format.writer(out, ExportWords.english()));
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConnectionAnalysis analysis(Path file, int stream) throws IOException {
        try (CaptureIndex index = CaptureIndex.load(file)) {
            Connection c = index.connections().get(stream);
            return ConnectionAnalysis.of(c, c.endNs());
        }
    }
}
