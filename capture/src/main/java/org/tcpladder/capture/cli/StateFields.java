package org.tcpladder.capture.cli;

import java.util.ArrayList;
import java.util.List;

import org.tcpladder.capture.analysis.AnalysedSegment;
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
     * The keys {@code client_state}, {@code server_state} (RFC names, after this segment),
     * {@code assumed}, {@code transitions} (objects: side, from, to, reason, rfc, segment),
     * {@code anomalies} (Wireshark's names) and, if asked for, {@code narration}.
     */
    static void json(JsonLine j, AnalysedSegment a, boolean narration) {
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
            j.str("narration", a.analysis().narration());
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
