package org.tcpladder.capture.demo;

import org.tcpladder.capture.tcp.Side;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tcpladder.capture.live.CaptureRoute;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.tcp.TcpFlags;

/**
 * Every scenario, over IPv4 and IPv6, run live on the loopback interface and captured for real; the
 * assertions read the captured frames (flags per direction), the socket events and the kernel's view.
 */
class DemoScenariosLiveTest {

    static RecordingListener run(DemoSettings settings) throws Exception {
        RecordingListener l = new RecordingListener();
        try (DemoSession s = DemoSessions.start(settings, l)) {
            DemoOutcome o = s.awaitOutcome(Duration.ofSeconds(30));
            assertNotNull(o, "the session ended");
            assertEquals(o, l.finished, "the listener heard the same outcome");
        }
        return l;
    }

    static DemoSettings fast(Scenario sc, IpVersion ip) {
        return DemoSettings.of(sc, ip).withPause(Duration.ZERO).withSizes(4096, 1 << 20);
    }

    private static void assertCompleted(RecordingListener l) {
        assertEquals(DemoOutcome.Status.COMPLETED, l.finished.status(), l.finished.message());
        assertEquals(CaptureRoute.DIRECT, l.ready.route());
        assertEquals(l.frames.size(), l.finished.stats().delivered());
        assertTrue(l.finished.stats().complete(), l.finished.stats().toString());
        assertEquals(1, l.ready.linkType(), "Linux loopback frames are Ethernet");
    }

    /** The SYN is stamped by the kernel between the moments connect() was called and returned. */
    private static void assertSynWithinConnect(RecordingListener l) {
        SocketEvent connect = l.eventsOf(Side.CLIENT, SocketCall.CONNECT).get(0);
        RawPacket syn = l.frames.get(0);
        assertTrue(connect.startNs() <= syn.timeNs && syn.timeNs <= connect.endNs(),
                "SYN at " + syn.timeNs + " within connect() " + connect.startNs() + ".." + connect.endNs());
    }

    @ParameterizedTest
    @EnumSource(IpVersion.class)
    void echoWhereTheClientClosesFirst(IpVersion ip) throws Exception {
        RecordingListener l = run(fast(Scenario.ECHO_CLIENT_CLOSES_FIRST, ip));
        assertCompleted(l);
        assertEquals(List.of("client S", "server S.", "client P.", "server P.", "client F.", "server F."), l.significant());
        assertEquals("client .", l.lastFrame());
        assertSynWithinConnect(l);
        SocketEvent clientClose = l.eventsOf(Side.CLIENT, SocketCall.CLOSE).get(0);
        assertEquals(KernelTcpState.CLOSE_WAIT, clientClose.server().state());
        assertEquals(KernelTcpState.TIME_WAIT, l.last().client().state(), "the side that closed first waits");
        assertEquals(KernelTcpState.CLOSED, l.last().server().state());
        assertEquals("11 bytes \"hello, TCP!\"", l.eventsOf(Side.CLIENT, SocketCall.READ).get(0).result());
    }

    @ParameterizedTest
    @EnumSource(IpVersion.class)
    void serverAnswersAndClosesFirst(IpVersion ip) throws Exception {
        RecordingListener l = run(fast(Scenario.SERVER_CLOSES_FIRST, ip));
        assertCompleted(l);
        assertEquals(List.of("client S", "server S.", "client P.", "server P.", "server F.", "client F."), l.significant());
        assertEquals("server .", l.lastFrame());
        assertSynWithinConnect(l);
        assertEquals(KernelTcpState.TIME_WAIT, l.last().server().state());
        assertEquals(KernelTcpState.CLOSED, l.last().client().state());
    }

    @ParameterizedTest
    @EnumSource(IpVersion.class)
    void serverSendsAFixedBlockThenCloses(IpVersion ip) throws Exception {
        RecordingListener l = run(fast(Scenario.SERVER_SENDS_BLOCK, ip));
        assertCompleted(l);
        assertEquals(List.of("client S", "server S.", "server P.", "server F.", "client F."), l.significant());
        assertEquals("server .", l.lastFrame());
        int sent = l.segments().stream().filter(g -> g.srcPort() == l.ready.serverPort())
                .mapToInt(RecordingListener.Seen::payloadLength).sum();
        assertEquals(4096, sent);
        assertTrue(l.eventsOf(Side.CLIENT, SocketCall.READ).get(0).result().startsWith("4096 bytes"));
    }

