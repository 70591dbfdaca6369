package org.tcpladder.capture.state;

import org.tcpladder.capture.tcp.Side;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.analysis.ConnectionAnalysis;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;

/**
 * The inference against the kernel's own view: real loopback sessions captured with tcpdump; at quiet
 * moments {@code ss -tan} tells each socket's state, and the inference, fed the capture, must say the same
 * for that moment ({@link StateInference#statesAt}). tshark's analysis of the same capture must match ours.
 */
class KernelTruthTest {
    /** Long enough for a delayed ACK (Linux: at most 200 ms) and for ss to see the settled state. */
    static final long SETTLE_MS = 300;
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** tcpdump on lo for one port, handing over (--immediate-mode) and writing (-U) every packet at once. */
    static final class Tcpdump implements AutoCloseable {
        final Path file;
        private final Process process;

        Tcpdump(Path file, int port) throws IOException {
            this.file = file;
            process = new ProcessBuilder("tcpdump", "-i", "lo", "-U", "--immediate-mode", "-n", "-w", file.toString(), "tcp port " + port)
                    .start();
            BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = err.readLine()) != null && !line.contains("listening on")) {
                // tcpdump prints its banner first; the filter is attached once it says "listening on"
            }
            if (line == null) {
                throw new IOException("tcpdump did not start");
            }
            Thread drain = new Thread(() -> {
                try {
                    err.transferTo(java.io.Writer.nullWriter());
                } catch (IOException ignored) {
                    // the process is gone
                }
            });
            drain.setDaemon(true);
            drain.start();
        }

        @Override
        public void close() throws IOException {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException("tcpdump did not stop");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    /** What ss said about one connection at one moment. */
    record Snapshot(String label, long timeNs, TcpState client, TcpState server, long clientTimeWaitSec,
            long serverTimeWaitSec) {
    }

    /** One session: the server port, the client's port once connected, and the quiet moments seen. */
    static final class Session {
        final int serverPort;
        int clientPort;
        final List<Snapshot> snapshots = new ArrayList<>();

        Session(int serverPort) {
            this.serverPort = serverPort;
        }

        void quiet(String label) throws Exception {
            Thread.sleep(SETTLE_MS);
            long t = nowNs();
            Process ss = new ProcessBuilder("ss", "-tanoH", "state", "all", "sport", "=", ":" + serverPort, "or",
                    "dport", "=", ":" + serverPort).redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ss.waitFor();
            TcpState client = TcpState.CLOSED;
            TcpState server = TcpState.CLOSED;
            long clientTw = -1;
            long serverTw = -1;
            Pattern timer = Pattern.compile("timer:\\(timewait,(\\d+)sec");
            for (String line : out.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 5 || f[0].equals("LISTEN")) {
                    continue;
                }
                int local = port(f[3]);
                int peer = port(f[4]);
                TcpState s = TcpState.fromName(f[0]);
                Matcher m = timer.matcher(line);
                // An orphaned FIN-WAIT-2 socket shows a "timewait" timer too (tcp_fin_timeout); only
                // TIME-WAIT's own countdown is comparable.
                long tw = s == TcpState.TIME_WAIT && m.find() ? Long.parseLong(m.group(1)) : -1;
                if (local == clientPort && peer == serverPort) {
                    client = s;
                    clientTw = tw;
                } else if (local == serverPort && peer == clientPort) {
                    server = s;
                    serverTw = tw;
                }
            }
            snapshots.add(new Snapshot(label, t, client, server, clientTw, serverTw));
        }

        private static int port(String hostPort) {
            return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
        }
    }

    static long nowNs() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    interface Script {
        void run(ServerSocket listener, Session session) throws Exception;
    }

    /** Runs a script under tcpdump, then checks every snapshot and tshark against the inference. */
    static StateInference check(Path dir, Script script) throws Exception {
        Path file = dir.resolve("session.pcap");
        Session session;
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(LOOPBACK, 0));
            session = new Session(listener.getLocalPort());
            try (Tcpdump ignored = new Tcpdump(file, session.serverPort)) {
                script.run(listener, session);
            }
        }
        try (CaptureIndex capture = CaptureIndex.load(file)) {
            Connection connection = null;
            for (Connection c : capture.connections()) {
                if (c.client().port() == session.clientPort && c.server().port() == session.serverPort) {
                    connection = c;
                }
            }
            assertNotNull(connection, "capture holds the session: " + capture.connections());
            assertFalse(connection.midStream());
            ConnectionAnalysis analysis = ConnectionAnalysis.of(connection, Long.MIN_VALUE);
            StateInference inference = analysis.inference();
            List<String> wrong = new ArrayList<>();
            for (Snapshot s : session.snapshots) {
                StateInference.SideStates ours = inference.statesAt(s.timeNs());
                if (ours.client() != s.client() || ours.server() != s.server()) {
                    wrong.add(s.label() + ": kernel " + s.client() + "/" + s.server() + ", inferred " + ours.client()
                            + "/" + ours.server());
                }
                // The states after the last segment before a quiet moment are the kernel's too (TIME-WAIT
                // has not run out in these short sessions).
                int last = lastSegmentBefore(connection, s.timeNs());
                TcpState client = last < 0 ? analysis.initialState(Side.CLIENT) : analysis.stateAfter(Side.CLIENT, last);
                TcpState server = last < 0 ? analysis.initialState(Side.SERVER) : analysis.stateAfter(Side.SERVER, last);
                if (client != s.client() || server != s.server()) {
                    wrong.add(s.label() + ": kernel " + s.client() + "/" + s.server() + ", after segment " + last + " "
                            + client + "/" + server);
                }
                checkTimeWait(inference, Side.CLIENT, s.timeNs(), s.clientTimeWaitSec(), s.label(), wrong);
                checkTimeWait(inference, Side.SERVER, s.timeNs(), s.serverTimeWaitSec(), s.label(), wrong);
            }
            assertEquals(List.of(), wrong, "transitions: " + inference.transitions());
            Map<Long, TreeSet<String>> theirs = Tshark.analysisFlags(file);
            Map<Long, TreeSet<String>> ours = new TreeMap<>();
            Map<Long, TreeSet<String>> tsharkForUs = new TreeMap<>();
            for (int i = 0; i < analysis.size(); i++) {
                SegmentAnalysis a = analysis.segment(i);
                ours.put(a.segment().index(), Tshark.words(a.anomalies()));
                tsharkForUs.put(a.segment().index(), theirs.get(a.segment().index()));
            }
            assertEquals(tsharkForUs, ours);
            return inference;
        }
    }

    private static int lastSegmentBefore(Connection c, long timeNs) {
        int last = -1;
        for (int i = 0; i < c.segmentCount() && c.segment(i).timeNs() <= timeNs; i++) {
            last = i;
        }
        return last;
    }

    static void checkTimeWait(StateInference inference, Side side, long atNs, long kernelSec, String label,
            List<String> wrong) {
        OptionalLong ours = inference.timeWaitLeftNs(side, atNs);
        if (kernelSec < 0) {
            return;
        }
        if (ours.isEmpty() || Math.abs(ours.getAsLong() / 1_000_000_000.0 - kernelSec) > 2) {
            wrong.add(label + ": kernel TIME-WAIT " + kernelSec + " s left for " + side + ", inferred " + ours);
        }
    }

    static Socket connect(ServerSocket listener, Session session) throws IOException {
        Socket client = new Socket();
        client.connect(listener.getLocalSocketAddress(), 2000);
        session.clientPort = client.getLocalPort();
        return client;
    }

    static void echo(Socket client, Socket server, String text) throws IOException {
        byte[] msg = text.getBytes(StandardCharsets.US_ASCII);
        client.getOutputStream().write(msg);
        byte[] got = server.getInputStream().readNBytes(msg.length);
        server.getOutputStream().write(got);
        assertEquals(text, new String(client.getInputStream().readNBytes(msg.length), StandardCharsets.US_ASCII));
    }

    static void readToEnd(InputStream in) throws IOException {
        assertEquals(-1, in.read());
    }

    @Test
    void clientClosingFirstEndsInTimeWaitOnTheClient(@TempDir Path dir) throws Exception {
        StateInference i = check(dir, (listener, s) -> {
            Socket client = connect(listener, s);
            Socket server = listener.accept();
            echo(client, server, "hello");
            s.quiet("after the echo");
            client.close();
            readToEnd(server.getInputStream());
            s.quiet("client closed");
            server.close();
            s.quiet("both closed");
        });
        assertEquals(TcpState.TIME_WAIT, i.clientState());
        assertEquals(TcpState.CLOSED, i.serverState());
    }

    @Test
    void writeAfterTheServerClosedIsReset(@TempDir Path dir) throws Exception {
        StateInference i = check(dir, (listener, s) -> {
            Socket client = connect(listener, s);
            Socket server = listener.accept();
            echo(client, server, "ping");
            server.close();
            readToEnd(client.getInputStream());
            s.quiet("server closed");
            client.getOutputStream().write("late".getBytes(StandardCharsets.US_ASCII));
            s.quiet("after the late write");
            client.close();
        });
        assertEquals(TcpState.CLOSED, i.clientState());
        assertTrue(i.transitions().stream().anyMatch(t -> t.cause() == TransitionCause.RECEIVED_RST));
    }

    @Test
    void connectingToAClosedPortIsRefused(@TempDir Path dir) throws Exception {
        StateInference i = check(dir, (listener, s) -> {
            int port = s.serverPort;
            listener.close();
            Socket client = new Socket();
            client.bind(new InetSocketAddress(LOOPBACK, 0));
            s.clientPort = client.getLocalPort();
            assertThrows(ConnectException.class, () -> client.connect(new InetSocketAddress(LOOPBACK, port), 2000));
            client.close();
            s.quiet("refused");
        });
        assertEquals(TcpState.CLOSED, i.clientState());
        assertTrue(i.transitions().stream().anyMatch(t -> t.cause() == TransitionCause.RECEIVED_RST_REFUSED));
    }

    @Test
    void lingerZeroAbortsWithAReset(@TempDir Path dir) throws Exception {
        StateInference i = check(dir, (listener, s) -> {
            Socket client = connect(listener, s);
            Socket server = listener.accept();
            echo(client, server, "bye");
            s.quiet("open");
            client.setSoLinger(true, 0);
            client.close();
            s.quiet("aborted");
            server.close();
        });
        assertTrue(i.transitions().stream().anyMatch(t -> t.cause() == TransitionCause.SENT_RST));
    }

    @Test
    void halfClosedServerKeepsSendingInCloseWait(@TempDir Path dir) throws Exception {
        check(dir, (listener, s) -> {
            Socket client = connect(listener, s);
            Socket server = listener.accept();
            client.shutdownOutput();
            readToEnd(server.getInputStream());
            s.quiet("client shut down its output");
            server.getOutputStream().write(new byte[3000]);
            assertEquals(3000, client.getInputStream().readNBytes(3000).length);
            s.quiet("server sent data in CLOSE-WAIT");
            server.close();
            readToEnd(client.getInputStream());
            s.quiet("server closed");
            client.close();
        });
    }

    @Test
    void closingBothAtOnceAgreesWithTheKernelWhicheverWayItWent(@TempDir Path dir) throws Exception {
        check(dir, (listener, s) -> {
            Socket client = connect(listener, s);
            Socket server = listener.accept();
            echo(client, server, "both");
            CyclicBarrier barrier = new CyclicBarrier(2);
            Thread other = new Thread(() -> {
                try {
                    barrier.await();
                    server.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            other.start();
            barrier.await();
            client.close();
            other.join();
            s.quiet("both closed");
        });
    }
}
