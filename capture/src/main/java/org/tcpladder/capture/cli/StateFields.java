package org.tcpladder.capture.cli;

import java.util.ArrayList;
import java.util.List;

import org.tcpladder.capture.analysis.AnalysedSegment;
import org.tcpladder.capture.analysis.ConnectionFlights;
import org.tcpladder.capture.state.Loss;
import org.tcpladder.capture.state.NumberMode;
import org.tcpladder.capture.state.Anomaly;
import org.tcpladder.capture.state.Narration;
import org.tcpladder.capture.state.StateTransition;
import org.tcpladder.capture.tcp.Side;

/**
 * What the command line adds to a segment about TCP state: after the tcpdump text,
 * {@code client=FIN-WAIT-2 server=CLOSE-WAIT [TCP Dup ACK 7#2]}; in JSON, each side's state after the
 * segment, the transitions that took effect with it, its anomalies by their Wireshark names and the
 * narration. The same for {@code print}, {@code demo} and {@code watch}.
 */
final class StateFields {
    private static final Narration NARRATION = Narration.english();

    private StateFields() {
    }

    /**
     * Appends {@code " client=STATE server=STATE"}, {@code " (assumed)"} for a capture that began
     * mid-stream, and {@code " [NAME]"} per anomaly.
     */
    static void text(AsciiBuffer b, AnalysedSegment a) {
        b.str(" client=").str(a.clientState().displayName()).str(" server=").str(a.serverState().displayName());
        if (a.assumed()) {
            b.str(" (assumed)");
        }
        for (Anomaly x : a.analysis().anomalies()) {
            b.str(" [").str(NARRATION.anomalyLabel(x)).ch(']');
        }
    }

    /**
     * {@link #text(AsciiBuffer, AnalysedSegment)}, then {@code " [lost]"} for a segment its receiver never
     * got and {@code " [repeats N]"} for a retransmission of packet N.
     */
    static void text(AsciiBuffer b, AnalysedSegment a, ConnectionFlights flights) {
        text(b, a);
        int at = a.position();
        if (flights.lost(at)) {
            b.str(" [").str(NARRATION.lostLabel()).ch(']');
        }
        int original = flights.retransmissionOf(at);
        if (original >= 0) {
            b.str(" [").str(NARRATION.repeatsLabel(flights.packetOf(original))).ch(']');
        }
    }

    /**
     * The flight keys (with {@code --states}): {@code lost}, {@code loss_reason} (a sentence, or null),
     * {@code retransmission_of} (the original's index, or null), {@code retransmitted_by} (indexes), and
     * {@code client_transitions}, {@code server_transitions}: the changes that side went through at this
     * segment's event there (its departure at the sender, its arrival at the receiver), in the order the
     * side went through them (objects: from, to, reason, rfc).
     */
    static void flightJson(JsonLine j, AnalysedSegment a, ConnectionFlights flights, NumberMode mode) {
        int at = a.position();
        Loss loss = flights.loss(at);
        j.bool("lost", loss != null);
        if (loss != null) {
            j.str("loss_reason", NARRATION.loss(loss, mode));
        } else {
            j.nul("loss_reason");
        }
        int original = flights.retransmissionOf(at);
        if (original >= 0) {
            j.num("retransmission_of", flights.packetOf(original));
        } else {
            j.nul("retransmission_of");
        }
        List<Integer> copies = flights.retransmittedBy(at);
        List<Long> copyPackets = new ArrayList<>(copies.size());
        for (int c : copies) {
            copyPackets.add(flights.packetOf(c));
        }
        j.numbers("retransmitted_by", copyPackets);
        sideTransitions(j, "client_transitions", flights.transitionsAt(at, Side.CLIENT));
        sideTransitions(j, "server_transitions", flights.transitionsAt(at, Side.SERVER));
    }

    private static void sideTransitions(JsonLine j, String key, List<StateTransition> transitions) {
        j.array(key);
        for (StateTransition t : transitions) {
            j.element()
                    .str("from", t.from().displayName())
                    .str("to", t.to().displayName())
                    .str("reason", t.cause().name())
                    .str("rfc", t.rfcSection())
                    .endElement();
        }
        j.endArray();
    }

    /**
     * The keys {@code client_state}, {@code server_state} (RFC names, after this segment),
     * {@code assumed}, {@code transitions} (objects: side, from, to, reason, rfc, segment),
     * {@code anomalies} (Wireshark's names) and, if asked for, {@code narration}.
     */
    static void json(JsonLine j, AnalysedSegment a, boolean narration) {
        json(j, a, narration, NumberMode.ABSOLUTE);
    }

    /** {@link #json(JsonLine, AnalysedSegment, boolean)} with the narration's numbers as {@code mode} says. */
    static void json(JsonLine j, AnalysedSegment a, boolean narration, NumberMode mode) {
        j.str("client_state", a.clientState().displayName())
                .str("server_state", a.serverState().displayName())
                .bool("assumed", a.assumed());
        j.array("transitions");
        for (StateTransition t : a.transitions()) {
            j.element()
                    .str("side", side(t.side()))
                    .str("from", t.from().displayName())
                    .str("to", t.to().displayName())
                    .str("reason", t.cause().name())
                    .str("rfc", t.rfcSection());
            if (t.segmentIndex() >= 0) {
                j.num("segment", t.segmentIndex());
            } else {
                j.nul("segment");
            }
            j.endElement();
        }
        j.endArray();
        j.strings("anomalies", anomalyNames(a));
        if (narration) {
            j.str("narration", a.analysis().narration(mode));
        }
    }

    /** The same keys for a packet that belongs to no connection (malformed below TCP). */
    static void jsonNone(JsonLine j, boolean narration) {
        j.nul("client_state").nul("server_state").nul("assumed");
        j.array("transitions").endArray();
        j.strings("anomalies", List.of());
        if (narration) {
            j.nul("narration");
        }
    }

    static List<String> anomalyNames(AnalysedSegment a) {
        List<Anomaly> all = a.analysis().anomalies();
        if (all.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(all.size());
        for (Anomaly x : all) {
            out.add(NARRATION.anomalyLabel(x));
        }
        return out;
    }

    static String side(Side side) {
        return side == Side.CLIENT ? "client" : "server";
    }
}
