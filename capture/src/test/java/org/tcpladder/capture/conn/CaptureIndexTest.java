package org.tcpladder.capture.conn;

import org.tcpladder.capture.tcp.Side;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.testing.Conversation.ACK;
import static org.tcpladder.capture.testing.Conversation.FIN;
import static org.tcpladder.capture.testing.Conversation.PSH;
import static org.tcpladder.capture.testing.Conversation.SYN;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.decode.Layer;
import org.tcpladder.capture.decode.LinkTypes;
import org.tcpladder.capture.source.TimePrecision;
import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;
import org.tcpladder.capture.testing.Conversation;
import org.tcpladder.capture.testing.Frames;
import org.tcpladder.capture.testing.GrowingStore;
import org.tcpladder.capture.testing.PcapWriter;

class CaptureIndexTest {
    @TempDir
    Path dir;

    private Path echoCapture() throws Exception {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 40000, 80).handshake(4_294_967_290L, 900)
                .client(PSH | ACK, 4_294_967_291L, 901, "hello")
                .server(PSH | ACK, 901, 0, "hello")
                .client(FIN | ACK, 0, 906).server(FIN | ACK, 906, 1).client(ACK, 1, 907);
        f.add(3, Frames.ethernet(0x0806, new byte[28]));                     // ARP, not TCP
        f.add(4, Frames.ethernet(Frames.ipv4(Frames.tcp().dataOffset(2).build()).build())); // malformed
        return PcapWriter.write(dir.resolve("echo.pcap"), LinkTypes.ETHERNET, f);
    }

    @Test
    void loadsConnectionsAndSegmentsFromAFile() throws Exception {
        try (CaptureIndex index = CaptureIndex.load(echoCapture())) {
            assertEquals(10, index.packetCount());
            assertEquals(8, index.segmentCount());
            assertEquals(1, index.notTcpCount());
            assertEquals(1, index.connections().size());
            Connection c = index.connection(0);
            assertEquals(8, c.segmentCount());
            assertEquals(EndKind.FIN_BOTH, c.end());
            assertEquals(TimePrecision.MICRO, index.precision());
            assertNull(index.readError());
        }
    }

    @Test
    void segmentsAreBuiltOnDemandWithTheirOptions() throws Exception {
        try (CaptureIndex index = CaptureIndex.load(echoCapture())) {
            Connection c = index.connection(0);
            TcpSegment data = c.segment(3);
            assertEquals(6, data.index(), "packet number in the file, counting the ARP and the bad packet");
            assertEquals(c.client(), data.src());
            assertEquals(c.server(), data.dst());
            assertEquals(new SeqNum((int) 4_294_967_291L), data.seq());
            assertEquals(TcpFlags.PSH | TcpFlags.ACK, data.flags());
            assertEquals(5, data.payloadLength());
            assertEquals(List.of(new TcpOption.NoOp(), new TcpOption.NoOp(), new TcpOption.Timestamps(1, 2)), data.options());
            assertEquals(PcapWriter.BASE_TIME_NS + 5 * 1_000_000_000L, data.timeNs());
            assertNull(data.malformed());
            assertEquals(Side.CLIENT, c.sender(3));
            assertEquals(Side.SERVER, c.sender(4));
        }
    }

    @Test
    void payloadIsReadBackFromTheFile() throws Exception {
        try (CaptureIndex index = CaptureIndex.load(echoCapture())) {
            TcpSegment data = index.connection(0).segment(4);
            assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), index.payload(data));
            assertEquals(0, index.payload(index.connection(0).segment(0)).length);
        }
    }

    @Test
    void relativeNumbersCountFromEachSidesSyn() throws Exception {
        try (CaptureIndex index = CaptureIndex.load(echoCapture())) {
            Connection c = index.connection(0);
            assertEquals(4_294_967_290L, c.initialSeq(Side.CLIENT).value());
            assertEquals(900, c.initialSeq(Side.SERVER).value());
            TcpSegment syn = c.segment(0);
            TcpSegment synAck = c.segment(1);
            TcpSegment data = c.segment(3);
            TcpSegment echo = c.segment(4);
            TcpSegment lastAck = c.segment(7);
            assertEquals(0, c.relativeSeq(syn));
            assertEquals(0, c.relativeSeq(synAck));
            assertEquals(1, c.relativeAck(synAck));
            assertEquals(1, c.relativeSeq(data), "across the 2^32 wrap");
            assertEquals(1, c.relativeSeq(echo));
            assertEquals(6, c.relativeAck(echo));
            assertEquals(7, c.relativeSeq(lastAck));
            assertEquals(7, c.relativeAck(lastAck));
        }
    }

    @Test
    void midStreamBasesFollowTcpdump() throws Exception {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 40000, 80).server(PSH | ACK, 900, 101, "abc").client(ACK, 101, 903);
        try (CaptureIndex index = CaptureIndex.load(PcapWriter.write(dir.resolve("mid.pcap"), LinkTypes.ETHERNET, f))) {
            Connection c = index.connection(0);
            assertTrue(c.midStream());
            assertEquals(0, c.relativeSeq(c.segment(0)), "the server's first segment counts from 0");
            assertEquals(1, c.relativeAck(c.segment(0)), "the client's next byte is 1");
            assertEquals(1, c.relativeSeq(c.segment(1)));
            assertEquals(3, c.relativeAck(c.segment(1)));
        }
    }

    @Test
    void malformedPacketsAreValuesAndTheRestLoads() throws Exception {
        try (CaptureIndex index = CaptureIndex.load(echoCapture())) {
            List<MalformedPacket> bad = index.malformedPackets();
            assertEquals(1, bad.size());
            assertEquals(5, bad.get(0).number());
            assertEquals(Layer.TCP, bad.get(0).problem().layer());
            assertTrue(bad.get(0).problem().reason().contains("data offset 2"));
        }
    }

    @Test
    void segmentWithABadOptionKeepsItsReason() throws Exception {
        List<byte[]> f = List.of(Frames.ethernet(Frames.ipv4(Frames.tcp().flags(SYN).options(2, 3, 0, 0).build()).build()));
        try (CaptureIndex index = CaptureIndex.load(PcapWriter.write(dir.resolve("opt.pcap"), LinkTypes.ETHERNET, f))) {
            TcpSegment s = index.segment(0);
            assertEquals("TCP: MSS option has length 3, expected 4", s.malformed());
            assertEquals(List.of(), s.options());
        }
    }

    @Test
    void aFileCutShortKeepsThePacketsBeforeTheDamage() throws Exception {
        Path file = echoCapture();
        byte[] all = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 10));
        try (CaptureIndex index = CaptureIndex.load(cut)) {
            assertEquals(9, index.packetCount());
            assertNotNull(index.readError());
            assertTrue(index.readError().getMessage().contains("cut.pcap"));
        }
    }

    @Test
    void appendingFramesOneByOneNotifiesListeners() throws Exception {
        GrowingStore store = new GrowingStore();
        CaptureIndex index = new CaptureIndex(store, TimePrecision.NANO);
        List<String> events = new ArrayList<>();
        index.addListener(new CaptureListener() {
            @Override
            public void connectionAdded(Connection connection) {
                events.add("connection " + connection.index());
            }

            @Override
            public void segmentAdded(Connection connection, int segmentIndex) {
                events.add("segment " + connection.index() + "." + segmentIndex);
            }

            @Override
            public void malformedPacket(MalformedPacket packet) {
                events.add("malformed " + packet.number());
            }
        });
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 40000, 80).client(SYN, 1, 0);
        Conversation.of(f, 40001, 80).client(SYN, 1, 0);
        Conversation.of(f, 40000, 80).server(SYN | ACK, 5, 2, "");
        f.add(Frames.ethernet(Frames.ipv4(new byte[4]).build()));
        long t = 1;
        for (byte[] frame : f) {
            index.append(store.add(LinkTypes.ETHERNET, t++, frame));
        }
        assertEquals(List.of("connection 0", "segment 0.0", "connection 1", "segment 1.0", "segment 0.1", "malformed 4"), events);
        assertEquals(2, index.connection(0).segmentCount());
        TcpSegment synAck = index.connection(0).segment(1);
        assertEquals(3, synAck.index());
        assertEquals(0, index.payload(synAck).length);
        assertEquals(index.connection(0), index.connectionOf(2));
    }

    @Test
    void readersOnAnotherThreadSeeWhatIsPublished() throws Exception {
        GrowingStore store = new GrowingStore();
        CaptureIndex index = new CaptureIndex(store, TimePrecision.MICRO);
        List<byte[]> f = Conversation.frames();
        Conversation c = Conversation.of(f, 40000, 80).handshake(1, 1000);
        for (int i = 0; i < 3000; i++) {
            c.client(PSH | ACK, 2 + i, 1001, "x");
        }
        Thread writer = new Thread(() -> {
            long t = 1;
            for (byte[] frame : f) {
                index.append(store.add(LinkTypes.ETHERNET, t++, frame));
            }
        });
        writer.start();
        long seen = 0;
        while (writer.isAlive() || seen < f.size()) {
            int n = index.segmentCount();
            for (int row = (int) seen; row < n; row++) {
                assertEquals(row + 1, index.packetNumber(row));
                assertEquals(0, index.connectionOf(row).index());
            }
            seen = n;
            if (!index.connections().isEmpty()) {
                Connection conn = index.connections().get(0);
                int k = conn.segmentCount();
                if (k > 3) {
                    assertEquals(Side.CLIENT, conn.sender(k - 1));
                    assertEquals(1, conn.segment(k - 1).payloadLength());
                }
            }
        }
        writer.join();
        assertEquals(f.size(), index.segmentCount());
    }
}
