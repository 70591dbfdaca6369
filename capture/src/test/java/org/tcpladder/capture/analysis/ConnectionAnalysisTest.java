package org.tcpladder.capture.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.testing.Conversation.ACK;
import static org.tcpladder.capture.testing.Conversation.FIN;
import static org.tcpladder.capture.testing.Conversation.PSH;
import static org.tcpladder.capture.testing.Conversation.RST;
import static org.tcpladder.capture.testing.Conversation.SYN;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.decode.LinkTypes;
import org.tcpladder.capture.state.AnomalyKind;
import org.tcpladder.capture.state.StateTransition;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.state.TransitionCause;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.capture.testing.Conversation;
import org.tcpladder.capture.testing.PcapWriter;

/**
 * Each side's state after every segment of whole connections, read through the real decoder and
 * capture index from pcap files, one frame a second (so 2 MSL = 60 frames).
 */
class ConnectionAnalysisTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long CLIENT_ISN = 2_546_219_410L;
    private static final long SERVER_ISN = 1_876_543_210L;

    @TempDir
    Path dir;
    private CaptureIndex index;

    @AfterEach
    void close() throws Exception {
        if (index != null) {
            index.close();
        }
    }

    /** The client's n-th sequence number after its ISN, and the server's. */
    private static long c(long n) {
        return CLIENT_ISN + n;
    }

    private static long s(long n) {
        return SERVER_ISN + n;
    }

    private Connection load(List<byte[]> frames) throws Exception {
        Path file = PcapWriter.write(dir.resolve("flow.pcap"), LinkTypes.ETHERNET, frames);
        index = CaptureIndex.load(file);
        return index.connection(0);
    }

    /** Open, one request of 5 bytes and its echo, all acknowledged. */
    private static Conversation opened(List<byte[]> f) {
        Conversation x = Conversation.of(f, 54018, 9000);
        x.handshake(CLIENT_ISN, SERVER_ISN);
        x.client(PSH | ACK, c(1), s(1), "hello").server(ACK, s(1), c(6));
        x.server(PSH | ACK, s(1), c(6), "hello").client(ACK, c(6), s(6));
        return x;
    }

    /** "CLIENT-STATE/SERVER-STATE" after each segment. */
    private static List<String> states(ConnectionAnalysis a) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(a.stateAfter(Side.CLIENT, i) + "/" + a.stateAfter(Side.SERVER, i));
        }
        return out;
    }

    private static final List<String> OPENED = List.of("SYN-SENT/SYN-RECEIVED", "ESTABLISHED/SYN-RECEIVED",
            "ESTABLISHED/ESTABLISHED", "ESTABLISHED/ESTABLISHED", "ESTABLISHED/ESTABLISHED",
            "ESTABLISHED/ESTABLISHED", "ESTABLISHED/ESTABLISHED");

    private static List<String> opened(String... then) {
        List<String> out = new ArrayList<>(OPENED);
        out.addAll(List.of(then));
        return out;
    }

    @Test
    void handshakeShowsEachArrivalAtTheSegmentThatCarriedIt() throws Exception {
        List<byte[]> f = Conversation.frames();
        opened(f);
        ConnectionAnalysis a = ConnectionAnalysis.of(load(f), Long.MIN_VALUE);
        assertEquals(OPENED, states(a));
        assertEquals(TcpState.CLOSED, a.initialState(Side.CLIENT));
        assertEquals(TcpState.LISTEN, a.initialState(Side.SERVER));
        assertEquals(TcpState.ESTABLISHED, a.finalState(Side.CLIENT));
        assertEquals(TcpState.ESTABLISHED, a.finalState(Side.SERVER));
        assertFalse(a.assumed());
        assertEquals(List.of("CLIENT CLOSED->SYN-SENT SENT_SYN", "SERVER LISTEN->SYN-RECEIVED RECEIVED_SYN"),
                words(a.transitionsAt(0)));
        assertEquals(List.of("CLIENT SYN-SENT->ESTABLISHED RECEIVED_SYN_ACK"), words(a.transitionsAt(1)));
        assertEquals(List.of("SERVER SYN-RECEIVED->ESTABLISHED RECEIVED_ACK_OF_SYN"), words(a.transitionsAt(2)));
        assertEquals(List.of(), a.transitionsAt(3));
    }

    @Test
    void fourSegmentCloseByTheClient() throws Exception {
        List<byte[]> f = Conversation.frames();
        opened(f).client(FIN | ACK, c(6), s(6)).server(ACK, s(6), c(7)).server(FIN | ACK, s(6), c(7))
                .client(ACK, c(7), s(7));
        ConnectionAnalysis a = ConnectionAnalysis.of(load(f), Long.MIN_VALUE);
        assertEquals(opened("FIN-WAIT-1/CLOSE-WAIT", "FIN-WAIT-2/CLOSE-WAIT", "TIME-WAIT/LAST-ACK",
                "TIME-WAIT/CLOSED"), states(a));
        assertEquals(List.of("CLIENT ESTABLISHED->FIN-WAIT-1 SENT_FIN", "SERVER ESTABLISHED->CLOSE-WAIT RECEIVED_FIN"),
                words(a.transitionsAt(7)));
        assertEquals(List.of("CLIENT FIN-WAIT-2->TIME-WAIT RECEIVED_FIN_AFTER_ACK",
                "SERVER CLOSE-WAIT->LAST-ACK SENT_FIN_AFTER_PEER"), sortedBySide(a.transitionsAt(9)));
        assertEquals(TcpState.TIME_WAIT, a.finalState(Side.CLIENT));
        assertEquals(TcpState.CLOSED, a.finalState(Side.SERVER));
    }

    @Test
    void threeSegmentCloseWhereTheFinRidesOnTheAck() throws Exception {
        List<byte[]> f = Conversation.frames();
        opened(f).client(FIN | ACK, c(6), s(6)).server(FIN | ACK, s(6), c(7)).client(ACK, c(7), s(7));
        ConnectionAnalysis a = ConnectionAnalysis.of(load(f), Long.MIN_VALUE);
        assertEquals(opened("FIN-WAIT-1/CLOSE-WAIT", "TIME-WAIT/LAST-ACK", "TIME-WAIT/CLOSED"), states(a));
        assertEquals(List.of("CLIENT FIN-WAIT-1->FIN-WAIT-2 RECEIVED_ACK_OF_FIN",
                "CLIENT FIN-WAIT-2->TIME-WAIT RECEIVED_FIN_AFTER_ACK", "SERVER CLOSE-WAIT->LAST-ACK SENT_FIN_AFTER_PEER"),
                sortedBySide(a.transitionsAt(8)));
    }

    @Test
    void serverClosingFirstPutsTheServerInTimeWait() throws Exception {
        List<byte[]> f = Conversation.frames();
        opened(f).server(FIN | ACK, s(6), c(6)).client(FIN | ACK, c(6), s(7)).server(ACK, s(7), c(7));
        ConnectionAnalysis a = ConnectionAnalysis.of(load(f), Long.MIN_VALUE);
        // The client's FIN,ACK acknowledges the server's FIN: it had arrived with packet 8.
        assertEquals(opened("CLOSE-WAIT/FIN-WAIT-1", "LAST-ACK/TIME-WAIT", "CLOSED/TIME-WAIT"), states(a));
        assertEquals(TcpState.CLOSED, a.finalState(Side.CLIENT));
        assertEquals(TcpState.TIME_WAIT, a.finalState(Side.SERVER));
    }

    @Test
    void crossingFinsTakeBothSidesThroughClosing() throws Exception {
        List<byte[]> f = Conversation.frames();
        // Neither FIN acknowledges the other: each side closed before the peer's FIN arrived.
        opened(f).client(FIN | ACK, c(6), s(6)).server(FIN | ACK, s(6), c(6)).client(ACK, c(7), s(7))
                .server(ACK, s(7), c(7));
        ConnectionAnalysis a = ConnectionAnalysis.of(load(f), Long.MIN_VALUE);
        assertEquals(opened("FIN-WAIT-1/ESTABLISHED", "CLOSING/CLOSING", "CLOSING/TIME-WAIT", "TIME-WAIT/TIME-WAIT"),
                states(a));
        List<StateTransition> crossing = a.transitionsAt(8);
        assertEquals(List.of("CLIENT FIN-WAIT-1->CLOSING RECEIVED_FIN_SIMULTANEOUS",
                "SERVER ESTABLISHED->FIN-WAIT-1 SENT_FIN_SIMULTANEOUS",
                "SERVER FIN-WAIT-1->CLOSING RECEIVED_FIN_SIMULTANEOUS"), sortedBySide(crossing));
        assertEquals(TransitionCause.SENT_FIN_SIMULTANEOUS, a.transitionsAt(7).get(0).cause(),
                "the client's FIN, once the FINs are seen to cross, is told as half of a simultaneous close");
        StateTransition serverClosing = crossing.stream()
                .filter(t -> t.side() == Side.SERVER && t.to() == TcpState.CLOSING).findFirst().orElseThrow();
        assertEquals(8, serverClosing.segmentIndex(), "the client's FIN is packet 8");
        assertEquals(9, serverClosing.crossedSegmentIndex(), "it crossed the server's FIN, packet 9");
        assertEquals(TcpState.TIME_WAIT, a.finalState(Side.CLIENT));
        assertEquals(TcpState.TIME_WAIT, a.finalState(Side.SERVER));
    }

    @Test
    void crossingFinsWithTheServersAckFirstGoThroughClosingOnBothSides() throws Exception {
        List<byte[]> f = Conversation.frames();
        opened(f).client(FIN | ACK, c(6), s(6)).server(FIN | ACK, s(6), c(6)).server(ACK, s(7), c(7))
                .client(ACK, c(7), s(7));
        ConnectionAnalysis a = ConnectionAnalysis.of(load(f), Long.MIN_VALUE);
        assertEquals(opened("FIN-WAIT-1/ESTABLISHED", "CLOSING/CLOSING", "TIME-WAIT/CLOSING", "TIME-WAIT/TIME-WAIT"),
                states(a));
    }

    @Test
    void refusedSynIsAnsweredByReset() throws Exception {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 54018, 9000).client(SYN, c(0), 0).server(RST | ACK, 0, c(1));
        ConnectionAnalysis a = ConnectionAnalysis.of(load(f), Long.MIN_VALUE);
        assertEquals(List.of("SYN-SENT/CLOSED", "CLOSED/CLOSED"), states(a), "no server socket at any point");
        assertEquals(TcpState.CLOSED, a.initialState(Side.SERVER));
        assertEquals(List.of("CLIENT SYN-SENT->CLOSED RECEIVED_RST_REFUSED"), sortedBySide(a.transitionsAt(1)));
        assertEquals(TcpState.CLOSED, a.finalState(Side.CLIENT));
        assertEquals(TcpState.CLOSED, a.finalState(Side.SERVER));
    }

    @Test
    void abortiveCloseResetsBothSides() throws Exception {
        List<byte[]> f = Conversation.frames();
        opened(f).client(RST | ACK, c(6), s(6));
        ConnectionAnalysis a = ConnectionAnalysis.of(load(f), Long.MIN_VALUE);
        assertEquals(opened("CLOSED/CLOSED"), states(a));
        assertEquals(List.of("CLIENT ESTABLISHED->CLOSED SENT_RST", "SERVER ESTABLISHED->CLOSED RECEIVED_RST"),
                sortedBySide(a.transitionsAt(7)));
    }

    @Test
    void halfCloseLetsTheServerSendInCloseWait() throws Exception {
        List<byte[]> f = Conversation.frames();
        opened(f).client(FIN | ACK, c(6), s(6)).server(ACK, s(6), c(7))
                .server(PSH | ACK, s(6), c(7), "more").client(ACK, c(7), s(10))
                .server(FIN | ACK, s(10), c(7)).client(ACK, c(7), s(11));
        ConnectionAnalysis a = ConnectionAnalysis.of(load(f), Long.MIN_VALUE);
        assertEquals(opened("FIN-WAIT-1/CLOSE-WAIT", "FIN-WAIT-2/CLOSE-WAIT", "FIN-WAIT-2/CLOSE-WAIT",
                "FIN-WAIT-2/CLOSE-WAIT", "TIME-WAIT/LAST-ACK", "TIME-WAIT/CLOSED"), states(a));
    }

    @Test
    void timeWaitThatOutlivesTheCaptureEndsClosed() throws Exception {
        List<byte[]> f = Conversation.frames();
        opened(f).client(FIN | ACK, c(6), s(6)).server(FIN | ACK, s(6), c(7)).client(ACK, c(7), s(7));
        Connection c = load(f);
        long timeWaitSince = c.segment(8).timeNs();
        ConnectionAnalysis soon = ConnectionAnalysis.of(c, timeWaitSince + 59 * SECOND);
        assertEquals(TcpState.TIME_WAIT, soon.finalState(Side.CLIENT));
        ConnectionAnalysis later = ConnectionAnalysis.of(c, timeWaitSince + 60 * SECOND);
        assertEquals(TcpState.CLOSED, later.finalState(Side.CLIENT), "Linux's TIME-WAIT lasts 60 s");
        assertEquals(TcpState.CLOSED, later.finalState(Side.SERVER));
        assertEquals(TcpState.TIME_WAIT, later.stateAfter(Side.CLIENT, later.size() - 1),
                "the last segment still found it waiting");
    }

    @Test
    void timeWaitThatExpiredBeforeALaterSegmentIsClosedThere() throws Exception {
        List<byte[]> f = Conversation.frames();
        Conversation x = opened(f).client(FIN | ACK, c(6), s(6)).server(FIN | ACK, s(6), c(7)).client(ACK, c(7), s(7));
        for (int i = 0; i < 60; i++) {
            // other traffic, one frame a second
            Conversation.of(f, 40000 + i, 80).client(SYN, 1, 0);
        }
        // A late retransmission of the server's FIN, after the client's 2 MSL are over.
        x.server(FIN | ACK, s(6), c(7));
        ConnectionAnalysis a = ConnectionAnalysis.of(load(f), Long.MIN_VALUE);
        int last = a.size() - 1;
        assertEquals("TIME-WAIT/CLOSED", states(a).get(last - 1));
        assertEquals(TcpState.CLOSED, a.stateAfter(Side.CLIENT, last));
        assertTrue(a.segment(last).has(AnomalyKind.RETRANSMISSION), a.segment(last).toString());
        assertEquals(List.of("CLIENT TIME-WAIT->CLOSED TIME_WAIT_TIMEOUT"), words(a.transitionsAt(last)),
                "the timeout is listed where it shows");
    }

    @Test
    void midStreamCaptureAssumesAnOpenConnection() throws Exception {
        List<byte[]> f = Conversation.frames();
        Conversation x = Conversation.of(f, 54018, 9000);
        x.client(PSH | ACK, c(1), s(1), "hello").server(ACK, s(1), c(6)).client(FIN | ACK, c(6), s(1))
                .server(FIN | ACK, s(1), c(7)).client(ACK, c(7), s(2));
        ConnectionAnalysis a = ConnectionAnalysis.of(load(f), Long.MIN_VALUE);
        assertTrue(a.assumed());
        assertEquals(List.of("ESTABLISHED/ESTABLISHED", "ESTABLISHED/ESTABLISHED", "FIN-WAIT-1/CLOSE-WAIT",
                "TIME-WAIT/LAST-ACK", "TIME-WAIT/CLOSED"), states(a));
        assertEquals(TcpState.ESTABLISHED, a.initialState(Side.CLIENT));
    }

    @Test
    void segmentResultsCarryAnomaliesNarrationAndWindow() throws Exception {
        List<byte[]> f = Conversation.frames();
        opened(f).client(PSH | ACK, c(6), s(6), "again").client(PSH | ACK, c(6), s(6), "again");
        ConnectionAnalysis a = ConnectionAnalysis.of(load(f), Long.MIN_VALUE);
        assertTrue(a.segment(8).has(AnomalyKind.RETRANSMISSION), a.segment(8).toString());
        assertFalse(a.segment(7).narration().isEmpty());
        assertEquals(65535, a.segment(1).windowBytes(), "a SYN's window is never scaled");
    }

    @Test
    void everyStateChangeIsListedAtTheSegmentWhereItShows() throws Exception {
        List<byte[]> f = Conversation.frames();
        opened(f).client(FIN | ACK, c(6), s(6)).server(FIN | ACK, s(6), c(6)).client(ACK, c(7), s(7))
                .server(ACK, s(7), c(7));
        ConnectionAnalysis a = ConnectionAnalysis.of(load(f), Long.MIN_VALUE);
        for (Side side : Side.values()) {
            TcpState before = a.initialState(side);
            for (int i = 0; i < a.size(); i++) {
                TcpState state = before;
                for (StateTransition t : a.transitionsAt(i)) {
                    if (t.side() == side) {
                        assertEquals(state, t.from(), side + " at " + i);
                        state = t.to();
                    }
                }
                assertEquals(a.stateAfter(side, i), state, side + " after " + i);
                before = state;
            }
        }
        int listed = 0;
        for (int i = 0; i < a.size(); i++) {
            listed += a.transitionsAt(i).size();
        }
        assertEquals(a.transitions().size(), listed);
    }

    private static List<String> words(List<StateTransition> ts) {
        List<String> out = new ArrayList<>();
        for (StateTransition t : ts) {
            out.add(t.side() + " " + t.from() + "->" + t.to() + " " + t.cause());
        }
        return out;
    }

    private static List<String> sortedBySide(List<StateTransition> ts) {
        List<String> out = words(ts);
        out.sort(null);
        return out;
    }
}
