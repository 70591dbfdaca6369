package org.tcpladder.app.ladder;

import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.tcp.TcpSegment;

import java.io.IOException;

/**
 * Reads back the header fields a {@link TcpSegment} does not carry (data offset, reserved bits,
 * checksum; RFC 9293 section 3.1) from the capture's bytes, for the details pane.
 *
 * <p>The segment knows where its payload starts, not where its header does: the header is the 20 to
 * 60 bytes just before the payload. Each possible length is tried and the one whose bytes name this
 * segment's ports and sequence number, and whose Data Offset field gives that very length, is taken.
 */
final class HeaderBytes {
    static final int MIN = 20;
    static final int MAX = 60;

    private HeaderBytes() {
    }

    /** The extras, or null when the header cannot be found (e.g. the capture is closed). */
    static HeaderExtras read(CaptureIndex index, TcpSegment t) {
        for (int length = MIN; length <= MAX; length += 4) {
            long start = t.payloadOffset() - length;
            if (start < 0) {
                break;
            }
            byte[] h;
            try {
                h = index.store().read(start, MIN);
            } catch (IOException | RuntimeException e) {
                return null;
            }
            if (h.length == MIN && matches(h, t, length)) {
                // No checksum check: loopback and offloading NICs leave it unfilled in captures.
                return new HeaderExtras(length, h[12] & 0x0F, (h[16] & 0xFF) << 8 | (h[17] & 0xFF), null);
            }
        }
        return null;
    }

    private static boolean matches(byte[] h, TcpSegment t, int length) {
        int src = (h[0] & 0xFF) << 8 | (h[1] & 0xFF);
        int dst = (h[2] & 0xFF) << 8 | (h[3] & 0xFF);
        long seq = (h[4] & 0xFFL) << 24 | (h[5] & 0xFFL) << 16 | (h[6] & 0xFFL) << 8 | (h[7] & 0xFFL);
        int dataOffset = ((h[12] & 0xF0) >>> 4) * 4;
        return src == t.src().port() && dst == t.dst().port() && seq == t.seq().value() && dataOffset == length;
    }
}
