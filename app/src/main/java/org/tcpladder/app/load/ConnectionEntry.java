package org.tcpladder.app.load;

import org.tcpladder.capture.tcp.Side;

import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.ladder.LadderSegment;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.conn.EndKind;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Endpoint;
import org.tcpladder.capture.tcp.TcpFlags;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One connection in the connection table on the left.
 *
 * @param key           what the entry stands for (a capture's {@link Connection}, or the ladder itself):
 *                      a newer entry with the same key is the same connection, grown or better known
 * @param index         the connection's number as {@code connections} prints it (from 0), or
 *                      {@link #NO_INDEX} for a ladder that is not from a capture
 * @param name          a label for connections that are not from a capture (the demo session), or null
 * @param client        the client's endpoint
 * @param server        the server's endpoint
 * @param segmentCount  how many segments it has
 * @param clientBytes   payload bytes the client sent
 * @param serverBytes   payload bytes the server sent
 * @param startNs       the time of its first segment
 * @param durationNs    from its first segment to its last
 * @param end           how it ended, as far as the capture shows
 * @param midStream     whether the capture began after its SYN (states are then assumed)
 * @param anomalies     segments with something unusual (retransmission, dup ACK…); -1 while not counted
 * @param clientFinal   the client's state after the last segment; null while not analysed
 * @param serverFinal   the server's state after the last segment; null while not analysed
 * @param ladder        builds the ladder when the connection is selected (may read the capture again;
 *                      may take long for a big connection, so it is called off the FX thread then)
 */
public record ConnectionEntry(Object key, int index, String name, Endpoint client, Endpoint server,
                              int segmentCount, long clientBytes, long serverBytes, long startNs,
                              long durationNs, EndKind end, boolean midStream, int anomalies,
                              TcpState clientFinal, TcpState serverFinal, Supplier<LadderData> ladder) {
    public static final int NOT_COUNTED = -1;
    public static final int NO_INDEX = -1;

    public ConnectionEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(ladder, "ladder");
    }

    /** Wraps ladder data that is already built (the synthetic demo, tests). */
    public static ConnectionEntry of(String name, LadderData data) {
        long clientBytes = 0;
        long serverBytes = 0;
        boolean clientFin = false;
        boolean serverFin = false;
        boolean rst = false;
        for (int i = 0; i < data.size(); i++) {
            LadderSegment s = data.segment(i);
            boolean fromClient = s.tcp().src().equals(data.client());
            if (fromClient) {
                clientBytes += s.tcp().payloadLength();
            } else {
                serverBytes += s.tcp().payloadLength();
            }
            clientFin |= fromClient && s.tcp().has(TcpFlags.FIN);
            serverFin |= !fromClient && s.tcp().has(TcpFlags.FIN);
            rst |= s.tcp().has(TcpFlags.RST);
        }
        long start = data.size() == 0 ? 0 : data.segment(0).tcp().timeNs();
        long duration = data.size() == 0 ? 0 : data.segment(data.size() - 1).tcp().timeNs() - start;
        EndKind end = rst ? EndKind.RST : clientFin && serverFin ? EndKind.FIN_BOTH
                : clientFin || serverFin ? EndKind.HALF_CLOSED : EndKind.OPEN;
        boolean opened = data.size() > 0 && data.segment(0).tcp().flags() == TcpFlags.SYN;
        return new ConnectionEntry(data, NO_INDEX, name, data.client(), data.server(), data.size(), clientBytes,
                serverBytes, start, duration, end, !opened, anomalies(data), finalState(data, Side.CLIENT),
                finalState(data, Side.SERVER), () -> data);
    }

    /** A connection of a live session whose ladder is built: counts and final states from the ladder. */
    public static ConnectionEntry of(Connection c, String name, LadderData data) {
        return new ConnectionEntry(c, c.index(), name, c.client(), c.server(), data.size(), c.bytes(Side.CLIENT),
                c.bytes(Side.SERVER), c.startNs(), c.durationNs(), c.end(), c.midStream(), anomalies(data),
                finalState(data, Side.CLIENT), finalState(data, Side.SERVER), () -> data);
    }

    /** A connection of a capture as it stands now (a live one keeps growing: make a new entry then). */
    public static ConnectionEntry of(Connection c, int anomalies, Supplier<LadderData> ladder) {
        return new ConnectionEntry(c, c.index(), null, c.client(), c.server(), c.segmentCount(),
                c.bytes(Side.CLIENT), c.bytes(Side.SERVER), c.startNs(), c.durationNs(), c.end(), c.midStream(),
                anomalies, null, null, ladder);
    }

    /** This entry with its analysis done: the anomaly count and both sides' final states. */
    public ConnectionEntry withAnalysis(int anomalyCount, TcpState clientState, TcpState serverState) {
        return new ConnectionEntry(key, index, name, client, server, segmentCount, clientBytes, serverBytes,
                startNs, durationNs, end, midStream, anomalyCount, clientState, serverState, ladder);
    }

    public ConnectionEntry withAnomalies(int count) {
        return withAnalysis(count, clientFinal, serverFinal);
    }

    /** Payload bytes in both directions. */
    public long payloadBytes() {
        return clientBytes + serverBytes;
    }

    /** Whether the anomalies have been counted and the final states inferred. */
    public boolean analysed() {
        return anomalies != NOT_COUNTED;
    }

    /** Opened and closed in the capture: its SYN was seen, and a FIN from each side. */
    public boolean complete() {
        return !midStream && end == EndKind.FIN_BOTH;
    }

    /** The text the filter box searches when no column texts are given: name and endpoints, lower case. */
    public String searchText() {
        return ((name == null ? "" : name + " ") + client + " " + server).toLowerCase(Locale.ROOT);
    }

    private static int anomalies(LadderData data) {
        int n = 0;
        for (int i = 0; i < data.size(); i++) {
            n += data.segment(i).anomalies().isEmpty() ? 0 : 1;
        }
        return n;
    }

    private static TcpState finalState(LadderData data, Side side) {
        return data.size() == 0 ? data.initialState(side) : data.stateOf(data.size() - 1, side);
    }
}
