package org.tcpladder.app.live;

import org.tcpladder.capture.state.TcpState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcpladder.app.Captures;
import org.tcpladder.app.ladder.KernelSnapshot;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.app.ladder.SocketCall;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.demo.KernelTcpState;
import org.tcpladder.capture.demo.KernelView;
import org.tcpladder.capture.demo.SocketEvent;
import org.tcpladder.capture.state.Narration;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Socket calls placed among real captured segments by their timestamps: a loopback echo session
 * (tcpdump) with the calls its program must have made, timed around its segments.
 */
class LiveLadderTest {
    private CaptureIndex capture;
    private Connection echo;

    @BeforeEach
    void load() throws IOException {
        capture = CaptureIndex.load(Captures.LOOPBACK);
        echo = capture.connections().get(0);
    }

    @AfterEach
    void close() throws IOException {
        capture.close();
    }

    private long time(int segment) {
        return echo.segment(segment).timeNs();
    }

    private static KernelView kernel(KernelTcpState s) {
        return new KernelView(s, KernelView.TCP_INFO);
    }

    private static SocketEvent event(Side side, org.tcpladder.capture.demo.SocketCall call,
                                     String detail, String result, long start, long end,
                                     KernelTcpState client, KernelTcpState server) {
        return new SocketEvent(side, call, detail, result, start, end, kernel(client), kernel(server), true);
    }

    @Test
    void callsThatSendGoBeforeTheirSegmentAndCallsThatWaitAfterTheirs() {
        var client = Side.CLIENT;
        var server = Side.SERVER;
        List<SocketEvent> events = List.of(
                event(server, org.tcpladder.capture.demo.SocketCall.LISTEN, "", "ok", time(0) - 9000, time(0) - 8000,
                        KernelTcpState.CLOSED, KernelTcpState.LISTEN),
                // connect() returns once the SYN,ACK is in and the ACK sent: the kernel says ESTABLISHED.
                event(client, org.tcpladder.capture.demo.SocketCall.CONNECT, "", "connected", time(0) - 1000,
                        time(2) + 1, KernelTcpState.ESTABLISHED, KernelTcpState.ESTABLISHED),
                event(server, org.tcpladder.capture.demo.SocketCall.ACCEPT, "", "connection", time(2) + 2,
                        time(2) + 3, KernelTcpState.ESTABLISHED, KernelTcpState.ESTABLISHED),
                event(client, org.tcpladder.capture.demo.SocketCall.WRITE, "5 bytes \"hello\"", "5 bytes written",
                        time(3) - 1, time(3) + 1, KernelTcpState.ESTABLISHED, KernelTcpState.ESTABLISHED),
                // A read that began before its data arrived is drawn where it returned.
                event(server, org.tcpladder.capture.demo.SocketCall.READ, "up to 5 bytes", "5 bytes \"hello\"",
                        time(0) + 1, time(3) + 1, KernelTcpState.ESTABLISHED, KernelTcpState.ESTABLISHED),
                event(client, org.tcpladder.capture.demo.SocketCall.CLOSE, "", "ok", time(11) - 1, time(11) + 1,
                        KernelTcpState.FIN_WAIT_1, KernelTcpState.CLOSE_WAIT));
        LadderData d = LiveLadder.of(capture, echo, events, Narration.english());

        assertEquals(List.of(
                new SocketCall(Side.SERVER, 0, "listen()"),
                new SocketCall(Side.CLIENT, 0, "connect()"),
                new SocketCall(Side.SERVER, 3, "accept()"),
                new SocketCall(Side.CLIENT, 3, "write(5)"),
                new SocketCall(Side.SERVER, 4, "read() = 5"),
                new SocketCall(Side.CLIENT, 11, "close()")), d.socketCalls());
        assertEquals(new KernelSnapshot(3, "ESTABLISHED", "ESTABLISHED"), d.kernel().get(1),
                "read after the handshake's three segments");
        assertEquals(new KernelSnapshot(12, "FIN-WAIT-1", "CLOSE-WAIT"), d.kernel().get(5));
        assertEquals(TcpState.FIN_WAIT_1, d.segment(11).clientState(), "the kernel agrees with the inference");
        assertEquals(TcpState.CLOSE_WAIT, d.segment(11).serverState());
    }

