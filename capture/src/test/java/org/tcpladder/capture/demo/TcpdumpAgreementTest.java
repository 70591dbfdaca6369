package org.tcpladder.capture.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tcpladder.capture.source.CaptureFiles;
import org.tcpladder.capture.source.PacketSource;
import org.tcpladder.capture.source.RawPacket;

/**
 * The frames a demo session captures agree byte for byte with what tcpdump captures on the same port
 * at the same time: same count, same bytes, same lengths, timestamps on the same clock (within
 * microseconds: each capture socket stamps its own copy).
 */
class TcpdumpAgreementTest {
    /** How far apart the same frame may sit in the two captures (see the matching loop). */
    private static final int NEIGHBOURS = 3;

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"ECHO_CLIENT_CLOSES_FIRST, V4", "BULK_TRANSFER, V6", "HALF_CLOSE, V6", "CONNECTION_REFUSED, V4"})
    void capturedFramesAreExactlyWhatTcpdumpSees(Scenario scenario, IpVersion ip) throws Exception {
        RecordingListener l = new RecordingListener();
        DemoSettings settings = DemoSettings.of(scenario, ip).withPause(Duration.ZERO)
                .withMode(DemoSettings.Mode.STEP).withSizes(4096, 1 << 20);
        Path file = dir.resolve("tcpdump.pcap");
        try (DemoSession session = DemoSessions.start(settings, l)) {
            // Step mode holds the session before its first step while tcpdump starts on the known port.
            Path tcpdumpSaid = dir.resolve("tcpdump.stderr");
            Process tcpdump = startTcpdump(file, session.ready().serverPort(), tcpdumpSaid);
            try {
                session.runToEnd();
                assertNotNull(session.awaitOutcome(Duration.ofSeconds(30)));
                Thread.sleep(300); // let tcpdump read what is in its buffer before it is told to stop
            } finally {
                tcpdump.destroy(); // SIGTERM: tcpdump closes its file properly
                assertTrue(tcpdump.waitFor(10, TimeUnit.SECONDS), "tcpdump ended");
            }
            assertEquals(DemoOutcome.Status.COMPLETED, l.finished.status(), l.finished.message());
            assertTrue(l.finished.stats().complete(), l.finished.stats().toString());

            List<RawPacket> theirs = read(file);
            List<RawPacket> ours = l.frames;
            long maxSkew = 0;
            String said = Files.readString(tcpdumpSaid);
            assertTrue(said.contains("\n0 packets dropped by kernel"), said);
            assertEquals(theirs.size(), ours.size(), "frame count");
            // Each capture socket gets its own copy of a frame, so under load two frames sent within
            // microseconds of each other can reach the two sockets in opposite orders. Match each frame
            // of ours with an identical frame of tcpdump's no more than NEIGHBOURS places away.
            boolean[] used = new boolean[theirs.size()];
            for (int i = 0; i < ours.size(); i++) {
                RawPacket a = ours.get(i);
                byte[] mine = bytes(a);
                int match = -1;
                for (int j = Math.max(0, i - NEIGHBOURS); j <= Math.min(theirs.size() - 1, i + NEIGHBOURS); j++) {
                    if (!used[j] && java.util.Arrays.equals(bytes(theirs.get(j)), mine)) {
                        match = j;
                        break;
                    }
                }
                assertTrue(match >= 0, "frame " + (i + 1) + " (" + a.capturedLength + " bytes) has no identical frame in tcpdump's capture near it");
                used[match] = true;
                RawPacket b = theirs.get(match);
                assertEquals(b.originalLength, a.originalLength, "original length of frame " + (i + 1));
                assertEquals(b.capturedLength, a.capturedLength, "captured length of frame " + (i + 1));
                assertArrayEquals(bytes(b), session.store().read(a.dataOffset, a.capturedLength),
                        "frame " + (i + 1) + " read back from the store");
                // Each capture socket stamps its own copy as it is queued to it, so the two clocks
                // readings differ by the microseconds between the two deliveries; never by more.
                long skew = Math.abs(b.timeNs - a.timeNs);
                maxSkew = Math.max(maxSkew, skew);
                assertTrue(skew < 1_000_000, "timestamps of frame " + (i + 1) + " differ by " + skew + " ns");
                assertEquals(i + 1, a.number);
            }
            System.out.println(scenario + " " + ip + ": " + ours.size() + " frames agree with tcpdump; timestamps within "
                    + maxSkew + " ns");
        }
    }

    /** Starts tcpdump and returns once it captures (it says "listening on"); its stderr goes to a file. */
    static Process startTcpdump(Path file, int port, Path stderr) throws Exception {
        Process p = new ProcessBuilder("tcpdump", "-i", "lo", "-w", file.toString(), "-U", "--immediate-mode",
                "-B", "32768", "--time-stamp-precision=nano", "tcp port " + port)
                .redirectError(stderr.toFile()).start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Files.readString(stderr).contains("listening on")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("tcpdump did not start: " + Files.readString(stderr));
            }
            Thread.sleep(5);
        }
        return p;
    }

    static List<RawPacket> read(Path file) throws Exception {
        assertTrue(Files.size(file) >= 24, "tcpdump wrote its file");
        List<RawPacket> out = new ArrayList<>();
        try (PacketSource src = CaptureFiles.open(file)) {
            RawPacket p = new RawPacket();
            while (src.next(p)) {
                RawPacket copy = new RawPacket();
                copy.number = p.number;
                copy.timeNs = p.timeNs;
                copy.capturedLength = p.capturedLength;
                copy.originalLength = p.originalLength;
                byte[] data = new byte[p.capturedLength];
                p.buffer.duplicate().position(p.position).get(data);
                copy.buffer = java.nio.ByteBuffer.wrap(data);
                copy.position = 0;
                out.add(copy);
            }
        }
        return out;
    }

    static byte[] bytes(RawPacket p) {
        byte[] data = new byte[p.capturedLength];
        p.buffer.duplicate().position(p.position).get(data);
        return data;
    }
}
