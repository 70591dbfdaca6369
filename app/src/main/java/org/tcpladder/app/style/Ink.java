package org.tcpladder.app.style;

import javafx.scene.paint.Color;

import java.util.Locale;

/**
 * The colours the ladder canvas paints with. A canvas cannot use CSS itself, so the ladder view
 * exposes one styleable property per ink ({@code -tl-ink-client}…) which theme.css sets from the
 * semantic looked-up colours ({@code -tl-client}…): the palette lives in the stylesheet alone.
 */
public enum Ink {
    BACKGROUND(Color.WHITE),
    FOREGROUND(Color.BLACK),
    MUTED(Color.gray(0.35)),
    HEADER_BACKGROUND(Color.gray(0.95)),
    LIFELINE(Color.gray(0.6)),
    CLIENT(Color.web("#0b57a4")),
    SERVER(Color.web("#a63c00")),
    PLAYHEAD(Color.web("#c8102e")),
    SELECTION(Color.web("#fff2b3")),
    CHIP(Color.web("#e6e9ef")),
    CHIP_TEXT(Color.web("#1f2430")),
    ANOMALY(Color.web("#b00020")),
    STATE_CLOSED(Color.gray(0.45)),
    STATE_LISTEN(Color.web("#00707a")),
    STATE_SYN_SENT(Color.web("#a35c00")),
    STATE_SYN_RECEIVED(Color.web("#8a6d00")),
    STATE_ESTABLISHED(Color.web("#1b7f3b")),
    STATE_FIN_WAIT_1(Color.web("#7a2fa8")),
    STATE_FIN_WAIT_2(Color.web("#5b2391")),
    STATE_CLOSE_WAIT(Color.web("#b0266b")),
    STATE_CLOSING(Color.web("#8c1c4f")),
    STATE_LAST_ACK(Color.web("#b33c12")),
    STATE_TIME_WAIT(Color.web("#3843a8")),
    STATE_UNKNOWN(Color.gray(0.7));

    private final Color fallback;

    Ink(Color fallback) {
        this.fallback = fallback;
    }

    /** The CSS property on the ladder view: {@code STATE_SYN_SENT} is {@code -tl-ink-state-syn-sent}. */
    public String cssProperty() {
        return "-tl-ink-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Used when no stylesheet sets the ink (never in the program; keeps a bare canvas legible). */
    public Color fallback() {
        return fallback;
    }

    /** The ink of a state's band; unknown and unnamed states share one grey. */
    public static Ink forState(String state) {
        if (state == null) {
            return STATE_UNKNOWN;
        }
        try {
            return valueOf("STATE_" + state.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return STATE_UNKNOWN;
        }
    }
}
