package org.tcpladder.app.demo;

import org.junit.jupiter.api.Test;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.ladder.LadderSegment;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo must teach nothing false: its numbers obey RFC 9293 sequence arithmetic. */
class SyntheticEchoSessionTest {
    private final LadderData echo = TestLadders.echo();

    @Test
    void hasHandshakeDataBothWaysAndFourSegmentClose() {
        List<String> flags = echo.segments().stream().map(s -> TcpFlags.letters(s.tcp().flags())).toList();
        assertEquals(List.of("S", "S.", ".", "P.", ".", "P.", ".", "F.", ".", "F.", "."), flags);
        assertEquals(List.of(Side.CLIENT, Side.SERVER, Side.CLIENT, Side.CLIENT, Side.SERVER, Side.SERVER,
                Side.CLIENT, Side.CLIENT, Side.SERVER, Side.SERVER, Side.CLIENT),
                java.util.stream.IntStream.range(0, echo.size()).mapToObj(echo::senderOf).toList());
    }

    @Test
    void everyAckIsThePeersNextSequenceNumber() {
        SeqNum clientNext = null;
        SeqNum serverNext = null;
        for (int i = 0; i < echo.size(); i++) {
            TcpSegment t = echo.segment(i).tcp();
            boolean fromClient = echo.senderOf(i) == Side.CLIENT;
            if (t.has(TcpFlags.ACK)) {
                SeqNum expected = fromClient ? serverNext : clientNext;
                assertEquals(expected, t.ack(), "ack of segment " + (i + 1));
            }
            SeqNum next = t.seq().plus(t.sequenceLength());
            if (fromClient) {
                clientNext = next;
            } else {
                serverNext = next;
            }
        }
    }

    @Test
    void relativeNumbersAreDistancesFromEachSidesInitialSequenceNumber() {
        for (int i = 0; i < echo.size(); i++) {
            LadderSegment s = echo.segment(i);
            boolean fromClient = echo.senderOf(i) == Side.CLIENT;
            long ownIsn = fromClient ? SyntheticEchoSession.CLIENT_ISN : SyntheticEchoSession.SERVER_ISN;
            long peerIsn = fromClient ? SyntheticEchoSession.SERVER_ISN : SyntheticEchoSession.CLIENT_ISN;
            assertEquals(s.relativeSeq(), s.tcp().seq().minus(SeqNum.of(ownIsn)));
            if (s.tcp().has(TcpFlags.ACK)) {
                assertEquals(s.relativeAck(), s.tcp().ack().minus(SeqNum.of(peerIsn)));
            }
        }
    }

    @Test
    void synsCarryLinuxOptionsAndLaterSegmentsTimestamps() {
        List<TcpOption> syn = echo.segment(0).tcp().options();
        assertEquals(List.of(2, 4, 8, 1, 3), syn.stream().map(TcpOption::kind).toList());
        assertEquals(new TcpOption.MaxSegmentSize(65495), syn.get(0));
        assertEquals(List.of(1, 1, 8), echo.segment(5).tcp().options().stream().map(TcpOption::kind).toList());
        TcpOption.Timestamps synTs = (TcpOption.Timestamps) syn.get(2);
        TcpOption.Timestamps synAckTs = (TcpOption.Timestamps) echo.segment(1).tcp().options().get(2);
        assertEquals(0, synTs.echoReply());
        assertEquals(synTs.value(), synAckTs.echoReply(), "the SYN,ACK echoes the SYN's clock (RFC 7323 3.2)");
    }

    @Test
    void windowsAreScaledOnlyAfterTheHandshake() {
        assertEquals(65495L, echo.segment(0).windowBytes());
        assertEquals(512 * 128L, echo.segment(3).windowBytes());
    }

    @Test
    void payloadsAreTheEchoedMessage() throws Exception {
        byte[] hello = "hello\n".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(hello, echo.payloads().read(echo.segment(3).tcp()));
        assertArrayEquals(hello, echo.payloads().read(echo.segment(5).tcp()));
        assertEquals(0, echo.payloads().read(echo.segment(4).tcp()).length);
    }

    @Test
    void everySegmentIsNarratedAndTimesIncrease() {
        for (int i = 0; i < echo.size(); i++) {
            assertNotNull(echo.segment(i).narration());
            assertTrue(!echo.segment(i).narration().startsWith("!"), "narration key missing for " + i);
            if (i > 0) {
                assertTrue(echo.segment(i).tcp().timeNs() > echo.segment(i - 1).tcp().timeNs());
            }
        }
    }

    @Test
    void ipv6VariantUsesLoopbackSixAndItsMss() {
        LadderData v6 = SyntheticEchoSession.build(TestLadders.TEXT, true);
        assertEquals("[::1]:54018", v6.client().toString());
        assertEquals(new TcpOption.MaxSegmentSize(65476), v6.segment(0).tcp().options().get(0));
    }
}
