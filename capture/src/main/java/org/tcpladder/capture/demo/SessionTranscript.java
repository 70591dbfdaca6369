package org.tcpladder.capture.demo;

import org.tcpladder.capture.tcp.Side;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.tcpladder.capture.live.CaptureRoute;
import org.tcpladder.capture.live.CaptureStats;
import org.tcpladder.capture.source.TimePrecision;

/**
 * What a recording holds besides its frames: the session's setting, the moments its steps began, its
 * socket calls with the kernel's view of both sockets, its notes and its outcome, as a small UTF-8 text
 * file beside the pcap, one record a line, fields separated by tabs (tabs, newlines and backslashes in
 * text escaped as {@code \t}, {@code \n}, {@code \\}). Times are wall-clock nanoseconds, the clock of the
 * frames' timestamps. The first field names the record:
 *
 * <pre>
 * tcpladder-recording  1
 * system       Linux 6.1.0-18-amd64
 * scenario     ECHO_CLIENT_CLOSES_FIRST            (and ip, payload, route, server_port, device,
 * ...                                               filter, link_type, precision, ready_ns)
 * step         time_ns index count attempt description
 * event        side call ok start_ns end_ns client_state client_source server_state server_source detail result
 * note         time_ns text
 * outcome      status attempts fins_crossed client_port delivered received_by_filter dropped_by_kernel
 *              dropped_by_interface not_kept message
 * </pre>
 *
 * A state or {@code fins_crossed} that is unknown is {@code -}. Lines starting with {@code #} are comments.
 *
 * @param ready   the session's setting (without {@link DemoReady#recording()}: that is added on loading)
 * @param payload the text the client sent
 * @param system  the operating system the recording was made on
 * @param steps   when each step began, in order
 * @param events  the socket calls, in the order they were reported
 * @param notes   the session's remarks
 * @param outcome how the recorded session ended
 */
