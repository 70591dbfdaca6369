package org.tcpladder.capture.conn;

import org.tcpladder.capture.tcp.Side;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.testing.Conversation.ACK;
import static org.tcpladder.capture.testing.Conversation.FIN;
import static org.tcpladder.capture.testing.Conversation.PSH;
import static org.tcpladder.capture.testing.Conversation.RST;
import static org.tcpladder.capture.testing.Conversation.SYN;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcpladder.capture.decode.LinkTypes;
import org.tcpladder.capture.decode.PacketDecoder;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.tcp.Endpoint;
import org.tcpladder.capture.testing.Conversation;
import org.tcpladder.capture.testing.Decode;
import org.tcpladder.capture.testing.Frames;

class ConnectionTableTest {
    private static final Endpoint A = new Endpoint(Frames.V4_A, 40000);
    private static final Endpoint B = new Endpoint(Frames.V4_B, 80);

    /** Feeds the frames, 1 ms apart, into a fresh table. */
    private static ConnectionTable table(List<byte[]> frames) {
        ConnectionTable t = new ConnectionTable();
        PacketDecoder d = new PacketDecoder();
        long time = 1_000_000_000L;
        for (byte[] f : frames) {
            RawPacket raw = Decode.raw(LinkTypes.ETHERNET, f, f.length);
            raw.timeNs = time;
            time += 1_000_000;
            t.add(d.decode(raw));
        }
        return t;
    }

    @Test
    void synSenderIsTheClient() {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 40000, 80).handshake(100, 900);
        Connection c = table(f).get(0);
        assertEquals(A, c.client());
        assertEquals(B, c.server());
        assertFalse(c.midStream());
        assertEquals(3, c.segmentCount());
    }

    @Test
    void synAckFirstMakesItsSenderTheServer() {
        List<byte[]> f = Conversation.frames();
        // the server listens on the higher port here, so only the SYN,ACK rule gets it right
        Conversation.of(f, 80, 40000).server(SYN | ACK, 900, 101).client(ACK, 101, 901);
        Connection c = table(f).get(0);
        assertEquals(new Endpoint(Frames.V4_B, 40000), c.server());
        assertTrue(c.midStream());
    }

    @Test
    void midStreamRolesGoByTheLowerPort() {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 40000, 80).server(PSH | ACK, 900, 101, "hello").client(ACK, 101, 905);
        Connection c = table(f).get(0);
        assertEquals(A, c.client());
        assertEquals(B, c.server());
        assertTrue(c.midStream());
    }

    @Test
    void midStreamWithEqualPortsMakesTheFirstSenderTheClient() {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 7000, 7000).server(ACK, 1, 1).client(ACK, 1, 1);
        Connection c = table(f).get(0);
        assertEquals(new Endpoint(Frames.V4_B, 7000), c.client());
    }

    @Test
    void bothDirectionsOfATupleAreOneConnection() {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 40000, 80).handshake(100, 900).client(PSH | ACK, 101, 901, "abc").server(ACK, 901, 104);
        ConnectionTable t = table(f);
        assertEquals(1, t.size());
        assertEquals(3, t.get(0).packets(Side.CLIENT));
        assertEquals(2, t.get(0).packets(Side.SERVER));
    }

    @Test
    void newSynAfterFinFromBothSidesStartsANewConnection() {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 40000, 80).handshake(100, 900)
                .client(FIN | ACK, 101, 901).server(FIN | ACK, 901, 102).client(ACK, 102, 902)
                .handshake(5000, 7000);
        ConnectionTable t = table(f);
        assertEquals(2, t.size());
        assertEquals(EndKind.FIN_BOTH, t.get(0).end());
        assertEquals(6, t.get(0).segmentCount());
        assertEquals(3, t.get(1).segmentCount());
        assertEquals(1, t.get(1).index());
        assertEquals(EndKind.OPEN, t.get(1).end());
    }

    @Test
    void newSynAfterResetStartsANewConnection() {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 40000, 80).client(SYN, 100, 0).server(RST | ACK, 0, 101).client(SYN, 300, 0);
        ConnectionTable t = table(f);
        assertEquals(2, t.size());
        assertEquals(EndKind.RST, t.get(0).end());
    }

    @Test
    void retransmittedSynStaysInItsConnection() {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 40000, 80).client(SYN, 100, 0).client(SYN, 100, 0).server(SYN | ACK, 900, 101);
        ConnectionTable t = table(f);
        assertEquals(1, t.size());
        assertEquals(3, t.get(0).segmentCount());
    }

    @Test
    void synAfterAHalfCloseStaysInTheConnection() {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 40000, 80).handshake(100, 900).client(FIN | ACK, 101, 901).client(SYN, 5000, 0);
        ConnectionTable t = table(f);
        assertEquals(1, t.size());
        assertEquals(EndKind.HALF_CLOSED, t.get(0).end());
    }

    @Test
    void resetCountsEvenAfterFins() {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 40000, 80).handshake(100, 900)
                .client(FIN | ACK, 101, 901).server(FIN | ACK, 901, 102).client(RST, 102, 0);
        assertEquals(EndKind.RST, table(f).get(0).end());
    }

    @Test
    void countsPayloadBytesAndTimeEachWay() {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 40000, 80).handshake(100, 900)
                .client(PSH | ACK, 101, 901, "hello").server(PSH | ACK, 901, 106, "hi there!").client(ACK, 106, 910);
        Connection c = table(f).get(0);
        assertEquals(5, c.bytes(Side.CLIENT));
        assertEquals(9, c.bytes(Side.SERVER));
        assertEquals(6, c.packets());
        assertEquals(1_000_000_000L, c.startNs());
        assertEquals(5_000_000, c.durationNs());
    }

    @Test
    void ipv4AndIpv6WithTheSamePortsAreDifferentConnections() {
        byte[] seg = Frames.tcp().ports(40000, 80).flags(SYN).build();
        ConnectionTable t = table(List.of(Frames.ethernet(Frames.ipv4(seg).build()), Frames.ethernet(Frames.ipv6(seg).build())));
        assertEquals(2, t.size());
        assertTrue(t.get(1).client().isIpv6());
    }

    @Test
    void theTableAnswersWhichConnectionAndWhichSide() {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 40000, 80).client(SYN, 100, 0);
        Conversation.of(f, 40001, 80).client(SYN, 100, 0);
        ConnectionTable t = new ConnectionTable();
        PacketDecoder d = new PacketDecoder();
        Connection first = t.add(Decode.frame(d, LinkTypes.ETHERNET, f.get(0), f.get(0).length));
        assertTrue(t.lastWasNew());
        assertFalse(t.lastFromServer());
        Connection second = t.add(Decode.frame(d, LinkTypes.ETHERNET, f.get(1), f.get(1).length));
        assertNotSame(first, second);
        byte[] reply = Frames.ethernet(Frames.ipv4(Frames.tcp().ports(80, 40000).flags(SYN | ACK).seq(5).ack(101).build())
                .addresses(Frames.V4_B, Frames.V4_A).build());
        assertSame(first, t.add(Decode.frame(d, LinkTypes.ETHERNET, reply, reply.length)));
        assertFalse(t.lastWasNew());
        assertTrue(t.lastFromServer());
        assertEquals(List.of(first, second), t.connections());
    }

    @Test
    void countingOnlyConnectionsCannotHandOutSegments() {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 40000, 80).client(SYN, 100, 0);
        Connection c = table(f).get(0);
        assertThrows(UnsupportedOperationException.class, () -> c.segment(0));
    }
}
