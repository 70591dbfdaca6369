package org.tcpladder.capture.cli;

import java.util.ArrayList;
import java.util.List;

import org.tcpladder.capture.analysis.AnalysedSegment;
import org.tcpladder.capture.analysis.ConnectionFlights;
import org.tcpladder.capture.state.NumberMode;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.conn.MalformedPacket;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * The JSON object of one segment, the same for {@code print --json}, {@code demo --json} and
 * {@code watch --json}: the contract keys {@code index, connection, time_ns, src, dst, flags, seq, ack,
 * rel_seq, rel_ack, len, win, options, malformed} (keys may be added, never renamed), then
 * {@code from, captured_len, urg} (with URG only) and the state keys of {@link StateFields#json}.
 */
final class SegmentJson {
    /** Each connection's endpoints as text, made once (not twice per segment). */
    private String[] endpointTexts = new String[512];

    void segment(JsonLine line, Connection c, TcpSegment s, AnalysedSegment analysed, boolean narration) {
        segment(line, c, s, analysed, narration, null, NumberMode.ABSOLUTE);
    }

    /**
     * @param flights the connection's losses and each side's changes (with {@code --states} on a file), or
     *                null where they cannot be known yet (live)
     * @param mode    the numbers in sentences: relative as {@code print} writes them, or absolute with -S
     */
    void segment(JsonLine line, Connection c, TcpSegment s, AnalysedSegment analysed, boolean narration,
            ConnectionFlights flights, NumberMode mode) {
        boolean hasAck = s.has(TcpFlags.ACK);
        Side from = c.sideOf(s);
        List<String> options = new ArrayList<>(s.options().size());
        for (TcpOption o : s.options()) {
            options.add(OptionText.format(o));
        }
        line.begin()
                .num("index", s.index())
                .num("connection", c.index())
                .num("time_ns", s.timeNs())
                .str("src", endpoint(c, from))
                .str("dst", endpoint(c, from.other()))
                .str("flags", TcpFlags.letters(s.flags()))
                .num("seq", s.seq().value())
                .num("ack", s.ack().value())
                .num("rel_seq", c.relativeSeq(s));
        if (hasAck) {
            line.num("rel_ack", c.relativeAck(s));
        } else {
            line.nul("rel_ack");
        }
        line.num("len", s.payloadLength())
                .num("win", s.window())
                .strings("options", options)
                .str("malformed", s.malformed())
                .str("from", from == Side.CLIENT ? "client" : "server")
                .num("captured_len", s.capturedPayloadLength());
        if (s.has(TcpFlags.URG)) {
            line.num("urg", s.urgent());
        }
        StateFields.json(line, analysed, narration, mode);
        if (flights != null) {
            StateFields.flightJson(line, analysed, flights, mode);
        }
        line.end();
    }

    /** A packet that could not be decoded down to TCP: the same keys, null where there is nothing. */
    static void malformed(JsonLine line, MalformedPacket m, boolean narration) {
        line.begin()
                .num("index", m.number())
                .nul("connection")
                .num("time_ns", m.timeNs())
                .nul("src").nul("dst").nul("flags").nul("seq").nul("ack").nul("rel_seq").nul("rel_ack")
                .nul("len").nul("win")
                .strings("options", List.of())
                .str("malformed", m.problem().toString())
                .str("layer", m.problem().layer().name());
        StateFields.jsonNone(line, narration);
        line.end();
    }

    private String endpoint(Connection c, Side side) {
        int i = 2 * c.index() + side.ordinal();
        if (i >= endpointTexts.length) {
            endpointTexts = java.util.Arrays.copyOf(endpointTexts, Math.max(endpointTexts.length * 2, i + 2));
        }
        String t = endpointTexts[i];
        if (t == null) {
            t = c.endpoint(side).toString();
            endpointTexts[i] = t;
        }
        return t;
    }
}
