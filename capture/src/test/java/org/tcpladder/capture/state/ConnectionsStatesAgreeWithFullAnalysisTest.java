package org.tcpladder.capture.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.analysis.ConnectionAnalysis;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.decode.PacketDecoder;
import org.tcpladder.capture.source.CaptureFiles;
import org.tcpladder.capture.source.PacketSource;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.capture.testing.Cli;
import org.tcpladder.capture.testing.Json;

/**
 * {@code connections --states} follows each connection with a lean pass (no segment stories, only the
 * options the inference reads); the window builds the full {@link ConnectionAnalysis}. Both must say
 * the same: per connection, each side's final state and the number of anomalies, on the kernel
 * recordings the demo ships, the test captures of every link type, and the scripted catalogue that
 * has every kind of finding (window scaling, D-SACK, retransmissions, crossing FINs, wraparound).
 */
class ConnectionsStatesAgreeWithFullAnalysisTest {
    @TempDir
    Path dir;

    @Test
    void finalStatesAndAnomalyCountsOfConnectionsAreThoseOfTheFullAnalysisOnRealCaptures() throws Exception {
        List<Path> captures = new ArrayList<>();
        captures.addAll(files(Path.of("src/main/resources/org/tcpladder/capture/demo/recordings"), ".pcap.gz"));
        captures.addAll(files(Path.of("src/test/resources/source"), ".pcap"));
        captures.addAll(files(Path.of("src/test/resources/source"), ".pcapng"));
        captures.addAll(files(Path.of("src/test/resources/linktypes"), ".pcap"));
        assertTrue(captures.size() >= 30, "the recordings and fixtures are there: " + captures);
        long anomalies = 0;
        for (Path file : captures) {
            anomalies += assertAgree(file);
        }
        assertTrue(anomalies > 0, "some capture has anomalies to count");
    }

    @Test
    void finalStatesAndAnomalyCountsOfConnectionsAreThoseOfTheFullAnalysisOnTheCatalogue() throws Exception {
        TsharkOracleTest.Capture capture = new TsharkOracleTest.Capture();
        for (Catalogue.Scripted s : Catalogue.all()) {
            capture.add(s.name(), s.flow(), s.midStream());
        }
        Path file = dir.resolve("catalogue.pcap");
        PcapFixtureWriter.write(file, capture.segments);
        long anomalies = assertAgree(file);
        long expected = 0;
        for (var words : capture.ours.values()) {
            expected += words.size();
        }
        assertEquals(expected, anomalies, "every finding of the catalogue is counted once");
    }

    /** Compares both for every connection of {@code file}; returns the anomalies counted. */
    private static long assertAgree(Path file) throws IOException {
        Cli r = Cli.run("connections", "--json", file.toString());
        assertEquals(0, r.exitCode(), file + ": " + r.err());
        List<String> lines = r.lines();
        long total = 0;
        try (CaptureIndex index = CaptureIndex.load(file)) {
            List<Connection> connections = index.connections();
            assertEquals(connections.size(), lines.size(), file + ": one line per connection");
            long captureEndNs = latestPacketNs(file);
            for (Connection c : connections) {
                Map<String, Object> line = Json.object(lines.get(c.index()));
                ConnectionAnalysis full = ConnectionAnalysis.of(c, captureEndNs);
                long count = 0;
                for (int i = 0; i < full.size(); i++) {
                    count += full.segment(i).anomalies().size();
                }
                String where = file.getFileName() + " connection " + c.index();
                assertEquals(full.finalState(Side.CLIENT).displayName(), line.get("client_final_state"), where);
                assertEquals(full.finalState(Side.SERVER).displayName(), line.get("server_final_state"), where);
                assertEquals(count, ((Number) line.get("anomaly_count")).longValue(), where);
                total += count;
            }
        }
        return total;
    }

    /** The latest time of any packet (a capture from two interfaces is not in time order). */
    private static long latestPacketNs(Path file) throws IOException {
        long latest = Long.MIN_VALUE;
        try (PacketSource source = CaptureFiles.open(file)) {
            PacketDecoder decoder = new PacketDecoder(false);
            RawPacket raw = new RawPacket();
            while (source.next(raw)) {
                latest = Math.max(latest, decoder.decode(raw).timeNs());
            }
        }
        return latest;
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
