package org.tcpladder.capture.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.tcpladder.capture.demo.DemoListener;
import org.tcpladder.capture.demo.DemoOutcome;
import org.tcpladder.capture.demo.DemoReady;
import org.tcpladder.capture.demo.DemoSession;
import org.tcpladder.capture.demo.DemoSessions;
import org.tcpladder.capture.demo.DemoSettings;
import org.tcpladder.capture.demo.IpVersion;
import org.tcpladder.capture.demo.PendingStep;
import org.tcpladder.capture.demo.RecordedSessions;
import org.tcpladder.capture.demo.RecordingInfo;
import org.tcpladder.capture.demo.Scenario;
import org.tcpladder.capture.demo.SocketEvent;
import org.tcpladder.capture.live.LiveCaptureException;
import org.tcpladder.capture.source.RawPacket;

/**
 * {@code demo [--scenario NAME] [--ipv6] [--payload TEXT] [--step] [--pause MS] [--json] [--recording]}:
 * plays a demo session (real sockets on loopback, captured live) and prints it as it happens: each
 * segment as {@code print --states} prints it, each socket call on a line of its own with the kernel's
 * view of both sockets, then every connection with its final states, the capture's statistics and the
 * outcome (see {@link LivePrinter}). {@code --step} waits for Enter before each socket call;
 * {@code demo --list} names the scenarios. Exits 0 when the session ran to its end, 1 otherwise.
 *
 * <p>When this program may not capture (no CAP_NET_RAW and no user namespace, or no libpcap) it says
 * why, with the exact remedy, and how to play the recording of the same scenario instead:
 * {@code --recording} plays the real capture shipped with the program ({@link RecordedSessions}) in the
 * same output, labelled as a recording in the first line (text) or the {@code ready} object
 * ({@code "recording": true}, JSON). A recording needs no privilege.
 */
final class DemoCommand implements Command {
    static final Duration DEFAULT_PAUSE = Duration.ofMillis(300);

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String synopsis() {
        return "demo [--scenario NAME] [--ipv6] [--payload TEXT] [--step] [--pause MS] [--json] [--recording]"
                + " | demo --list   a demo session on loopback, printed live (or its recording)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options o = Options.parse(args);
        if (o.list) {
            list(out);
            return 0;
        }
        DemoSettings settings = DemoSettings.of(o.scenario, o.ipv6 ? IpVersion.V6 : IpVersion.V4)
                .withPayload(o.payload)
                .withMode(o.step ? DemoSettings.Mode.STEP : DemoSettings.Mode.RUN)
                .withPause(o.pause);
        return play(settings, o.json, o.recording, out, err);
    }

    /** One scenario a line: its name, then what it shows. */
    static void list(PrintStream out) {
        int width = 0;
        for (Scenario s : Scenario.values()) {
            width = Math.max(width, s.id().length());
        }
        for (Scenario s : Scenario.values()) {
            StringBuilder line = new StringBuilder(s.id());
            while (line.length() < width + 2) {
                line.append(' ');
            }
            out.println(line.append(LivePrinter.ascii(s.description(Locale.ROOT))));
        }
        out.flush();
    }

