package org.tcpladder.capture.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.tcpladder.capture.live.CaptureRoute;
import org.tcpladder.capture.source.RawPacket;

/**
 * Makes the recordings {@link RecordedSessions} plays: runs every scenario over IPv4 and IPv6 live on
 * the loopback interface, captured directly (so it must run as root or with CAP_NET_RAW), and writes
 * each as {@code NAME.pcap.gz} and {@code NAME.transcript.txt} ({@link Recording}). To regenerate them,
 * from the project's root:
 *
 * <pre>
 * mvn -B -o -q -pl capture package -DskipTests
 * sudo java -cp capture/target/tcpladder-cli.jar org.tcpladder.capture.demo.RecordingMaker \
 *     capture/src/main/resources/org/tcpladder/capture/demo/recordings [SCENARIO ...]
 * </pre>
 *
 * <p>Each session runs in step mode and is let go on {@link #STEP_GAP_MILLIS} after each step is
 * announced, so that everything a step causes (a delayed ACK comes 40 ms later) is captured before
 * the next step begins, and the moment each step began is written down for step-mode playback. The
 * payload is the default short text, the block 4 KiB and the bulk transfer {@link #BULK_BYTES}; its
 * repeated text makes the compressed capture small. A simultaneous close is played until the FINs cross
 * on the first attempt (up to {@link #CROSSING_TRIES} sessions), so that its recording shows both sides
 * in CLOSING.
 */
public final class RecordingMaker {
    static final long STEP_GAP_MILLIS = 250;
    static final int BULK_BYTES = 1 << 20;
    static final int CROSSING_TRIES = 40;
    private static final int SNAPLEN = 262_144;
    private static final int MAGIC_NANO = 0xA1B23C4D;

    private RecordingMaker() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: RecordingMaker DIRECTORY [SCENARIO ...]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            scenarios.add(Scenario.byId(args[i]));
        }
        if (scenarios.isEmpty()) {
            scenarios.addAll(List.of(Scenario.values()));
        }
        for (Scenario s : scenarios) {
            for (IpVersion ip : IpVersion.values()) {
                Captured c = record(s, ip);
                String name = Recording.name(s, ip);
                write(c, dir.resolve(Recording.pcapName(name)), dir.resolve(Recording.transcriptName(name)));
                System.out.println("wrote " + name + ": " + c.frames.size() + " frames, " + c.events.size()
                        + " socket calls; " + c.outcome.message());
            }
        }
        System.exit(0);
    }

    /** One session as captured: everything the listener heard, and when each step began. */
    static final class Captured implements DemoListener {
        record Frame(long timeNs, int originalLength, byte[] data) {
        }

        final List<Frame> frames = new CopyOnWriteArrayList<>();
        final List<SocketEvent> events = new CopyOnWriteArrayList<>();
        final List<SessionTranscript.Note> notes = new CopyOnWriteArrayList<>();
        final List<SessionTranscript.StepMark> steps = new CopyOnWriteArrayList<>();
        final CompletableFuture<DemoSession> session = new CompletableFuture<>();
        private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "recording-step");
            t.setDaemon(true);
            return t;
        });
        volatile DemoReady ready;
        volatile DemoOutcome outcome;
        String payload;

        @Override
        public void ready(DemoReady r) {
            ready = r;
        }

        @Override
        public void frame(RawPacket p) {
            byte[] copy = new byte[p.capturedLength];
            p.buffer.duplicate().position(p.position).get(copy);
            frames.add(new Frame(p.timeNs, p.originalLength, copy));
        }

        @Override
        public void socketEvent(SocketEvent e) {
            events.add(e);
        }

        @Override
        public void note(String text) {
            notes.add(new SessionTranscript.Note(WallClock.nowNs(), text));
        }

        @Override
        public void awaitingProceed(PendingStep next) {
            later.schedule(() -> {
                DemoSession s = session.join();
                steps.add(new SessionTranscript.StepMark(WallClock.nowNs(), next));
                s.proceed();
            }, STEP_GAP_MILLIS, TimeUnit.MILLISECONDS);
        }

        @Override
        public void finished(DemoOutcome o) {
            outcome = o;
            later.shutdown();
        }

        SessionTranscript transcript() {
            return new SessionTranscript(ready, payload, System.getProperty("os.name") + " "
                    + System.getProperty("os.version"), steps, events, notes, outcome);
        }
    }

    /** Records one scenario, retrying a simultaneous close until its FINs cross. */
    static Captured record(Scenario scenario, IpVersion ip) throws Exception {
        DemoSettings settings = DemoSettings.of(scenario, ip).withMode(DemoSettings.Mode.STEP)
                .withRoute(CaptureRoute.DIRECT).withSizes(4096, BULK_BYTES).withCrossingAttempts(1);
        int tries = scenario == Scenario.SIMULTANEOUS_CLOSE ? CROSSING_TRIES : 3;
        Captured last = null;
        for (int i = 0; i < tries; i++) {
            Captured c = once(settings);
            boolean good = c.outcome.status() == DemoOutcome.Status.COMPLETED && c.outcome.stats().complete()
                    && c.frames.size() == c.outcome.stats().delivered();
            if (good && (scenario != Scenario.SIMULTANEOUS_CLOSE || Boolean.TRUE.equals(c.outcome.finsCrossed()))) {
                return c;
            }
            last = c;
        }
        if (last.outcome.status() != DemoOutcome.Status.COMPLETED) {
            throw new IllegalStateException(Recording.name(scenario, ip) + ": " + last.outcome.message());
        }
        System.err.println(Recording.name(scenario, ip) + ": kept a session where " + last.outcome.message());
        return last;
    }

    private static Captured once(DemoSettings settings) throws Exception {
        Captured c = new Captured();
        c.payload = settings.payload();
        try (DemoSession s = DemoSessions.start(settings, c)) {
            c.session.complete(s);
            DemoOutcome o = s.awaitOutcome(Duration.ofSeconds(60));
            if (o == null) {
                throw new IllegalStateException("the session did not end within 60 s");
            }
            // the listener's last call may still be under way
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (c.outcome == null && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        return c;
    }

    static void write(Captured c, Path pcap, Path transcript) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(pcap), 1 << 16)) {
            ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(MAGIC_NANO).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAPLEN)
                    .putInt(c.ready.linkType());
            out.write(header.array());
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            for (Captured.Frame f : c.frames) {
                record.clear();
                record.putInt((int) (f.timeNs() / 1_000_000_000L)).putInt((int) (f.timeNs() % 1_000_000_000L))
                        .putInt(f.data().length).putInt(f.originalLength());
                out.write(record.array());
                out.write(f.data());
            }
        }
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(transcript),
                StandardCharsets.UTF_8))) {
            c.transcript().write(w);
        }
    }
}
