package org.tcpladder.capture.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.testing.Conversation.ACK;
import static org.tcpladder.capture.testing.Conversation.FIN;
import static org.tcpladder.capture.testing.Conversation.PSH;
import static org.tcpladder.capture.testing.Conversation.SYN;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.decode.LinkTypes;
import org.tcpladder.capture.testing.Cli;
import org.tcpladder.capture.testing.Conversation;
import org.tcpladder.capture.testing.Frames;
import org.tcpladder.capture.testing.Json;
import org.tcpladder.capture.testing.PcapWriter;
import org.tcpladder.capture.testing.Tcpdump;

class PrintCommandTest {
    /** The JSON keys of a segment, in order: a contract with scripts (keys may be added, never renamed). */
    static final List<String> SEGMENT_KEYS = List.of("index", "connection", "time_ns", "src", "dst", "flags", "seq",
            "ack", "rel_seq", "rel_ack", "len", "win", "options", "malformed");

    @TempDir
    Path dir;

    /** Two connections interleaved, an ARP frame, and a packet with a broken TCP header. */
    private Path twoConnections() throws Exception {
        List<byte[]> f = Conversation.frames();
        Conversation a = Conversation.of(f, 40000, 80);
        Conversation b = Conversation.of(f, 40001, 80);
        a.client(SYN, 100, 0);
        b.client(SYN, 5000, 0);
        a.server(SYN | ACK, 900, 101).client(ACK, 101, 901);
        b.server(SYN | ACK, 7000, 5001).client(ACK, 5001, 7001);
        f.add(Frames.ethernet(0x0806, new byte[28]));
        f.add(Frames.ethernet(Frames.ipv4(new byte[12]).build()));
        a.client(PSH | ACK, 101, 901, "hello").server(ACK, 901, 106);
        b.client(FIN | ACK, 5001, 7001);
        return PcapWriter.write(dir.resolve("two.pcap"), LinkTypes.ETHERNET, f);
    }

    @Test
    void notTcpPacketsAreCountedOnStderr() throws Exception {
        Cli r = Cli.run("print", twoConnections().toString());
        assertEquals(0, r.exitCode());
        assertEquals(10, r.lines().size(), "TCP lines, including the broken header as tcpdump shows it");
        assertEquals("tcpladder print: 1 packets not shown (1 not TCP)\n", r.err());
    }

    @Test
    void streamKeepsOneConnectionWithTcpdumpsNumbers() throws Exception {
        Path file = twoConnections();
        List<String> all = Cli.run("print", file.toString()).lines();
        Cli r = Cli.run("print", "--stream", "1", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> expected = new ArrayList<>();
        for (String line : Tcpdump.print(file)) {
            if (line.contains(".40001 ") || line.contains(".40001:")) {
                expected.add(line);
            }
        }
        assertEquals(4, expected.size());
        assertEquals(expected, r.lines());
        assertTrue(all.containsAll(r.lines()));
        assertEquals(Cli.run("print", "--stream=1", file.toString()).lines(), r.lines());
    }

    @Test
    void jsonHasTheContractKeysAndTheModelsNumbers() throws Exception {
        Cli r = Cli.run("print", "--json", twoConnections().toString());
        assertEquals(0, r.exitCode(), r.err());
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String line : r.lines()) {
            objects.add(Json.object(line));
        }
        assertEquals(10, objects.size(), "9 segments and the malformed packet");
        for (Map<String, Object> o : objects) {
            assertEquals(SEGMENT_KEYS, new ArrayList<>(o.keySet()).subList(0, SEGMENT_KEYS.size()));
        }
        Map<String, Object> synAck = objects.get(2);
        assertEquals(3L, synAck.get("index"));
        assertEquals(0L, synAck.get("connection"));
        assertEquals("10.0.0.2:80", synAck.get("src"));
        assertEquals("10.0.0.1:40000", synAck.get("dst"));
        assertEquals("S.", synAck.get("flags"));
        assertEquals(900L, synAck.get("seq"));
        assertEquals(101L, synAck.get("ack"));
        assertEquals(0L, synAck.get("rel_seq"));
        assertEquals(1L, synAck.get("rel_ack"));
        assertEquals(0L, synAck.get("len"));
        assertEquals(65535L, synAck.get("win"));
        assertEquals(List.of(), synAck.get("options"));
        assertNull(synAck.get("malformed"));
        assertEquals(PcapWriter.BASE_TIME_NS + 2_000_000_000L, synAck.get("time_ns"));

        Map<String, Object> syn = objects.get(0);
        assertNull(syn.get("rel_ack"), "no ACK flag, no acknowledgment number");
        assertEquals(List.of("nop", "nop", "TS val 1 ecr 2"), syn.get("options"));

        Map<String, Object> bad = objects.get(6);
        assertEquals(8L, bad.get("index"));
        assertNull(bad.get("connection"));
        assertEquals("TCP: segment of 12 bytes is shorter than the 20-byte header", bad.get("malformed"));

        Map<String, Object> data = objects.get(7);
        assertEquals("P.", data.get("flags"));
        assertEquals(1L, data.get("rel_seq"));
        assertEquals(5L, data.get("len"));
    }

