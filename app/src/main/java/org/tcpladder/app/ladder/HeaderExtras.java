package org.tcpladder.app.ladder;

/**
 * TCP header fields that {@link org.tcpladder.capture.tcp.TcpSegment} does not carry, shown in the
 * details pane when the decoder supplies them (RFC 9293 section 3.1).
 *
 * @param dataOffsetBytes header length in bytes (the Data Offset field times four)
 * @param reservedBits    the reserved bits between Data Offset and the control bits
 * @param checksum        the checksum field as sent
 * @param checksumValid   whether it verifies, or null when it was not checked (e.g. offloaded on send)
 */
public record HeaderExtras(int dataOffsetBytes, int reservedBits, int checksum, Boolean checksumValid) {
}
