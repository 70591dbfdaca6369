package org.tcpladder.capture.conn;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import org.tcpladder.capture.decode.DecodedPacket;
import org.tcpladder.capture.tcp.Endpoint;
import org.tcpladder.capture.tcp.TcpFlags;

/**
 * Sorts TCP segments into {@link Connection}s (the rules are in that class's documentation) and keeps
 * each connection's counters. Allocation-free per segment except when a connection starts.
 *
 * <p>Used alone it counts connections without remembering segments (the {@code connections}
 * command); {@link CaptureIndex} uses it and also stores every segment.
 */
public final class ConnectionTable {
    private final FlowTable flows = new FlowTable();
    private final CaptureIndex owner;
    private Connection[] latestByFlow = new Connection[256];
    private Connection[] connections = new Connection[256];
    private volatile int count;
    private boolean lastFromServer;
    private boolean lastWasNew;

    /** A table that only counts (its connections cannot hand out segments). */
    public ConnectionTable() {
        this(null);
    }

    ConnectionTable(CaptureIndex owner) {
        this.owner = owner;
    }

    /**
     * Assigns a decoded TCP segment ({@link DecodedPacket#isTcp()}) to its connection, starting a new
     * connection when the rules say so, and counts it.
     */
    public Connection add(DecodedPacket p) {
        boolean reversed = FlowTable.reversed(p);
        boolean lowToHigh = !reversed;
        int flow = flows.find(p, reversed);
        Connection c = flow >= 0 ? latestByFlow[flow] : null;
        int flags = p.flags();
        boolean opening = (flags & (TcpFlags.SYN | TcpFlags.ACK)) == TcpFlags.SYN;
        lastWasNew = c == null || (opening && c.ended());
        if (lastWasNew) {
            if (flow < 0) {
                flow = flows.add(p, reversed);
                if (flow == latestByFlow.length) {
                    latestByFlow = Arrays.copyOf(latestByFlow, flow * 2);
                }
            }
            c = open(p, lowToHigh);
            latestByFlow[flow] = c;
        }
        boolean fromClient = lowToHigh == c.clientIsLowSide;
        lastFromServer = !fromClient;
        c.record(fromClient, p.timeNs(), flags, p.seq(), p.ack(), p.payloadLength());
        return c;
    }

    /** Whether the segment of the last {@link #add} was sent by the server. */
    public boolean lastFromServer() {
        return lastFromServer;
    }

    /** Whether the last {@link #add} started a new connection. */
    public boolean lastWasNew() {
        return lastWasNew;
    }

    private Connection open(DecodedPacket p, boolean lowToHigh) {
        int flags = p.flags();
        boolean senderIsClient;
        boolean midStream;
        if ((flags & (TcpFlags.SYN | TcpFlags.ACK)) == TcpFlags.SYN) {
            senderIsClient = true;
            midStream = false;
        } else {
            midStream = true;
            if ((flags & (TcpFlags.SYN | TcpFlags.ACK)) == (TcpFlags.SYN | TcpFlags.ACK)) {
                senderIsClient = false;
            } else if (p.srcPort() != p.dstPort()) {
                senderIsClient = p.srcPort() > p.dstPort();
            } else {
                senderIsClient = true;
            }
        }
        Endpoint src = p.source();
        Endpoint dst = p.destination();
        int n = count;
        Connection c = new Connection(n, senderIsClient ? src : dst, senderIsClient ? dst : src, midStream,
                senderIsClient == lowToHigh, owner);
        if (n == connections.length) {
            connections = Arrays.copyOf(connections, n * 2);
        }
        connections[n] = c;
        count = n + 1;
        return c;
    }

    /** The connections so far, in order of their first segment (a read-only view that grows). */
    public List<Connection> connections() {
        return new View();
    }

    public int size() {
        return count;
    }

    public Connection get(int index) {
        int n = count;
        if (index < 0 || index >= n) {
            throw new IndexOutOfBoundsException("connection " + index + " of " + n);
        }
        return connections[index];
    }

    private final class View extends AbstractList<Connection> implements RandomAccess {
        @Override
        public Connection get(int index) {
            return ConnectionTable.this.get(index);
        }

        @Override
        public int size() {
            return count;
        }
    }
}
