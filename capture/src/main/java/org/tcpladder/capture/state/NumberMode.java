package org.tcpladder.capture.state;

/**
 * How sequence and acknowledgment numbers are worded: relative to each side's base (tcpdump's rule, as
 * {@code print} writes them and the ladder's arrows show them by default) or as the absolute 32-bit
 * numbers on the wire ({@code print -S}).
 */
public enum NumberMode {
    RELATIVE,
    ABSOLUTE
}
