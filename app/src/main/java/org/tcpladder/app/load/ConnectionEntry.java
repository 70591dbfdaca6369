package org.tcpladder.app.load;

import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.capture.tcp.Endpoint;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One connection in the list on the left.
 *
 * @param name          a label for connections that are not from a capture (the demo session), or null
 * @param client        the client's endpoint
 * @param server        the server's endpoint
 * @param segmentCount  how many segments it has
 * @param payloadBytes  payload bytes in both directions
 * @param ladder        builds the ladder when the connection is selected (may read the capture again)
 */
public record ConnectionEntry(String name, Endpoint client, Endpoint server, int segmentCount,
                              long payloadBytes, Supplier<LadderData> ladder) {
    public ConnectionEntry {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(ladder, "ladder");
    }

    /** Wraps ladder data that is already built. */
    public static ConnectionEntry of(String name, LadderData data) {
        long bytes = data.segments().stream().mapToLong(s -> s.tcp().payloadLength()).sum();
        return new ConnectionEntry(name, data.client(), data.server(), data.size(), bytes, () -> data);
    }

    /** The text the filter box searches: name and both endpoints, lower case. */
    public String searchText() {
        return ((name == null ? "" : name + " ") + client + " " + server).toLowerCase(Locale.ROOT);
    }
}
