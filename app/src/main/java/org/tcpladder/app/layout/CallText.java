package org.tcpladder.app.layout;

/**
 * A socket call's text as written beside a lifeline: on one line when short, else broken before its
 * result or its note ({@code connect()} over {@code = ECONNREFUSED}, {@code close()} over
 * {@code [SO_LINGER 0]}), so that the outer margin holds it whole at the labels' text size.
 */
final class CallText {
    /** Longer calls are broken into two lines. */
    static final int MAX_LINE = 14;
    /** Width of a monospaced character in em (DejaVu Sans Mono and Liberation Mono: 0.60), rounded up. */
    static final double MONO_ADVANCE = 0.62;

    private CallText() {
    }

    static String lines(String call) {
        if (call.length() <= MAX_LINE) {
            return call;
        }
        for (String at : new String[]{" = ", " [", " ("}) {
            int i = call.indexOf(at);
            if (i > 0) {
                return call.substring(0, i) + "\n" + call.substring(i + 1);
            }
        }
        int space = call.lastIndexOf(' ', MAX_LINE);
        return space > 0 ? call.substring(0, space) + "\n" + call.substring(space + 1) : call;
    }

    static int lineCount(String lines) {
        return (int) lines.chars().filter(c -> c == '\n').count() + 1;
    }

    static int longestLine(String lines) {
        int longest = 0;
        for (String line : lines.split("\n")) {
            longest = Math.max(longest, line.length());
        }
        return longest;
    }
}
