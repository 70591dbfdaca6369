package org.tcpladder.app.ladder;

import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Side;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcpladder.app.Captures;
import org.tcpladder.capture.analysis.ConnectionAnalysis;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.state.Narration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real loopback echo session (tcpdump), as the ladder gets it from the capture core. */
class CaptureLadderTest {
    private CaptureIndex capture;
    private LadderData echo;

    @BeforeEach
    void loadTheFirstEchoSession() throws IOException {
        capture = CaptureIndex.load(Captures.LOOPBACK);
        echo = ladder(capture, 0);
    }

    @AfterEach
    void close() throws IOException {
        capture.close();
    }

    private static LadderData ladder(CaptureIndex index, int connection) {
        Connection c = index.connections().get(connection);
        return CaptureLadder.of(index, ConnectionAnalysis.of(c, c.endNs()), Narration.english());
    }

    @Test
    void theClientIsTheSideThatSentTheSynAndStatesStartClosedAndListening() {
        assertEquals(14, echo.size());
        assertEquals(Side.CLIENT, echo.senderOf(0));
        assertEquals(Side.SERVER, echo.senderOf(1));
        assertEquals(TcpState.CLOSED, echo.clientInitialState());
        assertEquals(TcpState.LISTEN, echo.serverInitialState());
        assertInstanceOf(OnDemandSegments.class, echo.segments(), "segments are built when asked for");
    }

    @Test
    void numbersAreRelativeToEachSidesInitialSequenceNumberAndAckOnlyWithTheAckBit() {
        assertEquals(0L, echo.segment(0).relativeSeq());
        assertNull(echo.segment(0).relativeAck(), "a SYN without ACK has no acknowledgment number");
        assertEquals(0L, echo.segment(1).relativeSeq());
        assertEquals(1L, echo.segment(1).relativeAck(), "the SYN took one sequence number");
        assertEquals(1L, echo.segment(3).relativeSeq());
        assertEquals(6L, echo.segment(4).relativeAck(), "5 bytes of data acknowledged");
    }

    @Test
    void windowsAreScaledExceptInTheSyns() {
        assertEquals(65495L, echo.segment(0).windowBytes(), "RFC 7323 2.2: a SYN's window is never scaled");
        assertEquals(64, echo.segment(2).tcp().window());
        assertEquals(65536L, echo.segment(2).windowBytes(), "64 << 10");
    }

    @Test
    void eachSideHasItsStateAfterEverySegmentWithTheRuleWhereItChanged() {
        assertEquals(TcpState.SYN_SENT, echo.segment(0).clientState());
        assertEquals(TcpState.SYN_RECEIVED, echo.segment(0).serverState());
        assertEquals(TcpState.ESTABLISHED, echo.segment(1).clientState());
        assertEquals(TcpState.SYN_RECEIVED, echo.segment(1).serverState());
        assertEquals(TcpState.ESTABLISHED, echo.segment(2).serverState());
        assertTrue(echo.segment(1).clientReason().contains("SYN-SENT \u2192 ESTABLISHED (RFC 9293 \u00a73.10.7.3)"),
                echo.segment(1).clientReason());
        assertNull(echo.segment(1).serverReason(), "the server did not change at the SYN,ACK");
        assertNull(echo.segment(5).clientReason());
        assertEquals(TcpState.TIME_WAIT, echo.segment(13).clientState());
        assertEquals(TcpState.CLOSED, echo.segment(13).serverState());
    }

    @Test
    void aSegmentThatCausesTwoChangesGivesBothReasons() {
        // The server's FIN also acknowledges the client's FIN: FIN-WAIT-1, FIN-WAIT-2, TIME-WAIT at once.
        LadderSegment serverFin = echo.segment(12);
        assertEquals(TcpState.TIME_WAIT, serverFin.clientState());
        assertTrue(serverFin.clientReason().contains("FIN-WAIT-1 \u2192 FIN-WAIT-2"), serverFin.clientReason());
        assertTrue(serverFin.clientReason().contains("FIN-WAIT-2 \u2192 TIME-WAIT"), serverFin.clientReason());
    }

    @Test
    void payloadsAreReadBackFromTheCapture() throws IOException {
        LadderSegment hello = echo.segment(3);
        assertEquals("hello", new String(echo.payloads().read(hello.tcp()), StandardCharsets.US_ASCII));
    }

    @Test
    void aPayloadOfAClosedCaptureIsAnIoErrorTheDetailsCanShowNotAnUncheckedOne() throws IOException {
        // A live session's store is released when the window moves on, while its ladder may still be
        // on screen (and its playhead moving): the details pane reads payloads through this reader.
        LadderSegment hello = echo.segment(3);
        capture.close();
        assertThrows(IOException.class, () -> echo.payloads().read(hello.tcp()));
    }

    @Test
    void headerFieldsTheSegmentLacksAreReadFromTheCapturedBytes() {
        assertEquals(40, echo.segment(0).header().dataOffsetBytes(), "SYN: 20 bytes of options");
        assertEquals(32, echo.segment(2).header().dataOffsetBytes(), "NOP, NOP, timestamps");
        assertEquals(0, echo.segment(2).header().reservedBits());
    }

    @Test
    void theNarrationIsWordedWhenAskedFor() {
        String syn = echo.segment(0).narration();
        assertTrue(syn.contains("SYN"), syn);
    }

    @Test
    void anomaliesCarryWiresharksNames() throws IOException {
        try (CaptureIndex twenty = CaptureIndex.load(Captures.TWENTY)) {
            LadderData d = ladder(twenty, 0);
            assertEquals(List.of("TCP Retransmission"), d.segment(15).anomalies());
            assertEquals(List.of(), d.segment(14).anomalies());
        }
    }
}
