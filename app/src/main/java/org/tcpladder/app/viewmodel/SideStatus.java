package org.tcpladder.app.viewmodel;

/**
 * What the big state indicator of one side shows.
 *
 * @param state  the RFC name of the state, or null when unknown
 * @param reason why the last transition happened, or null before any
 * @param segmentIndex the segment that caused the last transition, or -1
 */
public record SideStatus(String state, String reason, int segmentIndex) {
    public static final SideStatus UNKNOWN = new SideStatus(null, null, -1);
}
