package org.tcpladder.app.layout;

import org.tcpladder.app.Messages;
import org.tcpladder.app.ladder.LadderSegment;
import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;

import java.util.ArrayList;
import java.util.List;

/**
 * The text written on a ladder arrow, in tcpdump's vocabulary so that the ladder and a tcpdump listing
 * can be read side by side: {@code S.  SYN, ACK}, {@code seq 1:7  ack 1  win 512}, option chips.
 */
public final class SegmentLabels {
    private final Messages text;

    public SegmentLabels(Messages text) {
        this.text = text;
    }

    /** Flag letters and names, and the payload length: {@code P.  PSH, ACK   len 6}. */
    public String flags(LadderSegment s) {
        int f = s.tcp().flags();
        return text.format("ladder.flags", TcpFlags.letters(f), TcpFlags.names(f), s.tcp().payloadLength());
    }

    /**
     * Sequence, acknowledgment and window: {@code seq 1:7  ack 1  win 512}. The seq is a range when the
     * segment carries data (first:last+1, as tcpdump); the ack appears only when the ACK bit is set,
     * because otherwise the field means nothing (RFC 9293 section 3.1).
     */
    public String numbers(LadderSegment s, NumberMode mode) {
        TcpSegment t = s.tcp();
        boolean relative = mode == NumberMode.RELATIVE && s.relativeSeq() != null;
        long seq = relative ? s.relativeSeq() : t.seq().value();
        String seqText = t.payloadLength() > 0
                ? text.format("ladder.seqRange", seq, wrap(seq + t.payloadLength(), relative))
                : text.format("ladder.seq", seq);
        StringBuilder sb = new StringBuilder(seqText);
        if (t.has(TcpFlags.ACK)) {
            boolean relAck = mode == NumberMode.RELATIVE && s.relativeAck() != null;
            sb.append("  ").append(text.format("ladder.ack", relAck ? s.relativeAck() : t.ack().value()));
        }
        sb.append("  ").append(text.format("ladder.win", t.window()));
        return sb.toString();
    }

    /**
     * The one line a textbook writes along the arrow: the flags' names, the sequence number, the ack
     * when the ACK bit is set (RFC 9293 section 3.1) and, as the style asks, tcpdump's letters, the
     * length of the data and the window: {@code PSH, ACK  seq 1 ack 1 len 5}.
     */
    public String textbook(LadderSegment s, NumberMode mode, LabelStyle style) {
        TcpSegment t = s.tcp();
        int f = t.flags();
        String flags = style.letters()
                ? text.format("ladder.textbookLetters", TcpFlags.letters(f), TcpFlags.names(f))
                : TcpFlags.names(f);
        boolean relative = mode == NumberMode.RELATIVE && s.relativeSeq() != null;
        String numbers = text.format("ladder.textbookSeq", relative ? s.relativeSeq() : t.seq().value());
        if (t.has(TcpFlags.ACK)) {
            boolean relAck = mode == NumberMode.RELATIVE && s.relativeAck() != null;
            numbers = text.format("ladder.textbookJoin", numbers,
                    text.format("ladder.textbookAck", relAck ? s.relativeAck() : t.ack().value()));
        }
        if (style.length() && t.payloadLength() > 0) {
            numbers = text.format("ladder.textbookJoin", numbers, text.format("ladder.textbookLen", t.payloadLength()));
        }
        if (style.window()) {
            numbers = text.format("ladder.textbookJoin", numbers, text.format("ladder.textbookWin", t.window()));
        }
        return text.format("ladder.textbook", flags, numbers);
    }

    /** Absolute sequence numbers wrap at 2^32 (RFC 9293 section 3.4); a range's end may wrap too. */
    private static long wrap(long v, boolean relative) {
        return relative ? v : v & 0xFFFF_FFFFL;
    }

    /** Short chips for the options worth seeing on the arrow; NOP and end-of-list are padding. */
    public List<String> chips(LadderSegment s, NumberMode mode) {
        List<String> chips = new ArrayList<>();
        for (TcpOption o : s.tcp().options()) {
            if (o instanceof TcpOption.MaxSegmentSize m) {
                chips.add(text.format("chip.mss", m.mss()));
            } else if (o instanceof TcpOption.WindowScale w) {
                chips.add(text.format("chip.ws", w.shift(), 1L << Math.min(w.shift(), 30)));
            } else if (o instanceof TcpOption.SackPermitted) {
                chips.add(text.text("chip.sackPermitted"));
            } else if (o instanceof TcpOption.Sack sack) {
                chips.add(sackChip(s, sack, mode));
            } else if (o instanceof TcpOption.Timestamps) {
                chips.add(text.text("chip.ts"));
            } else if (o instanceof TcpOption.FastOpen) {
                chips.add(text.text("chip.tfo"));
            } else if (o instanceof TcpOption.Mptcp) {
                chips.add(text.text("chip.mptcp"));
            } else if (o instanceof TcpOption.Unknown u) {
                chips.add(text.format("chip.unknown", u.kind()));
            }
        }
        return chips;
    }

    /**
     * SACK blocks are in the peer's sequence space, like the ack (RFC 2018 section 3); relative ones
     * use the same base as the relative ack. Only the first block is written, with a count of the rest.
     */
    private String sackChip(LadderSegment s, TcpOption.Sack sack, NumberMode mode) {
        if (sack.blocks().isEmpty()) {
            return text.format("chip.sack", "", "");
        }
        TcpOption.SackBlock first = sack.blocks().get(0);
        long left = first.left().value();
        long right = first.right().value();
        if (mode == NumberMode.RELATIVE && s.relativeAck() != null) {
            SeqNum base = s.tcp().ack().plus(-s.relativeAck());
            left = first.left().minus(base);
            right = first.right().minus(base);
        }
        String more = sack.blocks().size() > 1 ? text.format("chip.sackMore", sack.blocks().size() - 1) : "";
        return text.format("chip.sack", left + ":" + right, more);
    }
}
