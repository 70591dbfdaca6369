package org.tcpladder.capture.demo;

import org.tcpladder.capture.tcp.Side;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tcpladder.capture.live.CaptureRoute;
import org.tcpladder.capture.source.RawPacket;

/**
 * The recordings shipped with the program, played through a {@link DemoListener} as a live session
 * would be: the same segments and kernel states as {@link DemoScenariosLiveTest} asserts of live
 * sessions, labelled as a recording, with step mode, the run-mode pause and stop honoured.
 */
class RecordedSessionsTest {

    static List<Arguments> everyRecording() {
        return java.util.Arrays.stream(Scenario.values())
                .flatMap(s -> java.util.Arrays.stream(IpVersion.values()).map(ip -> Arguments.of(s, ip))).toList();
    }

    private static RecordingListener play(DemoSettings settings) throws Exception {
        RecordingListener l = new RecordingListener();
        try (DemoSession s = RecordedSessions.play(settings, l)) {
            DemoOutcome o = s.awaitOutcome(Duration.ofSeconds(30));
            assertNotNull(o, "the recording played to its end");
            assertEquals(o, l.finished, "the listener heard the same outcome");
        }
        return l;
    }

    /** What the live tests expect of each scenario: the significant segments and the last call's states. */
    private static void assertLikeTheLiveSession(Scenario s, RecordingListener l) {
        List<String> flags = l.significant();
        switch (s) {
            case ECHO_CLIENT_CLOSES_FIRST -> {
                assertEquals(List.of("client S", "server S.", "client P.", "server P.", "client F.", "server F."), flags);
                assertEquals(KernelTcpState.TIME_WAIT, l.last().client().state());
                assertEquals(KernelTcpState.CLOSED, l.last().server().state());
            }
            case SERVER_CLOSES_FIRST -> {
                assertEquals(List.of("client S", "server S.", "client P.", "server P.", "server F.", "client F."), flags);
                assertEquals(KernelTcpState.TIME_WAIT, l.last().server().state());
            }
            case SERVER_SENDS_BLOCK -> assertEquals(List.of("client S", "server S.", "server P.", "server F.", "client F."), flags);
            case HALF_CLOSE -> {
                assertEquals(List.of("client S", "server S.", "client P.", "client F.", "server P.", "server P.",
                        "server P.", "server F."), flags);
                assertEquals(KernelTcpState.TIME_WAIT, l.last().client().state());
            }
            case CONNECTION_REFUSED -> {
                assertEquals(List.of("S"), l.flagsFrom(Side.CLIENT));
                assertEquals(List.of("R."), l.flagsFrom(Side.SERVER));
                assertEquals("connection refused (ECONNREFUSED)", l.eventsOf(Side.CLIENT, SocketCall.CONNECT).get(0).result());
            }
            case ABORTIVE_CLOSE -> {
                assertEquals(List.of("client S", "server S.", "client P.", "server P.", "client R."), flags);
                assertEquals(KernelTcpState.CLOSED, l.eventsOf(Side.CLIENT, SocketCall.CLOSE).get(0).client().state());
            }
            case SIMULTANEOUS_CLOSE -> {
                assertEquals(Boolean.TRUE, l.finished.finsCrossed(), "the recording shows the FINs crossing");
                assertEquals(KernelTcpState.TIME_WAIT, l.last().client().state());
                assertEquals(KernelTcpState.TIME_WAIT, l.last().server().state());
            }
            case BULK_TRANSFER -> {
                assertEquals(List.of("client S", "server S.", "client P."), flags.subList(0, 3));
                assertEquals(List.of("server F.", "client F."), flags.subList(flags.size() - 2, flags.size()));
                assertTrue(l.frames.stream().anyMatch(p -> p.capturedLength > 32_000), "full-size loopback segments");
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRecording")
    void everyScenarioIsRecordedOverBothIpVersionsAndPlaysLikeTheLiveSession(Scenario s, IpVersion ip) throws Exception {
        assertTrue(RecordedSessions.available(s, ip));
        RecordingListener l = play(DemoSettings.of(s, ip).withPause(Duration.ZERO));
        assertTrue(l.ready.isRecording(), "ready says it is a recording");
        assertEquals(s, l.ready.scenario());
        assertEquals(ip, l.ready.ipVersion());
        assertEquals(CaptureRoute.DIRECT, l.ready.route(), "recorded by capturing directly");
        assertTrue(l.ready.recording().label().matches("Recording made on \\d{4}-\\d\\d-\\d\\d \u2014 not live"),
                l.ready.recording().label());
        assertEquals(DemoOutcome.Status.COMPLETED, l.finished.status(), l.finished.message());
        assertTrue(l.finished.isRecording());
        assertTrue(l.finished.message().endsWith("(" + l.ready.recording().label() + ".)"), l.finished.message());
        assertEquals(l.frames.size(), l.finished.stats().delivered(), "every recorded frame played");
        assertTrue(l.frames.stream().allMatch(p -> p.linkType == 1));
        for (int i = 1; i < l.frames.size(); i++) {
            assertEquals(i + 1, l.frames.get(i).number);
        }
        assertAddressesAre(ip, l);
        assertLikeTheLiveSession(s, l);
        assertEquals(SocketCall.LISTEN == l.events.get(0).call(), s != Scenario.CONNECTION_REFUSED,
                "the server's listen() comes first where a server listens");
    }

    private static void assertAddressesAre(IpVersion ip, RecordingListener l) {
        RawPacket syn = l.frames.get(0);
        int version = (syn.buffer.get(syn.position + 14) & 0xFF) >> 4;
        assertEquals(ip == IpVersion.V4 ? 4 : 6, version);
    }

    @Test
    void framesAndCallsComeInTheOrderTheyHappened() throws Exception {
        RecordingListener l = new RecordingListener();
        List<Long> times = new java.util.concurrent.CopyOnWriteArrayList<>();
        DemoListener both = new DemoListener() {
            @Override
            public void ready(DemoReady r) {
                l.ready(r);
            }

            @Override
            public void frame(RawPacket p) {
                l.frame(p);
                times.add(p.timeNs);
            }

            @Override
            public void socketEvent(SocketEvent e) {
                l.socketEvent(e);
                times.add(e.endNs());
            }

            @Override
            public void finished(DemoOutcome o) {
                l.finished(o);
            }
        };
        try (DemoSession s = RecordedSessions.play(DemoSettings.of(Scenario.HALF_CLOSE, IpVersion.V6)
                .withPause(Duration.ZERO), both)) {
            assertNotNull(s.awaitOutcome(Duration.ofSeconds(30)));
        }
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i - 1) <= times.get(i), "in time order at " + i + ": " + times);
        }
        // the SYN is stamped while connect() runs, as in a live session
        SocketEvent connect = l.eventsOf(Side.CLIENT, SocketCall.CONNECT).get(0);
        assertTrue(connect.startNs() <= l.frames.get(0).timeNs && l.frames.get(0).timeNs <= connect.endNs());
    }

