package org.tcpladder.app.ladder;

import org.tcpladder.capture.tcp.TcpSegment;

import java.io.IOException;

/**
 * Reads a segment's captured payload back on demand, so that a ladder of a large capture does not
 * hold every payload in memory (the integration reads them from the source's ByteStore at
 * {@link TcpSegment#payloadOffset()}).
 */
@FunctionalInterface
public interface PayloadReader {
    PayloadReader NONE = segment -> new byte[0];

    byte[] read(TcpSegment segment) throws IOException;
}
