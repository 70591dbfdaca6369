package org.tcpladder.capture.export;

import java.util.Locale;

/** The text formats of a ladder export, by the names the command line takes. */
public enum TextFormat {
    MERMAID,
    PLANTUML,
    TEXT;

    /** The writer of this format onto {@code out}. */
    public LadderWriter writer(Appendable out, ExportWords words) {
        return switch (this) {
            case MERMAID -> new MermaidWriter(out, words);
            case PLANTUML -> new PlantUmlWriter(out, words);
            case TEXT -> new TextLadderWriter(out, words);
        };
    }

    /** The name on the command line: {@code mermaid}, {@code plantuml}, {@code text}. */
    public String commandName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code name}, or null. */
    public static TextFormat named(String name) {
        for (TextFormat f : values()) {
            if (f.commandName().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
