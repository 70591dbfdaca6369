package org.tcpladder.app.view;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.tcpladder.app.Messages;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.layout.ArrowRow;
import org.tcpladder.app.layout.LadderGeometry;
import org.tcpladder.app.live.DemoRun;
import org.tcpladder.app.live.DemoStarter;
import org.tcpladder.app.live.PortWatchStarter;
import org.tcpladder.app.live.WatchRun;
import org.tcpladder.app.load.ConnectionEntry;
import org.tcpladder.app.viewmodel.ConnectionListViewModel;
import org.tcpladder.app.viewmodel.SettingsViewModel;
import org.tcpladder.capture.demo.DemoOutcome;
import org.tcpladder.capture.demo.DemoSettings;
import org.tcpladder.capture.demo.RecordedSessions;
import org.tcpladder.capture.demo.RecordingInfo;
import org.tcpladder.capture.live.CaptureStats;
import org.tcpladder.capture.live.LoopbackDevice;
import org.tcpladder.capture.live.WatchFigures;
import org.tcpladder.capture.state.Narration;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Start and Watch port: runs a live demo session or a port watch, fills the connection list as
 * connections are captured, drives the live bar (status, the call pending in step mode, Next, Stop),
 * and shows why when capture is impossible, offering then to play the recording of the same session
 * (which goes the same way, labelled "Recording" in the bar and above the list). One live thing at a
 * time; opening a file ends it.
 */
final class LiveController {
    private final Messages text;
    private final SettingsViewModel settings;
    private final ConnectionListViewModel connections;
    private final LiveBar bar;
    private final Consumer<String> status;
    private final Supplier<Window> owner;
    private final DemoStarter demoStarter;
    private final DemoStarter recordingStarter;
    private final PortWatchStarter watchStarter;
    private final Runnable beforeLive;
    private final Narration narration = Narration.english();
    private final ReadOnlyBooleanWrapper stepping = new ReadOnlyBooleanWrapper(this, "stepping");
    private final ReadOnlyLongWrapper firstArrowMillis = new ReadOnlyLongWrapper(this, "firstArrowMillis", -1);
    private Consumer<String> ladderNote = n -> { };
    private Consumer<LadderData> beforeFirstSegment = d -> { };
    private DemoRun demo;
    private WatchRun watch;
    private long startClickNs;
    private Alert lastError;

    /**
     * @param recordingStarter plays a recording when live capture is impossible ({@link DemoStarter#RECORDING})
     * @param beforeLive called before a session or watch takes over the list (closes an open file)
     */
    LiveController(Messages text, SettingsViewModel settings, ConnectionListViewModel connections, LiveBar bar,
                   Consumer<String> status, Supplier<Window> owner, DemoStarter demoStarter,
                   DemoStarter recordingStarter, PortWatchStarter watchStarter, Runnable beforeLive) {
        this.text = text;
        this.settings = settings;
        this.connections = connections;
        this.bar = bar;
        this.status = status;
        this.owner = owner;
        this.demoStarter = demoStarter;
        this.recordingStarter = recordingStarter;
        this.watchStarter = watchStarter;
        this.beforeLive = beforeLive;
        bar.next.setOnAction(e -> proceed());
        bar.runToEnd.setOnAction(e -> {
            if (demo != null) {
                stepping.set(false);
                demo.runToEnd();
            }
        });
        bar.stop.setOnAction(e -> stop());
    }

    /** Where to say what an empty ladder waits for (the next call, traffic on a port); null clears it. */
    void setOnLadderNote(Consumer<String> note) {
        this.ladderNote = note == null ? n -> { } : note;
    }

    /** Where to show a step session's lifelines before its first segment (no connection exists yet). */
    void setOnBeforeFirstSegment(Consumer<LadderData> show) {
        this.beforeFirstSegment = show == null ? d -> { } : show;
    }

    /** Whether the connection list belongs to a live session or watch (its ladders follow new segments). */
    boolean isLive() {
        return demo != null || watch != null;
    }

    // ---- the demo session ----

    void startDemo() {
        begin(settings.demoSettings(), demoStarter, false);
    }

    /**
     * Plays the recording of the session {@code s} describes (its scenario and IP version) through the
     * same path as a live session, labelled as a recording everywhere it shows.
     */
    void playRecording(DemoSettings s) {
        begin(s, recordingStarter, true);
    }

