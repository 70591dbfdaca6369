package org.tcpladder.app.viewmodel;

import org.tcpladder.capture.state.TcpState;
import org.tcpladder.app.Messages;
import org.tcpladder.app.ladder.HeaderExtras;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.ladder.StateTimeline;
import org.tcpladder.app.ladder.LadderSegment;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.app.layout.NumberMode;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Everything known about one segment, as labelled text for the details pane: where it is in the
 * capture, every header field the decoder gives (RFC 9293 section 3.1), each option, both sides' states
 * after it. Pure: tested without a toolkit.
 */
public final class SegmentDetails {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Messages text;
    private final ZoneId zone;

    public SegmentDetails(Messages text, ZoneId zone) {
        this.text = text;
        this.zone = zone;
    }

    public List<DetailSection> describe(LadderData data, int index, NumberMode mode) {
        return describe(data, index, mode, null, null);
    }

    /**
     * @param client the client's states along the timeline (its own events), or null to show the states
     *               after the segment as the inference replays them
     * @param server the same for the server
     */
    public List<DetailSection> describe(LadderData data, int index, NumberMode mode, StateTimeline client,
                                        StateTimeline server) {
        LadderSegment s = data.segment(index);
        TcpSegment t = s.tcp();
        List<DetailSection> out = new ArrayList<>();
        out.add(segment(data, index, s, t));
        out.add(header(s, t, mode));
        if (!t.options().isEmpty()) {
            out.add(options(t));
        }
        out.add(client == null || server == null ? states(s) : states(data, index, client, server));
        out.add(flight(data, index, mode));
        if (!s.anomalies().isEmpty()) {
            List<DetailRow> rows = new ArrayList<>();
            for (String a : s.anomalies()) {
                rows.add(new DetailRow(text.text("details.anomaly"), a));
            }
            out.add(new DetailSection(text.text("details.anomalies"), rows));
        }
        return out;
    }

    private DetailSection segment(LadderData data, int index, LadderSegment s, TcpSegment t) {
        Side sender = data.senderOf(index);
        long start = data.segment(0).tcp().timeNs();
        List<DetailRow> rows = new ArrayList<>();
        rows.add(row("details.frame", Long.toString(t.index())));
        rows.add(row("details.sinceStart", seconds(t.timeNs() - start)));
        rows.add(row("details.capturedAt", clock(t.timeNs())));
        rows.add(row("details.direction", text.text(sender == Side.CLIENT ? "details.clientToServer"
                : "details.serverToClient")));
        rows.add(row("details.from", t.src().toString()));
        rows.add(row("details.to", t.dst().toString()));
        return new DetailSection(text.format("details.segmentTitle", index + 1, data.size()), rows);
    }

    private DetailSection header(LadderSegment s, TcpSegment t, NumberMode mode) {
        List<DetailRow> rows = new ArrayList<>();
        rows.add(row("details.srcPort", Integer.toString(t.src().port())));
        rows.add(row("details.dstPort", Integer.toString(t.dst().port())));
        rows.add(row("details.seq", number(t.seq().value(), s.relativeSeq(), mode)));
        rows.add(row("details.ack", t.has(TcpFlags.ACK)
                ? number(t.ack().value(), s.relativeAck(), mode)
                : text.format("details.ackUnused", t.ack().value())));
        HeaderExtras h = s.header();
        rows.add(row("details.dataOffset", h == null ? text.text("details.notDecoded")
                : text.format("details.dataOffsetValue", h.dataOffsetBytes(), h.dataOffsetBytes() / 4)));
        rows.add(row("details.reserved", h == null ? text.text("details.notDecoded")
                : Integer.toBinaryString(h.reservedBits())));
        rows.add(row("details.flags", text.format("details.flagsValue",
                String.format("0x%03x", t.flags()), TcpFlags.letters(t.flags()), TcpFlags.names(t.flags()))));
        rows.add(row("details.window", s.windowBytes() == null || s.windowBytes() == t.window()
                ? Integer.toString(t.window())
                : text.format("details.windowScaled", t.window(), s.windowBytes())));
        rows.add(row("details.checksum", h == null ? text.text("details.notDecoded") : checksum(h)));
        rows.add(row("details.urgent", Integer.toString(t.urgent())));
        rows.add(row("details.payload", t.capturedPayloadLength() == t.payloadLength()
                ? text.format("details.payloadBytes", t.payloadLength())
                : text.format("details.payloadTruncated", t.payloadLength(), t.capturedPayloadLength())));
        if (t.malformed() != null) {
            rows.add(row("details.malformed", t.malformed()));
        }
        return new DetailSection(text.text("details.headerTitle"), rows);
    }

