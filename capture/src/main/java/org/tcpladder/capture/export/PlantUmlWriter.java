package org.tcpladder.capture.export;

import java.io.IOException;

import org.tcpladder.capture.state.StateTransition;
import org.tcpladder.capture.tcp.Side;

/**
 * The ladder as a PlantUML sequence diagram: the same content as {@link MermaidWriter} in PlantUML's
 * words. State changes are hexagonal notes ({@code hnote}) over the lifeline, a lost segment a message
 * that ends in a cross ({@code ->x}), a retransmission dotted ({@code -->}), the narration a note over
 * both lifelines.
 */
public final class PlantUmlWriter implements LadderWriter {
    private final Appendable out;
    private final ExportWords words;

    public PlantUmlWriter(Appendable out, ExportWords words) {
        this.out = out;
        this.words = words;
    }

    @Override
    public void begin(LadderHeading h) throws IOException {
        line("@startuml");
        line("title " + text(words.format("heading.parts", "title", h.title(), "scope", h.scope(),
                "numbers", h.numbers())));
        line("participant \"" + quoted(h.clientName()) + "\" as C");
        line("participant \"" + quoted(h.serverName()) + "\" as S");
        if (h.first() > 0) {
            line("autonumber " + h.first());
        }
        if (h.assumed() != null) {
            line("note over C, S : " + text(h.assumed()));
        }
        if (h.options().states()) {
            line("hnote over C : " + h.clientState());
            line("hnote over S : " + h.serverState());
        }
    }

    @Override
    public void segment(LadderStep s) throws IOException {
        for (StateTransition t : s.before()) {
            line("hnote over " + id(t.side()) + " : " + t.to());
        }
        String arrow = (s.repeats() > 0 ? "-->" : "->") + (s.lost() ? "x" : "");
        String label = words.markedLabel(s);
        line(id(s.sender()) + " " + arrow + " " + id(s.receiver()) + " : " + text(label));
        for (StateTransition t : s.after()) {
            line("hnote over " + id(t.side()) + " : " + t.to());
        }
        for (String note : s.notes()) {
            line("note over C, S : " + note(note));
        }
    }

    @Override
    public void end(LadderEnd e) throws IOException {
        for (int i = 0; i < e.changed().size(); i++) {
            line("hnote over " + id(e.changed().get(i)) + " : " + text(e.notes().get(i)));
        }
        line("@enduml");
    }

    /** A long note in lines of {@link NoteLines#WIDTH}, joined by PlantUML's line break {@code \n}. */
    private static String note(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (String l : NoteLines.wrap(s, NoteLines.WIDTH)) {
            b.append(b.length() == 0 ? "" : "\\n").append(text(l));
        }
        return b.toString();
    }

    private void line(String s) throws IOException {
        out.append(s).append('\n');
    }

    private static String id(Side side) {
        return side == Side.CLIENT ? "C" : "S";
    }

    /**
     * Text PlantUML shows as it is: its escape character {@code ~} in front of what Creole would read as
     * markup ({@code **}, {@code //}, {@code --}, {@code __}, {@code ""}, {@code <}, a backslash that
     * would start {@code \n}); a line break would end the statement.
     */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '~', '*', '/', '-', '_', '"', '<', '[', '\\' -> b.append('~').append(ch);
                case '\n', '\r' -> b.append(' ');
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    private static String quoted(String s) {
        return s.replace('"', '\'');
    }
}
