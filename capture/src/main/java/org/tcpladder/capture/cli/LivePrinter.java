package org.tcpladder.capture.cli;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.LinkedList;

import org.tcpladder.capture.analysis.AnalysedSegment;
import org.tcpladder.capture.analysis.StreamingAnalysis;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.conn.MalformedPacket;
import org.tcpladder.capture.decode.DecodedPacket;
import org.tcpladder.capture.decode.PacketDecoder;
import org.tcpladder.capture.decode.PacketKind;
import org.tcpladder.capture.demo.DemoOutcome;
import org.tcpladder.capture.demo.KernelTcpState;
import org.tcpladder.capture.demo.KernelView;
import org.tcpladder.capture.demo.SocketEvent;
import org.tcpladder.capture.demo.WallClock;
import org.tcpladder.capture.live.CaptureStats;
import org.tcpladder.capture.source.ByteStore;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.source.TimePrecision;
import org.tcpladder.capture.state.StateInference;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * Prints a live capture as it happens, for {@code demo} and {@code watch}: each segment as the
 * {@code print --states} line (tcpdump's text, then both sides' states and the anomalies) or as the
 * {@code print --json --states} object, socket calls of a demo session on lines of their own, and at the
 * end each connection with its final states, the capture's statistics and the session's outcome.
 *
 * <p><b>When a line is printed.</b> A segment's line must show the states right after it, but a SYN's
 * or FIN's arrival is known only from its receiver's next segment ({@link StreamingAnalysis}). So a
 * segment's line waits until its states are final: for most segments at once, for a SYN or FIN (and
 * what follows it) until the proof arrives, which on loopback is the next segment or a delayed ACK at
 * most 200 ms later. If the capture goes quiet for {@link #SETTLE_NS} first, the lines are printed
 * with what is known (the receiver of an unanswered FIN keeps its state, as the inference says) and a
 * proof that comes later shows with the next segment.
 *
 * <p><b>Socket calls among the segments.</b> Lines are printed in time order, but frames and calls
 * are reported late, each by tens of milliseconds (libpcap hands a frame over after the kernel stamped
 * it; a call is reported after the kernel's view of both sockets has been read). So a call waits until
 * a frame captured after it returned has arrived, and (when calls are expected, in a demo) a segment
 * waits until a call that returned after it has been reported; either waits at most
 * {@link #SETTLE_NS} past its own time. The decision is taken again on every frame, every call and
 * every {@link #tick()}, which the caller runs every few tens of milliseconds.
 *
 * <p>Thread-safe: frames come on the capture thread, events on the session's, ticks on a timer.
 */
final class LivePrinter {
    /** How long the capture must be quiet before waiting lines are printed with what is known. */
    static final long SETTLE_NS = 200_000_000L;
    private static final int TIME_DIGITS = 6;

    private final PrintStream stream;
    private final AsciiBuffer out;
    private final JsonLine json;
    private final boolean jsonMode;
    private final boolean withEvents;
    private final PacketDecoder decoder = new PacketDecoder();
    private final AsciiBuffer lineText = new AsciiBuffer();
    private final TcpdumpLineFormatter formatter = new TcpdumpLineFormatter(lineText, false, TIME_DIGITS);
    private final SegmentJson segmentJson = new SegmentJson();
    private final CaptureIndex index;
    private final List<Follow> follows = new ArrayList<>();
    private final LinkedList<Item> queue = new LinkedList<>();
    private long newestFrameNs = Long.MIN_VALUE;
    private long newestEventNs = Long.MIN_VALUE;
    private long lastFrameArrival = System.nanoTime();
    private long quietNs = SETTLE_NS;
    private boolean finishing;

    /** One connection followed: its analysis and its lines waiting for their states. */
    private static final class Follow {
        final StreamingAnalysis analysis;
        final ArrayDeque<SegmentItem> waiting = new ArrayDeque<>();
        long anomalies;

        Follow(Connection c) {
            analysis = StreamingAnalysis.of(c);
        }
    }

    private abstract static class Item {
        final long timeNs;

        Item(long timeNs) {
            this.timeNs = timeNs;
        }
    }

    private static final class SegmentItem extends Item {
        final Connection connection;
        final TcpSegment segment;
        final String text;
        AnalysedSegment analysed;

        SegmentItem(Connection connection, TcpSegment segment, String text) {
            super(segment.timeNs());
            this.connection = connection;
            this.segment = segment;
            this.text = text;
        }
    }

    /** A frame with a line but no connection: a TCP fragment or a header tcpdump shows as broken. */
    private static final class TextItem extends Item {
        final String text;

        TextItem(long timeNs, String text) {
            super(timeNs);
            this.text = text;
        }
    }

    private static final class MalformedItem extends Item {
        final MalformedPacket packet;

        MalformedItem(MalformedPacket packet) {
            super(packet.timeNs());
            this.packet = packet;
        }
    }

    private static final class EventItem extends Item {
        final SocketEvent event;

        EventItem(SocketEvent event) {
            super(event.endNs());
            this.event = event;
        }
    }

    private static final class NoteItem extends Item {
        final String text;

        NoteItem(long timeNs, String text) {
            super(timeNs);
            this.text = text;
        }
    }

    /**
     * @param withEvents whether socket calls will be reported too (a demo session), so that segments
     *                   wait for them to keep the time order
     * @param store      where the frames' bytes can be read back (the live capture's store)
     * @param precision  the capture's timestamp precision
     */
    LivePrinter(PrintStream stream, boolean jsonMode, boolean withEvents, ByteStore store, TimePrecision precision) {
        this.stream = stream;
        this.withEvents = withEvents;
        this.out = new AsciiBuffer(stream, 1 << 14);
        this.json = new JsonLine(out);
        this.jsonMode = jsonMode;
        this.index = new CaptureIndex(store, precision);
        lineText.hold();
    }

    /**
     * A capture that hands frames over in batches (watching) may be silent for up to
     * {@code batchDelayNs} with frames on their way: it must be quiet that much longer before
     * waiting lines are printed with what is known.
     */
    synchronized void batchDelay(long batchDelayNs) {
        quietNs = SETTLE_NS + batchDelayNs;
    }

    /** The frames so far, as an index (connections, counts). Read it under this printer's lock or after the end. */
    CaptureIndex index() {
        return index;
    }

    synchronized void frame(RawPacket raw) {
        lastFrameArrival = System.nanoTime();
        newestFrameNs = Math.max(newestFrameNs, raw.timeNs);
        DecodedPacket p = decoder.decode(raw);
        String text = null;
        if (!jsonMode && TcpdumpLineFormatter.isPrinted(p)) {
            formatter.format(p);
            // the formatter ends the line; the states are added when they are known
            lineText.truncate(lineText.length() - 1);
            text = lineText.toString();
            lineText.truncate(0);
        }
        index.append(p);
        if (p.kind() == PacketKind.TCP) {
            Connection c = index.connectionOf(index.segmentCount() - 1);
            TcpSegment s = p.toSegment();
            Follow f = follow(c);
            SegmentItem item = new SegmentItem(c, s, text);
            insert(item);
            f.waiting.addLast(item);
            f.analysis.add(s);
            drain(f);
        } else if (text != null) {
            insert(new TextItem(raw.timeNs, text));
        } else if (jsonMode && p.kind() == PacketKind.MALFORMED) {
            insert(new MalformedItem(new MalformedPacket(p.number(), p.timeNs(), p.problem())));
        }
        flush();
    }

    synchronized void event(SocketEvent e) {
        newestEventNs = Math.max(newestEventNs, e.endNs());
        insert(new EventItem(e));
        flush();
    }

    synchronized void note(String text) {
        insert(new NoteItem(WallClock.nowNs(), text));
        flush();
    }

    /** Prints what has become ready with time passing (see the class documentation). */
    synchronized void tick() {
        if (System.nanoTime() - lastFrameArrival >= quietNs) {
            for (Follow f : follows) {
                if (f.analysis.heldCount() > 0) {
                    f.analysis.finish();
                    drain(f);
                }
            }
        }
        flush();
    }

    /** Whether nothing waits to be printed. */
    synchronized boolean idle() {
        return queue.isEmpty();
    }

    /** The capture is over: prints everything still waiting. */
    synchronized void finish() {
        finishing = true;
        for (Follow f : follows) {
            f.analysis.finish();
            drain(f);
        }
        flush();
    }

    /** A line (or object) before anything else, e.g. what the session will show. */
    synchronized void header(String text, java.util.function.Consumer<JsonLine> keys) {
        if (jsonMode) {
            json.begin();
            keys.accept(json);
            json.end();
        } else {
            out.str(ascii(text)).newline();
        }
        writeOut();
    }

    /** Each connection with its final states and anomaly count, as {@code connections} prints them. */
    synchronized void connections() {
        for (Connection c : index.connections()) {
            Follow f = follows.get(c.index());
            StateInference.SideStates end = f.analysis.statesAt(Math.max(newestFrameNs, c.endNs()));
            if (jsonMode) {
                // the keys of connections --json, in their order, then what kind of line this is
                json.begin();
                ConnectionSummary.json(json, c, end, f.anomalies);
                json.str("event", "connection").end();
            } else {
                out.str("connection ");
                ConnectionSummary.text(out, c, TIME_DIGITS, end, f.anomalies);
            }
        }
        writeOut();
    }

    synchronized void statistics(CaptureStats stats) {
        statistics(stats, j -> {
        });
    }

    /** The statistics, with keys of the caller's after the common ones (JSON only). */
    synchronized void statistics(CaptureStats stats, java.util.function.Consumer<JsonLine> moreKeys) {
        if (jsonMode) {
            json.begin().str("event", "statistics")
                    .num("frames_captured", stats.delivered())
                    .num("received_by_filter", stats.receivedByFilter())
                    .num("dropped_by_kernel", stats.droppedByKernel())
                    .num("dropped_by_interface", stats.droppedByInterface())
                    .num("not_kept", stats.notKept())
                    .num("tcp_segments", index.segmentCount())
                    .num("not_tcp", index.notTcpCount() + index.fragmentCount() + index.unsupportedLinkCount())
                    .num("malformed", index.malformedPackets().size());
            moreKeys.accept(json);
            json.end();
        } else {
            out.str("capture: ").str(stats.toString()).newline();
        }
        writeOut();
    }

    synchronized void outcome(DemoOutcome o) {
        if (jsonMode) {
            json.begin().str("event", "outcome")
                    .str("status", o.status().name())
                    .str("message", o.message())
                    .num("attempts", o.attempts());
            if (o.finsCrossed() == null) {
                json.nul("fins_crossed");
            } else {
                json.bool("fins_crossed", o.finsCrossed());
            }
            json.num("client_port", o.clientPort()).end();
        } else {
            out.str("outcome: ").str(o.status().name()).str(": ").str(ascii(o.message())).newline();
        }
        writeOut();
    }

    // ---------------------------------------------------------------- internals

    private Follow follow(Connection c) {
        while (follows.size() <= c.index()) {
            follows.add(new Follow(index.connection(follows.size())));
        }
        return follows.get(c.index());
    }

    private void drain(Follow f) {
        for (AnalysedSegment a; (a = f.analysis.poll()) != null; ) {
            SegmentItem item = f.waiting.pollFirst();
            if (item == null) {
                break;
            }
            item.analysed = a;
            f.anomalies += a.analysis().anomalies().size();
        }
    }

    /**
     * In time order, except that frames keep the order they were captured in, which is the order the
     * states were inferred in: two segments sent at the same moment by two processors can be stamped in
     * one order and captured in the other (tcpdump, too, prints them as captured).
     */
    private void insert(Item item) {
        boolean call = item instanceof EventItem || item instanceof NoteItem;
        ListIterator<Item> it = queue.listIterator(queue.size());
        while (it.hasPrevious()) {
            Item before = it.previous();
            boolean mayPass = call || before instanceof EventItem || before instanceof NoteItem;
            if (before.timeNs <= item.timeNs || !mayPass) {
                it.next();
                break;
            }
        }
        it.add(item);
    }

    private boolean ready(Item item) {
        if (finishing) {
            return true;
        }
        if (item instanceof EventItem e) {
            return newestFrameNs > e.timeNs || WallClock.nowNs() - e.timeNs >= SETTLE_NS;
        }
        if (item instanceof SegmentItem s && s.analysed == null) {
            return false;
        }
        return !withEvents || newestEventNs > item.timeNs || WallClock.nowNs() - item.timeNs >= SETTLE_NS;
    }

    private void flush() {
        boolean wrote = false;
        while (!queue.isEmpty() && ready(queue.peekFirst())) {
            write(queue.removeFirst());
            wrote = true;
        }
        if (wrote) {
            writeOut();
        }
    }

    private void writeOut() {
        try {
            out.flush();
        } catch (OutputClosedException e) {
            // the reader went away (demo | head): nothing more to show
        }
        stream.flush();
    }

    private void write(Item item) {
        if (item instanceof SegmentItem s) {
            if (jsonMode) {
                segmentJson.segment(json, s.connection, s.segment, s.analysed, true);
            } else {
                out.str(s.text);
                StateFields.text(out, s.analysed);
                out.newline();
            }
        } else if (item instanceof TextItem t) {
            if (!jsonMode) {
                out.str(t.text).newline();
            }
        } else if (item instanceof MalformedItem m) {
            SegmentJson.malformed(json, m.packet, true);
        } else if (item instanceof EventItem e) {
            writeEvent(e.event);
        } else if (item instanceof NoteItem n) {
            if (jsonMode) {
                json.begin().str("event", "note").num("time_ns", n.timeNs).str("text", n.text).end();
            } else {
                time(n.timeNs);
                out.str(" note: ").str(ascii(n.text)).newline();
            }
        }
    }

    /**
     * {@code 1700000000.123456 client connect() -> connected from port 41234   [kernel: client=ESTABLISHED
     * server=ESTABLISHED, as inferred]}; when the capture shows other states at that moment:
     * {@code [kernel: ..., inferred: client=... server=...]}.
     */
    private void writeEvent(SocketEvent e) {
        TcpState kernelClient = state(e.client());
        TcpState kernelServer = state(e.server());
        StateInference.SideStates inferred = inferredAt(e.endNs());
        Boolean agrees = inferred == null || kernelClient == null || kernelServer == null ? null
                : inferred.client() == kernelClient && inferred.server() == kernelServer;
        String side = e.side().label();
        if (jsonMode) {
            json.begin().str("event", "socket_call")
                    .str("side", side)
                    .str("call", e.call().text())
                    .num("time_ns", e.endNs())
                    .num("start_ns", e.startNs())
                    .str("detail", e.detail())
                    .str("result", e.result())
                    .bool("ok", e.ok())
                    .str("kernel_client_state", kernelClient == null ? null : kernelClient.displayName())
                    .str("kernel_server_state", kernelServer == null ? null : kernelServer.displayName())
                    .str("client_state", inferred == null ? null : inferred.client().displayName())
                    .str("server_state", inferred == null ? null : inferred.server().displayName());
            if (agrees == null) {
                json.nul("kernel_agrees");
            } else {
                json.bool("kernel_agrees", agrees);
            }
            json.end();
            return;
        }
        time(e.endNs());
        out.ch(' ').str(side).ch(' ').str(e.call().text());
        if (!e.detail().isEmpty()) {
            out.ch(' ').str(ascii(e.detail()));
        }
        out.str(" -> ").str(ascii(e.result()));
        out.str("   [kernel: client=").str(name(kernelClient)).str(" server=").str(name(kernelServer));
        if (Boolean.TRUE.equals(agrees)) {
            out.str(", as inferred");
        } else if (Boolean.FALSE.equals(agrees)) {
            out.str(", inferred: client=").str(inferred.client().displayName()).str(" server=")
                    .str(inferred.server().displayName());
        }
        out.ch(']').newline();
    }

    /** Both inferred states at {@code timeNs}, in the newest connection begun by then; null before any. */
    private StateInference.SideStates inferredAt(long timeNs) {
        for (int i = follows.size() - 1; i >= 0; i--) {
            Connection c = index.connection(i);
            if (c.startNs() <= timeNs) {
                return follows.get(i).analysis.statesAt(timeNs);
            }
        }
        return null;
    }

    private static TcpState state(KernelView v) {
        KernelTcpState s = v.state();
        return s == null ? null : s.tcpState();
    }

    private static String name(TcpState s) {
        return s == null ? "?" : s.displayName();
    }

    private void time(long ns) {
        ConnectionSummary.seconds(out, ns, TIME_DIGITS);
    }

    /** The text lines are ASCII: the demo's texts use a few typographic characters. */
    static String ascii(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (b != null) {
                    b.append(c);
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            switch (c) {
                case '\u2026' -> b.append("...");
                case '\u2192' -> b.append("->");
                case '\u2018', '\u2019' -> b.append('\'');
                case '\u201C', '\u201D' -> b.append('"');
                case '\u2013', '\u2014' -> b.append('-');
                case '\u00A7' -> b.append("section ");
                default -> b.append('?');
            }
        }
        return b == null ? s : b.toString();
    }
}
