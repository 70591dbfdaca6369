package org.tcpladder.app.layout;

/** How the ladder spaces its rows vertically. */
public enum Spacing {
    /** One row per segment, evenly: the default, readable whatever the timing. */
    ORDER,
    /** Extra space in proportion to the time between segments; long pauses compressed and marked. */
    TIME
}
