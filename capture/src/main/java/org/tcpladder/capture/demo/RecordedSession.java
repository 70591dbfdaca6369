package org.tcpladder.capture.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.tcpladder.capture.live.CaptureStats;
import org.tcpladder.capture.source.ByteStore;

/**
 * A recorded session played back through the same {@link DemoListener} calls as a live one, on a
 * thread of its own: ready, then the frames, socket calls and notes merged in the order of their
 * recorded times (frames keep the order they were captured in), then finished.
 *
 * <p>Timing follows the live session's: before each step, in step mode it announces the step and
 * waits for {@link #proceed()}; in run mode it waits the settings' pause (none before the first step).
 * Within a step, things come with their recorded gaps (a delayed ACK still comes 40 ms after the
 * data), each gap cut to at most {@link #MAX_GAP_NANOS}. The recorded pause between steps is not
 * replayed: the setting's pause replaces it.
 */
final class RecordedSession implements DemoSession {
    /** The longest recorded gap replayed between two things within a step. */
    static final long MAX_GAP_NANOS = 1_000_000_000L;

    private final Recording recording;
    private final DemoListener listener;
    private final DemoReady ready;
    private final StepGate gate;
    private final long pauseMillis;
    private final List<Item> timeline;
    private final Object clock = new Object();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread player;
    private volatile boolean stopped;
    private volatile DemoOutcome outcome;
    private long framesDelivered;

    /** One thing to replay, at its recorded time. Exactly one of the fields is set. */
    private record Item(long timeNs, int frame, SocketEvent event, SessionTranscript.Note note,
                        SessionTranscript.StepMark step) {
    }

    RecordedSession(Recording recording, DemoSettings settings, DemoListener listener) {
        this.recording = recording;
        this.listener = listener;
        this.ready = recording.ready();
        this.gate = new StepGate(settings.mode() == DemoSettings.Mode.STEP);
        this.pauseMillis = settings.pause().toMillis();
        this.timeline = timeline(recording);
        this.player = new Thread(this::play, "demo-recording-" + recording.name());
        player.setDaemon(true);
    }

    void start() {
        player.start();
    }

    /**
     * Everything in one list by recorded time. Frames stay in capture order (two segments sent at the
     * same moment may be stamped in one order and captured in the other); a step mark comes before
     * anything stamped at the same moment, since the step began first.
     */
    static List<Item> timeline(Recording r) {
        SessionTranscript t = r.transcript();
        List<Item> others = new ArrayList<>();
        for (SessionTranscript.StepMark m : t.steps()) {
            others.add(new Item(m.timeNs(), -1, null, null, m));
        }
        for (SocketEvent e : t.events()) {
            others.add(new Item(e.endNs(), -1, e, null, null));
        }
        for (SessionTranscript.Note n : t.notes()) {
            others.add(new Item(n.timeNs(), -1, null, n, null));
        }
        // stable: events keep their reported order when their times are equal
        others.sort(Comparator.comparingLong(Item::timeNs).thenComparing(i -> i.step() == null));
        List<Item> all = new ArrayList<>(others.size() + r.frameCount());
        int f = 0;
        for (Item o : others) {
            while (f < r.frameCount() && (r.frameTimeNs(f) < o.timeNs()
                    || (r.frameTimeNs(f) == o.timeNs() && o.step() == null))) {
                all.add(new Item(r.frameTimeNs(f), f, null, null, null));
                f++;
            }
            all.add(o);
        }
        for (; f < r.frameCount(); f++) {
            all.add(new Item(r.frameTimeNs(f), f, null, null, null));
        }
        return all;
    }

    private void play() {
        safely(() -> listener.ready(ready));
        boolean completed = false;
        try {
            boolean firstStep = true;
            long previous = ready.readyNs();
            for (Item item : timeline) {
                if (item.step() != null) {
                    PendingStep next = item.step().step();
                    if (!gate.awaitTurn(() -> safely(() -> listener.awaitingProceed(next)),
                            firstStep ? 0 : pauseMillis)) {
                        break;
                    }
                    firstStep = false;
                    previous = item.timeNs();
                    continue;
                }
                if (!pause(Math.min(item.timeNs() - previous, MAX_GAP_NANOS))) {
                    break;
                }
                previous = Math.max(previous, item.timeNs());
                deliver(item);
            }
            completed = !stopped;
        } catch (InterruptedException e) {
            // stopped
        }
        DemoOutcome recorded = recording.transcript().outcome();
        RecordingInfo info = recording.info();
        DemoOutcome done;
        if (completed) {
            done = new DemoOutcome(recorded.status(), recorded.message() + " (" + info.label() + ".)",
                    recorded.stats(), recorded.attempts(), recorded.finsCrossed(), recorded.clientPort(), info);
        } else {
            CaptureStats s = recorded.stats();
            done = new DemoOutcome(DemoOutcome.Status.STOPPED, "Stopped. (" + info.label() + ".)",
                    new CaptureStats(framesDelivered, s.receivedByFilter(), s.droppedByKernel(),
                            s.droppedByInterface(), s.notKept()), recorded.attempts(), null, 0, info);
        }
        outcome = done;
        try {
            safely(() -> listener.finished(done));
        } finally {
            finished.countDown();
        }
    }

    private void deliver(Item item) {
        if (item.frame() >= 0) {
            framesDelivered++;
            var packet = recording.frame(item.frame());
            safely(() -> listener.frame(packet));
        } else if (item.event() != null) {
            safely(() -> listener.socketEvent(item.event()));
        } else if (item.note() != null) {
            safely(() -> listener.note(item.note().text()));
        }
    }

    /** Waits {@code nanos} unless stopped first; false if stopped. */
    private boolean pause(long nanos) throws InterruptedException {
        long until = System.nanoTime() + Math.max(0, nanos);
        synchronized (clock) {
            long left;
            while (!stopped && (left = until - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(clock, left);
            }
        }
        return !stopped;
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // A failing listener must not end the session (as in a live one).
        }
    }

    @Override
    public DemoReady ready() {
        return ready;
    }

    @Override
    public void proceed() {
        gate.proceed();
    }

    @Override
    public void runToEnd() {
        gate.runToEnd();
    }

    @Override
    public void stop() {
        if (outcome != null) {
            return;
        }
        stopped = true;
        gate.stop();
        synchronized (clock) {
            clock.notifyAll();
        }
    }

    @Override
    public DemoOutcome awaitOutcome(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS) ? outcome : null;
    }

    @Override
    public ByteStore store() {
        return recording;
    }

    @Override
    public void close() {
        stop();
        try {
            finished.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        recording.close();
    }
}