    @Test
    void eachConnectionTakesTheEventsThatEndedWhileItWasTheNewest() {
        List<Connection> both = capture.connections().subList(0, 2);
        long secondStarts = both.get(1).startNs();
        SocketEvent early = event(Side.SERVER, org.tcpladder.capture.demo.SocketCall.LISTEN,
                "", "ok", 0, 1, KernelTcpState.CLOSED, KernelTcpState.LISTEN);
        SocketEvent first = event(Side.CLIENT, org.tcpladder.capture.demo.SocketCall.CLOSE,
                "", "ok", secondStarts - 20, secondStarts - 10, KernelTcpState.CLOSED, KernelTcpState.CLOSED);
        SocketEvent second = event(Side.CLIENT,
                org.tcpladder.capture.demo.SocketCall.CONNECT, "", "ok", secondStarts - 5, secondStarts + 5,
                KernelTcpState.ESTABLISHED, KernelTcpState.ESTABLISHED);
        List<SocketEvent> all = List.of(early, first, second);
        assertEquals(List.of(early, first), LiveLadder.eventsOf(both, 0, all));
        assertEquals(List.of(second), LiveLadder.eventsOf(both, 1, all));
    }

    @Test
    void aKernelReadingTakenAfterALaterSegmentArrivedIsComparedWhereItDescribesTheConnection() {
        // close() sent the FIN (segment 11); the kernel was read once the server's FIN (segment 12) had
        // come back, so it says TIME-WAIT, as the inference does after segment 12, not FIN-WAIT-1.
        List<SocketEvent> events = List.of(
                event(Side.CLIENT, org.tcpladder.capture.demo.SocketCall.CLOSE, "", "ok", time(11) - 1,
                        time(11) + 1, KernelTcpState.TIME_WAIT, KernelTcpState.LAST_ACK),
                event(Side.SERVER, org.tcpladder.capture.demo.SocketCall.CLOSE, "", "ok", time(13) + 10,
                        time(13) + 20, KernelTcpState.TIME_WAIT, KernelTcpState.CLOSED));
        LadderData d = LiveLadder.of(capture, echo, events, Narration.english());
        assertEquals(new KernelSnapshot(13, "TIME-WAIT", "LAST-ACK"), d.kernel().get(0));
        assertEquals(TcpState.TIME_WAIT, d.segment(12).clientState());
        assertEquals(TcpState.LAST_ACK, d.segment(12).serverState());
    }

    @Test
    void aKernelReadingThatMatchesNoMomentOfItsSpanStaysWhereTheCallEndedToShowTheDisagreement() {
        List<SocketEvent> events = List.of(
                event(Side.CLIENT, org.tcpladder.capture.demo.SocketCall.CLOSE, "", "ok", time(11) - 1,
                        time(11) + 1, KernelTcpState.CLOSING, KernelTcpState.CLOSE_WAIT));
        LadderData d = LiveLadder.of(capture, echo, events, Narration.english());
        assertEquals(new KernelSnapshot(12, "CLOSING", "CLOSE-WAIT"), d.kernel().get(0));
    }

    @Test
    void aReadingIsNotMovedPastTheNextCall() {
        // The next call began before segment 12: the reading was taken before it, so it stays at 12.
        List<SocketEvent> events = List.of(
                event(Side.CLIENT, org.tcpladder.capture.demo.SocketCall.CLOSE, "", "ok", time(11) - 1,
                        time(11) + 1, KernelTcpState.TIME_WAIT, KernelTcpState.LAST_ACK),
                event(Side.SERVER, org.tcpladder.capture.demo.SocketCall.CLOSE, "", "ok", time(11) + 2,
                        time(13) + 20, KernelTcpState.TIME_WAIT, KernelTcpState.CLOSED));
        LadderData d = LiveLadder.of(capture, echo, events, Narration.english());
        assertEquals(12, d.kernel().get(0).position());
    }
}
