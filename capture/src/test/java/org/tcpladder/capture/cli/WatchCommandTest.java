package org.tcpladder.capture.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.testing.Cli;
import org.tcpladder.capture.testing.Json;

/** {@code watch} on a port where a test client and server talk for real, on loopback. */
class WatchCommandTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** A watch running in this JVM; {@link #awaitCapturing()} returns once its capture is open. */
    static final class Watch {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final StringBuilder err = new StringBuilder();
        final CountDownLatch capturing = new CountDownLatch(1);
        final Thread thread;
        volatile int exitCode = -1;

        Watch(String... args) {
            OutputStream errStream = new OutputStream() {
                @Override
                public synchronized void write(int b) {
                    err.append((char) b);
                    if (b == '\n' && err.indexOf("capturing '") >= 0) {
                        capturing.countDown();
                    }
                }
            };
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(errStream, true, StandardCharsets.UTF_8);
            thread = new Thread(() -> exitCode = Main.run(List.of(args), o, e), "watch-under-test");
            thread.start();
        }

        void awaitCapturing() throws InterruptedException {
            assertTrue(capturing.await(20, TimeUnit.SECONDS), "watch did not start: " + err);
        }

        List<String> awaitLines() throws InterruptedException {
            thread.join(20_000);
            assertFalse(thread.isAlive(), "watch did not end: " + err);
            assertEquals(0, exitCode, err.toString());
            String text = out.toString(StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        }
    }