    private static int play(DemoSettings settings, boolean json, boolean recording, PrintStream out, PrintStream err)
            throws Exception {
        LateStore store = new LateStore();
        AtomicReference<LivePrinter> printer = new AtomicReference<>();
        BlockingQueue<PendingStep> pending = new LinkedBlockingQueue<>();
        DemoListener listener = new DemoListener() {
            @Override
            public void ready(DemoReady r) {
                LivePrinter p = new LivePrinter(out, json, true, store, r.precision());
                Scenario sc = r.scenario();
                RecordingInfo rec = r.recording();
                p.header("demo " + sc.id() + ": " + LivePrinter.ascii(sc.title(Locale.ROOT))
                        + (rec == null ? "" : " [" + LivePrinter.ascii(rec.label()) + "]")
                        + " (" + r.ipVersion().loopbackText() + " port " + r.serverPort()
                        + (rec == null ? ", capturing on " : ", captured on ") + r.device() + " '" + r.filter() + "')",
                        j -> {
                            j.str("event", "ready").str("scenario", sc.id()).str("title", sc.title(Locale.ROOT))
                                    .str("address", r.ipVersion().loopbackText()).num("server_port", r.serverPort())
                                    .str("device", r.device()).str("filter", r.filter()).str("route", r.route().name())
                                    .num("time_ns", r.readyNs()).bool("recording", rec != null);
                            if (rec != null) {
                                j.str("recorded_on", rec.madeOn().toString()).str("label", rec.label());
                            }
                        });
                printer.set(p);
            }

            @Override
            public void frame(RawPacket packet) {
                printer.get().frame(packet);
            }

            @Override
            public void socketEvent(SocketEvent event) {
                printer.get().event(event);
            }

            @Override
            public void awaitingProceed(PendingStep next) {
                pending.add(next);
            }

            @Override
            public void note(String text) {
                printer.get().note(text);
            }
        };
        DemoSession session;
        try {
            session = recording ? RecordedSessions.play(settings, listener) : DemoSessions.start(settings, listener);
        } catch (LiveCaptureException e) {
            err.println("tcpladder demo: " + e.getMessage());
            if (e.problem() == LiveCaptureException.Problem.NO_PERMISSION
                    || e.problem() == LiveCaptureException.Problem.NO_LIBPCAP) {
                err.println(recordingHint(settings));
            }
            return 1;
        }
        store.set(session.store());
        LiveRun run = new LiveRun(printer::get);
        run.onInterrupt(() -> {
            session.stop();
            try {
                DemoOutcome o = session.awaitOutcome(Duration.ofSeconds(3));
                if (o != null) {
                    summarise(run, printer.get(), o);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            BufferedReader in = settings.mode() == DemoSettings.Mode.STEP
                    ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)) : null;
            DemoOutcome o;
            while ((o = session.awaitOutcome(Duration.ofMillis(50))) == null) {
                PendingStep next = pending.poll();
                if (next != null && in != null) {
                    proceedWhenAsked(session, next, printer.get(), in, err);
                }
            }
            summarise(run, printer.get(), o);
            return o.status() == DemoOutcome.Status.COMPLETED ? 0 : 1;
        } finally {
            run.close();
            session.close();
        }
    }

    /** How to play the recording of the same session instead, when live capture is impossible. */
    static String recordingHint(DemoSettings settings) {
        return "To play a recording of this session instead (a real capture shipped with the program, labelled"
                + " as a recording): tcpladder demo --recording --scenario " + settings.scenario().id()
                + (settings.ipVersion() == IpVersion.V6 ? " --ipv6" : "");
    }

    /** Step mode: once the lines of the last step are out, asks for Enter (end of input plays the rest). */
    private static void proceedWhenAsked(DemoSession session, PendingStep next, LivePrinter printer, BufferedReader in,
            PrintStream err) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 3 * LivePrinter.SETTLE_NS;
        while (printer != null && !printer.idle() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        err.print("next: " + LivePrinter.ascii(next.description()) + " [Enter] ");
        err.flush();
        if (in.readLine() == null) {
            err.println();
            session.runToEnd();
        } else {
            session.proceed();
        }
    }

    private static void summarise(LiveRun run, LivePrinter p, DemoOutcome o) {
        if (p != null && run.summariseOnce()) {
            p.finish();
            p.connections();
            p.statistics(o.stats());
            p.outcome(o);
        }
    }

    /** The parsed arguments. */
    static final class Options {
        boolean list;
        Scenario scenario = Scenario.ECHO_CLIENT_CLOSES_FIRST;
        boolean ipv6;
        String payload = DemoSettings.DEFAULT_PAYLOAD;
        boolean step;
        Duration pause = DEFAULT_PAUSE;
        boolean json;
        boolean recording;
        private boolean payloadGiven;

        static Options parse(List<String> args) throws UsageException {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                String value = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    value = a.substring(eq + 1);
                    a = a.substring(0, eq);
                }
                switch (a) {
                    case "--list" -> o.list = true;
                    case "--ipv6" -> o.ipv6 = true;
                    case "--step" -> o.step = true;
                    case "--json" -> o.json = true;
                    case "--recording" -> o.recording = true;
                    case "--scenario" -> o.scenario = scenario(value != null ? value : next(args, ++i, a));
                    case "--payload" -> {
                        o.payload = value != null ? value : next(args, ++i, a);
                        if (o.payload.isEmpty()) {
                            throw new UsageException("--payload needs some text");
                        }
                        o.payloadGiven = true;
                    }
                    case "--pause" -> o.pause = Duration.ofMillis(
                            LiveRun.number(value != null ? value : next(args, ++i, a), a, 0, 60_000));
                    default -> throw new UsageException(a.startsWith("-") ? "unknown option " + a
                            : "unexpected argument '" + a + "'");
                }
            }
            if (o.recording && o.payloadGiven) {
                throw new UsageException("--payload cannot be used with --recording (the recording sends \""
                        + DemoSettings.DEFAULT_PAYLOAD + "\")");
            }
            return o;
        }

        private static Scenario scenario(String name) throws UsageException {
            try {
                return Scenario.byId(name);
            } catch (IllegalArgumentException e) {
                StringBuilder names = new StringBuilder();
                for (Scenario s : Scenario.values()) {
                    names.append(names.length() == 0 ? "" : ", ").append(s.id());
                }
                throw new UsageException("no demo scenario '" + name + "' (there are " + names + ")");
            }
        }

        static String next(List<String> args, int i, String option) throws UsageException {
            if (i >= args.size()) {
                throw new UsageException(option + " needs a value");
            }
            return args.get(i);
        }
    }
}
