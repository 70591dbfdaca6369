package org.tcpladder.app.load;

import org.tcpladder.capture.tcp.Side;

import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.ladder.LadderSegment;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.conn.EndKind;
import org.tcpladder.capture.tcp.Endpoint;
import org.tcpladder.capture.tcp.TcpFlags;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One connection in the list on the left.
 *
 * @param key           what the entry stands for (a capture's {@link Connection}, or the ladder itself):
 *                      a newer entry with the same key is the same connection, grown or better known
 * @param name          a label for connections that are not from a capture (the demo session), or null
 * @param client        the client's endpoint
 * @param server        the server's endpoint
 * @param segmentCount  how many segments it has
 * @param payloadBytes  payload bytes in both directions
 * @param durationNs    from its first segment to its last
 * @param end           how it ended, as far as the capture shows
 * @param midStream     whether the capture began after its SYN (states are then assumed)
 * @param anomalies     segments with something unusual (retransmission, dup ACK…); -1 while not counted
 * @param ladder        builds the ladder when the connection is selected (may read the capture again;
 *                      may take long for a big connection, so it is called off the FX thread then)
 */
public record ConnectionEntry(Object key, String name, Endpoint client, Endpoint server, int segmentCount,
                              long payloadBytes, long durationNs, EndKind end, boolean midStream, int anomalies,
                              Supplier<LadderData> ladder) {
    public static final int NOT_COUNTED = -1;

    public ConnectionEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(ladder, "ladder");
    }

    /** Wraps ladder data that is already built (the synthetic demo, tests). */
    public static ConnectionEntry of(String name, LadderData data) {
        long bytes = 0;
        int anomalies = 0;
        boolean clientFin = false;
        boolean serverFin = false;
        boolean rst = false;
        for (int i = 0; i < data.size(); i++) {
            LadderSegment s = data.segment(i);
            bytes += s.tcp().payloadLength();
            anomalies += s.anomalies().isEmpty() ? 0 : 1;
            boolean fromClient = s.tcp().src().equals(data.client());
            clientFin |= fromClient && s.tcp().has(TcpFlags.FIN);
            serverFin |= !fromClient && s.tcp().has(TcpFlags.FIN);
            rst |= s.tcp().has(TcpFlags.RST);
        }
        long duration = data.size() == 0 ? 0
                : data.segment(data.size() - 1).tcp().timeNs() - data.segment(0).tcp().timeNs();
        EndKind end = rst ? EndKind.RST : clientFin && serverFin ? EndKind.FIN_BOTH
                : clientFin || serverFin ? EndKind.HALF_CLOSED : EndKind.OPEN;
        boolean opened = data.size() > 0 && data.segment(0).tcp().flags() == TcpFlags.SYN;
        return new ConnectionEntry(data, name, data.client(), data.server(), data.size(), bytes, duration, end,
                !opened, anomalies, () -> data);
    }

    /** A connection of a capture as it stands now (a live one keeps growing: make a new entry then). */
    public static ConnectionEntry of(Connection c, int anomalies, Supplier<LadderData> ladder) {
        return new ConnectionEntry(c, null, c.client(), c.server(), c.segmentCount(),
                c.bytes(Side.CLIENT) + c.bytes(Side.SERVER),
                c.durationNs(), c.end(), c.midStream(), anomalies, ladder);
    }

    public ConnectionEntry withAnomalies(int count) {
        return new ConnectionEntry(key, name, client, server, segmentCount, payloadBytes, durationNs, end,
                midStream, count, ladder);
    }

    /** Opened and closed in the capture: its SYN was seen, and a FIN from each side. */
    public boolean complete() {
        return !midStream && end == EndKind.FIN_BOTH;
    }

    /** The text the filter box searches: name and both endpoints, lower case. */
    public String searchText() {
        return ((name == null ? "" : name + " ") + client + " " + server).toLowerCase(Locale.ROOT);
    }
}
