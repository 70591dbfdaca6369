package org.tcpladder.capture.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.testing.Conversation.ACK;
import static org.tcpladder.capture.testing.Conversation.FIN;
import static org.tcpladder.capture.testing.Conversation.PSH;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.analysis.ConnectionAnalysis;
import org.tcpladder.capture.state.Narration;
import org.tcpladder.capture.state.NumberMode;
import org.tcpladder.capture.decode.LinkTypes;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.capture.testing.Conversation;
import org.tcpladder.capture.testing.PcapWriter;

/** The plain-text ladder of real captures, line by line against files checked by hand. */
class TextExportTest {
    @TempDir
    Path dir;

    @Test
    void echoRecordingMatchesItsExpectedLadderLineByLine() throws IOException {
        assertLines("echo-ipv4.txt", ExportFixtures.export(ExportFixtures.echo(dir), 0, TextFormat.TEXT,
                ExportOptions.defaults()));
    }

    @Test
    void secondOfInterleavedTcpdumpConnectionsCountsItsOwnSegments() throws IOException {
        assertLines("loopback-stream1.txt", ExportFixtures.export(ExportFixtures.loopback(), 1, TextFormat.TEXT,
                ExportOptions.defaults()));
    }

    @Test
    void lostSegmentStopsShortInACrossAndItsCopyNamesIt() throws IOException {
        String text = ExportFixtures.export(ExportFixtures.loss(dir), 0, TextFormat.TEXT, ExportOptions.defaults());
        assertLines("loss.txt", text);
        assertTrue(text.contains("PSH, ACK seq 4 ack 1 len 3 --x   | ESTABLISHED   lost\n"), text);
        assertTrue(text.contains("| ESTABLISHED   repeats #5, TCP Retransmission\n"), text);
    }

