package org.tcpladder.capture.cli;

/**
 * One JSON object on one line (JSON Lines), written into an {@link AsciiBuffer}: keys in the order
 * given, strings escaped per RFC 8259 section 7 (non-ASCII as \\u escapes, so the line stays ASCII).
 */
final class JsonLine {
    private final AsciiBuffer out;
    private boolean first;

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

    private void string(String s) {
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
}
