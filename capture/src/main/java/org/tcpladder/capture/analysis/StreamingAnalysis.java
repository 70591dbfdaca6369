package org.tcpladder.capture.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.state.SegmentAnalysis;
import org.tcpladder.capture.state.StateInference;
import org.tcpladder.capture.state.StateTransition;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Endpoint;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * One connection analysed as its segments come (a live capture, or a file read in one pass), handing
 * out each segment as an {@link AnalysedSegment} as soon as no later segment can change its states.
 *
 * <p>Why segments are held back: {@link StateInference} learns that a SYN or FIN arrived only from the
 * receiver's next segment, and then dates the change at the SYN or FIN. Until that proof comes, the
 * SYN or FIN and every segment after it are held ({@link StateInference#earliestUnprovenArrival()});
 * on loopback and on most paths the proof is the very next segment, so little is held. Segments
 * before it are final and are handed out by {@link #poll()} in order. When no more segments will come
 * (end of the capture) or none has come for a while (a live capture gone quiet), {@link #finish()}
 * releases what is held with what is known: a FIN nobody answered leaves its receiver's state as it
 * was, as the inference itself does.
 *
 * <p>A transition is shown with the segment it belongs to: the one sent, the SYN or FIN that arrived,
 * or, for an arrival that crossed the receiver's own SYN or FIN, the crossing segment; a TIME-WAIT
 * timeout with the first segment captured after it. Should a proof come after its segment was already
 * released by {@link #finish()}, the change is shown with the next segment still held, late rather
 * than lost; and a side's change is never shown before one the inference recorded earlier for that
 * side, so each side's changes always chain (each starts in the state the last one ended in).
 *
 * <p>Not thread-safe: one thread adds and polls.
 */
public final class StreamingAnalysis {
    private final StateInference inference;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private final ArrayDeque<Held> released = new ArrayDeque<>();
    private int added;
    private int placedTransitions;
    private final Held[] latestHolder = new Held[2];
    private TcpState client;
    private TcpState server;

    private static final class Held {
        final int position;
        final SegmentAnalysis analysis;
        /** The transitions shown with it; most segments have none, so the list is made on the first. */
        List<StateTransition> transitions = List.of();

        Held(int position, SegmentAnalysis analysis) {
            this.position = position;
            this.analysis = analysis;
        }

        long packet() {
            return analysis.segment().index();
        }
    }

    public StreamingAnalysis(StateInference inference) {
        if (!inference.transitions().isEmpty()) {
            throw new IllegalArgumentException("the inference has observed segments already");
        }
        this.inference = inference;
    }

    /** An analysis for {@code connection}'s roles; segments are still to be {@link #add}ed. */
    public static StreamingAnalysis of(Connection connection) {
        return new StreamingAnalysis(new StateInference(connection.client(), connection.server(),
                connection.midStream()));
    }

    public static StreamingAnalysis between(Endpoint client, Endpoint server, boolean midStream) {
        return new StreamingAnalysis(new StateInference(client, server, midStream));
    }

    /**
     * Observes the connection's next segment (in capture order); then {@link #poll()} hands out what has
     * become final.
     */
    public void add(TcpSegment s) {
        SegmentAnalysis a = inference.observe(s);
        for (StateTransition[] r : inference.takeRevisions()) {
            revise(r[0], r[1]);
        }
        Held h = new Held(added++, a);
        held.addLast(h);
        List<StateTransition> all = inference.transitions();
        for (; placedTransitions < all.size(); placedTransitions++) {
            StateTransition t = all.get(placedTransitions);
            Held holder = holderOf(t, h);
            // A side's changes form a chain (each starts where the last ended): never show one before a
            // change the inference recorded earlier for the same side.
            Held latest = latestHolder[t.side().ordinal()];
            if (latest != null && latest.position > holder.position && !held.isEmpty()
                    && latest.position >= held.peekFirst().position) {
                holder = latest;
            }
            if (holder.transitions.isEmpty()) {
                holder.transitions = new ArrayList<>(2);
            }
            holder.transitions.add(t);
            latestHolder[t.side().ordinal()] = holder;
        }
        releaseFinal();
    }

    /** The next segment whose states are final, in order; null when none is (yet). */
    public AnalysedSegment poll() {
        Held h = released.pollFirst();
        if (h == null) {
            return null;
        }
        for (StateTransition t : h.transitions) {
            if (t.side() == Side.CLIENT) {
                client = t.to();
            } else {
                server = t.to();
            }
        }
        if (client == null) {
            client = initial(Side.CLIENT);
        }
        if (server == null) {
            server = initial(Side.SERVER);
        }
        return new AnalysedSegment(h.position, h.analysis, client, server, h.transitions);
    }

    /**
     * No more segments for now (end of the capture, or a pause): releases every held segment with the
     * states known so far.
     */
    public void finish() {
        released.addAll(held);
        held.clear();
    }

    /** Segments added so far. */
    public int added() {
        return added;
    }

    /** Segments added but not yet final (waiting for proof that a SYN or FIN arrived). */
    public int heldCount() {
        return held.size();
    }

    /** Both states at capture time {@code atNs} (a TIME-WAIT over by then is CLOSED), from all added. */
    public StateInference.SideStates statesAt(long atNs) {
        return inference.statesAt(atNs);
    }

    public StateInference inference() {
        return inference;
    }

    /** A transition the inference revised (see {@link StateInference#takeRevisions()}), wherever it is held. */
    private void revise(StateTransition old, StateTransition revised) {
        for (ArrayDeque<Held> q : List.of(released, held)) {
            for (Held h : q) {
                int i = h.transitions.indexOf(old);
                if (i >= 0) {
                    h.transitions.set(i, revised);
                    return;
                }
            }
        }
    }

    private void releaseFinal() {
        long unproven = inference.earliestUnprovenArrival();
        while (!held.isEmpty() && (unproven < 0 || held.peekFirst().packet() < unproven)) {
            released.addLast(held.pollFirst());
        }
    }

    /** The held segment a transition shows with (see the class documentation). */
    private Held holderOf(StateTransition t, Held current) {
        if (t.segmentIndex() < 0) {
            return current;
        }
        long packet = t.crossedSegmentIndex() >= 0 ? Math.max(t.segmentIndex(), t.crossedSegmentIndex())
                : t.segmentIndex();
        Iterator<Held> newestFirst = held.descendingIterator();
        Held candidate = current;
        while (newestFirst.hasNext()) {
            Held h = newestFirst.next();
            if (h.packet() < packet) {
                break;
            }
            candidate = h;
            if (h.packet() == packet) {
                break;
            }
        }
        return candidate;
    }

    private TcpState initial(Side side) {
        for (StateTransition t : inference.transitions()) {
            if (t.side() == side) {
                return t.from();
            }
        }
        return inference.state(side);
    }
}
