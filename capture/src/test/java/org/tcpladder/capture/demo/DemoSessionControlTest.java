package org.tcpladder.capture.demo;

import org.tcpladder.capture.tcp.Side;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Step mode, stopping, timeouts and busy ports, on live sessions. */
class DemoSessionControlTest {

    @Test
    void stepModeWaitsBeforeEachStepAndAnnouncesItSoTheNextSegmentCanBePredicted() throws Exception {
        RecordingListener l = new RecordingListener();
        DemoSettings settings = DemoSettings.of(Scenario.ECHO_CLIENT_CLOSES_FIRST, IpVersion.V4)
                .withMode(DemoSettings.Mode.STEP).withPause(Duration.ZERO);
        try (DemoSession s = DemoSessions.start(settings, l)) {
            Await.until("the first step is announced", () -> l.pending.size() == 1);
            assertEquals(new PendingStep(0, 9, 1, "client: connect()"), l.pending.get(0));
            Thread.sleep(300);
            assertTrue(l.frames.isEmpty(), "nothing is sent before proceed()");
            assertEquals(1, l.events.size(), "only listen() has happened");

            s.proceed();
            Await.until("the handshake is captured and the next step announced",
                    () -> l.frames.size() == 3 && l.pending.size() == 2);
            assertEquals("server: accept()", l.pending.get(1).description());
            assertEquals(List.of("client S", "server S."), l.significant());

            s.proceed();
            Await.until("accept() returned", () -> l.pending.size() == 3);
            assertEquals("client: write() 11 bytes \"hello, TCP!\"", l.pending.get(2).description());
            assertEquals(3, l.frames.size(), "accept() sends nothing");

            s.runToEnd();
            DemoOutcome o = s.awaitOutcome(Duration.ofSeconds(20));
            assertNotNull(o);
            assertEquals(DemoOutcome.Status.COMPLETED, o.status(), o.message());
            assertEquals(3, l.pending.size(), "run mode announces nothing more");
        }
    }

    @Test
    void proceedWhenNothingWaitsIsIgnored() throws Exception {
        RecordingListener l = new RecordingListener();
        DemoSettings settings = DemoSettings.of(Scenario.CONNECTION_REFUSED, IpVersion.V6)
                .withMode(DemoSettings.Mode.STEP).withPause(Duration.ZERO);
        try (DemoSession s = DemoSessions.start(settings, l)) {
            Await.until("the first step is announced", () -> l.pending.size() == 1);
            s.proceed();
            s.proceed(); // the second comes before the next wait: it must not skip that wait
            Await.until("the second step is announced", () -> l.pending.size() == 2);
            Thread.sleep(200);
            assertEquals(1, l.eventsOf(Side.CLIENT, SocketCall.CONNECT).size());
            assertTrue(l.eventsOf(Side.CLIENT, SocketCall.CLOSE).isEmpty(), "close() still waits for proceed()");
            s.proceed();
            assertEquals(DemoOutcome.Status.COMPLETED, s.awaitOutcome(Duration.ofSeconds(20)).status());
        }
    }

    @Test
    void stopEndsASessionThatWaitsForTheUserAtOnce() throws Exception {
        RecordingListener l = new RecordingListener();
        DemoSettings settings = DemoSettings.of(Scenario.BULK_TRANSFER, IpVersion.V4).withMode(DemoSettings.Mode.STEP);
        try (DemoSession s = DemoSessions.start(settings, l)) {
            Await.until("the first step is announced", () -> l.pending.size() == 1);
            s.proceed();
            Await.until("connected", () -> l.pending.size() == 2);
            long t0 = System.nanoTime();
            s.stop();
            DemoOutcome o = s.awaitOutcome(Duration.ofSeconds(5));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertNotNull(o, "stop() ends the session");
            assertEquals(DemoOutcome.Status.STOPPED, o.status());
            assertTrue(ms < 4000, "stopped in " + ms + " ms"); // at most the 2 s wait for the reset, plus slack
            // Stopping resets the connection that was open.
            List<String> flags = l.significant();
            assertTrue(flags.get(flags.size() - 1).endsWith(" R."), flags.toString());
        }
    }

