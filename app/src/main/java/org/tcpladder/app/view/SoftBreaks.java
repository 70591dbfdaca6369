package org.tcpladder.app.view;

/**
 * Places where a narrow label may wrap a long name such as a capture file's: after a '-', '_', '.' or
 * '/' inside a word too long for a line. Without them a label wraps such a word wherever the line ends
 * ("twenty-connections.pca" / "p"). JavaFX wraps Latin text only at whitespace (a zero-width space is
 * not, to it), so the mark is a hair space, the narrowest whitespace there is. Short words are left
 * alone.
 */
final class SoftBreaks {
    static final char HAIR_SPACE = '\u200A';
    /** Words up to this long fit the narrowest pane at the largest zoom; longer ones get breaks. */
    private static final int LONG_WORD = 16;

    private SoftBreaks() {
    }

    static String in(String text) {
        if (text == null || text.length() <= LONG_WORD) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            boolean longWord = end - i > LONG_WORD;
            for (int k = i; k < end; k++) {
                char c = text.charAt(k);
                out.append(c);
                if (longWord && k > i && k + 1 < end && (c == '-' || c == '_' || c == '.' || c == '/')
                        && Character.isLetterOrDigit(text.charAt(k + 1))) {
                    out.append(HAIR_SPACE);
                }
            }
            while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
                out.append(text.charAt(end++));
            }
            i = end;
        }
        return out.toString();
    }
}