    @Test
    void thePayloadIsReadBackFromTheSessionsStore() throws Exception {
        RecordingListener l = new RecordingListener();
        try (DemoSession s = RecordedSessions.play(DemoSettings.of(Scenario.ECHO_CLIENT_CLOSES_FIRST, IpVersion.V4)
                .withPause(Duration.ZERO), l)) {
            assertNotNull(s.awaitOutcome(Duration.ofSeconds(30)));
            RawPacket data = l.frames.stream().filter(p -> p.capturedLength == 14 + 20 + 32 + 11).findFirst()
                    .orElseThrow();
            byte[] payload = s.store().read(data.dataOffset + data.capturedLength - 11, 11);
            assertArrayEquals("hello, TCP!".getBytes(StandardCharsets.US_ASCII), payload);
        }
    }

    @Test
    void stepModeWaitsForProceedBeforeEachStepAndAnnouncesIt() throws Exception {
        RecordingListener l = new RecordingListener();
        DemoSettings settings = DemoSettings.of(Scenario.ECHO_CLIENT_CLOSES_FIRST, IpVersion.V4)
                .withMode(DemoSettings.Mode.STEP).withPause(Duration.ZERO);
        try (DemoSession s = RecordedSessions.play(settings, l)) {
            Await.until("the first step is announced", () -> l.pending.size() == 1);
            assertEquals(new PendingStep(0, 9, 1, "client: connect()"), l.pending.get(0));
            Thread.sleep(200);
            assertTrue(l.frames.isEmpty(), "nothing is sent before proceed()");
            assertEquals(1, l.events.size(), "only listen() has happened");

            s.proceed();
            Await.until("the handshake is played and the next step announced",
                    () -> l.frames.size() == 3 && l.pending.size() == 2);
            assertEquals("server: accept()", l.pending.get(1).description());
            assertEquals(List.of("client S", "server S."), l.significant());
            assertEquals(SocketCall.CONNECT, l.last().call());

            s.proceed();
            Await.until("accept() returned", () -> l.pending.size() == 3);
            assertEquals(3, l.frames.size(), "accept() sends nothing");

            s.runToEnd();
            DemoOutcome o = s.awaitOutcome(Duration.ofSeconds(20));
            assertNotNull(o);
            assertEquals(DemoOutcome.Status.COMPLETED, o.status(), o.message());
            assertEquals(3, l.pending.size(), "run mode announces nothing more");
        }
    }