    @ParameterizedTest
    @EnumSource(IpVersion.class)
    void halfCloseLetsTheServerKeepSending(IpVersion ip) throws Exception {
        RecordingListener l = run(fast(Scenario.HALF_CLOSE, ip));
        assertCompleted(l);
        // After the client's FIN the server still sends three writes of data, then its own FIN.
        assertEquals(List.of("client S", "server S.", "client P.", "client F.", "server P.", "server P.", "server P.",
                "server F."), l.significant());
        assertEquals("client .", l.lastFrame());
        SocketEvent shutdown = l.eventsOf(Side.CLIENT, SocketCall.SHUTDOWN_OUTPUT).get(0);
        assertEquals(KernelTcpState.CLOSE_WAIT, shutdown.server().state());
        assertTrue(l.eventsOf(Side.CLIENT, SocketCall.READ).get(0).result().startsWith("33 bytes"));
        assertEquals(KernelTcpState.TIME_WAIT, l.last().client().state());
    }

    @ParameterizedTest
    @EnumSource(IpVersion.class)
    void connectionRefusedIsASynAnsweredByRst(IpVersion ip) throws Exception {
        RecordingListener l = run(fast(Scenario.CONNECTION_REFUSED, ip));
        assertCompleted(l);
        assertEquals(List.of("S"), l.flagsFrom(Side.CLIENT));
        assertEquals(List.of("R."), l.flagsFrom(Side.SERVER));
        SocketEvent connect = l.eventsOf(Side.CLIENT, SocketCall.CONNECT).get(0);
        assertFalse(connect.ok());
        assertEquals("connection refused (ECONNREFUSED)", connect.result());
        assertTrue(l.eventsOf(Side.SERVER, SocketCall.LISTEN).isEmpty(), "nothing listens");
    }

    @ParameterizedTest
    @EnumSource(IpVersion.class)
    void abortiveCloseSendsRstInsteadOfFin(IpVersion ip) throws Exception {
        RecordingListener l = run(fast(Scenario.ABORTIVE_CLOSE, ip));
        assertCompleted(l);
        assertEquals(List.of("client S", "server S.", "client P.", "server P.", "client R."), l.significant());
        assertEquals("client R.", l.lastFrame(), "nothing answers a RST");
        SocketEvent abort = l.eventsOf(Side.CLIENT, SocketCall.CLOSE).get(0);
        assertEquals(KernelTcpState.CLOSED, abort.client().state(), "no TIME-WAIT after an abort");
        assertEquals("connection reset by peer (ECONNRESET)", l.eventsOf(Side.SERVER, SocketCall.READ).get(1).result());
    }

