package org.tcpladder.app.style;

import javafx.css.PseudoClass;
import org.tcpladder.capture.state.TcpState;

import java.util.Locale;

/** Every style class and pseudo-class the program uses, so that code and theme.css cannot drift apart. */
public final class StyleClasses {
    public static final String THEME = "/org/tcpladder/app/style/theme.css";

    public static final String APP = "tcp-ladder";
    public static final String LADDER_VIEW = "ladder-view";
    public static final String STATE_DIAGRAM = "state-diagram";
    public static final String STATE_HEADER = "state-header";
    public static final String STATE_INDICATOR = "state-indicator";
    public static final String SIDE_LABEL = "side-label";
    public static final String STATE_NAME = "state-name";
    public static final String STATE_REASON = "state-reason";
    /** A side's name and its big state, on one line. */
    public static final String STATE_TITLE = "state-title";
    public static final String CLIENT = "client";
    public static final String SERVER = "server";
    public static final String CONNECTION_PANE = "connection-pane";
    public static final String SOURCE_SUMMARY = "source-summary";
    public static final String CONNECTION_TABLE = "connection-table";
    public static final String FILTER_COUNT = "filter-count";
    /** A table column of numbers: right-aligned. */
    public static final String NUMERIC_COLUMN = "numeric-column";
    public static final String DETAILS_PANE = "details-pane";
    public static final String DETAILS_SCROLL = "details-scroll";
    public static final String DETAILS_SECTION = "details-section";
    public static final String DETAILS_TITLE = "details-title";
    public static final String DETAILS_LABEL = "details-label";
    public static final String DETAILS_VALUE = "details-value";
    public static final String NARRATION = "narration";
    public static final String PAYLOAD = "payload";
    public static final String TRANSPORT_BAR = "transport-bar";
    public static final String SCRUBBER = "scrubber";
    public static final String SCRUBBER_ROW = "scrubber-row";
    public static final String SCRUBBER_MARKS = "scrubber-marks";
    /** One mark on the scrubber: pseudo-classes {@code :lost}, {@code :retransmission}, else another anomaly. */
    public static final String SCRUBBER_MARK = "scrubber-mark";
    public static final String BUTTON_ROW = "button-row";
    public static final String POSITION_LABEL = "position-label";
    public static final String STATUS_BAR = "status-bar";
    public static final String ICON = "icon";
    public static final String PLACEHOLDER = "placeholder";

    public static final String LIVE_BAR = "live-bar";
    public static final String LIVE_DOT = "live-dot";
    public static final String LIVE_STATUS = "live-status";
    public static final String PENDING_CALL = "pending-call";
    public static final String KERNEL_STATE = "kernel-state";
    public static final String PROBLEM_REMEDY = "problem-remedy";
    /** The main toolbar, a flow pane that wraps (it also carries modena's {@code tool-bar} look). */
    public static final String SESSION_TOOL_BAR = "session-tool-bar";
    /** Why the field beside it cannot be used. */
    public static final String FIELD_PROBLEM = "field-problem";

    /** The live bar while a session or watch is capturing (its dot is lit). */
    // Presenter mode.
    public static final String PRESENTER = "presenter";
    public static final String PRESENTER_BADGES = "presenter-badges";
    public static final String PRESENTER_CAPTION = "presenter-caption";
    public static final String PRESENTER_BAR = "presenter-bar";
    public static final String PRESENTER_DIGITS = "presenter-digits";
    public static final String SCREEN_COVER = "screen-cover";
    public static final String KEYBOARD_TABLE = "keyboard-table";
    public static final String KEYBOARD_KEYS = "keyboard-keys";
    /** The screen cover: blacked out or whitened (B and W, as presentation programs). */
    public static final PseudoClass BLACKOUT = PseudoClass.getPseudoClass("blackout");
    public static final PseudoClass WHITEOUT = PseudoClass.getPseudoClass("whiteout");

    public static final PseudoClass LIVE = PseudoClass.getPseudoClass("live");
    /** The live bar while nothing is captured or played: a quiet hint of what Start does. */
    public static final PseudoClass IDLE = PseudoClass.getPseudoClass("idle");
    /** The live bar while it shows a recording being played (not live: its own colour, no lit dot). */
    public static final PseudoClass RECORDING = PseudoClass.getPseudoClass("recording");
    /** A kernel state that differs from the inferred one. */
    public static final PseudoClass DIFFERS = PseudoClass.getPseudoClass("differs");
    public static final PseudoClass PLAYING = PseudoClass.getPseudoClass("playing");
    /** Every scene's root while the theme is a dark one, for the few parts that draw differently on dark. */
    public static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    /** A table cell counting anomalies, when there are some. */
    public static final PseudoClass ANOMALOUS = PseudoClass.getPseudoClass("anomalous");
    /** A text field whose content cannot be used (e.g. a port number out of range); says why beside it. */
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private StyleClasses() {
    }

    /**
     * The pseudo-class for a TCP state: {@code SYN-SENT} becomes {@code :syn-sent}; null (unknown)
     * becomes {@code :unknown}.
     */
    public static PseudoClass state(TcpState state) {
        return PseudoClass.getPseudoClass(stateKey(state));
    }

    /** {@code SYN-SENT} to {@code syn-sent}: the pseudo-class's name. */
    public static String stateKey(TcpState state) {
        return state == null ? "unknown" : state.displayName().toLowerCase(Locale.ROOT);
    }
}