record SessionTranscript(DemoReady ready, String payload, String system, List<StepMark> steps,
                         List<SocketEvent> events, List<Note> notes, DemoOutcome outcome) {
    static final String MAGIC = "tcpladder-recording";
    static final int VERSION = 1;
    /** Longest line read: a recording's lines are short, a broken file must not make us allocate much. */
    private static final int MAX_LINE = 1 << 16;
    private static final String UNKNOWN = "-";

    /** The moment a step began (when the session was let go on with it). */
    record StepMark(long timeNs, PendingStep step) {
    }

    /** A remark the session made, e.g. that a simultaneous close is retried. */
    record Note(long timeNs, String text) {
    }

    SessionTranscript {
        steps = List.copyOf(steps);
        events = List.copyOf(events);
        notes = List.copyOf(notes);
    }

    // ---------------------------------------------------------------- writing

    void write(Writer w) throws IOException {
        w.write("# TCP Ladder demo recording: the socket calls, kernel views and steps of the session whose\n"
                + "# frames are in the .pcap.gz of the same name. Made by org.tcpladder.capture.demo.RecordingMaker.\n");
        line(w, MAGIC, Integer.toString(VERSION));
        line(w, "system", system);
        line(w, "scenario", ready.scenario().name());
        line(w, "ip", ready.ipVersion().name());
        line(w, "payload", payload);
        line(w, "route", ready.route().name());
        line(w, "server_port", Integer.toString(ready.serverPort()));
        line(w, "device", ready.device());
        line(w, "filter", ready.filter());
        line(w, "link_type", Integer.toString(ready.linkType()));
        line(w, "precision", ready.precision().name());
        line(w, "ready_ns", Long.toString(ready.readyNs()));
        for (StepMark m : steps) {
            PendingStep p = m.step();
            line(w, "step", Long.toString(m.timeNs()), Integer.toString(p.index()), Integer.toString(p.count()),
                    Integer.toString(p.attempt()), p.description());
        }
        for (SocketEvent e : events) {
            line(w, "event", e.side().name(), e.call().name(), Boolean.toString(e.ok()), Long.toString(e.startNs()),
                    Long.toString(e.endNs()), state(e.client()), e.client().source(), state(e.server()),
                    e.server().source(), e.detail(), e.result());
        }
        for (Note n : notes) {
            line(w, "note", Long.toString(n.timeNs()), n.text());
        }
        CaptureStats s = outcome.stats();
        line(w, "outcome", outcome.status().name(), Integer.toString(outcome.attempts()),
                outcome.finsCrossed() == null ? UNKNOWN : outcome.finsCrossed().toString(),
                Integer.toString(outcome.clientPort()), Long.toString(s.delivered()),
                Long.toString(s.receivedByFilter()), Long.toString(s.droppedByKernel()),
                Long.toString(s.droppedByInterface()), Long.toString(s.notKept()), outcome.message());
    }

    private static String state(KernelView v) {
        return v.state() == null ? UNKNOWN : v.state().name();
    }

    private static void line(Writer w, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                w.write('\t');
            }
            w.write(escape(fields[i]));
        }
        w.write('\n');
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            b.append(switch (n) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> n;
            });
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads a transcript.
     *
     * @param name for messages, e.g. {@code echo-ipv4.transcript.txt}
     * @throws IOException naming the file and line when something is missing or not understood
     */
    static SessionTranscript read(String name, BufferedReader in) throws IOException {
        Reader r = new Reader(name);
        String line;
        while ((line = in.readLine()) != null) {
            r.lineNumber++;
            if (line.length() > MAX_LINE) {
                throw r.bad("line longer than " + MAX_LINE + " characters");
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            r.take(line.split("\t", -1));
        }
        return r.finish();
    }

    /** The state of reading one transcript. */
    private static final class Reader {
        private final String name;
        int lineNumber;
        private boolean magic;
        private String system = "";
        private Scenario scenario;
        private IpVersion ip;
        private String payload;
        private CaptureRoute route;
        private int serverPort = -1;
        private String device;
        private String filter;
        private int linkType = -1;
        private TimePrecision precision;
        private long readyNs;
        private boolean readySeen;
        private final List<StepMark> steps = new ArrayList<>();
        private final List<SocketEvent> events = new ArrayList<>();
        private final List<Note> notes = new ArrayList<>();
        private DemoOutcome outcome;

        Reader(String name) {
            this.name = name;
        }

        IOException bad(String what) {
            return new IOException("recording " + name + ", line " + lineNumber + ": " + what);
        }

        void take(String[] raw) throws IOException {
            String[] f = new String[raw.length];
            for (int i = 0; i < raw.length; i++) {
                f[i] = unescape(raw[i]);
            }
            String kind = f[0];
            if (!magic && !kind.equals(MAGIC)) {
                throw bad("not a TCP Ladder recording (it should start with '" + MAGIC + "')");
            }
            switch (kind) {
                case MAGIC -> {
                    fields(f, 2);
                    if (integer(f[1]) != VERSION) {
                        throw bad("recording format " + f[1] + ", this program reads format " + VERSION);
                    }
                    magic = true;
                }
                case "system" -> system = one(f);
                case "scenario" -> scenario = constant(Scenario.class, one(f));
                case "ip" -> ip = constant(IpVersion.class, one(f));
                case "payload" -> payload = one(f);
                case "route" -> route = constant(CaptureRoute.class, one(f));
                case "server_port" -> serverPort = integer(one(f));
                case "device" -> device = one(f);
                case "filter" -> filter = one(f);
                case "link_type" -> linkType = integer(one(f));
                case "precision" -> precision = constant(TimePrecision.class, one(f));
                case "ready_ns" -> {
                    readyNs = number(one(f));
                    readySeen = true;
                }
                case "step" -> {
                    fields(f, 6);
                    steps.add(new StepMark(number(f[1]), new PendingStep(integer(f[2]), integer(f[3]), integer(f[4]),
                            f[5])));
                }
                case "event" -> {
                    fields(f, 12);
                    events.add(new SocketEvent(constant(Side.class, f[1]), constant(SocketCall.class, f[2]),
                            f[10], f[11], number(f[4]), number(f[5]), view(f[6], f[7]), view(f[8], f[9]),
                            bool(f[3])));
                }
                case "note" -> {
                    fields(f, 3);
                    notes.add(new Note(number(f[1]), f[2]));
                }
                case "outcome" -> {
                    fields(f, 11);
                    Boolean crossed = f[3].equals(UNKNOWN) ? null : bool(f[3]);
                    outcome = new DemoOutcome(constant(DemoOutcome.Status.class, f[1]), f[10],
                            new CaptureStats(number(f[5]), number(f[6]), number(f[7]), number(f[8]), number(f[9])),
                            integer(f[2]), crossed, integer(f[4]));
                }
                default -> throw bad("unknown record '" + kind + "'");
            }
        }

        SessionTranscript finish() throws IOException {
            if (!magic) {
                throw new IOException("recording " + name + " is empty");
            }
            String missing = scenario == null ? "scenario" : ip == null ? "ip" : payload == null ? "payload"
                    : route == null ? "route" : serverPort < 0 ? "server_port" : device == null ? "device"
                    : filter == null ? "filter" : linkType < 0 ? "link_type" : precision == null ? "precision"
                    : !readySeen ? "ready_ns" : outcome == null ? "outcome" : null;
            if (missing != null) {
                throw new IOException("recording " + name + " has no '" + missing + "' line");
            }
            DemoReady ready = new DemoReady(route, scenario, ip, serverPort, device, filter, linkType, precision,
                    readyNs);
            return new SessionTranscript(ready, payload, system, steps, events, notes, outcome);
        }

        private void fields(String[] f, int n) throws IOException {
            if (f.length != n) {
                throw bad("'" + f[0] + "' needs " + (n - 1) + " field(s), found " + (f.length - 1));
            }
        }

        private String one(String[] f) throws IOException {
            fields(f, 2);
            return f[1];
        }

        private long number(String s) throws IOException {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw bad("'" + s + "' is not a number");
            }
        }

        private int integer(String s) throws IOException {
            long n = number(s);
            if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                throw bad(s + " is out of range");
            }
            return (int) n;
        }

        private boolean bool(String s) throws IOException {
            if (s.equals("true") || s.equals("false")) {
                return s.equals("true");
            }
            throw bad("'" + s + "' is neither true nor false");
        }

        private <E extends Enum<E>> E constant(Class<E> type, String s) throws IOException {
            try {
                return Enum.valueOf(type, s);
            } catch (IllegalArgumentException e) {
                throw bad("unknown " + type.getSimpleName() + " '" + s + "'");
            }
        }

        private KernelView view(String state, String source) throws IOException {
            return new KernelView(state.equals(UNKNOWN) ? null : constant(KernelTcpState.class, state), source);
        }
    }
}
