package org.tcpladder.app.viewmodel;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.ladder.StateTimeline;
import org.tcpladder.capture.state.RfcArc;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.state.TransitionCause;
import org.tcpladder.capture.tcp.Side;

import java.util.List;

/**
 * What the state diagram shows at the playhead: each side's state and the arc of {@link RfcArc#ALL}
 * that brought it there, and when the playhead moves, the arc each side just took (forwards) or just
 * undid (backwards), for the pane to animate. Clicking a state asks {@link #jumpTo} for the segment
 * where a side entered it. Plain properties and no controls, so it is tested without a toolkit.
 *
 * <p>States come from the ladder's per-side timelines ({@link StateTimeline}, the same the state
 * indicators read), typed as {@link TcpState} here; a live ladder that grows is followed through
 * {@link PlaybackViewModel#dataProperty()}.
 */
public final class StateDiagramViewModel {

    /**
     * Where one side is on the diagram.
     *
     * @param state   its state, or null when the ladder has no information
     * @param lastArc the arc that led there, or null before the side's first change (or for a change
     *                the diagram has no arc for, e.g. a state assumed for a capture begun mid-stream)
     */
    public record Position(TcpState state, RfcArc lastArc) {
        public static final Position UNKNOWN = new Position(null, null);
    }

    /** Both sides' positions: what the diagram highlights. */
    public record Highlight(Position client, Position server) {
        public Position of(Side side) {
            return side == Side.CLIENT ? client : server;
        }
    }

    /**
     * Arcs to animate for one side, in the table's direction (usually one, see {@link #pathOf}): taken
     * ({@code reversed} false) when the playhead passed the change going forwards, undone when it went
     * back over it. {@code serial} tells equal moves apart.
     */
    public record Move(Side side, List<RfcArc> arcs, boolean reversed, long serial) {
        public Move {
            arcs = List.copyOf(arcs);
        }

        /** The last arc of the change: the one that entered its new state. */
        public RfcArc arc() {
            return arcs.get(arcs.size() - 1);
        }
    }

    private final PlaybackViewModel playback;
    private final ReadOnlyObjectWrapper<Highlight> highlight =
            new ReadOnlyObjectWrapper<>(this, "highlight", new Highlight(Position.UNKNOWN, Position.UNKNOWN));
    private final ReadOnlyObjectWrapper<Move> clientMove = new ReadOnlyObjectWrapper<>(this, "clientMove");
    private final ReadOnlyObjectWrapper<Move> serverMove = new ReadOnlyObjectWrapper<>(this, "serverMove");
    private StateTimeline clientStates;
    private StateTimeline serverStates;
    private double shownPosition;
    private long serial;

    public StateDiagramViewModel(PlaybackViewModel playback) {
        this.playback = playback;
        playback.dataProperty().addListener((o, a, b) -> reload(a, b));
        playback.positionProperty().addListener((o, a, b) -> moveTo(b.doubleValue()));
        reload(null, playback.getData());
        // A pane opened mid-session (presenter mode) shows where the playhead is; it has seen no move.
        clientMove.set(null);
        serverMove.set(null);
    }

    /**
     * A ladder that merely grew (a live session) keeps its moves; any other starts afresh at position 0,
     * where {@link PlaybackViewModel#load} puts the playhead, so that loading animates nothing.
     */
    private void reload(LadderData before, LadderData data) {
        // The playback's own timelines (built before it publishes the data): the indicators' states.
        clientStates = data == null ? null : playback.timeline(Side.CLIENT);
        serverStates = data == null ? null : playback.timeline(Side.SERVER);
        boolean grew = before != null && data != null && before.client().equals(data.client())
                && before.server().equals(data.server()) && data.size() >= before.size();
        if (!grew) {
            shownPosition = 0;
            clientMove.set(null);
            serverMove.set(null);
        }
        moveTo(playback.getPosition());
    }

    private void moveTo(double p) {
        double from = shownPosition;
        shownPosition = p;
        highlight.set(new Highlight(position(clientStates, p), position(serverStates, p)));
        if (from != p) {
            Move c = move(Side.CLIENT, clientStates, from, p);
            Move s = move(Side.SERVER, serverStates, from, p);
            if (c != null) {
                clientMove.set(c);
            }
            if (s != null) {
                serverMove.set(s);
            }
        }
    }

    private static Position position(StateTimeline t, double p) {
        if (t == null) {
            return Position.UNKNOWN;
        }
        StateTimeline.StateAt at = t.at(p);
        return new Position(at.state(), arcOf(at.lastChange()));
    }

    /** The last arc of {@link #pathOf}: the one that entered the change's new state; null when none. */
    public static RfcArc arcOf(StateTimeline.Change change) {
        List<RfcArc> path = pathOf(change);
        return path.isEmpty() ? null : path.get(path.size() - 1);
    }