    private String number(long absolute, Long relative, NumberMode mode) {
        if (relative == null) {
            return Long.toString(absolute);
        }
        return mode == NumberMode.RELATIVE
                ? text.format("details.relativeFirst", relative, absolute)
                : text.format("details.absoluteFirst", absolute, relative);
    }

    private String checksum(HeaderExtras h) {
        String value = String.format("0x%04x", h.checksum());
        if (h.checksumValid() == null) {
            return text.format("details.checksumUnverified", value);
        }
        return text.format(h.checksumValid() ? "details.checksumGood" : "details.checksumBad", value);
    }

    private DetailSection options(TcpSegment t) {
        List<DetailRow> rows = new ArrayList<>();
        for (TcpOption o : t.options()) {
            rows.add(option(o));
        }
        return new DetailSection(text.text("details.optionsTitle"), rows);
    }

    private DetailRow option(TcpOption o) {
        if (o instanceof TcpOption.MaxSegmentSize m) {
            return new DetailRow(text.text("option.mss"), text.format("option.mssValue", m.mss()));
        } else if (o instanceof TcpOption.WindowScale w) {
            return new DetailRow(text.text("option.ws"),
                    text.format("option.wsValue", w.shift(), 1L << Math.min(w.shift(), 30)));
        } else if (o instanceof TcpOption.SackPermitted) {
            return new DetailRow(text.text("option.sackPermitted"), "");
        } else if (o instanceof TcpOption.Sack s) {
            StringBuilder sb = new StringBuilder();
            for (TcpOption.SackBlock b : s.blocks()) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(b.left()).append(':').append(b.right());
            }
            return new DetailRow(text.text("option.sack"), sb.toString());
        } else if (o instanceof TcpOption.Timestamps ts) {
            return new DetailRow(text.text("option.ts"), text.format("option.tsValue", ts.value(), ts.echoReply()));
        } else if (o instanceof TcpOption.NoOp) {
            return new DetailRow(text.text("option.nop"), "");
        } else if (o instanceof TcpOption.EndOfList) {
            return new DetailRow(text.text("option.eol"), "");
        } else if (o instanceof TcpOption.FastOpen f) {
            return new DetailRow(text.text("option.tfo"), f.cookie().length == 0
                    ? text.text("option.tfoRequest") : HexFormat.of().formatHex(f.cookie()));
        } else if (o instanceof TcpOption.Mptcp m) {
            return new DetailRow(text.text("option.mptcp"), text.format("option.mptcpValue", m.subtype()));
        } else if (o instanceof TcpOption.Unknown u) {
            return new DetailRow(text.format("option.unknown", u.kind()),
                    text.format("option.unknownValue", u.length(), HexFormat.of().formatHex(u.data())));
        }
        return new DetailRow(text.format("option.unknown", o.kind()), "");
    }

    /**
     * The segment as a flight: where it arrived in its receiver's order of events (after which
     * departure: segments that crossed it), or why it counts as lost; what it repeats, what repeats it.
     */
    private DetailSection flight(LadderData data, int index, NumberMode mode) {
        List<DetailRow> rows = new ArrayList<>();
        String receiver = text.text(data.senderOf(index) == Side.CLIENT ? "details.theServer" : "details.theClient");
        int row = data.arrivalRow(index);
        if (row < 0) {
            org.tcpladder.capture.state.NumberMode m = mode == NumberMode.ABSOLUTE
                    ? org.tcpladder.capture.state.NumberMode.ABSOLUTE : org.tcpladder.capture.state.NumberMode.RELATIVE;
            String why = data.lossReason(index, m);
            rows.add(row("details.lost", why == null ? text.text("details.lostNoReason") : why));
        } else if (row == index) {
            rows.add(row("details.arrived", text.format("details.arrivedAtOnce", receiver)));
        } else {
            rows.add(row("details.arrived", text.format("details.arrivedAfter", receiver, row + 1)));
        }
        if (data.arrivalNs(index) != data.departureNs(index)) {
            rows.add(row("details.flightTime", seconds(data.arrivalNs(index) - data.departureNs(index))));
        }
        int original = data.retransmissionOf(index);
        if (original >= 0) {
            rows.add(row("details.repeats", text.format("details.segmentNumber", original + 1)));
        }
        List<Integer> copies = data.retransmittedBy(index);
        if (!copies.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (int c : copies) {
                names.add(Integer.toString(c + 1));
            }
            rows.add(row("details.sentAgain", text.format("details.segmentNumbers", String.join(", ", names))));
        }
        return new DetailSection(text.text("details.flightTitle"), rows);
    }

    /**
     * Each side's state at this segment's event there (RFC 9293 section 3.10): the sender's once it
     * left, the receiver's once it arrived (after any segments that crossed it), with the reason when
     * that event changed it; a lost segment reached no one.
     */
    private DetailSection states(LadderData data, int index, StateTimeline client, StateTimeline server) {
        List<DetailRow> rows = new ArrayList<>();
        for (StateTimeline t : List.of(client, server)) {
            boolean sender = data.senderOf(index) == t.side();
            String key = t.side() == Side.CLIENT ? "details.clientAfter" : "details.serverAfter";
            int row = data.arrivalRow(index);
            if (!sender && row < 0) {
                rows.add(row(key, text.text("details.notArrived")));
                continue;
            }
            StateTimeline.StateAt at = t.at(sender ? index + 0.5 : row + 1);
            StateTimeline.Change last = at.lastChange();
            boolean here = last != null && last.segmentIndex() == index && last.onArrival() != sender;
            rows.add(row(key, state(at.state(), here ? last.reason() : null)));
        }
        return new DetailSection(text.text("details.stateTitle"), rows);
    }

    private DetailSection states(LadderSegment s) {
        List<DetailRow> rows = new ArrayList<>();
        rows.add(row("details.clientAfter", state(s.clientState(), s.clientReason())));
        rows.add(row("details.serverAfter", state(s.serverState(), s.serverReason())));
        return new DetailSection(text.text("details.stateTitle"), rows);
    }

    private String state(TcpState state, String reason) {
        if (state == null) {
            return text.text("state.unknown");
        }
        return reason == null ? state.displayName() : text.format("details.stateChanged", state.displayName(), reason);
    }

    private DetailRow row(String key, String value) {
        return new DetailRow(text.text(key), value);
    }

    /** Seconds with microseconds, or nanoseconds when the capture has them: {@code +0.000058 s}. */
    String seconds(long ns) {
        String sign = ns < 0 ? "-" : "+";
        long abs = Math.abs(ns);
        String digits = abs % 1000 == 0
                ? String.format("%d.%06d", abs / 1_000_000_000L, (abs % 1_000_000_000L) / 1000)
                : String.format("%d.%09d", abs / 1_000_000_000L, abs % 1_000_000_000L);
        return text.format("details.seconds", sign + digits);
    }

    String clock(long ns) {
        Instant at = Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
        long frac = Math.floorMod(ns, 1_000_000_000L);
        String fraction = frac % 1000 == 0 ? String.format("%06d", frac / 1000) : String.format("%09d", frac);
        return CLOCK.format(at.atZone(zone)) + "." + fraction + " "
                + zone.getDisplayName(TextStyle.SHORT, Locale.getDefault());
    }
}
