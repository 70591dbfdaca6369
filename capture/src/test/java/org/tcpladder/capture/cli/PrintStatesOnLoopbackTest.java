package org.tcpladder.capture.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.testing.Cli;
import org.tcpladder.capture.testing.Json;
import org.tcpladder.capture.testing.Tcpdump;

/**
 * {@code print --states} and {@code print --json} on real sessions: sockets on loopback under tcpdump.
 * Each line is read as "who sent it, its flags, the states after it" and compared with what RFC 9293
 * makes of that session. Pauses where the kernel's timing could vary (delayed ACKs last at most 200 ms
 * on Linux) make the segments themselves predictable.
 */
class PrintStatesOnLoopbackTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Pattern LINE = Pattern.compile(
            "^\\d+\\.\\d{6} IP6? \\S+\\.(\\d+) > \\S+\\.(\\d+): Flags \\[([^\\]]*)\\].* client=(\\S+) server=(\\S+)$");

    @TempDir
    Path dir;

    interface Traffic {
        /** Plays the session against {@code listener}; returns the client's port. */
        int run(ServerSocket listener) throws Exception;
    }

    record Capture(Path file, int serverPort, int clientPort) {
    }

    private Capture capture(Traffic traffic) throws Exception {
        Path file = dir.resolve("session.pcap");
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(LOOPBACK, 0));
            int port = listener.getLocalPort();
            int clientPort;
            try (Tcpdump.Capture ignored = Tcpdump.capture("lo", file, "tcp port " + port)) {
                clientPort = traffic.run(listener);
            }
            return new Capture(file, port, clientPort);
        }
    }

    /** {@code C S. SYN-SENT/SYN-RECEIVED}: sender, flags, states after; checks the tcpdump text too. */
    private static List<String> statesOf(Capture c) throws Exception {
        Cli r = Cli.run("print", "--states", c.file().toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> tcpdump = Tcpdump.print(c.file());
        assertEquals(tcpdump.size(), r.lines().size());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tcpdump.size(); i++) {
            String line = r.lines().get(i);
            assertTrue(line.startsWith(tcpdump.get(i) + " client="), "tcpdump's line, then the states: " + line);
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), line);
            String sender = Integer.parseInt(m.group(1)) == c.clientPort() ? "C" : "S";
            out.add(sender + " " + m.group(3) + " " + m.group(4) + "/" + m.group(5));
        }
        return out;
    }

    private static final List<String> HANDSHAKE = List.of("C S SYN-SENT/SYN-RECEIVED",
            "S S. ESTABLISHED/SYN-RECEIVED", "C . ESTABLISHED/ESTABLISHED");

    /** Between the given first and last lines, every line carries no SYN, FIN or RST and shows {@code states}. */
    private static void assertMiddle(List<String> lines, int from, int to, String states) {
        for (int i = from; i < to; i++) {
            String[] f = lines.get(i).split(" ");
            assertTrue(!f[1].contains("S") && !f[1].contains("F") && !f[1].contains("R"), lines.toString());
            assertEquals(states, f[2], "line " + i + " of " + lines);
        }
    }

    private static Socket connect(ServerSocket listener) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(listener.getLocalSocketAddress(), 2000);
        return s;
    }

    private static void echo(Socket client, Socket server, String text) throws Exception {
        byte[] msg = text.getBytes(StandardCharsets.US_ASCII);
        client.getOutputStream().write(msg);
        byte[] got = server.getInputStream().readNBytes(msg.length);
        server.getOutputStream().write(got);
        assertEquals(text, new String(client.getInputStream().readNBytes(msg.length), StandardCharsets.US_ASCII));
        Thread.sleep(300);
    }

    private static void readToEnd(InputStream in) throws IOException {
        assertEquals(-1, in.read());
    }

    @Test
    void echoClosedByTheClientWalksBothSidesThroughTheDiagram() throws Exception {
        Capture c = capture(listener -> {
            try (Socket client = connect(listener); Socket server = listener.accept()) {
                echo(client, server, "hello");
                client.close();
                readToEnd(server.getInputStream());
                Thread.sleep(300);
                server.close();
                return client.getLocalPort();
            }
        });
        List<String> lines = statesOf(c);
        int n = lines.size();
        assertEquals(HANDSHAKE, lines.subList(0, 3));
        assertMiddle(lines, 3, n - 4, "ESTABLISHED/ESTABLISHED");
        assertEquals(List.of("C F. FIN-WAIT-1/CLOSE-WAIT", "S . FIN-WAIT-2/CLOSE-WAIT", "S F. TIME-WAIT/LAST-ACK",
                "C . TIME-WAIT/CLOSED"), lines.subList(n - 4, n));

        List<Map<String, Object>> json = json(c, "--states");
        assertEquals(n, json.size());
        for (int i = 0; i < n; i++) {
            String[] states = lines.get(i).split(" ")[2].split("/");
            assertEquals(states[0], json.get(i).get("client_state"));
            assertEquals(states[1], json.get(i).get("server_state"));
            assertEquals(List.of(), json.get(i).get("anomalies"));
            assertTrue(((String) json.get(i).get("narration")).startsWith("The "), json.get(i).toString());
        }
        assertEquals(List.of(
                Map.of("side", "client", "from", "ESTABLISHED", "to", "FIN-WAIT-1", "reason", "SENT_FIN",
                        "rfc", "RFC 9293 \u00a73.10.4", "segment", json.get(n - 4).get("index")),
                Map.of("side", "server", "from", "ESTABLISHED", "to", "CLOSE-WAIT", "reason", "RECEIVED_FIN",
                        "rfc", "RFC 9293 \u00a73.10.7.4", "segment", json.get(n - 4).get("index"))),
                json.get(n - 4).get("transitions"));
        assertEquals(finals("TIME-WAIT", "CLOSED", 0L), connection(c));
    }

    @Test
    void refusedConnectionIsASynAndAReset() throws Exception {
        Capture c = capture(listener -> {
            int port = listener.getLocalPort();
            listener.close();
            try (Socket client = new Socket()) {
                client.bind(new InetSocketAddress(LOOPBACK, 0));
                assertThrows(ConnectException.class, () -> client.connect(new InetSocketAddress(LOOPBACK, port), 2000));
                return client.getLocalPort();
            }
        });
        assertEquals(List.of("C S SYN-SENT/CLOSED", "S R. CLOSED/CLOSED"), statesOf(c), "no server socket at any point");
        List<Map<String, Object>> json = json(c);
        assertEquals(List.of("SYN-SENT", "CLOSED"), List.of(json.get(0).get("client_state"), json.get(1).get("client_state")));
        assertEquals(List.of("RECEIVED_RST_REFUSED"), reasons(json.get(1)));
        assertEquals(finals("CLOSED", "CLOSED", 0L), connection(c));
    }

    @Test
    void lingerZeroAbortsWithOneReset() throws Exception {
        Capture c = capture(listener -> {
            try (Socket client = connect(listener); Socket server = listener.accept()) {
                echo(client, server, "bye");
                client.setSoLinger(true, 0);
                client.close();
                Thread.sleep(100);
                return client.getLocalPort();
            }
        });
        List<String> lines = statesOf(c);
        int n = lines.size();
        assertEquals(HANDSHAKE, lines.subList(0, 3));
        assertMiddle(lines, 3, n - 1, "ESTABLISHED/ESTABLISHED");
        assertEquals("C R. CLOSED/CLOSED", lines.get(n - 1));
        assertEquals(List.of("SENT_RST", "RECEIVED_RST"), reasons(json(c).get(n - 1)));
        assertEquals(finals("CLOSED", "CLOSED", 0L), connection(c));
    }

    @Test
    void halfClosedServerKeepsSendingInCloseWait() throws Exception {
        Capture c = capture(listener -> {
            try (Socket client = connect(listener); Socket server = listener.accept()) {
                client.shutdownOutput();
                readToEnd(server.getInputStream());
                Thread.sleep(300);
                server.getOutputStream().write("still talking".getBytes(StandardCharsets.US_ASCII));
                assertEquals(13, client.getInputStream().readNBytes(13).length);
                Thread.sleep(300);
                server.close();
                readToEnd(client.getInputStream());
                Thread.sleep(100);
                return client.getLocalPort();
            }
        });
        List<String> lines = statesOf(c);
        int n = lines.size();
        assertEquals(HANDSHAKE, lines.subList(0, 3));
        assertEquals(List.of("C F. FIN-WAIT-1/CLOSE-WAIT", "S . FIN-WAIT-2/CLOSE-WAIT", "S P. FIN-WAIT-2/CLOSE-WAIT"),
                lines.subList(3, 6));
        assertMiddle(lines, 6, n - 2, "FIN-WAIT-2/CLOSE-WAIT");
        assertEquals(List.of("S F. TIME-WAIT/LAST-ACK", "C . TIME-WAIT/CLOSED"), lines.subList(n - 2, n));
        assertEquals(finals("TIME-WAIT", "CLOSED", 0L), connection(c));
    }

    private static List<Map<String, Object>> json(Capture c, String... extra) {
        List<String> args = new ArrayList<>(List.of("print", "--json"));
        args.addAll(List.of(extra));
        args.add(c.file().toString());
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : r.lines()) {
            out.add(Json.object(line));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> reasons(Map<String, Object> segment) {
        List<String> out = new ArrayList<>();
        for (Object t : (List<Object>) segment.get("transitions")) {
            out.add((String) ((Map<String, Object>) t).get("reason"));
        }
        return out;
    }

    private static Map<String, Object> finals(String client, String server, long anomalies) {
        return Map.of("client_final_state", client, "server_final_state", server, "anomaly_count", anomalies);
    }

    private static Map<String, Object> connection(Capture c) {
        Cli r = Cli.run("connections", "--json", c.file().toString());
        assertEquals(1, r.lines().size(), r.out());
        Map<String, Object> o = Json.object(r.lines().get(0));
        return Map.of("client_final_state", o.get("client_final_state"), "server_final_state",
                o.get("server_final_state"), "anomaly_count", o.get("anomaly_count"));
    }
}
