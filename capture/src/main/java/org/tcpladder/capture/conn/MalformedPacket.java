package org.tcpladder.capture.conn;

import org.tcpladder.capture.decode.Malformed;

/**
 * A packet of the capture that could not be decoded as far as a TCP header.
 *
 * @param number packet number in the capture, from 1
 * @param timeNs capture time
 * @param problem the layer and reason
 */
public record MalformedPacket(long number, long timeNs, Malformed problem) {
}