    @ParameterizedTest
    @EnumSource(IpVersion.class)
    void simultaneousCloseRetriesUntilTheFinsCrossAndSaysWhetherTheyDid(IpVersion ip) throws Exception {
        RecordingListener l = run(fast(Scenario.SIMULTANEOUS_CLOSE, ip).withCrossingAttempts(30));
        assertCompleted(l);
        DemoOutcome o = l.finished;
        assertNotNull(o.finsCrossed());
        System.out.println("simultaneous close " + ip + ": " + o.message() + " (" + o.attempts() + " attempts)");
        int serverPort = l.ready.serverPort();
        // Judge the last connection's FINs from the frames, independently of the session.
        List<RecordingListener.Seen> last = l.segments().stream()
                .filter(g -> g.srcPort() == o.clientPort() || g.dstPort() == o.clientPort()).toList();
        RecordingListener.Seen clientFin = last.stream().filter(g -> g.dstPort() == serverPort && TcpFlags.has(g.flags(), TcpFlags.FIN)).findFirst().orElseThrow();
        RecordingListener.Seen serverFin = last.stream().filter(g -> g.srcPort() == serverPort && TcpFlags.has(g.flags(), TcpFlags.FIN)).findFirst().orElseThrow();
        boolean clientAckedServerFin = clientFin.ack() == ((serverFin.seq() + serverFin.payloadLength() + 1) & 0xFFFF_FFFFL);
        boolean serverAckedClientFin = serverFin.ack() == ((clientFin.seq() + clientFin.payloadLength() + 1) & 0xFFFF_FFFFL);
        assertEquals(o.finsCrossed(), !clientAckedServerFin && !serverAckedClientFin, o.message());
        assertEquals(o.attempts() * 1L, l.eventsOf(Side.CLIENT, SocketCall.CONNECT).size());
        assertEquals(o.attempts() - 1, l.notes.size(), "one note per retry");
        if (o.finsCrossed()) {
            assertTrue(o.message().startsWith("The FINs crossed"), o.message());
            assertEquals(KernelTcpState.TIME_WAIT, l.last().client().state(), "both sides wait after crossing FINs");
            assertEquals(KernelTcpState.TIME_WAIT, l.last().server().state());
        } else {
            assertEquals(30, o.attempts());
            assertTrue(o.message().startsWith("The FINs did not cross in 30 attempts"), o.message());
        }
    }

    @ParameterizedTest
    @EnumSource(IpVersion.class)
    void bulkTransferUsesManySegmentsAndWindowScaling(IpVersion ip) throws Exception {
        RecordingListener l = run(fast(Scenario.BULK_TRANSFER, ip));
        assertCompleted(l);
        int serverPort = l.ready.serverPort();
        List<String> flags = l.significant();
        assertEquals(List.of("client S", "server S.", "client P."), flags.subList(0, 3));
        assertEquals(List.of("server F.", "client F."), flags.subList(flags.size() - 2, flags.size()));
        List<RecordingListener.Seen> data = l.segments().stream().filter(g -> g.srcPort() == serverPort && g.payloadLength() > 0).toList();
        // The highest byte sent, counted from the server's initial sequence number (RFC 9293 section
        // 3.4): a busy machine may make loopback retransmit, so summing the payloads could count twice.
        long isn = l.segments().get(1).seq();
        long highest = data.stream().mapToLong(g -> (g.seq() - isn - 1 + g.payloadLength()) & 0xFFFF_FFFFL).max().orElse(0);
        assertEquals(1 << 20, highest, "every byte of the bulk was captured");
        assertTrue(data.size() >= 8, data.size() + " segments");
        assertTrue(data.stream().anyMatch(g -> g.payloadLength() > 32_000), "full-size loopback segments");
        assertTrue(l.frames.stream().anyMatch(p -> p.capturedLength > 65_535), "frames longer than 65535 are not cut");
        assertTrue(l.frames.stream().allMatch(p -> p.capturedLength == p.originalLength), "nothing truncated");
        assertTrue(windowScaleOf(l.frames.get(0)) >= 0, "the SYN offers window scaling");
        assertTrue(windowScaleOf(l.frames.get(1)) >= 0, "the SYN-ACK accepts it");
    }

    /** The shift count of the window scale option (RFC 7323 section 2.2) in a SYN, or -1. */
    static int windowScaleOf(RawPacket p) {
        int ip = p.position + 14;
        int version = (p.buffer.get(ip) & 0xFF) >> 4;
        int tcp = version == 4 ? ip + (p.buffer.get(ip) & 0x0F) * 4 : ip + 40;
        int end = tcp + ((p.buffer.get(tcp + 12) & 0xFF) >> 4) * 4;
        int at = tcp + 20;
        while (at < end) {
            int kind = p.buffer.get(at) & 0xFF;
            if (kind == 0) {
                break;
            }
            if (kind == 1) {
                at++;
                continue;
            }
            int len = p.buffer.get(at + 1) & 0xFF;
            if (kind == 3 && len == 3) {
                return p.buffer.get(at + 2) & 0xFF;
            }
            at += Math.max(2, len);
        }
        return -1;
    }
}
