package org.tcpladder.app.style;

import org.tcpladder.capture.state.TcpState;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The program's semantic colours: what a colour is for, never what it is. Each {@link Theme} gives every
 * ink one colour; the stylesheet sees them as looked-up colours ({@code -tl-client}…) and the ladder
 * canvas (and the exports) take them from {@link Theme#rgb(Ink)}. Nothing else names a colour.
 */
public enum Ink {
    /** The ladder's and the lists' background. */
    BACKGROUND,
    /** Body text. */
    FOREGROUND,
    /** Secondary text: hints, field names, details of a connection. */
    MUTED,
    /** The window itself behind panes and bars (JavaFX's -fx-background). */
    WINDOW,
    /** Controls: buttons, menus, the toolbar (JavaFX's -fx-base). */
    CONTROL,
    /** The ladder's title strip, the state header and the transport bar. */
    HEADER_BACKGROUND,
    /** Thin separators between bars. */
    BORDER,
    LIFELINE,
    CLIENT,
    SERVER,
    PLAYHEAD,
    /** The segment selected on the ladder, behind its arrow and labels. */
    SELECTION,
    /** The selected row of a list, and the text on it. */
    LIST_SELECTION,
    LIST_SELECTION_TEXT,
    /** Keyboard focus rings. */
    FOCUS,
    /** Option chips under an arrow ("mss 65495"), and their text. */
    CHIP,
    CHIP_TEXT,
    /** Anomalies (retransmission, dup ACK…): the marks on an arrow and the list's counts. */
    ANOMALY,
    /** Text on an anomaly mark. */
    ANOMALY_TEXT,
    /** Text on a state's colour (the big state badges above the ladder). */
    STATE_TEXT,
    /** The narration of the selected segment in the details pane. */
    NARRATION_BACKGROUND,
    /** The live bar while a session or watch captures. */
    LIVE_BACKGROUND,
    LIVE_BORDER,
    /** The live bar while a recording plays: a colour of its own so it cannot pass for live. */
    RECORDING_BACKGROUND,
    RECORDING_BORDER,
    /** The play button while playing. */
    PLAYING,
    /** Presenter keys B and W: the whole screen black or white, in every theme (nothing else on it). */
    BLACKOUT,
    WHITEOUT,
    STATE_CLOSED,
    STATE_LISTEN,
    STATE_SYN_SENT,
    STATE_SYN_RECEIVED,
    STATE_ESTABLISHED,
    STATE_FIN_WAIT_1,
    STATE_FIN_WAIT_2,
    STATE_CLOSE_WAIT,
    STATE_CLOSING,
    STATE_LAST_ACK,
    STATE_TIME_WAIT,
    /** No state known (no information about the side yet). */
    STATE_UNKNOWN;

    private static final Map<TcpState, Ink> BY_STATE = new EnumMap<>(TcpState.class);

    static {
        for (TcpState s : TcpState.values()) {
            BY_STATE.put(s, valueOf("STATE_" + s.name()));
        }
    }

    /** The looked-up colour in the stylesheet: {@code STATE_SYN_SENT} is {@code -tl-state-syn-sent}. */
    public String cssName() {
        return "-tl-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The ink of a state's band and badge; null (unknown) has a grey of its own. */
    public static Ink forState(TcpState state) {
        return state == null ? STATE_UNKNOWN : BY_STATE.get(state);
    }
}
