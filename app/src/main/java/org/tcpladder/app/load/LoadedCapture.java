package org.tcpladder.app.load;

import org.tcpladder.capture.conn.CaptureIndex;

import java.nio.file.Path;
import java.util.List;

/**
 * A capture file read as far as it could be.
 *
 * @param file        the file
 * @param packetCount how many link-layer frames were read
 * @param connections its TCP connections in order of their first segment
 * @param index       the capture's index (segments and payloads are read back from it); null for a
 *                    capture not read through one. The window closes it when it opens another file.
 * @param readError   null, or why reading stopped before the end of the file (it names the file and
 *                    the byte offset); what came before the damage is loaded
 * @param malformed   packets that could not be decoded down to TCP
 */
public record LoadedCapture(Path file, long packetCount, List<ConnectionEntry> connections, CaptureIndex index,
                            String readError, int malformed) {
    public LoadedCapture {
        connections = List.copyOf(connections);
    }

    /** The first connection seen from its SYN to both FINs, else the first; null when there is none. */
    public ConnectionEntry preferred() {
        for (ConnectionEntry e : connections) {
            if (e.complete()) {
                return e;
            }
        }
        return connections.isEmpty() ? null : connections.get(0);
    }
}
