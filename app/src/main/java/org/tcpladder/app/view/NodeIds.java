package org.tcpladder.app.view;

/** Ids of the nodes that tests, screenshots and the stylesheet look up. */
public final class NodeIds {
    public static final String START = "start";
    public static final String SCENARIO = "scenario";
    public static final String IPV4 = "ipv4";
    public static final String IPV6 = "ipv6";
    public static final String STEP_MODE = "step-mode";
    public static final String RUN_MODE = "run-mode";
    public static final String OPEN = "open";
    public static final String WATCH_PORT = "watch-port";
    public static final String WATCH_PORT_PROBLEM = "watch-port-problem";
    public static final String WATCH_PORT_FIELD = "watch-port-field";
    public static final String RELATIVE = "relative";
    public static final String ABSOLUTE = "absolute";
    public static final String SPACING_ORDER = "spacing-order";
    public static final String SPACING_TIME = "spacing-time";
    public static final String HOME = "home";
    public static final String STEP_BACK = "step-back";
    public static final String PLAY = "play";
    public static final String STEP_FORWARD = "step-forward";
    public static final String END = "end";
    public static final String SPEED = "speed";
    public static final String SCRUBBER = "scrubber";
    public static final String SCRUBBER_MARKS = "scrubber-marks";
    public static final String POSITION = "position";
    public static final String LADDER = "ladder";
    public static final String STATE_DIAGRAM = "state-diagram";
    public static final String CLIENT_STATE = "client-state";
    public static final String SERVER_STATE = "server-state";
    public static final String CLIENT_REASON = "client-reason";
    public static final String SERVER_REASON = "server-reason";
    public static final String CONNECTIONS = "connections";
    public static final String FILTER = "filter";
    public static final String FILTER_COUNT = "filter-count";
    public static final String CONNECTIONS_PLACEHOLDER = "connections-placeholder";
    /** The connection table's columns: {@code connection-column-index}, {@code connection-column-end}… */
    public static final String CONNECTION_COLUMN_PREFIX = "connection-column-";
    public static final String SOURCE_SUMMARY = "source-summary";
    public static final String NARRATION = "narration";
    public static final String DETAILS = "details";
    public static final String PAYLOAD = "payload";
    public static final String STATUS = "status";
    public static final String LOAD_PROGRESS = "load-progress";
    public static final String CANCEL_LOAD = "cancel-load";
    public static final String OPEN_ERROR = "open-error";
    public static final String LIVE_ERROR = "live-error";
    public static final String PLAY_RECORDING = "play-recording";
    public static final String PAYLOAD_FIELD = "payload-field";
    public static final String LIVE_BAR = "live-bar";
    public static final String LIVE_STATUS = "live-status";
    public static final String PENDING_CALL = "pending-call";
    public static final String NEXT_CALL = "next-call";
    public static final String RUN_TO_END = "run-to-end";
    public static final String STOP_LIVE = "stop-live";
    public static final String CLIENT_KERNEL = "client-kernel";
    public static final String SERVER_KERNEL = "server-kernel";
    public static final String THEME_MENU = "theme-menu";
    /** Followed by the theme's name in lower case: {@code theme-dark}. */
    public static final String THEME_ITEM_PREFIX = "theme-";

    public static final String SCREEN_COVER = "screen-cover";
    public static final String PRESENTER = "presenter";
    public static final String PRESENTER_LADDER = "presenter-ladder";
    public static final String PRESENTER_CAPTION = "presenter-caption";
    public static final String PRESENTER_CLIENT_STATE = "presenter-client-state";
    public static final String PRESENTER_SERVER_STATE = "presenter-server-state";
    public static final String PRESENTER_BAR = "presenter-bar";
    public static final String KEYBOARD_TABLE = "keyboard-table";

    private NodeIds() {
    }
}
