package org.tcpladder.app.load;

import java.nio.file.Path;
import java.util.List;

/**
 * A capture file read to the end.
 *
 * @param file        the file
 * @param packetCount how many link-layer frames it holds
 * @param connections its TCP connections (empty until the capture core's connections are plugged in)
 */
public record LoadedCapture(Path file, long packetCount, List<ConnectionEntry> connections) {
    public LoadedCapture {
        connections = List.copyOf(connections);
    }
}
