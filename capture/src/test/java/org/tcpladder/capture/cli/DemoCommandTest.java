package org.tcpladder.capture.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tcpladder.capture.demo.Scenario;
import org.tcpladder.capture.testing.Cli;
import org.tcpladder.capture.testing.Json;

/**
 * {@code demo} for every scenario over IPv4 and IPv6, run in this JVM: real sockets on loopback,
 * captured live, and the same with {@code --recording}, which plays the capture shipped with the
 * program. The JSON shows each side's segments (those that carry more than an acknowledgment, since
 * whether an ACK rides alone depends on timing) and the final states; the text shows the same session
 * line by line. A recording must show exactly what a live session shows, and say it is a recording.
 */
class DemoCommandTest {
    enum Ip { V4, V6 }

    /** What one scenario must show: significant flags each way in its last connection, final states. */
    record Expected(List<String> client, List<String> server, String clientFinal, String serverFinal) {
    }

    static Expected expected(Scenario s) {
        return switch (s) {
            case ECHO_CLIENT_CLOSES_FIRST -> new Expected(List.of("S", "P.", "F."), List.of("S.", "P.", "F."),
                    "TIME-WAIT", "CLOSED");
            case SERVER_CLOSES_FIRST -> new Expected(List.of("S", "P.", "F."), List.of("S.", "P.", "F."),
                    "CLOSED", "TIME-WAIT");
            case SERVER_SENDS_BLOCK -> new Expected(List.of("S", "F."), List.of("S.", "P.", "F."), "CLOSED", "TIME-WAIT");
            case HALF_CLOSE -> new Expected(List.of("S", "P.", "F."), List.of("S.", "P.", "P.", "P.", "F."),
                    "TIME-WAIT", "CLOSED");
            case CONNECTION_REFUSED -> new Expected(List.of("S"), List.of("R."), "CLOSED", "CLOSED");
            case ABORTIVE_CLOSE -> new Expected(List.of("S", "P.", "R."), List.of("S.", "P."), "CLOSED", "CLOSED");
            // the final states depend on whether the FINs crossed, see below
            case SIMULTANEOUS_CLOSE -> new Expected(List.of("S", "P.", "F."), List.of("S.", "P.", "F."), null, null);
            case BULK_TRANSFER -> new Expected(List.of("S", "P.", "F."), List.of("S.", "data", "F."), "CLOSED", "TIME-WAIT");
        };
    }

    static Cli demo(String... args) {
        List<String> all = new ArrayList<>(List.of("demo", "--pause", "0"));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0} {1}")
    @EnumSource(Scenario.class)
    void everyScenarioOverIpv4(Scenario s) {
        check(s, Ip.V4);
    }

    @ParameterizedTest(name = "{0} {1}")
    @EnumSource(Scenario.class)
    void everyScenarioOverIpv6(Scenario s) {
        check(s, Ip.V6);
    }

    @ParameterizedTest(name = "{0} {1}")
    @EnumSource(Scenario.class)
    void everyScenarioRecordedOverIpv4(Scenario s) {
        check(s, Ip.V4, true);
    }

    @ParameterizedTest(name = "{0} {1}")
    @EnumSource(Scenario.class)
    void everyScenarioRecordedOverIpv6(Scenario s) {
        check(s, Ip.V6, true);
    }

    private static void check(Scenario s, Ip ip) {
        check(s, ip, false);
    }

