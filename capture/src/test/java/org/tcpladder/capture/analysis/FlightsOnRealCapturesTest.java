package org.tcpladder.capture.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.state.FlightTimeline;
import org.tcpladder.capture.state.Loss;
import org.tcpladder.capture.state.Narration;
import org.tcpladder.capture.state.NumberMode;
import org.tcpladder.capture.state.SegmentEvent;
import org.tcpladder.capture.state.StateTransition;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.state.TransitionCause;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpSegment;
import org.tcpladder.capture.testing.Cli;
import org.tcpladder.capture.testing.Json;
import org.tcpladder.capture.testing.LossyLink;
import org.tcpladder.capture.testing.LoopbackSession;
import org.tcpladder.capture.testing.Tcpdump;

/**
 * The flights (departure, arrival or loss; each side's own order of events) on real captures made here:
 * sockets on loopback under tcpdump, and a link between two network namespaces that really drops a
 * segment, captured at the sender's side.
 */
class FlightsOnRealCapturesTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Narration EN = Narration.english();

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ opening

    @Test
    void refusedConnectionHasNoServerSocketAtAnyPoint() throws Exception {
        Path file = dir.resolve("refused.pcap");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            port = probe.getLocalPort();
        }
        try (Tcpdump.Capture ignored = Tcpdump.capture("lo", file, "tcp port " + port);
             Socket client = new Socket()) {
            client.bind(new InetSocketAddress(LOOPBACK, 0));
            assertThrows(ConnectException.class, () -> client.connect(new InetSocketAddress(LOOPBACK, port), 2000));
        }
        ConnectionAnalysis a = only(file);
        assertEquals(2, a.size());
        assertEquals(TcpState.CLOSED, a.initialState(Side.SERVER));
        for (int i = 0; i < a.size(); i++) {
            assertEquals(TcpState.CLOSED, a.stateAfter(Side.SERVER, i), "no LISTEN, no SYN-RECEIVED: segment " + i);
        }
        assertEquals(List.of(), a.transitions(Side.SERVER));
        assertEquals(List.of(TcpState.CLOSED, TcpState.SYN_SENT, TcpState.CLOSED), path(a, Side.CLIENT));
        String rst = a.segment(1).narration();
        assertTrue(rst.startsWith("Nobody listens on port " + port + ": the kernel answers RST."), rst);
        assertNoLosses(a);
    }

    @Test
    void simultaneousOpenTakesBothSidesThroughSynSentAndSynReceived() throws Exception {
        Path file = dir.resolve("simultaneous-open.pcap");
        int attempts = 300;
        // Ports for the attempts, each pair bound on port 0's neighbourhood and held until it is used, so
        // one capture filter (a port range) covers them all.
        int base;
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            base = probe.getLocalPort();
        }
        int low = base + 2 * attempts + 2 > 65535 ? base - 2 * attempts - 2 : base + 1;
        List<ServerSocket> reserved = new ArrayList<>();
        for (int port = low; port < low + 2 * attempts; port++) {
            try {
                reserved.add(new ServerSocket(port, 1, LOOPBACK));
            } catch (java.io.IOException inUse) {
                // taken by someone else: not one of ours
            }
        }
        String filter = "tcp portrange " + low + "-" + (low + 2 * attempts - 1);
        // Both connects may succeed with only one side answering SYN,ACK (its peer then takes that answer
        // as a plain one): collect a few successes and judge the one where both SYN,ACKs crossed too.
        List<Integer> opened = new ArrayList<>();
        int tried = 0;
        try (Tcpdump.Capture ignored = Tcpdump.capture("lo", file, filter)) {
            for (int i = 0; i + 1 < reserved.size() && opened.size() < 5; i += 2, tried++) {
                int pa = reserved.get(i).getLocalPort();
                int pb = reserved.get(i + 1).getLocalPort();
                reserved.get(i).close();
                reserved.get(i + 1).close();
                if (bothConnect(pa, pb)) {
                    opened.add(pa);
                }
            }
        } finally {
            for (ServerSocket s : reserved) {
                s.close();
            }
        }
        System.out.println("simultaneous open: both connects succeeded " + opened.size() + " times in " + tried
                + " attempts");
        ConnectionAnalysis a = null;
        for (int port : opened) {
            ConnectionAnalysis candidate = connectionOn(file, port);
            int synAcks = 0;
            for (int i = 0; i < candidate.size(); i++) {
                TcpSegment s = candidate.segment(i).segment();
                synAcks += s.has(TcpFlags.SYN) && s.has(TcpFlags.ACK) ? 1 : 0;
            }
            if (synAcks == 2 && a == null) {
                a = candidate;
            }
        }
        assertNotNull(a, "both sides answered with SYN,ACK in one of " + opened.size() + " simultaneous opens");
        List<TcpState> both = List.of(TcpState.CLOSED, TcpState.SYN_SENT, TcpState.SYN_RECEIVED, TcpState.ESTABLISHED);
        assertEquals(both, path(a, Side.CLIENT).subList(0, 4), "the client's path");
        assertEquals(both, path(a, Side.SERVER).subList(0, 4), "the other side's path: never LISTEN");
        FlightTimeline t = a.timeline();
        for (int i = 0; i < a.size(); i++) {
            TcpSegment s = a.segment(i).segment();
            if (s.has(TcpFlags.SYN) && s.has(TcpFlags.ACK)) {
                assertTrue(a.segment(i).anomalies().isEmpty(), "a crossing SYN's answer is no retransmission: "
                        + a.segment(i).anomalies());
                assertEquals(-1, t.retransmissionOf(i), "and repeats no lost segment");
                assertTrue(a.segment(i).narration().contains("simultaneous open"), a.segment(i).narration());
            }
        }
        // The second SYN crossed the first: it left its sender before the first SYN arrived there.
        int second = 1;
        assertTrue(a.segment(second).segment().has(TcpFlags.SYN) && !a.segment(second).segment().has(TcpFlags.ACK));
        Side other = t.sender(second);
        assertTrue(t.departure(second).order() < t.arrival(0).order(),
                "at the second SYN's sender, it left before the first SYN arrived");
        assertEquals(other, t.arrival(0).side());
        assertNoLosses(a);
    }

    /**
     * A spinning start line for two threads, not a blocking barrier: waking a parked thread takes longer
     * than a segment takes to reach the other socket on loopback.
     */
    private static void startTogether(java.util.concurrent.atomic.AtomicInteger ready) {
        ready.incrementAndGet();
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (ready.get() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** Two sockets on fixed ports connect to each other at the same moment; true when both succeed. */
    private static boolean bothConnect(int pa, int pb) throws Exception {
        java.util.concurrent.atomic.AtomicInteger ready = new java.util.concurrent.atomic.AtomicInteger();
        boolean[] ok = new boolean[2];
        Socket[] sockets = {new Socket(), new Socket()};
        Thread[] threads = new Thread[2];
        for (int k = 0; k < 2; k++) {
            int me = k;
            threads[k] = new Thread(() -> {
                try {
                    Socket s = sockets[me];
                    s.setReuseAddress(true);
                    s.bind(new InetSocketAddress(LOOPBACK, me == 0 ? pa : pb));
                    startTogether(ready);
                    s.connect(new InetSocketAddress(LOOPBACK, me == 0 ? pb : pa), 3000);
                    ok[me] = true;
                } catch (Exception e) {
                    ok[me] = false;
                }
            });
            threads[k].start();
        }
        for (Thread th : threads) {
            th.join(10_000);
        }
        boolean both = ok[0] && ok[1];
        if (both) {
            sockets[0].getOutputStream().write('x');
            assertEquals('x', sockets[1].getInputStream().read());
            sockets[0].close();
            readToEnd(sockets[1].getInputStream());
            sockets[1].close();
        }
        sockets[0].close();
        sockets[1].close();
        return both;
    }

    // ------------------------------------------------------------------ closing

    @Test
    void simultaneousCloseTakesBothSidesThroughFinWait1AndClosing() throws Exception {
        Path file = dir.resolve("simultaneous-close.pcap");
        int attempts = 300;
        int serverPort;
        int made = 0;
        try (ServerSocket listener = new ServerSocket(0, 50, LOOPBACK)) {
            serverPort = listener.getLocalPort();
            try (Tcpdump.Capture ignored = Tcpdump.capture("lo", file, "tcp port " + serverPort)) {
                // Whether the FINs cross is up to the scheduler: the kernels' own states tell when they did.
                for (boolean crossedNow = false; made < attempts && !crossedNow; made++) {
                    crossedNow = closeTogether(listener);
                }
            }
        }
        int attemptsMade = made;
        ConnectionAnalysis crossed = null;
        try (CaptureIndex index = CaptureIndex.load(file)) {
            assertEquals(attemptsMade, index.connections().size());
            for (Connection c : index.connections()) {
                ConnectionAnalysis a = ConnectionAnalysis.of(c, c.endNs());
                if (a.finalState(Side.CLIENT) == TcpState.TIME_WAIT && a.finalState(Side.SERVER) == TcpState.TIME_WAIT) {
                    crossed = a;
                    break;
                }
                assertNoLosses(a);
            }
        }
        assertNotNull(crossed, "the FINs crossed in one of " + attemptsMade + " attempts");
        System.out.println("simultaneous close: the FINs crossed on attempt " + attemptsMade);
        List<TcpState> closing = List.of(TcpState.ESTABLISHED, TcpState.FIN_WAIT_1, TcpState.CLOSING, TcpState.TIME_WAIT);
        for (Side side : Side.values()) {
            List<TcpState> p = path(crossed, side);
            assertEquals(closing, p.subList(p.size() - 4, p.size()), side + " went through FIN-WAIT-1 to CLOSING");
            for (StateTransition t : crossed.transitions(side)) {
                if (t.to() == TcpState.FIN_WAIT_1) {
                    assertEquals(TransitionCause.SENT_FIN_SIMULTANEOUS, t.cause());
                    assertTrue(EN.transition(t).startsWith("Both applications closed at once"), EN.transition(t));
                }
            }
        }
        int firstFin = -1;
        int secondFin = -1;
        for (int i = 0; i < crossed.size(); i++) {
            if (crossed.segment(i).segment().has(TcpFlags.FIN)) {
                if (firstFin < 0) {
                    firstFin = i;
                } else if (secondFin < 0) {
                    secondFin = i;
                }
            }
        }
        FlightTimeline t = crossed.timeline();
        Side second = t.sender(secondFin);
        // The X: at the second FIN's sender, its FIN left before the first one arrived.
        assertTrue(t.departure(secondFin).order() < t.arrival(firstFin).order());
        assertEquals(second, t.arrival(firstFin).side());
        // And that side's two changes belong to its two events, in its order.
        assertEquals(List.of("ESTABLISHED>FIN-WAIT-1"), names(crossed.transitionsAt(secondFin, second)));
        assertEquals(List.of("FIN-WAIT-1>CLOSING"), names(crossed.transitionsAt(firstFin, second)));
        assertEquals(List.of("FIN-WAIT-1>CLOSING"), names(crossed.transitionsAt(secondFin, second.other())));
        for (String n : crossed.segment(firstFin).sentences()) {
            assertFalse(n.contains("closed first"), n);
        }
        assertNoLosses(crossed);
    }

    /** Closes both ends of a fresh connection at once; true when both ended in TIME-WAIT (the FINs crossed). */
    private static boolean closeTogether(ServerSocket listener) throws Exception {
        try (Socket client = new Socket(LOOPBACK, listener.getLocalPort()); Socket server = listener.accept()) {
            java.util.concurrent.atomic.AtomicInteger both = new java.util.concurrent.atomic.AtomicInteger();
            Thread other = new Thread(() -> {
                try {
                    startTogether(both);
                    server.shutdownOutput();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            other.start();
            startTogether(both);
            client.shutdownOutput();
            other.join(5000);
            readToEnd(client.getInputStream());
            readToEnd(server.getInputStream());
            int clientPort = client.getLocalPort();
            Thread.sleep(2);
            return timeWaitBoth(listener.getLocalPort(), clientPort);
        }
    }

    /** Both ends of the connection in TIME-WAIT per {@code ss}: only crossing FINs leave both so. */
    private static boolean timeWaitBoth(int serverPort, int clientPort) throws Exception {
        Process p = new ProcessBuilder("ss", "-tanH", "state", "time-wait").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        int seen = 0;
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2) {
                String local = f[f.length - 2];
                String peer = f[f.length - 1];
                boolean serverSide = local.endsWith(":" + serverPort) && peer.endsWith(":" + clientPort);
                boolean clientSide = local.endsWith(":" + clientPort) && peer.endsWith(":" + serverPort);
                seen += serverSide || clientSide ? 1 : 0;
            }
        }
        return seen >= 2;
    }

    // ------------------------------------------------------------------ clean sessions

    @Test
    void cleanSessionsOnLoopbackHaveNoLossesAndEveryArrivalFollowsItsDeparture() throws Exception {
        for (LoopbackSession.Ending ending : LoopbackSession.Ending.values()) {
            Path file = LoopbackSession.captureEcho(dir.resolve(ending + ".pcap"), LOOPBACK, "lo", ending);
            ConnectionAnalysis a = only(file);
            assertTrue(a.size() > 10, "a real session: " + a.size());
            assertNoLosses(a);
            FlightTimeline t = a.timeline();
            for (int i = 0; i < a.size(); i++) {
                SegmentEvent d = t.departure(i);
                SegmentEvent r = t.arrival(i);
                assertNotNull(r, "segment " + i + " arrived");
                assertTrue(r.timeNs() >= d.timeNs(), "no arrival before its departure");
                assertEquals(d.side().other(), r.side());
            }
            for (Side side : Side.values()) {
                List<SegmentEvent> events = t.events(side);
                for (int k = 0; k < events.size(); k++) {
                    assertEquals(k, events.get(k).order(), side + "'s events are numbered in its order");
                }
            }
        }
    }

    @Test
    void theShippedRecordingsHaveNoLosses() throws Exception {
        Path recordings = Path.of("src/main/resources/org/tcpladder/capture/demo/recordings");
        List<Path> files;
        try (Stream<Path> s = Files.list(recordings)) {
            files = s.filter(p -> p.toString().endsWith(".pcap.gz")).sorted().toList();
        }
        assertEquals(16, files.size(), files.toString());
        for (Path f : files) {
            try (CaptureIndex index = CaptureIndex.load(f)) {
                for (Connection c : index.connections()) {
                    assertNoLosses(ConnectionAnalysis.of(c, c.endNs()));
                }
            }
        }
    }

    // ------------------------------------------------------------------ real loss

    @Test
    void aLostSynChangesNothingAtTheServerAndNamesItsRetransmission() throws Exception {
        Path file;
        try (LossyLink link = LossyLink.create("syn")) {
            // Drop the first SYN at the server's input; Linux sends it again after 1 s.
            file = link.session(dir.resolve("lost-syn.pcap"), "tcp dport PORT tcp flags syn quota until 100 bytes drop",
                    "c.sendall(b'hello')");
        }
        ConnectionAnalysis a = only(file);
        FlightTimeline t = a.timeline();
        assertTrue(a.segment(0).segment().has(TcpFlags.SYN) && a.segment(1).segment().has(TcpFlags.SYN));
        assertTrue(t.lost(0), "the first SYN never reached the server");
        assertNull(t.arrival(0));
        assertEquals(List.of(1), t.retransmittedBy(0));
        assertEquals(0, t.retransmissionOf(1));
        assertFalse(t.lost(1));
        Loss loss = t.loss(0);
        assertEquals(Loss.Evidence.SYN_UNANSWERED, loss.evidence());
        assertTrue(loss.waitedNs() > 500_000_000L, "the SYN timer waited about a second: " + loss.waitedNs());
        String why = EN.loss(loss, NumberMode.RELATIVE);
        assertTrue(why.startsWith("Lost: the server never answers this SYN;"), why);
        assertTrue(why.endsWith("the client sends it again as segment " + a.segment(1).segment().index() + "."), why);
        // The server listened all along; the copy that got through is what made it SYN-RECEIVED.
        assertEquals(TcpState.LISTEN, a.initialState(Side.SERVER));
        assertEquals(TcpState.LISTEN, a.stateAfter(Side.SERVER, 0));
        assertEquals(List.of(), a.transitionsAt(0, Side.SERVER));
        assertEquals(List.of("LISTEN>SYN-RECEIVED"), names(a.transitionsAt(1, Side.SERVER)));
        assertEquals(1, count(t, true), "one loss");

        List<Map<String, Object>> json = json(file);
        assertEquals(true, json.get(0).get("lost"));
        assertEquals(List.of(json.get(1).get("index")), json.get(0).get("retransmitted_by"));
        assertEquals(json.get(0).get("index"), json.get(1).get("retransmission_of"));
        assertEquals(false, json.get(1).get("lost"));
        assertNull(json.get(0).get("retransmission_of"));
        assertEquals(List.of(), json.get(0).get("server_transitions"));
        assertEquals(List.of(Map.of("from", "CLOSED", "to", "SYN-SENT", "reason", "SENT_SYN", "rfc", "RFC 9293 \u00a73.10.1")),
                json.get(0).get("client_transitions"));
        List<String> text = Cli.run("print", "--states", file.toString()).lines();
        assertTrue(text.get(0).endsWith(" [lost]"), text.get(0));
        assertTrue(text.get(1).endsWith(" [repeats " + json.get(0).get("index") + "]"), text.get(1));
    }

    @Test
    void aLostDataSegmentIsAskedForAroundItsSackedSuccessors() throws Exception {
        Path file;
        try (LossyLink link = LossyLink.create("data")) {
            // Drop the first segment of 400 bytes at the server's input; the next ones get through.
            file = link.session(dir.resolve("lost-data.pcap"), "tcp dport PORT ip length gt 300 quota until 500 bytes drop",
                    "for i in range(6):\n    c.sendall(bytes([65 + i]) * 400)\n    time.sleep(0.002)");
        }
        ConnectionAnalysis a = only(file);
        FlightTimeline t = a.timeline();
        assertEquals(1, count(t, true), "exactly one segment lost");
        int lost = -1;
        for (int i = 0; i < a.size(); i++) {
            if (t.lost(i)) {
                lost = i;
            }
        }
        TcpSegment original = a.segment(lost).segment();
        assertEquals(400, original.payloadLength());
        assertEquals(1, a.segment(lost).relativeSeq(), "the first data segment");
        List<Integer> copies = t.retransmittedBy(lost);
        assertEquals(1, copies.size());
        int copy = copies.get(0);
        assertEquals(lost, t.retransmissionOf(copy));
        assertFalse(t.lost(copy));
        assertEquals(original.seq(), a.segment(copy).segment().seq(), "the copy starts where the original did");
        Loss loss = t.loss(lost);
        assertTrue(loss.evidence() == Loss.Evidence.SACK_AROUND || loss.evidence() == Loss.Evidence.DUPLICATE_ACKS,
                loss.toString());
        assertEquals(1, loss.askedRelative(), "the server keeps asking for byte 1");
        String why = EN.loss(loss, NumberMode.RELATIVE);
        assertTrue(why.contains("keep asking for byte 1;"), why);
        assertTrue(why.endsWith("the client sends it again as segment " + a.segment(copy).segment().index() + "."), why);
        assertTrue(EN.loss(loss, NumberMode.ABSOLUTE).contains("byte " + original.seq().value() + ";"),
                "the absolute number in absolute mode");
        // The segments after the hole did arrive, before the server's SACK that reported them.
        for (int i = lost + 1; i < copy; i++) {
            if (t.sender(i) == Side.CLIENT && a.segment(i).segment().payloadLength() > 0) {
                assertNotNull(t.arrival(i), "segment " + i + " arrived");
            }
        }
        assertEquals(TcpState.TIME_WAIT, a.finalState(Side.CLIENT));
    }

    // ------------------------------------------------------------------ helpers

    private static void assertNoLosses(ConnectionAnalysis a) {
        FlightTimeline t = a.timeline();
        for (int i = 0; i < a.size(); i++) {
            assertFalse(t.lost(i), a.connection() + ": segment " + i + " is no loss");
            assertEquals(-1, t.retransmissionOf(i), a.connection() + ": segment " + i + " repeats nothing");
        }
    }

    private static int count(FlightTimeline t, boolean lost) {
        int n = 0;
        for (int i = 0; i < t.size(); i++) {
            n += t.lost(i) == lost ? 1 : 0;
        }
        return n;
    }

    private static List<TcpState> path(ConnectionAnalysis a, Side side) {
        List<TcpState> out = new ArrayList<>(List.of(a.initialState(side)));
        for (StateTransition t : a.transitions(side)) {
            assertEquals(out.get(out.size() - 1), t.from(), side + "'s changes chain");
            out.add(t.to());
        }
        return out;
    }

    private static List<String> names(List<StateTransition> ts) {
        List<String> out = new ArrayList<>();
        for (StateTransition t : ts) {
            out.add(t.from() + ">" + t.to());
        }
        return out;
    }

    private static ConnectionAnalysis only(Path file) throws Exception {
        try (CaptureIndex index = CaptureIndex.load(file)) {
            assertEquals(1, index.connections().size(), "one connection in " + file);
            return ConnectionAnalysis.of(index.connection(0), index.connection(0).endNs());
        }
    }

    private static ConnectionAnalysis connectionOn(Path file, int port) throws Exception {
        try (CaptureIndex index = CaptureIndex.load(file)) {
            for (Connection c : index.connections()) {
                if (c.client().port() == port || c.server().port() == port) {
                    return ConnectionAnalysis.of(c, c.endNs());
                }
            }
        }
        throw new AssertionError("no connection on port " + port + " in " + file);
    }

    private static List<Map<String, Object>> json(Path file) {
        Cli r = Cli.run("print", "--json", "--states", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : r.lines()) {
            out.add(Json.object(line));
        }
        return out;
    }

    private static void readToEnd(InputStream in) throws Exception {
        while (in.read() >= 0) {
            // until the peer's FIN
        }
    }
}