    @Test
    void aSessionThatNeverEndsIsTimedOutAndItsSocketsReset() throws Exception {
        // The client waits for an answer the server never sends.
        Script stuck = Script.of(Call.connect(), Call.accept(), Call.write(Side.CLIENT, "anyone?"),
                Call.readToEnd(Side.CLIENT));
        RecordingListener l = new RecordingListener();
        DemoSettings settings = DemoSettings.of(Scenario.ECHO_CLIENT_CLOSES_FIRST, IpVersion.V4)
                .withPause(Duration.ZERO).withTimeouts(Duration.ofMillis(800), Duration.ofSeconds(1)).withScript(stuck);
        long t0 = System.nanoTime();
        try (DemoSession s = DemoSessions.start(settings, l)) {
            DemoOutcome o = s.awaitOutcome(Duration.ofSeconds(10));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertNotNull(o);
            assertEquals(DemoOutcome.Status.TIMED_OUT, o.status());
            assertEquals("client: read() until end of stream did not return within 800 ms; the session was ended"
                    + " and its sockets reset.", o.message());
            assertTrue(ms < 3000, "ended after " + ms + " ms");
            assertTrue(l.significant().contains("client R.") || l.significant().contains("server R."),
                    "the aborted connection is reset: " + l.significant());
        }
    }

    @Test
    void aConnectionThatDoesNotEndOnTheWireIsReportedAsNotEnded() throws Exception {
        // Both sides stop after the data: the connection stays established.
        Script open = Script.of(Call.connect(), Call.accept(), Call.write(Side.CLIENT, "hi"), Call.read(Side.SERVER, 2));
        RecordingListener l = new RecordingListener();
        DemoSettings settings = DemoSettings.of(Scenario.ECHO_CLIENT_CLOSES_FIRST, IpVersion.V6)
                .withPause(Duration.ZERO).withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300)).withScript(open);
        try (DemoSession s = DemoSessions.start(settings, l)) {
            DemoOutcome o = s.awaitOutcome(Duration.ofSeconds(10));
            assertEquals(DemoOutcome.Status.NOT_ENDED, o.status());
            assertEquals("All steps ran, but the capture did not show the connection's end within 300 ms.", o.message());
        }
    }

    @Test
    void aBusyPreferredPortFallsBackToAFreeOneSilently() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            RecordingListener l = new RecordingListener();
            DemoSettings settings = DemoSettings.of(Scenario.ECHO_CLIENT_CLOSES_FIRST, IpVersion.V4)
                    .withPause(Duration.ZERO).withPreferredPort(busy.getLocalPort());
            try (DemoSession s = DemoSessions.start(settings, l)) {
                assertNotEquals(busy.getLocalPort(), s.ready().serverPort());
                assertEquals(DemoOutcome.Status.COMPLETED, s.awaitOutcome(Duration.ofSeconds(20)).status());
            }
        }
    }

    @Test
    void twoSessionsAtOnceGetTheirOwnPortsAndSeeOnlyTheirOwnFrames() throws Exception {
        RecordingListener a = new RecordingListener();
        RecordingListener b = new RecordingListener();
        DemoSettings settings = DemoSettings.of(Scenario.SERVER_CLOSES_FIRST, IpVersion.V4).withPause(Duration.ofMillis(20));
        try (DemoSession s1 = DemoSessions.start(settings, a); DemoSession s2 = DemoSessions.start(settings, b)) {
            assertNotEquals(s1.ready().serverPort(), s2.ready().serverPort());
            assertEquals(DemoOutcome.Status.COMPLETED, s1.awaitOutcome(Duration.ofSeconds(20)).status());
            assertEquals(DemoOutcome.Status.COMPLETED, s2.awaitOutcome(Duration.ofSeconds(20)).status());
            assertTrue(a.segments().stream().allMatch(g -> g.srcPort() == s1.ready().serverPort() || g.dstPort() == s1.ready().serverPort()));
            assertTrue(b.segments().stream().allMatch(g -> g.srcPort() == s2.ready().serverPort() || g.dstPort() == s2.ready().serverPort()));
            assertEquals(a.significant(), b.significant());
        }
    }

    @Test
    void thePayloadTextIsAParameter() throws Exception {
        RecordingListener l = DemoScenariosLiveTest.run(DemoScenariosLiveTest
                .fast(Scenario.ECHO_CLIENT_CLOSES_FIRST, IpVersion.V6).withPayload("GET / HTTP/1.0"));
        assertEquals("14 bytes \"GET / HTTP/1.0\"", l.eventsOf(Side.SERVER, SocketCall.READ).get(0).result());
        assertTrue(l.segments().stream().anyMatch(g -> g.payloadLength() == 14));
    }
}
