package org.tcpladder.capture.export;

import java.util.ArrayList;
import java.util.List;

/**
 * A narration note broken into lines at spaces, so that a diagram's note is about as wide as a few
 * arrows instead of one line as wide as the sentence (Mermaid and PlantUML draw a note one line high).
 */
final class NoteLines {
    /** Characters per line of a note: about the width of a ladder between its two lifelines. */
    static final int WIDTH = 72;

    private NoteLines() {
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(width + 16);
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