    @Test
    void runModeWaitsThePauseBetweenSteps() throws Exception {
        long start = System.nanoTime();
        RecordingListener l = play(DemoSettings.of(Scenario.CONNECTION_REFUSED, IpVersion.V4)
                .withPause(Duration.ofMillis(400)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(DemoOutcome.Status.COMPLETED, l.finished.status());
        // two steps: connect() at once, then the pause before close()
        assertTrue(millis >= 400, millis + " ms");
        assertTrue(millis < 3000, millis + " ms: the recorded gaps between steps are not replayed");
    }

    @Test
    void stopEndsThePlaybackAtOnceAndSaysItWasARecording() throws Exception {
        RecordingListener l = new RecordingListener();
        DemoSettings settings = DemoSettings.of(Scenario.ECHO_CLIENT_CLOSES_FIRST, IpVersion.V4)
                .withMode(DemoSettings.Mode.STEP);
        try (DemoSession s = RecordedSessions.play(settings, l)) {
            Await.until("the first step is announced", () -> l.pending.size() == 1);
            s.proceed();
            Await.until("the handshake is played", () -> l.frames.size() == 3 && l.pending.size() == 2);
            long before = System.nanoTime();
            s.stop();
            DemoOutcome o = s.awaitOutcome(Duration.ofSeconds(2));
            assertNotNull(o, "stopped promptly");
            assertTrue(System.nanoTime() - before < 1_000_000_000L);
            assertEquals(DemoOutcome.Status.STOPPED, o.status());
            assertTrue(o.isRecording());
            assertTrue(o.message().startsWith("Stopped. (Recording made on "), o.message());
            assertEquals(3, o.stats().delivered(), "the frames played before the stop");
            assertEquals(o, l.finished);
        }
    }

    @Test
    void aClosedSessionReleasesTheRecordingsBytes() throws Exception {
        RecordingListener l = new RecordingListener();
        DemoSession s = RecordedSessions.play(DemoSettings.of(Scenario.CONNECTION_REFUSED, IpVersion.V4)
                .withPause(Duration.ZERO), l);
        assertNotNull(s.awaitOutcome(Duration.ofSeconds(10)));
        assertEquals(1, s.store().read(l.frames.get(0).dataOffset, 1).length);
        s.close();
        IOException e = assertThrows(IOException.class, () -> s.store().read(l.frames.get(0).dataOffset, 1));
        assertEquals("the recording's frames have been released", e.getMessage());
    }

    @Test
    void aCustomScriptHasNoRecording() {
        DemoSettings settings = DemoSettings.of(Scenario.ECHO_CLIENT_CLOSES_FIRST, IpVersion.V4)
                .withScript(Script.of(Call.connect()));
        IOException e = assertThrows(IOException.class, () -> RecordedSessions.play(settings, new RecordingListener()));
        assertEquals("there is no recording of a custom script", e.getMessage());
    }

    @Test
    void startOrPlayHandsANoPermissionProblemToThePlayer() throws Exception {
        // What DemoSessions.startOrPlay does with the route's verdict, checked without losing root: the
        // player is asked for the same scenario and hears the reason.
        java.util.concurrent.atomic.AtomicReference<org.tcpladder.capture.live.LiveCaptureException> why =
                new java.util.concurrent.atomic.AtomicReference<>();
        DemoSessions.RecordingPlayer player = (settings, listener, reason) -> {
            why.set(reason);
            return RecordedSessions.PLAYER.play(settings, listener, reason);
        };
        org.tcpladder.capture.live.LiveCaptureException denied = new org.tcpladder.capture.live.LiveCaptureException(
                org.tcpladder.capture.live.LiveCaptureException.Problem.NO_PERMISSION, "no");
        RecordingListener l = new RecordingListener();
        try (DemoSession s = player.play(DemoSettings.of(Scenario.SERVER_SENDS_BLOCK, IpVersion.V6)
                .withPause(Duration.ZERO), l, denied)) {
            assertNotNull(s.awaitOutcome(Duration.ofSeconds(10)));
        }
        assertEquals(denied, why.get());
        assertEquals(Scenario.SERVER_SENDS_BLOCK, l.ready.scenario());
        assertTrue(l.ready.isRecording());
    }

    // ---------------------------------------------------------------- the files

    private static InputStream gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return new ByteArrayInputStream(out.toByteArray());
    }

    private static InputStream resource(String file) {
        return RecordedSessionsTest.class.getResourceAsStream(Recording.DIRECTORY + file);
    }

    private static byte[] pcapOfEcho() throws IOException {
        try (InputStream in = new java.util.zip.GZIPInputStream(resource("echo-ipv4.pcap.gz"))) {
            return in.readAllBytes();
        }
    }

    @Test
    void aTranscriptReadsBackWhatWasWritten() throws Exception {
        SessionTranscript t;
        try (InputStream in = resource("half-close-ipv4.transcript.txt")) {
            t = SessionTranscript.read("half-close-ipv4.transcript.txt",
                    new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8)));
        }
        java.io.StringWriter w = new java.io.StringWriter();
        t.write(w);
        SessionTranscript again = SessionTranscript.read("again", new java.io.BufferedReader(new java.io.StringReader(
                w.toString())));
        assertEquals(t, again);
        assertEquals("hello, TCP!", t.payload());
        assertEquals(11, t.steps().size());
        assertEquals("a\tb\\c\nd", SessionTranscript.unescape(SessionTranscript.escape("a\tb\\c\nd")));
    }

    @Test
    void aBrokenTranscriptNamesTheFileAndLine() {
        String text = "tcpladder-recording\t1\nscenario\tTELEPORT\n";
        IOException e = assertThrows(IOException.class, () -> SessionTranscript.read("x.transcript.txt",
                new java.io.BufferedReader(new java.io.StringReader(text))));
        assertEquals("recording x.transcript.txt, line 2: unknown Scenario 'TELEPORT'", e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> SessionTranscript.read("y.transcript.txt",
                new java.io.BufferedReader(new java.io.StringReader("tcpladder-recording\t1\n"))));
        assertEquals("recording y.transcript.txt has no 'scenario' line", missing.getMessage());
        IOException other = assertThrows(IOException.class, () -> SessionTranscript.read("z.txt",
                new java.io.BufferedReader(new java.io.StringReader("hello\n"))));
        assertTrue(other.getMessage().contains("not a TCP Ladder recording"), other.getMessage());
    }

    @Test
    void aCutShortCaptureNamesTheOffsetOfTheBrokenRecord() throws Exception {
        byte[] whole = pcapOfEcho();
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 10);
        IOException e = assertThrows(IOException.class, () -> Recording.read("echo-ipv4", gzip(cut),
                resource("echo-ipv4.transcript.txt")));
        assertTrue(e.getMessage().matches("recording echo-ipv4\\.pcap\\.gz, offset \\d+: a frame of \\d+ bytes does not"
                + " fit in the file"), e.getMessage());
        byte[] notPcap = "definitely not a capture file".getBytes(StandardCharsets.US_ASCII);
        IOException magic = assertThrows(IOException.class, () -> Recording.read("echo-ipv4", gzip(notPcap),
                resource("echo-ipv4.transcript.txt")));
        assertTrue(magic.getMessage().startsWith("recording echo-ipv4.pcap.gz, offset 0: not a pcap file"),
                magic.getMessage());
        IOException notGzip = assertThrows(IOException.class, () -> Recording.read("echo-ipv4",
                new ByteArrayInputStream(whole), resource("echo-ipv4.transcript.txt")));
        assertTrue(notGzip.getMessage().startsWith("recording echo-ipv4.pcap.gz is not valid gzip"), notGzip.getMessage());
    }

    @Test
    void recordingsStaySmall() throws Exception {
        long total = 0;
        for (Scenario s : Scenario.values()) {
            for (IpVersion ip : IpVersion.values()) {
                String n = Recording.name(s, ip);
                for (String f : new String[]{Recording.pcapName(n), Recording.transcriptName(n)}) {
                    try (InputStream in = resource(f)) {
                        total += in.readAllBytes().length;
                    }
                }
            }
        }
        assertTrue(total < 300_000, total + " bytes");
        assertFalse(RecordedSessions.info(Scenario.BULK_TRANSFER, IpVersion.V6).system().isEmpty());
    }
}