    private void begin(DemoSettings s, DemoStarter starter, boolean recording) {
        closeAll();
        beforeLive.run();
        String title = s.scenario().title();
        startClickNs = System.nanoTime();
        firstArrowMillis.set(-1);
        String starting = text.format(recording ? "recording.summaryStarting" : "live.summaryStarting", title);
        // In run mode what the list showed stays until the session's first connection replaces it (or the
        // session ends without one): the first arrow comes sooner (a list that goes from empty to not
        // makes all its cells anew, the slowest part of that frame) and nothing flashes blank. A session
        // in step mode waits for Next before its first segment, with the old ladder out of the way.
        boolean holdOld = s.mode() == DemoSettings.Mode.RUN;
        if (holdOld) {
            connections.setSummary(starting);
        } else {
            connections.setConnections(List.of(), starting);
        }
        if (recording) {
            bar.showRecording(text.format("recording.starting", title), true);
            status.accept(text.format("recording.started", title));
        } else {
            bar.show(text.format("live.starting", title), true);
        }
        bar.pending(null, s.mode() == DemoSettings.Mode.STEP);
        connections.emptyTextProperty().set(text.text("connections.noneYet"));
        DemoRun run = DemoRun.start(s, starter, narration);
        demo = run;
        stepping.set(s.mode() == DemoSettings.Mode.STEP);
        Set<Object> known = new HashSet<>();
        if (!holdOld) {
            // Step mode, before the first segment: both lifelines at once, in their states, and the
            // calls made so far (the server's listen()), instead of an empty ladder.
            // Not a connection in the list: there is none yet, only the sockets.
            run.beforeFirstSegmentProperty().addListener((o, a, data) -> {
                if (demo == run && known.isEmpty() && data != null) {
                    beforeFirstSegment.accept(data);
                }
            });
        }
        run.connectionsProperty().addListener((o, a, list) -> {
            if (demo != run) {
                return;
            }
            if (known.isEmpty()) {
                connections.setConnections(list, null);
            } else {
                connections.update(list);
            }
            for (ConnectionEntry e : list) {
                if (known.add(e.key())) {
                    // A new connection (a simultaneous close tries again): show the newest.
                    connections.selectKey(e.key());
                }
            }
            connections.setSummary(recording ? text.format("recording.summary", title, madeOn(run), list.size())
                    : text.format("live.summary", title, list.size()));
            if (run.runningProperty().get() && run.pendingProperty().get() == null) {
                showRunning(title, recording, "running");
            }
        });
        run.recordingProperty().addListener((o, a, info) -> {
            if (demo == run && info != null) {
                connections.setSummary(text.format("recording.summary", title, info.madeOnDay(),
                        run.connectionsProperty().get().size()));
            }
        });
        run.pendingProperty().addListener((o, a, p) -> {
            if (demo == run) {
                // Said on the ladder while it has no arrow yet (the painter shows it only then).
                ladderNote.accept(p == null || run.settings().mode() != DemoSettings.Mode.STEP ? null
                        : text.format("ladder.waitingForCall", p));
                if (p != null && known.isEmpty()) {
                    // Not "starting…" any more: it is ready, and waits for the call that connects.
                    connections.setSummary(recording ? text.format("recording.summary", title, madeOn(run), 0)
                            : text.format("live.summary", title, 0));
                }
                bar.pending(p, run.settings().mode() == DemoSettings.Mode.STEP);
                if (run.runningProperty().get()) {
                    showRunning(title, recording, p == null ? "running" : "waiting");
                }
            }
        });
        run.noteProperty().addListener((o, a, n) -> {
            if (demo == run && n != null) {
                status.accept(n);
            }
        });
        run.outcomeProperty().addListener((o, a, outcome) -> {
            if (demo == run && outcome != null) {
                if (known.isEmpty()) {
                    // Nothing was captured: what the list held before Start goes now.
                    connections.setConnections(List.of(), recording
                            ? text.format("recording.summary", title, madeOn(run), 0)
                            : text.format("live.summary", title, 0));
                }
                bar.pending(null, false);
                String finished = text.format("live.finished", title, outcome.message());
                if (recording) {
                    bar.showRecording(finished, false);
                } else {
                    bar.show(finished, false);
                }
                boolean completed = outcome.status() == DemoOutcome.Status.COMPLETED;
                status.accept(!completed ? outcome.message() : recording
                        ? text.format("recording.completed", title, madeOn(run))
                        : text.format("live.completed", title));
            }
        });
        run.failureProperty().addListener((o, a, problem) -> {
            if (demo == run && problem != null) {
                demo = null;
                bar.idle();
                String couldNot = text.format(recording ? "recording.couldNotStart" : "live.couldNotStart", title);
                connections.setConnections(List.of(), couldNot);
                status.accept(couldNot);
                lastError = recording
                        ? LiveProblemDialog.show(text, owner.get(), "recording.header", problem)
                        : LiveProblemDialog.show(text, owner.get(), "live.demoHeader", problem,
                        RecordedSessions.available(s.scenario(), s.ipVersion()) && s.customScript() == null
                                ? () -> playRecording(s) : null);
            }
        });
    }

    /** The bar while a session runs: live, or a recording (the list's title says when it was made). */
    private void showRunning(String title, boolean recording, String what) {
        if (recording) {
            bar.showRecording(text.format("recording." + what, title), true);
        } else {
            bar.show(text.format("live." + what, title), true);
        }
    }

    /** The day the recording was made, or an ellipsis until the session says. */
    private static String madeOn(DemoRun run) {
        RecordingInfo info = run.recordingProperty().get();
        return info == null ? "\u2026" : info.madeOnDay();
    }

