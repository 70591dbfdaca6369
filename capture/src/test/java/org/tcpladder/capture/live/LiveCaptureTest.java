package org.tcpladder.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.source.TimePrecision;

/** Live capture on the loopback interface (the tests run as root, so the direct route). */
class LiveCaptureTest {

    private static int unusedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static long nowNs() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    /** One short exchange on the port: connect, 5 bytes each way, close. */
    private static void exchange(ServerSocket server) throws Exception {
        try (Socket c = new Socket(server.getInetAddress(), server.getLocalPort()); Socket s = server.accept()) {
            OutputStream out = c.getOutputStream();
            out.write("ping!".getBytes());
            InputStream in = s.getInputStream();
            assertEquals(5, in.readNBytes(5).length);
            s.getOutputStream().write("pong!".getBytes());
            assertEquals(5, c.getInputStream().readNBytes(5).length);
        }
    }

    private static void waitForFrames(List<RawPacket> frames, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (frames.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void stopReturnsPromptlyWhenNoPacketEverArrives() throws Exception {
        try (LiveCapture capture = LiveCapture.open(LiveCaptureOptions.tcpPort("lo", unusedPort()))) {
            capture.start(p -> { });
            Thread.sleep(300);
            long t0 = System.nanoTime();
            CaptureStats stats = capture.stop();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 500, "stopped in " + ms + " ms");
            assertEquals(0, stats.delivered());
            assertEquals(stats, capture.stop(), "stop is idempotent");
        }
    }

    @Test
    void aCaptureNeverStartedClosesCleanly() throws Exception {
        LiveCapture capture = LiveCapture.open(LiveCaptureOptions.tcpPort("lo", unusedPort()));
        assertEquals(CaptureStats.NONE.delivered(), capture.stop().delivered());
        capture.close();
    }

    @Test
    void framesArriveAsTheyHappenStampedInNanosecondsOnTheWallClock() throws Exception {
        List<RawPacket> frames = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             LiveCapture capture = LiveCapture.open(LiveCaptureOptions.tcpPort("lo", server.getLocalPort()))) {
            assertEquals(TimePrecision.NANO, capture.precision());
            assertEquals(1, capture.linkType());
            capture.start(frames::add);
            long before = nowNs();
            exchange(server);
            waitForFrames(frames, 10);
            long after = nowNs();
            CaptureStats stats = capture.stop();
            assertEquals(10, frames.size(), "handshake, 2 data + 2 ACKs, FIN exchange: " + frames.size());
            assertEquals(10, stats.delivered());
            assertTrue(stats.receivedByFilter() >= stats.delivered(), stats.toString());
            assertTrue(stats.complete(), stats.toString());
            long previous = before;
            for (RawPacket p : frames) {
                assertTrue(p.timeNs >= previous && p.timeNs <= after, "frame " + p.number + " at " + p.timeNs);
                previous = p.timeNs;
                assertEquals(p.capturedLength, p.originalLength);
                byte[] viaStore = capture.store().read(p.dataOffset, p.capturedLength);
                byte[] viaBuffer = new byte[p.capturedLength];
                p.buffer.duplicate().position(p.position).get(viaBuffer);
                assertEquals(java.util.Arrays.toString(viaBuffer), java.util.Arrays.toString(viaStore));
            }
            assertEquals(List.of(1L, 2L, 3L), frames.stream().limit(3).map(p -> p.number).toList());
            // A real nanosecond stamp is a whole microsecond one time in a thousand, so one frame cannot
            // tell; ten all being whole microseconds would mean the nanosecond digits are padding.
            assertTrue(frames.stream().anyMatch(p -> p.timeNs % 1000 != 0),
                    "nanosecond digits are real: " + frames.stream().map(p -> p.timeNs).toList());
        }
    }

    @Test
    void watchingAPortSeesItsTrafficUntilStopped() throws Exception {
        List<RawPacket> frames = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("::1"));
             PortWatch watch = PortWatch.start("lo", server.getLocalPort(), frames::add)) {
            exchange(server);
            waitForFrames(frames, 10);
            CaptureStats stats = watch.stop();
            assertEquals(10, stats.delivered());
            exchange(server);
            Thread.sleep(100);
            assertEquals(10, frames.size(), "nothing after stop");
            assertEquals("tcp port " + server.getLocalPort(), watch.capture().filter());
        }
    }

    @Test
    void theStoreLimitEndsTheCaptureAndCountsWhatWasNotKept() throws Exception {
        List<RawPacket> frames = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             LiveCapture capture = LiveCapture.open(LiveCaptureOptions.tcpPort("lo", server.getLocalPort())
                     .withStoreLimit(200))) {
            capture.start(frames::add);
            exchange(server);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (capture.endReason() == null && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            CaptureStats stats = capture.stop();
            assertNotNull(capture.endReason());
            assertTrue(capture.endReason().contains("MiB kept in memory"), capture.endReason());
            assertEquals(frames.size(), stats.delivered());
            assertTrue(stats.notKept() >= 1);
            assertTrue(frames.size() <= 3, "74-byte frames, 200 bytes kept: " + frames.size());
        }
    }

    @Test
    void aBadFilterIsReportedAsSuch() {
        LiveCaptureException e = assertThrows(LiveCaptureException.class, () -> LiveCapture.open(
                new LiveCaptureOptions("lo", "tcp port nonsense", 65535, 1 << 20, 100, 1 << 20)));
        assertEquals(LiveCaptureException.Problem.BAD_FILTER, e.problem());
        assertTrue(e.getMessage().startsWith("The capture filter 'tcp port nonsense' is not valid: "), e.getMessage());
    }

    @Test
    void anUnknownInterfaceIsReportedAsSuch() {
        LiveCaptureException e = assertThrows(LiveCaptureException.class,
                () -> LiveCapture.open(LiveCaptureOptions.tcpPort("nosuch0", 80)));
        assertEquals(LiveCaptureException.Problem.NO_DEVICE, e.problem(), e.getMessage());
        assertTrue(e.getMessage().startsWith("There is no network interface called 'nosuch0'"), e.getMessage());
    }

    @Test
    void rootCapturesDirectly() throws Exception {
        assertEquals(CaptureRoute.DIRECT, CaptureAccess.routeForDemo(LoopbackDevice.name(), true));
        assertEquals("lo", LoopbackDevice.name());
    }

    @Test
    void userNamespacesWorkOnThisMachine() {
        assertEquals(null, UserNamespace.unavailableReason());
    }
}