    /**
     * The arcs of the table a timeline change took, usually one; two when one segment made two changes
     * (see {@link RfcArc#path}); empty when no arcs join its states (e.g. an assumed initial state).
     */
    public static List<RfcArc> pathOf(StateTimeline.Change change) {
        if (change == null || change.from() == null) {
            return List.of();
        }
        TcpState from = change.from();
        TcpState to = change.to();
        if (from == null || to == null) {
            return List.of();
        }
        return RfcArc.path(from, to,
                change.onArrival() ? TransitionCause.Trigger.RECEIVED : TransitionCause.Trigger.SENT);
    }

    /**
     * The arc to animate when the playhead goes from {@code from} to {@code to}: forwards, the last change
     * passed (it ends in the side's new state); backwards, the first change undone, reversed (it too ends
     * in the new state). Null when no change lies between, or the diagram has no arc for it.
     */
    Move move(Side side, StateTimeline t, double from, double to) {
        if (t == null) {
            return null;
        }
        int before = effectiveCount(t, from);
        int after = effectiveCount(t, to);
        if (before == after) {
            return null;
        }
        boolean back = after < before;
        StateTimeline.Change change = t.changes().get(back ? after : after - 1);
        List<RfcArc> path = pathOf(change);
        return path.isEmpty() ? null : new Move(side, path, back, ++serial);
    }

    private static int effectiveCount(StateTimeline t, double p) {
        StateTimeline.Change last = t.at(p).lastChange();
        return last == null ? 0 : t.changes().indexOf(last) + 1;
    }

    /**
     * The side a click on {@code state} is about: the side in that state now (the client when both are),
     * else the first side that is ever in it; null when neither is.
     */
    public Side sideFor(TcpState state) {
        Highlight h = highlight.get();
        if (h.client().state() == state) {
            return Side.CLIENT;
        }
        if (h.server().state() == state) {
            return Side.SERVER;
        }
        if (entryPosition(Side.CLIENT, state, null) >= 0) {
            return Side.CLIENT;
        }
        return entryPosition(Side.SERVER, state, null) >= 0 ? Side.SERVER : null;
    }

    /**
     * Where on the timeline {@code side} entered {@code state}: the arrival of the segment that made the
     * change, 0 when it is the side's state from the start; -1 when the side is never in it. When the
     * side is in {@code state} at the playhead, the entry that led there; otherwise the first.
     *
     * @param end for CLOSED: true for the bottom box (entered from a synchronized state), false for the
     *            top (the start, or a refused or abandoned open); null for either
     */
    public double entryPosition(Side side, TcpState state, Boolean end) {
        StateTimeline t = side == Side.CLIENT ? clientStates : serverStates;
        if (t == null || state == null) {
            return -1;
        }
        StateTimeline.Change current = t.at(playback.getPosition()).lastChange();
        if (current != null && state == current.to() && endMatches(current, end)) {
            return current.segmentIndex() + 1;
        }
        if (state == t.initialState() && end != Boolean.TRUE) {
            return 0;
        }
        List<StateTimeline.Change> changes = t.changes();
        for (StateTimeline.Change c : changes) {
            if (state == c.to() && endMatches(c, end)) {
                return c.segmentIndex() + 1;
            }
        }
        return -1;
    }

    private static boolean endMatches(StateTimeline.Change c, Boolean end) {
        if (end == null || c.to() != TcpState.CLOSED) {
            return true;
        }
        TcpState from = c.from();
        boolean fromSynchronized = from != null && from.isSynchronized();
        return fromSynchronized == end;
    }

    /**
     * Moves the playhead to where the side a click on {@code state} is about entered it (see
     * {@link #sideFor}); returns that side, or null when no side is ever in the state.
     */
    public Side jumpTo(TcpState state, Boolean end) {
        Side side = sideFor(state);
        if (side == null) {
            return null;
        }
        double p = entryPosition(side, state, end);
        if (p < 0) {
            Side other = side == Side.CLIENT ? Side.SERVER : Side.CLIENT;
            p = entryPosition(other, state, end);
            side = p < 0 ? null : other;
        }
        if (side != null) {
            playback.seek(p);
        }
        return side;
    }

    public ReadOnlyObjectProperty<Highlight> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    public Highlight getHighlight() {
        return highlight.get();
    }

    /** The arc a side last took or undid as the playhead moved. */
    public ReadOnlyObjectProperty<Move> moveProperty(Side side) {
        return side == Side.CLIENT ? clientMove.getReadOnlyProperty() : serverMove.getReadOnlyProperty();
    }
}