    /** Step mode: the session makes its next call (Next, or stepping forward past the last segment). */
    void proceed() {
        if (demo != null && demo.pendingProperty().get() != null) {
            demo.proceed();
        }
    }

    // ---- watching a port ----

    /** Watch port; false (and nothing started) when {@code portText} is no port number. */
    boolean watch(String portText) {
        int port;
        try {
            port = Integer.parseInt(portText == null ? "" : portText.trim());
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            status.accept(text.text("watch.badPort"));
            return false;
        }
        closeAll();
        beforeLive.run();
        int p = port;
        String device = LoopbackDevice.name();
        connections.setConnections(List.of(), text.format("watch.summary", p, device, 0, 0));
        bar.show(text.format("watch.watching", p, device), true);
        // A later success replaces what an earlier attempt said (a bad port number, say).
        status.accept(text.format("watch.watching", p, device));
        ladderNote.accept(text.format("ladder.waitingForTraffic", p));
        connections.emptyTextProperty().set(text.format("connections.noneYetOnPort", p));
        bar.pending(null, false);
        WatchRun run = WatchRun.start(port, settings.watchSnaplen(), watchStarter, narration);
        watch = run;
        run.changedProperty().addListener((o, a, list) -> {
            if (watch != run) {
                return;
            }
            boolean first = connections.all().isEmpty();
            connections.update(list);
            if (first && !list.isEmpty()) {
                connections.selectKey(list.get(0).key());
            }
            connections.setSummary(text.format("watch.summary", p, device, connections.all().size(),
                    run.segmentsProperty().get()));
        });
        run.figuresProperty().addListener((o, a, f) -> {
            if (watch == run && f != null && run.stoppedProperty().get() == null) {
                bar.show(text.format("watch.watchingFigures", p, device, f.stats().delivered(),
                        f.stats().droppedByKernel() + f.stats().droppedByInterface(), f.stats().notKept(),
                        mib(f.inMemory()), mib(f.memoryBudget()), mib(f.spilled()), String.valueOf(f.spillFile())), true);
            }
        });
        run.stoppedProperty().addListener((o, a, stats) -> {
            if (watch == run && stats != null) {
                WatchFigures f = run.figuresProperty().get();
                String shown = text.format("watch.stopped", p, statsText(stats));
                if (f != null) {
                    shown = f.endReason() != null ? text.format("watch.endedBecause", p, f.endReason(), statsText(stats))
                            : shown;
                    shown += text.format("watch.keptWhere", mib(f.memoryBudget()), mib(f.spilled()),
                            String.valueOf(f.spillFile()));
                }
                bar.show(shown, false);
            }
        });
        run.failureProperty().addListener((o, a, problem) -> {
            if (watch == run && problem != null) {
                watch = null;
                bar.idle();
                connections.setSummary(text.format("watch.couldNotStart", p));
                status.accept(text.format("watch.couldNotStart", p));
                lastError = LiveProblemDialog.show(text, owner.get(), "watch.header", problem);
            }
        });
        return true;
    }

    private String statsText(CaptureStats s) {
        return s.complete() ? text.format("watch.statsComplete", s.delivered())
                : text.format("watch.statsLostDetail", s.delivered(), s.droppedByKernel() + s.droppedByInterface() + s.notKept(),
                s.droppedByKernel() + s.droppedByInterface(), s.notKept());
    }

    /** Mebibytes with one decimal, as the CLI's watch summary gives them. */
    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    // ---- both ----

    /** Stop: the capture ends, what was captured stays on screen. */
    void stop() {
        if (demo != null) {
            demo.stop();
        }
        if (watch != null) {
            watch.stop();
        }
    }

    /** Ends and forgets any session or watch (another file or session takes the window). */
    void closeAll() {
        stepping.set(false);
        connections.emptyTextProperty().set(null);
        ladderNote.accept(null);
        if (demo != null) {
            demo.close();
            demo = null;
        }
        if (watch != null) {
            watch.close();
            watch = null;
        }
        bar.idle();
    }

    /** After each paint: the first time a live segment is drawn, how long after Start that was. */
    void painted(LadderGeometry g) {
        if (startClickNs == 0 || g == null) {
            return;
        }
        for (ArrowRow r : g.rows()) {
            if (r.progress() > 0) {
                firstArrowMillis.set((System.nanoTime() - startClickNs) / 1_000_000L);
                startClickNs = 0;
                return;
            }
        }
    }

    /**
     * Whether a live session in step mode owns the window: what it will send next has not happened, so
     * the ladder must not show it (the class is to predict it).
     */
    ReadOnlyBooleanProperty steppingProperty() {
        return stepping.getReadOnlyProperty();
    }

    /** Milliseconds from clicking Start to the first segment's arrow on screen; -1 until then. */
    ReadOnlyLongProperty firstArrowMillisProperty() {
        return firstArrowMillis.getReadOnlyProperty();
    }

    Alert lastError() {
        return lastError;
    }

    DemoRun demo() {
        return demo;
    }

    WatchRun watchRun() {
        return watch;
    }
}
