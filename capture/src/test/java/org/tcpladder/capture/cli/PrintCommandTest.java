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