    @Test
    void jsonAddsStatesTransitionsAndAnomaliesAndWithStatesTheNarration() throws Exception {
        Path file = twoConnections();
        List<String> plain = Cli.run("print", "--json", file.toString()).lines();
        List<String> withStates = Cli.run("print", "--json", "--states", file.toString()).lines();
        assertEquals(plain.size(), withStates.size());
        Map<String, Object> syn = Json.object(plain.get(0));
        assertEquals("SYN-SENT", syn.get("client_state"));
        assertEquals("SYN-RECEIVED", syn.get("server_state"), "the SYN,ACK shows it arrived");
        assertEquals(Boolean.FALSE, syn.get("assumed"));
        assertEquals(List.of(Map.of("side", "client", "from", "CLOSED", "to", "SYN-SENT", "reason", "SENT_SYN",
                        "rfc", "RFC 9293 \u00a73.10.1", "segment", 1L),
                Map.of("side", "server", "from", "LISTEN", "to", "SYN-RECEIVED", "reason", "RECEIVED_SYN",
                        "rfc", "RFC 9293 \u00a73.10.7.2", "segment", 1L)), syn.get("transitions"));
        assertEquals(List.of(), syn.get("anomalies"));
        assertFalse(syn.containsKey("narration"), "narration only with --states");
        Map<String, Object> told = Json.object(withStates.get(0));
        assertTrue(((String) told.get("narration")).startsWith("The client opens the connection with a SYN."),
                told.toString());
        Map<String, Object> unanswered = Json.object(plain.get(plain.size() - 1));
        assertEquals("F.", unanswered.get("flags"));
        assertEquals("FIN-WAIT-1", unanswered.get("client_state"));
        assertEquals("ESTABLISHED", unanswered.get("server_state"), "nothing shows the FIN arrived");
        Map<String, Object> bad = Json.object(plain.get(6));
        assertNull(bad.get("client_state"));
        assertEquals(List.of(), bad.get("transitions"));
    }