    private static void check(Scenario s, Ip ip, boolean recording) {
        List<String> args = new ArrayList<>(List.of("--scenario", s.id(), "--json"));
        if (ip == Ip.V6) {
            args.add("--ipv6");
        }
        if (recording) {
            args.add("--recording");
        }
        Cli r = demo(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err() + r.out());
        List<Map<String, Object>> all = new ArrayList<>();
        for (String line : r.lines()) {
            all.add(Json.object(line));
        }
        Map<String, Object> outcome = last(all, "outcome");
        assertEquals("COMPLETED", outcome.get("status"), outcome.toString());
        Map<String, Object> ready = all.get(0);
        assertEquals("ready", ready.get("event"));
        assertEquals(ip == Ip.V6 ? "::1" : "127.0.0.1", ready.get("address"));
        assertEquals(recording, ready.get("recording"), ready.toString());
        if (recording) {
            assertTrue(((String) ready.get("label")).matches("Recording made on \\d{4}-\\d\\d-\\d\\d \u2014 not live"),
                    ready.toString());
            assertTrue(((String) outcome.get("message")).endsWith(" \u2014 not live.)"), outcome.toString());
        }

        List<Map<String, Object>> connections = of(all, "connection");
        Map<String, Object> connection = connections.get(connections.size() - 1);
        long index = (Long) connection.get("index");
        List<Map<String, Object>> segments = new ArrayList<>();
        for (Map<String, Object> o : all) {
            if (!o.containsKey("event")) {
                assertEquals(PrintCommandTest.SEGMENT_KEYS, new ArrayList<>(o.keySet()).subList(0, PrintCommandTest.SEGMENT_KEYS.size()));
                assertTrue(o.keySet().containsAll(Set.of("client_state", "server_state", "transitions", "anomalies",
                        "narration")), o.toString());
                if ((Long) o.get("connection") == index) {
                    segments.add(o);
                }
            }
        }
        Expected e = expected(s);
        assertEquals(e.client(), significant(segments, "client", s), "client's segments: " + segments);
        assertEquals(e.server(), significant(segments, "server", s), "server's segments: " + segments);
        Map<String, Object> lastSegment = segments.get(segments.size() - 1);
        String clientFinal = (String) connection.get("client_final_state");
        String serverFinal = (String) connection.get("server_final_state");
        assertEquals(lastSegment.get("client_state"), clientFinal, "TIME-WAIT lasts longer than the session");
        assertEquals(lastSegment.get("server_state"), serverFinal);
        if (s == Scenario.SIMULTANEOUS_CLOSE) {
            boolean crossed = Boolean.TRUE.equals(outcome.get("fins_crossed"));
            if (crossed) {
                assertEquals(List.of("TIME-WAIT", "TIME-WAIT"), List.of(clientFinal, serverFinal),
                        "crossing FINs take both through CLOSING to TIME-WAIT");
                assertTrue(segments.stream().anyMatch(o -> "CLOSING".equals(o.get("client_state"))), segments.toString());
                assertTrue(segments.stream().anyMatch(o -> "CLOSING".equals(o.get("server_state"))), segments.toString());
            } else {
                assertEquals(Set.of("TIME-WAIT", "CLOSED"), Set.of(clientFinal, serverFinal), outcome.toString());
            }
            assertEquals((Long) outcome.get("attempts"), (long) connections.size(), "one connection per attempt");
        } else {
            assertEquals(e.clientFinal(), clientFinal, connection.toString());
            assertEquals(e.serverFinal(), serverFinal, connection.toString());
            assertEquals(1, connections.size());
        }
        Map<String, Object> stats = last(all, "statistics");
        assertEquals(0L, stats.get("dropped_by_kernel"));
        long segmentObjects = all.stream().filter(o -> !o.containsKey("event")).count();
        assertEquals(stats.get("frames_captured"), segmentObjects, "every frame printed once");
        List<Map<String, Object>> calls = of(all, "socket_call");
        assertFalse(calls.isEmpty());
        for (Map<String, Object> call : calls) {
            assertTrue(call.keySet().containsAll(List.of("side", "call", "time_ns", "detail", "result",
                    "kernel_client_state", "kernel_server_state")), call.toString());
        }
        assertInOrder(all);
    }

