package org.tcpladder.capture.cli;

/**
 * One JSON object on one line (JSON Lines), written into an {@link AsciiBuffer}: keys in the order
 * given, strings escaped per RFC 8259 section 7 (non-ASCII as \\u escapes, so the line stays ASCII).
 */
final class JsonLine {
    private final AsciiBuffer out;
    private boolean first;
    private boolean firstElement;

    JsonLine(AsciiBuffer out) {
        this.out = out;
    }

    JsonLine begin() {
        out.ch('{');
        first = true;
        return this;
    }

    void end() {
        out.ch('}').newline();
    }

    private void key(String k) {
        if (!first) {
            out.ch(',');
        }
        first = false;
        string(k);
        out.ch(':');
    }

    JsonLine num(String k, long v) {
        key(k);
        if (v < 0) {
            out.ch('-').num(-v);
        } else {
            out.num(v);
        }
        return this;
    }

    JsonLine str(String k, String v) {
        key(k);
        if (v == null) {
            out.str("null");
        } else {
            string(v);
        }
        return this;
    }

    JsonLine bool(String k, boolean v) {
        key(k);
        out.str(v ? "true" : "false");
        return this;
    }

    JsonLine nul(String k) {
        key(k);
        out.str("null");
        return this;
    }

    JsonLine strings(String k, Iterable<String> values) {
        key(k);
        out.ch('[');
        boolean firstValue = true;
        for (String v : values) {
            if (!firstValue) {
                out.ch(',');
            }
            firstValue = false;
            string(v);
        }
        out.ch(']');
        return this;
    }

    /** An array of non-negative numbers under {@code k}. */
    JsonLine numbers(String k, Iterable<Long> values) {
        key(k);
        out.ch('[');
        boolean firstValue = true;
        for (long v : values) {
            if (!firstValue) {
                out.ch(',');
            }
            firstValue = false;
            out.num(v);
        }
        out.ch(']');
        return this;
    }

    /** Starts an array of objects under {@code k}: then {@link #element()}, keys, {@link #endElement()}, ... */
    JsonLine array(String k) {
        key(k);
        out.ch('[');
        firstElement = true;
        return this;
    }

    /** Starts the next object of the array opened by {@link #array}. */
    JsonLine element() {
        if (!firstElement) {
            out.ch(',');
        }
        firstElement = false;
        out.ch('{');
        first = true;
        return this;
    }

    JsonLine endElement() {
        out.ch('}');
        return this;
    }

    JsonLine endArray() {
        out.ch(']');
        first = false;
        return this;
    }

    private void string(String s) {
        if (plain(s)) {
            // The usual case (and every long narration): nothing to escape, one copy.
            out.ch('"').str(s).ch('"');
            return;
        }
        out.ch('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.ch('\\').ch('"');
                case '\\' -> out.ch('\\').ch('\\');
                case '\n' -> out.ch('\\').ch('n');
                case '\r' -> out.ch('\\').ch('r');
                case '\t' -> out.ch('\\').ch('t');
                default -> {
                    if (c < 0x20 || c > 0x7E) {
                        out.str("\\u").hexPadded(c, 4);
                    } else {
                        out.ch(c);
                    }
                }
            }
        }
        out.ch('"');
    }

    /** Printable ASCII without quote or backslash: written as it is. */
    private static boolean plain(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