    @Test
    void serversLostSegmentStopsShortOnItsWayLeft() throws IOException {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 40000, 80).handshake(100, 900)
                .server(PSH | ACK, 901, 101, "one").server(PSH | ACK, 904, 101, "two").client(ACK, 101, 904)
                .client(ACK, 101, 904).server(PSH | ACK, 904, 101, "two").client(ACK, 101, 907);
        Path file = PcapWriter.write(dir.resolve("server-loss.pcap"), LinkTypes.ETHERNET, f);
        List<String> lines = ExportFixtures.export(file, 0, TextFormat.TEXT, ExportOptions.defaults().withStates(false))
                .lines().toList();
        assertEquals(List.of(
                "4         | <---- PSH, ACK seq 1 ack 1 len 3 |",
                "5         |   x-- PSH, ACK seq 4 ack 1 len 3 |         lost"), lines.subList(6, 8));
    }

    @Test
    void rangeStartsFromTheStatesTheSegmentsBeforeItLeft() throws IOException {
        List<String> lines = ExportFixtures.export(ExportFixtures.echo(dir), 0, TextFormat.TEXT,
                ExportOptions.defaults().withRange(new SegmentRange(8, 10))).lines().toList();
        assertEquals("TCP connection client 127.0.0.1:44137 \u2192 server 127.0.0.1:43821 (segments 8\u201310 of 11,"
                + " relative sequence numbers)", lines.get(0));
        assertEquals(List.of(
                " #  client       | segment                      | server",
                "    ESTABLISHED  |                              | ESTABLISHED",
                " 8  FIN-WAIT-1   | FIN, ACK seq 12 ack 12 ----> | CLOSE-WAIT",
                " 9  FIN-WAIT-2   | <--------- ACK seq 12 ack 13 | CLOSE-WAIT",
                "10  TIME-WAIT    | <---- FIN, ACK seq 12 ack 13 | LAST-ACK"), lines.subList(2, lines.size()));
    }

    @Test
    void absoluteNumbersAreTheWiresAndStatesCanBeLeftOut() throws IOException {
        List<String> lines = ExportFixtures.export(ExportFixtures.echo(dir), 0, TextFormat.TEXT,
                ExportOptions.defaults().withNumbers(NumberMode.ABSOLUTE).withStates(false)
                        .withRange(new SegmentRange(1, 2))).lines().toList();
        assertEquals(List.of(
                "TCP connection client 127.0.0.1:44137 \u2192 server 127.0.0.1:43821 (segments 1\u20132 of 11,"
                        + " absolute sequence numbers)",
                "",
                "#  client | segment                                     | server",
                "1         | SYN seq 3839247522 -----------------------> |",
                "2         | <---- SYN, ACK seq 842867438 ack 3839247523 |"), lines);
    }

    @Test
    void notesTellTheNarrationAndWhyALostSegmentCountsAsLost() throws IOException {
        List<String> lines = ExportFixtures.export(ExportFixtures.loss(dir), 0, TextFormat.TEXT,
                ExportOptions.defaults().withNotes(true)).lines().toList();
        int lost = lines.indexOf(" 5  ESTABLISHED  | PSH, ACK seq 4 ack 1 len 3 --x   | ESTABLISHED   lost");
        assertTrue(lost > 0, String.join("\n", lines));
        assertEquals(List.of(
                "                   The client sends 3 bytes of data, sequence numbers 4 to 6 (relative 4 to",
                "                   6), so the byte after them is numbered 7.",
                "                   Lost: the server's duplicate ACKs keep asking for byte 4; the client",
                "                   sends it again as segment 8.",
                " 6  ESTABLISHED  | <--------------- ACK seq 1 ack 4 | ESTABLISHED"), lines.subList(lost + 1, lost + 6));
    }

    @Test
    void everyStepTellsTheStatesPrintStatesTellsEvenWhereSegmentsCross() throws IOException {
        List<Path> files = new java.util.ArrayList<>(List.of(ExportFixtures.loss(dir), ExportFixtures.loopback()));
        for (String name : ExportFixtures.RECORDINGS) {
            files.add(ExportFixtures.recording(dir, name));
        }
        for (Path file : files) {
            ConnectionAnalysis a = ExportFixtures.analysis(file, 0);
            List<LadderStep> steps = new java.util.ArrayList<>();
            LadderExport.of(a, ExportOptions.defaults(), Narration.english(), ExportWords.english())
                    .writeTo(new Collecting(steps));
            assertEquals(a.size(), steps.size());
            for (int i = 0; i < a.size(); i++) {
                for (Side side : Side.values()) {
                    assertEquals(a.stateAfter(side, i), steps.get(i).state(side), file.getFileName() + " segment "
                            + (i + 1) + " " + side);
                }
            }
        }
    }

    @Test
    void crossingFinsChangeTheServerOnlyOnceItsOwnFinHasLeft() throws IOException {
        Path file = ExportFixtures.recording(dir, "simultaneous-close-ipv4");
        List<String> text = ExportFixtures.export(file, 0, TextFormat.TEXT,
                ExportOptions.defaults().withRange(new SegmentRange(8, 9))).lines().toList();
        assertEquals(List.of(
                "8  FIN-WAIT-1   | FIN, ACK seq 12 ack 12 ----> | ESTABLISHED",
                "9  CLOSING      | <---- FIN, ACK seq 12 ack 12 | CLOSING"), text.subList(4, 6));
        List<String> mermaid = ExportFixtures.export(file, 0, TextFormat.MERMAID,
                ExportOptions.defaults().withRange(new SegmentRange(8, 9))).lines().toList();
        assertEquals(List.of(
                "    Note over C: FIN-WAIT-1",
                "    C->>S: FIN, ACK seq 12 ack 12",
                "    Note over S: FIN-WAIT-1",
                "    S->>C: FIN, ACK seq 12 ack 12",
                "    Note over S: CLOSING",
                "    Note over C: CLOSING"), mermaid.subList(mermaid.size() - 6, mermaid.size()));
    }

    @Test
    void timeWaitThatRanOutBeforeTheCaptureEndedShowsAfterTheLastSegment() throws IOException {
        // One frame a second: the other connection's 70 segments keep the capture going past 2 MSL.
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 40000, 80).handshake(100, 900).client(FIN | ACK, 101, 901).server(FIN | ACK, 901, 102)
                .client(ACK, 102, 902);
        Conversation other = Conversation.of(f, 40001, 80).handshake(5000, 7000);
        for (int i = 0; i < 70; i++) {
            other.client(ACK, 5001, 7001);
        }
        Path file = PcapWriter.write(dir.resolve("time-wait.pcap"), LinkTypes.ETHERNET, f);
        List<String> lines = ExportFixtures.export(file, 0, TextFormat.TEXT, ExportOptions.defaults()).lines().toList();
        assertEquals(List.of(
                "6  TIME-WAIT    | ACK seq 2 ack 2 ---------> | CLOSED",
                "   CLOSED       |                            | CLOSED",
                "                  End of the capture: the client is CLOSED."), lines.subList(lines.size() - 3, lines.size()));
        String mermaid = ExportFixtures.export(file, 0, TextFormat.MERMAID, ExportOptions.defaults());
        assertTrue(mermaid.endsWith("    Note over C: End of the capture: the client is CLOSED.\n"), mermaid);
        String range = ExportFixtures.export(file, 0, TextFormat.TEXT, ExportOptions.defaults().withRange(new SegmentRange(1, 5)));
        assertFalse(range.contains("End of the capture"), "a range that stops early says nothing of the end");
    }

    @Test
    void captureThatBeganMidStreamSaysItsStatesAreAssumed() throws IOException {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 40000, 80).client(PSH | ACK, 101, 901, "abc").server(ACK, 901, 104);
        Path file = PcapWriter.write(dir.resolve("mid.pcap"), LinkTypes.ETHERNET, f);
        List<String> lines = ExportFixtures.export(file, 0, TextFormat.TEXT, ExportOptions.defaults()).lines().toList();
        assertEquals("states assumed: the capture begins after the connection opened", lines.get(1));
        assertEquals("   ESTABLISHED  |                                  | ESTABLISHED", lines.get(4));
    }

    @Test
    void rangeBeyondTheConnectionIsRefused() throws IOException {
        ConnectionAnalysis a = ExportFixtures.analysis(ExportFixtures.echo(dir), 0);
        assertThrows(IllegalArgumentException.class, () -> LadderExport.of(a,
                ExportOptions.defaults().withRange(new SegmentRange(5, 12)), Narration.english(), ExportWords.english()));
    }

    private static void assertLines(String expectedFile, String actual) throws IOException {
        List<String> expected = Files.readAllLines(Path.of("src/test/resources/export", expectedFile), StandardCharsets.UTF_8);
        List<String> lines = actual.lines().toList();
        for (int i = 0; i < Math.min(expected.size(), lines.size()); i++) {
            assertEquals(expected.get(i), lines.get(i), expectedFile + " line " + (i + 1));
        }
        assertEquals(expected.size(), lines.size(), expectedFile + ": number of lines\n" + actual);
    }

    /** Keeps the steps an export hands its writer. */
    record Collecting(List<LadderStep> steps) implements LadderWriter {
        @Override
        public void begin(LadderHeading heading) {
        }

        @Override
        public void segment(LadderStep step) {
            steps.add(step);
        }

        @Override
        public void end(LadderEnd end) {
        }
    }
}
