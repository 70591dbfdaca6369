package org.tcpladder.capture.export;

import java.io.IOException;

import org.tcpladder.capture.state.StateTransition;
import org.tcpladder.capture.tcp.Side;

/**
 * The ladder as a Mermaid {@code sequenceDiagram}, which GitHub, GitLab and many documentation tools
 * draw from a {@code ```mermaid} block: the client's lifeline left, the server's right, one numbered
 * message per segment ({@code autonumber} starts at the first exported segment, so the numbers are the
 * segments'), state changes as notes over the lifeline, a lost segment as a message that ends in a cross
 * ({@code -x}), a retransmission dotted.
 */
public final class MermaidWriter implements LadderWriter {
    private static final String INDENT = "    ";

    private final Appendable out;
    private final ExportWords words;

    public MermaidWriter(Appendable out, ExportWords words) {
        this.out = out;
        this.words = words;
    }

    @Override
    public void begin(LadderHeading h) throws IOException {
        out.append("sequenceDiagram\n");
        line("title " + text(words.format("heading.parts", "title", h.title(), "scope", h.scope(),
                "numbers", h.numbers())));
        line("participant C as " + text(h.clientName()));
        line("participant S as " + text(h.serverName()));
        if (h.first() > 0) {
            line("autonumber " + h.first());
        }
        if (h.assumed() != null) {
            line("Note over C,S: " + text(h.assumed()));
        }
        if (h.options().states()) {
            line("Note over C: " + h.clientState());
            line("Note over S: " + h.serverState());
        }
    }

    @Override
    public void segment(LadderStep s) throws IOException {
        for (StateTransition t : s.before()) {
            line("Note over " + id(t.side()) + ": " + t.to());
        }
        String arrow = (s.repeats() > 0 ? "--" : "-") + (s.lost() ? "x" : ">>");
        String label = words.markedLabel(s);
        line(id(s.sender()) + arrow + id(s.receiver()) + ": " + text(label));
        for (StateTransition t : s.after()) {
            line("Note over " + id(t.side()) + ": " + t.to());
        }
        for (String note : s.notes()) {
            line("Note over C,S: " + note(note));
        }
    }

    @Override
    public void end(LadderEnd e) throws IOException {
        for (int i = 0; i < e.changed().size(); i++) {
            line("Note over " + id(e.changed().get(i)) + ": " + text(e.notes().get(i)));
        }
    }

    /** A long note in lines of {@link NoteLines#WIDTH}, joined by the line break Mermaid draws. */
    private static String note(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (String l : NoteLines.wrap(s, NoteLines.WIDTH)) {
            b.append(b.length() == 0 ? "" : "<br>").append(text(l));
        }
        return b.toString();
    }

    private void line(String s) throws IOException {
        out.append(INDENT).append(s).append('\n');
    }

    private static String id(Side side) {
        return side == Side.CLIENT ? "C" : "S";
    }

    /**
     * Text Mermaid shows as it is: a semicolon would end the statement and a {@code #} start an entity,
     * angle brackets would be read as HTML, so these become Mermaid's entity codes ({@code #59;}); a
     * line break would end the statement too.
     */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '#', ';', '<', '>' -> b.append('#').append((int) ch).append(';');
                case '\n', '\r' -> b.append(' ');
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
