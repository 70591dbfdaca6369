package org.tcpladder.app.live;


import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.load.ConnectionEntry;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.demo.DemoListener;
import org.tcpladder.capture.demo.DemoOutcome;
import org.tcpladder.capture.demo.DemoReady;
import org.tcpladder.capture.demo.DemoSession;
import org.tcpladder.capture.demo.DemoSettings;
import org.tcpladder.capture.demo.PendingStep;
import org.tcpladder.capture.demo.RecordingInfo;
import org.tcpladder.capture.demo.SocketEvent;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.state.Narration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One demo session as the window sees it (live, or played from a recording: then
 * {@link #recordingProperty()} says when it was made): started off the FX thread, its frames indexed as they
 * are captured, its socket calls and the kernel's states collected, and all of it handed to the FX
 * thread in batches ({@link FxCoalescer}) as ready-made ladders, one per connection. Read its
 * properties on the FX thread only.
 */
public final class DemoRun {
    private final DemoSettings settings;
    private final Narration narration;
    private final FrameBuffer frames = new FrameBuffer();
    private final List<SocketEvent> events = new CopyOnWriteArrayList<>();
    private final FxCoalescer pump = new FxCoalescer(this::refresh, Duration.ZERO);
    private final ReadOnlyObjectWrapper<List<ConnectionEntry>> connections =
            new ReadOnlyObjectWrapper<>(this, "connections", List.of());
    private final ReadOnlyStringWrapper pending = new ReadOnlyStringWrapper(this, "pending");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note");
    private final ReadOnlyObjectWrapper<DemoOutcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ReadOnlyObjectWrapper<Exception> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", true);
    private final ReadOnlyObjectWrapper<RecordingInfo> recording = new ReadOnlyObjectWrapper<>(this, "recording");
    private volatile RecordingInfo recordedAs;
    private volatile DemoReady readyAs;
    private final ReadOnlyObjectWrapper<LadderData> beforeFirstSegment =
            new ReadOnlyObjectWrapper<>(this, "beforeFirstSegment");
    /** What each connection's ladder was last built from: its segment count and the events seen. */
    private final Map<Connection, int[]> builtFrom = new HashMap<>();
    private final Map<Connection, ConnectionEntry> entries = new HashMap<>();
    private volatile DemoSession session;
    private volatile PendingStep waitingFor;
    private volatile String lastNote;
    private volatile DemoOutcome finished;
    private boolean stopRequested;

    private DemoRun(DemoSettings settings, Narration narration) {
        this.settings = settings;
        this.narration = narration;
    }

    /** Starts a session in the background; failures arrive in {@link #failureProperty()}. From the FX thread. */
    public static DemoRun start(DemoSettings settings, DemoStarter starter, Narration narration) {
        DemoRun run = new DemoRun(settings, narration);
        Thread t = new Thread(() -> run.open(starter), "demo-start");
        t.setDaemon(true);
        t.start();
        return run;
    }

    private void open(DemoStarter starter) {
        DemoSession s;
        try {
            s = starter.start(DemoRoute.apply(settings), new Listener());
        } catch (Exception e) {
            Platform.runLater(() -> {
                failure.set(e);
                running.set(false);
            });
            return;
        }
        session = s;
        frames.attach(() -> new CaptureIndex(s.store(), s.ready().precision()));
        boolean stop;
        synchronized (this) {
            stop = stopRequested;
        }
        if (stop) {
            s.stop();
        }
        pump.request();
    }

    /** The session's thread: keep each call short, hand everything else to the FX thread. */
    private final class Listener implements DemoListener {
        @Override
        public void ready(DemoReady ready) {
            recordedAs = ready.recording();
            readyAs = ready;
            pump.request();
        }

        @Override
        public void frame(RawPacket packet) {
            frames.frame(packet);
            pump.request();
        }

        @Override
        public void socketEvent(SocketEvent event) {
            events.add(event);
            pump.request();
        }

        @Override
        public void awaitingProceed(PendingStep next) {
            waitingFor = next;
            pump.request();
        }

        @Override
        public void note(String text) {
            lastNote = text;
            pump.request();
        }

        @Override
        public void finished(DemoOutcome o) {
            finished = o;
            waitingFor = null;
            pump.request();
        }
    }

    /** On the FX thread: a ladder for every connection that changed since the last time. */
    private void refresh() {
        if (recordedAs != null && recording.get() == null) {
            // first, so that whoever hears of the connections already knows they are recorded
            recording.set(recordedAs);
        }
        CaptureIndex index = frames.index();
        if (index != null) {
            List<Connection> all = List.copyOf(index.connections());
            List<SocketEvent> seen = List.copyOf(events);
            boolean changed = false;
            for (int k = 0; k < all.size(); k++) {
                Connection c = all.get(k);
                List<SocketEvent> own = LiveLadder.eventsOf(all, k, seen);
                int[] now = {c.segmentCount(), own.size()};
                int[] before = builtFrom.get(c);
                if (before != null && before[0] == now[0] && before[1] == now[1]) {
                    continue;
                }
                LadderData data = LiveLadder.of(index, c, own, narration);
                builtFrom.put(c, new int[]{data.size(), own.size()});
                String name = settings.scenario().title() + (k == 0 ? "" : " (" + (k + 1) + ")");
                entries.put(c, ConnectionEntry.of(c, name, data));
                changed = true;
            }
            if (changed) {
                List<ConnectionEntry> list = new ArrayList<>();
                for (Connection c : all) {
                    ConnectionEntry e = entries.get(c);
                    if (e != null) {
                        list.add(e);
                    }
                }
                connections.set(List.copyOf(list));
            }
        }
        DemoReady r = readyAs;
        if (r != null && (index == null || index.connections().isEmpty())) {
            List<SocketEvent> seen = List.copyOf(events);
            if (beforeFirstSegment.get() == null || beforeFirstSegment.get().socketCalls().size() != seen.size()) {
                beforeFirstSegment.set(LiveLadder.beforeFirstSegment(r, seen));
            }
        }
        PendingStep p = waitingFor;
        pending.set(p == null ? null : p.description());
        note.set(lastNote);
        if (finished != null && outcome.get() == null) {
            outcome.set(finished);
            running.set(false);
            pending.set(null);
        }
    }

    /** Step mode: lets the session make the call it waits to make. */
    public void proceed() {
        DemoSession s = session;
        if (s != null && waitingFor != null) {
            waitingFor = null;
            pending.set(null);
            s.proceed();
        }
    }

    /** Leaves step mode and plays the rest through. */
    public void runToEnd() {
        DemoSession s = session;
        if (s != null) {
            waitingFor = null;
            pending.set(null);
            s.runToEnd();
        }
    }

    /** Ends the session now (sockets reset, capture stopped); its ladder stays on screen. */
    public void stop() {
        DemoSession s;
        synchronized (this) {
            stopRequested = true;
            s = session;
        }
        if (s != null) {
            s.stop();
        }
    }

    /** Stops and releases the capture (its payloads can no longer be read): when the window moves on. */
    public void close() {
        stop();
        pump.close();
        DemoSession s = session;
        if (s != null) {
            Thread t = new Thread(s::close, "demo-close");
            t.setDaemon(true);
            t.start();
        }
    }

    public DemoSettings settings() {
        return settings;
    }

    /** The session's connections (usually one; a simultaneous close may retry), each with its ladder. */
    public ReadOnlyObjectProperty<List<ConnectionEntry>> connectionsProperty() {
        return connections.getReadOnlyProperty();
    }

    /** Step mode: the call the session will make on {@link #proceed()}, e.g. {@code client: close()}; else null. */
    /**
     * Until the first segment is captured: the two lifelines as they are (the server's after its
     * listen(), the client not yet connected), with the calls made so far; null before the session is
     * ready. A step-mode session shows it while it waits for its first call.
     */
    public ReadOnlyObjectProperty<LadderData> beforeFirstSegmentProperty() {
        return beforeFirstSegment.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** The session's latest remark (e.g. a simultaneous close being retried), or null. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DemoOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Why the session could not start (no privilege, no libpcap…), with the remedy in its message. */
    public ReadOnlyObjectProperty<Exception> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** For a session played from a recording, when and where it was made (set once it is ready); else null. */
    public ReadOnlyObjectProperty<RecordingInfo> recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
