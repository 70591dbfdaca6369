package org.tcpladder.app.layout;

/**
 * A pause in a time-spaced ladder too long to draw to scale: drawn as a break with its duration.
 *
 * @param y          vertical centre in viewport pixels
 * @param durationNs how long the pause was
 */
public record GapMark(double y, long durationNs) {
}