    /**
     * Segments in capture order, and each socket call after every segment captured before the call
     * began. (Two calls made at the same instant, as in the simultaneous close, may be reported in
     * either order relative to the segments they caused.)
     */
    private static void assertInOrder(List<Map<String, Object>> all) {
        long lastIndex = 0;
        List<Long> printedSegmentTimes = new ArrayList<>();
        List<Long> allSegmentTimes = new ArrayList<>();
        for (Map<String, Object> o : all) {
            if (!o.containsKey("event")) {
                allSegmentTimes.add((Long) o.get("time_ns"));
            }
        }
        for (Map<String, Object> o : all) {
            if (!o.containsKey("event")) {
                long index = (Long) o.get("index");
                assertTrue(index > lastIndex, "segment " + index + " after " + lastIndex);
                lastIndex = index;
                printedSegmentTimes.add((Long) o.get("time_ns"));
            } else if ("socket_call".equals(o.get("event"))) {
                long start = (Long) o.get("start_ns");
                long before = allSegmentTimes.stream().filter(t -> t < start).count();
                long printed = printedSegmentTimes.stream().filter(t -> t < start).count();
                assertEquals(before, printed, "segments before " + o);
            }
        }
    }

    /** The flags of what one side sent beyond bare ACKs; in the bulk transfer, data segments as "data". */
    private static List<String> significant(List<Map<String, Object>> segments, String side, Scenario s) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> o : segments) {
            String flags = (String) o.get("flags");
            long len = (Long) o.get("len");
            if (!side.equals(o.get("from")) || (flags.equals(".") && len == 0)) {
                continue;
            }
            String word = s == Scenario.BULK_TRANSFER && side.equals("server") && len > 0 && !flags.contains("F")
                    ? "data" : flags;
            if (!word.equals("data") || out.isEmpty() || !out.get(out.size() - 1).equals("data")) {
                out.add(word);
            }
        }
        return out;
    }

    private static List<Map<String, Object>> of(List<Map<String, Object>> all, String event) {
        return all.stream().filter(o -> event.equals(o.get("event"))).collect(Collectors.toList());
    }

    private static Map<String, Object> last(List<Map<String, Object>> all, String event) {
        List<Map<String, Object>> found = of(all, event);
        assertFalse(found.isEmpty(), "no " + event + " in " + all);
        return found.get(found.size() - 1);
    }

    @Test
    void textShowsSegmentsWithStatesAndCallsWithTheKernelsView() {
        Cli r = demo("--scenario", "echo", "--payload", "ping");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.lines();
        assertTrue(lines.get(0).startsWith("demo echo: "), lines.get(0));
        assertTrue(lines.get(1).matches("\\d+\\.\\d{6} server listen\\(\\) 127\\.0\\.0\\.1 port \\d+ -> ok"
                + "   \\[kernel: client=CLOSED server=LISTEN\\]"), lines.get(1));
        String syn = lines.stream().filter(l -> l.contains("Flags [S],")).findFirst().orElseThrow();
        assertTrue(syn.endsWith(", length 0 client=SYN-SENT server=SYN-RECEIVED"), syn);
        String fin = lines.stream().filter(l -> l.contains("Flags [F.]")).findFirst().orElseThrow();
        assertTrue(fin.endsWith(" client=FIN-WAIT-1 server=CLOSE-WAIT"), fin);
        String write = lines.stream().filter(l -> l.contains(" client write() ")).findFirst().orElseThrow();
        assertTrue(write.matches("\\d+\\.\\d{6} client write\\(\\) 4 bytes \"ping\" -> 4 bytes written"
                + "   \\[kernel: client=ESTABLISHED server=ESTABLISHED(, as inferred)?.*\\]"), write);
        assertTrue(lines.stream().anyMatch(l -> l.matches("connection 0 127\\.0\\.0\\.1:\\d+ > 127\\.0\\.0\\.1:\\d+ .*"
                + " end FIN_BOTH final client=TIME-WAIT server=CLOSED anomalies 0")), r.out());
        assertTrue(lines.get(lines.size() - 2).matches("capture: \\d+ frames captured; .* 0 dropped by kernel, .*"),
                r.out());
        assertEquals("outcome: COMPLETED: The session ran to its end.", lines.get(lines.size() - 1));
    }

    @Test
    void stepModeAsksBeforeEachCallAndEndOfInputPlaysTheRest() {
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("\n".getBytes(StandardCharsets.US_ASCII)));
            Cli r = demo("--scenario", "echo", "--step");
            assertEquals(0, r.exitCode(), r.err());
            // one Enter: connect(); then end of input: the rest plays through without asking
            assertEquals("next: client: connect() [Enter] next: server: accept() [Enter] \n", r.err());
            assertEquals("outcome: COMPLETED: The session ran to its end.", r.lines().get(r.lines().size() - 1));
            int connect = indexOf(r.lines(), " client connect() ");
            assertTrue(r.lines().get(connect - 1).endsWith("client=ESTABLISHED server=ESTABLISHED"), r.out());
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void aRecordingSaysSoInItsFirstLineAndPrintsLikeALiveSession() {
        Cli r = demo("--recording", "--scenario", "echo");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.lines();
        assertTrue(lines.get(0).matches("demo echo: Echo, the client closes first \\[Recording made on"
                + " \\d{4}-\\d\\d-\\d\\d - not live\\] \\(127\\.0\\.0\\.1 port \\d+, captured on lo 'tcp port \\d+'\\)"),
                lines.get(0));
        assertTrue(lines.get(1).matches("\\d+\\.\\d{6} server listen\\(\\) 127\\.0\\.0\\.1 port \\d+ -> ok"
                + "   \\[kernel: client=CLOSED server=LISTEN\\]"), lines.get(1));
        String syn = lines.stream().filter(l -> l.contains("Flags [S],")).findFirst().orElseThrow();
        assertTrue(syn.endsWith(", length 0 client=SYN-SENT server=SYN-RECEIVED"), syn);
        int connect = indexOf(lines, " client connect() ");
        assertTrue(lines.get(connect - 1).endsWith("client=ESTABLISHED server=ESTABLISHED"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("connection 0 127\\.0\\.0\\.1:\\d+ > 127\\.0\\.0\\.1:\\d+ .*"
                + " end FIN_BOTH final client=TIME-WAIT server=CLOSED anomalies 0")), r.out());
        assertTrue(lines.get(lines.size() - 1).matches("outcome: COMPLETED: The session ran to its end\\."
                + " \\(Recording made on \\d{4}-\\d\\d-\\d\\d - not live\\.\\)"), lines.get(lines.size() - 1));
    }

    @Test
    void aRecordingInStepModeAsksBeforeEachCallLikeALiveSession() {
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("\n\n".getBytes(StandardCharsets.US_ASCII)));
            Cli r = demo("--recording", "--scenario", "half-close", "--step");
            assertEquals(0, r.exitCode(), r.err());
            assertEquals("next: client: connect() [Enter] next: server: accept() [Enter] "
                    + "next: client: write() 11 bytes \"hello, TCP!\" [Enter] \n", r.err());
            int accept = indexOf(r.lines(), " server accept() ");
            assertTrue(r.lines().get(accept - 1).contains(" client connect() "), r.out());
            assertTrue(r.lines().get(r.lines().size() - 1).startsWith("outcome: COMPLETED: "), r.out());
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void aRecordingKeepsItsOwnPayload() {
        Cli r = Cli.run("demo", "--recording", "--payload", "ping");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--payload cannot be used with --recording"), r.err());
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no line with '" + part + "'");
    }

    @Test
    void listNamesEveryScenarioWithItsDescription() {
        Cli r = Cli.run("demo", "--list");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Scenario.values().length, r.lines().size());
        for (int i = 0; i < Scenario.values().length; i++) {
            Scenario s = Scenario.values()[i];
            String line = r.lines().get(i);
            assertTrue(line.startsWith(s.id() + " "), line);
            assertTrue(line.trim().endsWith(LivePrinter.ascii(s.description(java.util.Locale.ROOT)).trim()), line);
        }
    }

    @Test
    void unknownScenarioIsAUsageError() {
        Cli r = Cli.run("demo", "--scenario", "teleport");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no demo scenario 'teleport'"), r.err());
        assertTrue(r.err().contains("usage: tcpladder demo"), r.err());
        assertEquals("", r.out());
        assertEquals(2, Cli.run("demo", "--bogus").exitCode());
        assertEquals(2, Cli.run("demo", "--pause", "soon").exitCode());
    }
}