    @Test
    void countStopsAfterTheHandshakeAndPrintsItsStatesAsJson() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(LOOPBACK, 0));
            int port = server.getLocalPort();
            Watch w = new Watch("watch", "--port", Integer.toString(port), "--count", "3", "--json");
            w.awaitCapturing();
            try (Socket client = new Socket(LOOPBACK, port); Socket accepted = server.accept()) {
                List<Map<String, Object>> objects = new ArrayList<>();
                for (String line : w.awaitLines()) {
                    objects.add(Json.object(line));
                }
                assertEquals(5, objects.size(), objects.toString());
                List<String> seen = new ArrayList<>();
                for (Map<String, Object> o : objects.subList(0, 3)) {
                    assertEquals(PrintCommandTest.SEGMENT_KEYS, new ArrayList<>(o.keySet()).subList(0, PrintCommandTest.SEGMENT_KEYS.size()));
                    seen.add(o.get("from") + " " + o.get("flags") + " " + o.get("client_state") + "/" + o.get("server_state"));
                }
                assertEquals(List.of("client S SYN-SENT/SYN-RECEIVED", "server S. ESTABLISHED/SYN-RECEIVED",
                        "client . ESTABLISHED/ESTABLISHED"), seen);
                Map<String, Object> connection = objects.get(3);
                assertEquals("connection", connection.get("event"));
                assertEquals("127.0.0.1:" + client.getLocalPort(), connection.get("client"));
                assertEquals("ESTABLISHED", connection.get("client_final_state"));
                assertEquals("ESTABLISHED", connection.get("server_final_state"));
                Map<String, Object> stats = objects.get(4);
                assertEquals("statistics", stats.get("event"));
                assertTrue((Long) stats.get("frames_captured") >= 3, stats.toString());
                assertEquals(3L, stats.get("tcp_segments"));
            }
        }
    }

    @Test
    void secondsEndATextWatchOfAWholeConnection() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(LOOPBACK, 0));
            int port = server.getLocalPort();
            Watch w = new Watch("watch", "--port", Integer.toString(port), "--seconds", "2");
            w.awaitCapturing();
            try (Socket client = new Socket(LOOPBACK, port); Socket accepted = server.accept()) {
                client.getOutputStream().write("hi".getBytes(StandardCharsets.US_ASCII));
                assertEquals(2, accepted.getInputStream().readNBytes(2).length);
                Thread.sleep(250);
                client.close();
                assertEquals(-1, accepted.getInputStream().read());
                Thread.sleep(250);
            }
            List<String> lines = w.awaitLines();
            assertTrue(lines.get(0).contains(" > 127.0.0.1." + port + ": Flags [S], "), lines.get(0));
            assertTrue(lines.get(0).endsWith(" client=SYN-SENT server=SYN-RECEIVED"), lines.get(0));
            assertTrue(lines.stream().anyMatch(l -> l.contains("Flags [F.]") && l.endsWith(" client=FIN-WAIT-1 server=CLOSE-WAIT")),
                    String.join("\n", lines));
            String last = lines.get(lines.size() - 1);
            assertTrue(last.startsWith("capture: "), last);
            assertTrue(lines.get(lines.size() - 2).matches("connection 0 127\\.0\\.0\\.1:\\d+ > 127\\.0\\.0\\.1:" + port
                    + " .* end FIN_BOTH final client=TIME-WAIT server=CLOSED anomalies 0"), lines.get(lines.size() - 2));
        }
    }

    @Test
    void theSummarySaysWhatWasKeptWhereAndSaveKeepsAPcapngThatTcpdumpReads(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("watched.pcapng");
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(LOOPBACK, 0));
            int port = server.getLocalPort();
            Watch w = new Watch("watch", "--port", Integer.toString(port), "--seconds", "2", "--json",
                    "--snaplen", "60", "--memory", "1", "--save", saved.toString());
            w.awaitCapturing();
            try (Socket client = new Socket(LOOPBACK, port); Socket accepted = server.accept()) {
                client.getOutputStream().write(new byte[5000]);
                assertEquals(5000, accepted.getInputStream().readNBytes(5000).length);
            }
            List<String> lines = w.awaitLines();
            Map<String, Object> stats = Json.object(lines.get(lines.size() - 1));
            assertEquals("statistics", stats.get("event"));
            List<String> keys = new ArrayList<>(stats.keySet());
            // the keys there were keep their names and places; the new ones come after them
            assertEquals(List.of("event", "frames_captured", "received_by_filter", "dropped_by_kernel",
                    "dropped_by_interface", "not_kept", "tcp_segments", "not_tcp", "malformed", "snaplen", "elapsed_ns",
                    "memory_budget_bytes", "memory_peak_bytes", "kept_bytes", "spilled_bytes", "spill_file",
                    "spill_file_kept", "stopped_because"), keys);
            assertEquals(60L, stats.get("snaplen"));
            assertEquals(1L << 20, stats.get("memory_budget_bytes"));
            assertEquals(saved.toString(), stats.get("spill_file"));
            assertEquals(Boolean.TRUE, stats.get("spill_file_kept"));
            assertEquals(null, stats.get("stopped_because"));
            long frames = (Long) stats.get("frames_captured");
            assertTrue(frames >= 6, stats.toString());

            String err = w.err.toString();
            String first = err.lines().findFirst().orElseThrow();
            assertTrue(first.contains("; snap length 60 bytes; memory budget 1.0 MiB, frames beyond it go to "
                    + System.getProperty("java.io.tmpdir")), first);
            assertTrue(err.contains("tcpladder watch: " + frames + " frames captured in "), err);
            assertTrue(err.contains("dropped: 0 by the kernel, 0 by the interface, 0 not kept by tcpladder; "
                    + "snap length 60 bytes; memory budget 1.0 MiB"), err);
            assertTrue(err.contains(" in " + saved + " (kept)"), err);
        }
        Process tcpdump = new ProcessBuilder("tcpdump", "-nn", "-r", saved.toString()).start();
        List<String> printed = new String(tcpdump.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        String problems = new String(tcpdump.getErrorStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertEquals(0, tcpdump.waitFor(), problems);
        assertTrue(printed.size() >= 6, printed.toString());
        assertTrue(printed.get(0).contains("Flags [S]"), printed.get(0));
        // 60 bytes kept of each frame: the TCP options are cut ("[|tcp]"), the sequence range is whole
        assertTrue(printed.stream().anyMatch(l -> l.contains("Flags [P.], seq 1:5001, ack 1")), printed.toString());
    }

    @Test
    void aSnapLengthOutOfRangeIsAUsageError() {
        Cli r = Cli.run("watch", "--port", "80", "--snaplen", "300000");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--snaplen needs a whole number from 0 to 262144, not '300000'"), r.err());
        assertEquals(2, Cli.run("watch", "--port", "80", "--memory", "0").exitCode());
    }

    @Test
    void aPortIsRequired() {
        Cli r = Cli.run("watch", "--count", "1");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--port is required"), r.err());
        assertEquals(2, Cli.run("watch", "--port", "70000").exitCode());
    }
}
