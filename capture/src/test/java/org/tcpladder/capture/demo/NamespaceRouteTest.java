package org.tcpladder.capture.demo;

import org.tcpladder.capture.tcp.Side;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tcpladder.capture.live.CaptureRoute;
import org.tcpladder.capture.source.RawPacket;

/**
 * The user-namespace route, chosen explicitly (this JVM could capture directly): a helper JVM runs
 * the session in its own network namespace and streams it back.
 */
class NamespaceRouteTest {

    @Test
    void aSessionInAUserNamespaceStreamsFramesEventsAndStepsBack() throws Exception {
        RecordingListener l = new RecordingListener();
        DemoSettings settings = DemoSettings.of(Scenario.SIMULTANEOUS_CLOSE, IpVersion.V6)
                .withRoute(CaptureRoute.USER_NAMESPACE).withMode(DemoSettings.Mode.STEP).withPause(Duration.ZERO)
                .withPayload("über TCP");
        long t0 = System.nanoTime();
        try (DemoSession s = DemoSessions.start(settings, l)) {
            assertEquals(CaptureRoute.USER_NAMESPACE, s.ready().route());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (l.pending.isEmpty()) {
                assertTrue(System.nanoTime() < deadline);
                Thread.sleep(5);
            }
            s.proceed();
            while (l.frames.size() < 3) {
                assertTrue(System.nanoTime() < deadline);
                Thread.sleep(5);
            }
            System.out.println("user namespace route: first frame " + (l.firstFrameNanoTime - t0) / 1_000_000
                    + " ms after start");
            s.runToEnd();
            DemoOutcome o = s.awaitOutcome(Duration.ofSeconds(30));
            assertNotNull(o);
            assertEquals(DemoOutcome.Status.COMPLETED, o.status(), o.message());
            assertNotNull(o.finsCrossed());
            assertEquals(l.frames.size(), o.stats().delivered());
            assertEquals("9 bytes \"..ber TCP\"",
                    l.eventsOf(Side.SERVER, SocketCall.READ).get(0).result(), "the payload crossed the wire as UTF-8");
            for (RawPacket p : l.frames) {
                byte[] inBuffer = new byte[p.capturedLength];
                p.buffer.duplicate().position(p.position).get(inBuffer);
                assertArrayEquals(inBuffer, s.store().read(p.dataOffset, p.capturedLength));
            }
            List<String> flags = l.significant();
            assertEquals(List.of("client S", "server S.", "client P.", "server P."), flags.subList(0, 4));
        }
    }

    @Test
    void stopReachesTheHelper() throws Exception {
        RecordingListener l = new RecordingListener();
        DemoSettings settings = DemoSettings.of(Scenario.ECHO_CLIENT_CLOSES_FIRST, IpVersion.V4)
                .withRoute(CaptureRoute.USER_NAMESPACE).withMode(DemoSettings.Mode.STEP);
        try (DemoSession s = DemoSessions.start(settings, l)) {
            long t0 = System.nanoTime();
            s.stop();
            DemoOutcome o = s.awaitOutcome(Duration.ofSeconds(10));
            assertNotNull(o);
            assertEquals(DemoOutcome.Status.STOPPED, o.status());
            assertTrue(System.nanoTime() - t0 < 3_000_000_000L);
        }
    }

    @Test
    void aCustomScriptTravelsToTheHelper() throws Exception {
        Script script = Script.of(Call.connect(), Call.accept(), Call.write(Side.SERVER, new byte[] {0, 1, 2}),
                Together.of(Call.readToEnd(Side.CLIENT), Call.abort(Side.SERVER)));
        RecordingListener l = new RecordingListener();
        DemoSettings settings = DemoSettings.of(Scenario.ABORTIVE_CLOSE, IpVersion.V4)
                .withRoute(CaptureRoute.USER_NAMESPACE).withPause(Duration.ZERO).withScript(script);
        try (DemoSession s = DemoSessions.start(settings, l)) {
            DemoOutcome o = s.awaitOutcome(Duration.ofSeconds(30));
            assertEquals(DemoOutcome.Status.COMPLETED, o.status(), o.message());
            assertEquals(List.of("client S", "server S.", "server P.", "server R."), l.significant());
        }
    }
}
