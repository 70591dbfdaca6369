package org.tcpladder.app.viewmodel;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import org.tcpladder.app.ladder.KernelSnapshot;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.app.ladder.StateTimeline;

/**
 * Where the playback is on a connection's timeline, and what each side's state is there.
 *
 * <p>The position runs from 0 to the number of segments: at an integer {@code k} segments
 * {@code 0..k-1} have arrived; between {@code k} and {@code k+1} segment {@code k} is in flight (see
 * {@link StateTimeline}). Stepping forward flies the next segment over {@link #flightSecondsProperty()}
 * (divided by the speed); playing steps on, pausing {@link #dwellSecondsProperty()} at each arrival.
 *
 * <p>A live session's ladder grows: {@link #update} swaps in the longer ladder and keeps the playhead
 * where it is, and {@link #follow()} plays on to the newest segment. Stepping forward past the last
 * segment asks for more ({@link #setOnStepPastEnd}: a live session in step mode makes its next call).
 *
 * <p>No timer inside: the view calls {@link #tick(double)} from its AnimationTimer, and tests call it
 * directly or set the flight time to zero, so this class needs no running toolkit.
 */
public final class PlaybackViewModel {
    private final ReadOnlyObjectWrapper<LadderData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyDoubleWrapper position = new ReadOnlyDoubleWrapper(this, "position");
    private final ReadOnlyIntegerWrapper length = new ReadOnlyIntegerWrapper(this, "length");
    private final ReadOnlyIntegerWrapper currentSegment = new ReadOnlyIntegerWrapper(this, "currentSegment", -1);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyBooleanWrapper animating = new ReadOnlyBooleanWrapper(this, "animating");
    private final ReadOnlyObjectWrapper<SideStatus> client =
            new ReadOnlyObjectWrapper<>(this, "client", SideStatus.UNKNOWN);
    private final ReadOnlyObjectWrapper<SideStatus> server =
            new ReadOnlyObjectWrapper<>(this, "server", SideStatus.UNKNOWN);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1);
    private final DoubleProperty flightSeconds = new SimpleDoubleProperty(this, "flightSeconds", 0.9);
    private final DoubleProperty dwellSeconds = new SimpleDoubleProperty(this, "dwellSeconds", 0.6);

    private final ReadOnlyObjectWrapper<AnomalyPositions> anomalies =
            new ReadOnlyObjectWrapper<>(this, "anomalies", AnomalyPositions.NONE);
    private StateTimeline clientStates;
    private StateTimeline serverStates;
    private Runnable onStepPastEnd = () -> { };
    /** Where the current flight ends (an integer position). */
    private int target;
    private double dwellLeft;

    public PlaybackViewModel() {
        position.addListener((obs, was, now) -> updateDerived());
    }

    /** Shows a connection from its start; null clears. */
    public void load(LadderData ladder) {
        pause();
        animating.set(false);
        target = 0;
        replace(ladder);
        position.set(0);
        updateDerived();
    }

    /**
     * Shows a newer version of the same connection (a live one that has grown) without moving the
     * playhead or stopping a flight or playback.
     */
    public void update(LadderData ladder) {
        if (ladder == null) {
            load(null);
            return;
        }
        replace(ladder);
        target = Math.min(target, ladder.size());
        position.set(clamp(position.get()));
        updateDerived();
    }

    private void replace(LadderData ladder) {
        clientStates = ladder == null ? null : StateTimeline.of(ladder, Side.CLIENT);
        serverStates = ladder == null ? null : StateTimeline.of(ladder, Side.SERVER);
        data.set(ladder);
        length.set(ladder == null ? 0 : ladder.size());
        anomalies.set(AnomalyPositions.of(ladder));
    }

    /** The connection's losses, retransmissions and other anomalies (the scrubber's marks). */
    public ReadOnlyObjectProperty<AnomalyPositions> anomaliesProperty() {
        return anomalies.getReadOnlyProperty();
    }

    /**
     * Goes to the next segment with an anomaly (a loss, a retransmission, anything Wireshark would
     * flag) after the one at the playhead, landed (N). Nothing happens after the last.
     */
    public void nextAnomaly() {
        int k = anomalies.get().after(getCurrentSegment());
        if (k >= 0) {
            seek(k + 1);
        }
    }

    /** Goes to the previous segment with an anomaly before the one at the playhead (Shift+N). */
    public void previousAnomaly() {
        int k = anomalies.get().before(getCurrentSegment());
        if (k >= 0) {
            seek(k + 1);
        }
    }

    /** Plays on towards the newest segment (a live ladder that grew while the playhead was at its end). */
    public void follow() {
        if (!playing.get() && data.get() != null && position.get() < length.get()) {
            play();
        }
    }

    /** Called when stepping forward with no segment left to show (e.g. to let a live session go on). */
    public void setOnStepPastEnd(Runnable action) {
        this.onStepPastEnd = action == null ? () -> { } : action;
    }

    public void stepForward() {
        if (data.get() == null) {
            onStepPastEnd.run();
            return;
        }
        int from = animating.get() ? target : (int) Math.floor(position.get());
        if (animating.get()) {
            // A second click during a flight lands it and starts the next one.
            position.set(target);
        }
        if (from >= length.get()) {
            animating.set(false);
            onStepPastEnd.run();
            return;
        }
        flyTo(from + 1);
    }

    public void stepBack() {
        pause();
        animating.set(false);
        double p = position.get();
        int k = (int) Math.ceil(p) - 1;
        position.set(Math.max(0, k));
    }

    public void home() {
        seek(0);
    }

    public void end() {
        seek(length.get());
    }

    /** Jumps to a position (e.g. from the scrubber), stopping any flight. */
    public void seek(double to) {
        pause();
        animating.set(false);
        position.set(clamp(to));
    }

    public void play() {
        if (data.get() == null || length.get() == 0) {
            return;
        }
        if (position.get() >= length.get()) {
            position.set(0);
        }
        playing.set(true);
        if (!animating.get()) {
            stepForward();
        }
    }

    public void pause() {
        playing.set(false);
        dwellLeft = 0;
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Whether {@link #tick} has anything to do (the view's timer may sleep otherwise). */
    public boolean isActive() {
        return animating.get() || playing.get();
    }

    /** Advances the animation by {@code seconds} of wall time. */
    public void tick(double seconds) {
        double budget = seconds * Math.max(0.01, speed.get());
        // Zero flight and dwell times would loop without consuming time: bound by the segment count.
        for (int guard = 0; guard <= length.get() + 1 && isActive(); guard++) {
            if (animating.get()) {
                double flight = flightSeconds.get();
                double remaining = target - position.get();
                double needed = remaining * flight;
                if (flight <= 0 || budget >= needed) {
                    budget -= Math.max(0, needed);
                    position.set(target);
                    animating.set(false);
                    dwellLeft = dwellSeconds.get();
                } else {
                    position.set(position.get() + budget / flight);
                    return;
                }
            }
            if (!playing.get()) {
                return;
            }
            if (position.get() >= length.get()) {
                pause();
                return;
            }
            if (budget < dwellLeft) {
                dwellLeft -= budget;
                return;
            }
            budget -= dwellLeft;
            dwellLeft = 0;
            flyTo((int) Math.floor(position.get()) + 1);
        }
    }

    private void flyTo(int to) {
        target = to;
        if (flightSeconds.get() <= 0) {
            position.set(to);
            animating.set(false);
            dwellLeft = dwellSeconds.get();
        } else {
            animating.set(true);
        }
    }

    private double clamp(double p) {
        return Math.max(0, Math.min(length.get(), p));
    }

    private void updateDerived() {
        double p = position.get();
        int n = length.get();
        // The segment at the playhead: the one in flight, else the last one that arrived.
        currentSegment.set(n == 0 ? -1 : Math.min(n - 1, (int) Math.ceil(p) - 1));
        KernelSnapshot kernel = kernelAt(data.get(), p);
        client.set(status(clientStates, p, kernel == null ? null : kernel.client()));
        server.set(status(serverStates, p, kernel == null ? null : kernel.server()));
    }

    private static SideStatus status(StateTimeline timeline, double p, String kernel) {
        if (timeline == null) {
            return SideStatus.UNKNOWN;
        }
        StateTimeline.StateAt at = timeline.at(p);
        StateTimeline.Change last = at.lastChange();
        return new SideStatus(at.state(), last == null ? null : last.reason(),
                last == null ? -1 : last.segmentIndex(), kernel);
    }

    /**
     * The kernel's report read at exactly this point of the timeline (the last one, if several calls
     * returned there), or null. Only there does it describe the same moment as the inferred states:
     * earlier reports are stale once a segment has moved, and none is read while one is in flight.
     */
    static KernelSnapshot kernelAt(LadderData d, double p) {
        if (d == null || d.kernel().isEmpty() || p != Math.rint(p)) {
            return null;
        }
        KernelSnapshot found = null;
        for (KernelSnapshot k : d.kernel()) {
            if (k.position() == (int) p) {
                found = k;
            }
        }
        return found;
    }

    public ReadOnlyObjectProperty<LadderData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public LadderData getData() {
        return data.get();
    }

    public ReadOnlyDoubleProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public double getPosition() {
        return position.get();
    }

    public ReadOnlyIntegerProperty lengthProperty() {
        return length.getReadOnlyProperty();
    }

    public int getLength() {
        return length.get();
    }

    /** The segment in flight, else the last one that arrived; -1 before the first. */
    public ReadOnlyIntegerProperty currentSegmentProperty() {
        return currentSegment.getReadOnlyProperty();
    }

    public int getCurrentSegment() {
        return currentSegment.get();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    public ReadOnlyBooleanProperty animatingProperty() {
        return animating.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SideStatus> clientProperty() {
        return client.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SideStatus> serverProperty() {
        return server.getReadOnlyProperty();
    }

    /** One side's states along the timeline of the loaded ladder (null when none is loaded). */
    public StateTimeline timeline(Side side) {
        return side == Side.CLIENT ? clientStates : serverStates;
    }

    public SideStatus status(Side side) {
        return side == Side.CLIENT ? client.get() : server.get();
    }

    public ReadOnlyObjectProperty<SideStatus> statusProperty(Side side) {
        return side == Side.CLIENT ? clientProperty() : serverProperty();
    }

    /** Playback speed factor (1 = normal). */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** Seconds one segment takes to fly at speed 1; tests set 0 to step instantly. */
    public DoubleProperty flightSecondsProperty() {
        return flightSeconds;
    }

    /** Seconds playback pauses after each arrival at speed 1. */
    public DoubleProperty dwellSecondsProperty() {
        return dwellSeconds;
    }
}