    @Test
    void statesFollowTheTcpdumpLineWithWiresharksAnomalyNames() throws Exception {
        List<byte[]> f = Conversation.frames();
        Conversation a = Conversation.of(f, 40000, 80);
        a.handshake(100, 900);
        a.client(PSH | ACK, 101, 901, "one").client(PSH | ACK, 104, 901, "two").server(ACK, 901, 104)
                .server(ACK, 901, 104).client(PSH | ACK, 104, 901, "two").server(ACK, 901, 107);
        Path file = PcapWriter.write(dir.resolve("dup.pcap"), LinkTypes.ETHERNET, f);
        Cli r = Cli.run("print", "--states", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> tcpdump = Tcpdump.print(file);
        List<String> suffixes = new ArrayList<>();
        for (int i = 0; i < tcpdump.size(); i++) {
            assertTrue(r.lines().get(i).startsWith(tcpdump.get(i) + " "), r.lines().get(i));
            suffixes.add(r.lines().get(i).substring(tcpdump.get(i).length() + 1));
        }
        assertEquals(List.of("client=SYN-SENT server=SYN-RECEIVED", "client=ESTABLISHED server=SYN-RECEIVED",
                "client=ESTABLISHED server=ESTABLISHED", "client=ESTABLISHED server=ESTABLISHED",
                "client=ESTABLISHED server=ESTABLISHED [lost]", "client=ESTABLISHED server=ESTABLISHED",
                "client=ESTABLISHED server=ESTABLISHED [TCP Dup ACK 6#1]",
                "client=ESTABLISHED server=ESTABLISHED [TCP Retransmission] [repeats 5]",
                "client=ESTABLISHED server=ESTABLISHED"), suffixes);
        // The server's ACKs kept asking for "two": it never got the first copy.
        Map<String, Object> lost = Json.object(Cli.run("print", "--json", "--states", file.toString()).lines().get(4));
        assertEquals(true, lost.get("lost"));
        assertEquals(List.of(8L), lost.get("retransmitted_by"));
        assertEquals("Lost: the server's duplicate ACKs keep asking for byte 4; the client sends it again as segment 8.",
                lost.get("loss_reason"));
        assertEquals(Cli.run("print", file.toString()).lines(), tcpdump, "without --states, tcpdump's lines");
    }

    @Test
    void statesOfOneStreamKeepTcpdumpsNumbers() throws Exception {
        Path file = twoConnections();
        Cli r = Cli.run("print", "--states", "--stream", "1", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> plain = Cli.run("print", "--stream", "1", file.toString()).lines();
        assertEquals(4, r.lines().size());
        for (int i = 0; i < 4; i++) {
            assertTrue(r.lines().get(i).startsWith(plain.get(i) + " client="), r.lines().get(i));
        }
        assertTrue(r.lines().get(3).endsWith(" client=FIN-WAIT-1 server=ESTABLISHED"), r.lines().get(3));
        Cli all = Cli.run("print", "--states", file.toString());
        assertEquals(10, all.lines().size());
        assertTrue(all.lines().get(6).endsWith("[|tcp]"), "a broken header has no states: " + all.lines().get(6));
    }

    @Test
    void jsonOfOneStream() throws Exception {
        Cli r = Cli.run("print", "--json", "--stream", "0", twoConnections().toString());
        assertEquals(5, r.lines().size());
        for (String line : r.lines()) {
            assertEquals(0L, Json.object(line).get("connection"));
        }
    }

    @Test
    void aDamagedFileStillPrintsWhatCameBeforeAndFailsWithItsOffset() throws Exception {
        Path file = twoConnections();
        byte[] all = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 5));
        Cli r = Cli.run("print", cut.toString());
        assertEquals(1, r.exitCode());
        assertEquals(9, r.lines().size());
        assertTrue(r.err().startsWith("tcpladder print: " + cut + ": at byte "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void stopsQuietlyWhenTheOutputIsClosed() throws Exception {
        Path file = twoConnections();
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        java.io.OutputStream closed = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                writes.incrementAndGet();
                throw new java.io.IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                writes.incrementAndGet();
                throw new java.io.IOException("Broken pipe");
            }
        };
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = Main.run(List.of("print", file.toString()), new java.io.PrintStream(closed),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(0, code);
        assertFalse(err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("internal error"));
        assertTrue(writes.get() >= 1);
    }

    @Test
    void userMistakesGiveAMessageAndNoStackTrace() throws Exception {
        Cli missing = Cli.run("print", dir.resolve("nope.pcap").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("nope.pcap"), missing.err());
        Cli badOption = Cli.run("print", "-x", "file.pcap");
        assertEquals(2, badOption.exitCode());
        assertTrue(badOption.err().contains("unknown option -x"), badOption.err());
        Cli badStream = Cli.run("print", "--stream", "two", "file.pcap");
        assertEquals(2, badStream.exitCode());
        Cli noFile = Cli.run("print");
        assertEquals(2, noFile.exitCode());
        Path notPcap = Files.writeString(dir.resolve("text.pcap"), "this is not a capture file at all");
        Cli wrong = Cli.run("print", notPcap.toString());
        assertEquals(1, wrong.exitCode());
        assertTrue(wrong.err().contains("at byte 0"), wrong.err());
        for (Cli r : List.of(missing, badOption, badStream, noFile, wrong)) {
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }
}
