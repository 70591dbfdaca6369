package org.tcpladder.capture.export;

import java.io.IOException;

import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Side;

/**
 * The ladder as plain text, one line per segment, for a terminal, an e-mail or a Markdown code block:
 * <pre>
 *   #  client       |                                  | server
 *      CLOSED       |                                  | LISTEN
 *   1  SYN-SENT     | SYN seq 0 ---------------------&gt; | SYN-RECEIVED
 *   2  ESTABLISHED  | &lt;----------- SYN, ACK seq 0 ack 1 | SYN-RECEIVED
 * </pre>
 * Each line shows both sides' states once the segment has left and what arrived before the next one
 * left ({@link LadderStep#clientState()}); a lost segment's arrow
 * stops short in an {@code x}; marks (lost, repeats #n, Wireshark's anomaly labels) follow the server's
 * column; the narration, when asked for, is indented under the arrow, in lines of 72 characters or the
 * arrow's width. The columns are as wide as the
 * export's longest label and state name, known before the first line, so every line is written as it
 * comes and nothing is kept.
 */
public final class TextLadderWriter implements LadderWriter {
    /** The longest state name, SYN-RECEIVED. */
    private static final int STATE_WIDTH = longestStateName();
    private static final int ARROW_EXTRA = 6;

    private final Appendable out;
    private final ExportWords words;
    private int numberWidth;
    private int stateWidth;
    private int arrowWidth;
    private boolean states;
    private final StringBuilder line = new StringBuilder(160);

    public TextLadderWriter(Appendable out, ExportWords words) {
        this.out = out;
        this.words = words;
    }

    @Override
    public void begin(LadderHeading h) throws IOException {
        states = h.options().states();
        String client = h.clientSide();
        String server = h.serverSide();
        String number = words.format("text.column.number");
        numberWidth = Math.max(number.length(), Integer.toString(Math.max(1, h.last())).length());
        stateWidth = Math.max(states ? STATE_WIDTH : 0, Math.max(client.length(), server.length()));
        arrowWidth = Math.max(h.labelWidth() + ARROW_EXTRA, words.format("text.column.segment").length());
        out.append(words.format("heading.parts", "title", h.title(), "scope", h.scope(), "numbers", h.numbers()))
                .append('\n');
        if (h.assumed() != null) {
            out.append(h.assumed()).append('\n');
        }
        out.append('\n');
        row(number, client, words.format("text.column.segment"), server, "");
        if (states) {
            row("", h.clientState().toString(), "", h.serverState().toString(), "");
        }
    }

    @Override
    public void segment(LadderStep s) throws IOException {
        String marks = String.join(words.format("mark.separator"), s.marks());
        row(Integer.toString(s.number()), states ? s.clientState().toString() : "", arrow(s),
                states ? s.serverState().toString() : "", marks);
        for (String note : s.notes()) {
            for (String l : NoteLines.wrap(note.replace('\n', ' '), Math.max(NoteLines.WIDTH, arrowWidth))) {
                line.setLength(0);
                pad(line, "", numberWidth + 2 + stateWidth + 3);
                out.append(line).append(l).append('\n');
            }
        }
    }

    @Override
    public void end(LadderEnd e) throws IOException {
        if (!e.changed().isEmpty()) {
            row("", e.state(Side.CLIENT).toString(), "", e.state(Side.SERVER).toString(), "");
            for (String note : e.notes()) {
                line.setLength(0);
                pad(line, "", numberWidth + 2 + stateWidth + 3);
                out.append(line).append(note).append('\n');
            }
        }
    }

    /** The label with a shaft of dashes towards the receiver; a lost one ends short, in an x. */
    private String arrow(LadderStep s) {
        int shaft = arrowWidth - s.label().length() - 2;
        StringBuilder b = new StringBuilder(arrowWidth);
        if (s.sender() == Side.CLIENT) {
            b.append(s.label()).append(' ');
            if (s.lost()) {
                b.append("-".repeat(Math.max(1, shaft / 2))).append('x');
            } else {
                b.append("-".repeat(shaft)).append('>');
            }
        } else {
            if (s.lost()) {
                b.append(" ".repeat(shaft - Math.max(1, shaft / 2))).append('x').append("-".repeat(Math.max(1, shaft / 2)));
            } else {
                b.append('<').append("-".repeat(shaft));
            }
            b.append(' ').append(s.label());
        }
        return b.toString();
    }

    private void row(String number, String client, String arrow, String server, String marks) throws IOException {
        line.setLength(0);
        padLeft(line, number, numberWidth);
        line.append("  ");
        pad(line, client, stateWidth);
        line.append(" | ");
        pad(line, arrow, arrowWidth);
        line.append(" | ");
        line.append(server);
        if (!marks.isEmpty()) {
            pad(line, "", stateWidth - server.length());
            line.append("  ").append(marks);
        }
        // No spaces at the end of a line: they are invisible and editors strip them.
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        line.setLength(end);
        out.append(line).append('\n');
    }

    private static void pad(StringBuilder b, String s, int width) {
        b.append(s);
        for (int i = s.length(); i < width; i++) {
            b.append(' ');
        }
    }

    private static void padLeft(StringBuilder b, String s, int width) {
        for (int i = s.length(); i < width; i++) {
            b.append(' ');
        }
        b.append(s);
    }

    private static int longestStateName() {
        int w = 0;
        for (TcpState s : TcpState.values()) {
            w = Math.max(w, s.toString().length());
        }
        return w;
    }
}
