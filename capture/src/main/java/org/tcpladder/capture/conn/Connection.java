package org.tcpladder.capture.conn;

import org.tcpladder.capture.tcp.Side;
import org.tcpladder.capture.tcp.Endpoint;
import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * One TCP connection of a capture: the segments of one 4-tuple from a connection's start to its end.
 *
 * <p><b>Where a connection starts.</b> The first segment of a 4-tuple starts one; so does a SYN
 * without ACK after the 4-tuple's previous connection ended (FIN from both sides, or a RST): the
 * port pair is being reused (RFC 9293 section 3.6.1, TIME-WAIT reuse).
 *
 * <p><b>Who is the client.</b> The sender of the SYN without ACK that opened it (RFC 9293 section
 * 3.5). When the capture starts later, the connection is {@link #midStream() mid-stream} and the
 * roles are guessed once, from its first segment, by this rule:
 * <ol>
 *   <li>a SYN,ACK is sent by the server;</li>
 *   <li>otherwise the endpoint with the lower port is the server: servers listen on well-known or
 *       registered ports, clients send from ephemeral ports (RFC 6335: 49152-65535; Linux uses
 *       32768-60999), which are almost always higher;</li>
 *   <li>with equal ports, the sender of the first segment is the client.</li>
 * </ol>
 *
 * <p><b>Relative sequence numbers.</b> Each side's base is its initial sequence number, the sequence
 * number of its SYN (RFC 9293 section 3.4), so the first data byte is 1 and a SYN,ACK acknowledges 1,
 * as tcpdump and Wireshark show them. For a side whose SYN was not captured, the base is fixed by
 * whichever comes first: a segment with ACK from the other side (base = acknowledgment number minus
 * one, so the next byte that side sends is 1, as tcpdump counts) or that side's own first segment
 * (base = its sequence number, so it counts from 0).
 *
 * <p><b>Reading while a capture grows.</b> Segments are appended by one thread; other threads may read
 * {@link #segmentCount()} segments safely. Counters are updated in place and may be a packet behind.
 */
public final class Connection {
    private final int index;
    private final Endpoint client;
    private final Endpoint server;
    private final boolean midStream;
    /** Whether the client is the lower side of the flow table's key (decides direction cheaply). */
    final boolean clientIsLowSide;
    private final CaptureIndex owner;
    final RowList rows;

    // Per side (client, server) as plain fields: this is touched for every packet.
    private long clientPackets;
    private long serverPackets;
    private long clientBytes;
    private long serverBytes;
    private int clientBase;
    private int serverBase;
    private boolean clientBaseKnown;
    private boolean serverBaseKnown;
    private boolean clientFin;
    private boolean serverFin;
    private boolean rstSeen;
    private long startNs;
    private long lastNs;

    Connection(int index, Endpoint client, Endpoint server, boolean midStream, boolean clientIsLowSide,
               CaptureIndex owner) {
        this.index = index;
        this.client = client;
        this.server = server;
        this.midStream = midStream;
        this.clientIsLowSide = clientIsLowSide;
        this.owner = owner;
        this.rows = owner == null ? null : new RowList();
    }

    /** Position in the capture's connection list, from 0 (like Wireshark's tcp.stream). */
    public int index() {
        return index;
    }

    public Endpoint client() {
        return client;
    }

    public Endpoint server() {
        return server;
    }

    public Endpoint endpoint(Side side) {
        return side == Side.CLIENT ? client : server;
    }

    /** True when the capture did not see the client's opening SYN as the first segment. */
    public boolean midStream() {
        return midStream;
    }

    /** Number of segments (TCP packets) in the connection. */
    public int segmentCount() {
        if (rows == null) {
            return (int) packets();
        }
        return rows.size();
    }

    /**
     * Segment {@code i} (from 0, in capture order), built on demand: options and the urgent pointer
     * are read back from the capture's byte store.
     *
     * @throws UnsupportedOperationException for connections counted without an index
     */
    public TcpSegment segment(int i) {
        return requireOwner().segment(rows.get(i));
    }

    /** Who sent segment {@code i}, without building it. */
    public Side sender(int i) {
        return requireOwner().columns().fromServer(rows.get(i)) ? Side.SERVER : Side.CLIENT;
    }

    /** The row of segment {@code i} in the capture index (for {@link CaptureIndex#segment(int)}). */
    public int row(int i) {
        requireOwner();
        return rows.get(i);
    }

    /** Who sent {@code s} (a segment of this connection). */
    public Side sideOf(TcpSegment s) {
        return s.src().equals(client) ? Side.CLIENT : Side.SERVER;
    }

    public long packets(Side from) {
        return from == Side.CLIENT ? clientPackets : serverPackets;
    }

    public long packets() {
        return clientPackets + serverPackets;
    }

    /** TCP payload bytes sent by {@code from}, as the IP headers give them (retransmissions count). */
    public long bytes(Side from) {
        return from == Side.CLIENT ? clientBytes : serverBytes;
    }

    /** Capture time of the first segment. */
    public long startNs() {
        return startNs;
    }

    /** Capture time of the last segment. */
    public long endNs() {
        return lastNs;
    }

    public long durationNs() {
        return Math.max(0, lastNs - startNs);
    }

    public boolean finSeen(Side from) {
        return from == Side.CLIENT ? clientFin : serverFin;
    }

    public boolean rstSeen() {
        return rstSeen;
    }

    public EndKind end() {
        if (rstSeen) {
            return EndKind.RST;
        }
        if (clientFin && serverFin) {
            return EndKind.FIN_BOTH;
        }
        return clientFin || serverFin ? EndKind.HALF_CLOSED : EndKind.OPEN;
    }

    /** Over: FIN from both sides or a reset. A new SYN on the same 4-tuple then starts a new connection. */
    public boolean ended() {
        return rstSeen || (clientFin && serverFin);
    }

    /** The base of {@code side}'s relative sequence numbers (its ISN when its SYN was seen), or null. */
    public SeqNum initialSeq(Side side) {
        return baseKnown(side) ? new SeqNum(base(side)) : null;
    }

    /** Sequence number of {@code s} relative to its sender's base (0 for a SYN, 1 for the first data byte). */
    public long relativeSeq(TcpSegment s) {
        return relative(s.seq().raw(), sideOf(s));
    }

    /**
     * Acknowledgment number of {@code s} relative to the receiver's base. Meaningful only when {@code s}
     * has ACK set (RFC 9293 section 3.1).
     */
    public long relativeAck(TcpSegment s) {
        return relative(s.ack().raw(), sideOf(s).other());
    }

    /** {@code raw} relative to {@code side}'s base, modulo 2^32. */
    public long relative(int raw, Side side) {
        int b = baseKnown(side) ? base(side) : 0;
        return (raw - b) & 0xFFFF_FFFFL;
    }

    private boolean baseKnown(Side side) {
        return side == Side.CLIENT ? clientBaseKnown : serverBaseKnown;
    }

    private int base(Side side) {
        return side == Side.CLIENT ? clientBase : serverBase;
    }

    @Override
    public String toString() {
        return "connection " + index + " " + client + " > " + server;
    }

    // ---------------------------------------------------------------- updates (one writer)

    void record(boolean fromClient, long timeNs, int flags, int seq, int ack, int payloadLength) {
        if (clientPackets + serverPackets == 0) {
            startNs = timeNs;
        }
        lastNs = timeNs;
        boolean hasAck = (flags & TcpFlags.ACK) != 0;
        if (fromClient) {
            clientPackets++;
            clientBytes += payloadLength;
            if (!clientBaseKnown) {
                // its SYN, or (tcpdump's rule) its first segment with ACK, or its first segment at all
                clientBase = seq;
                clientBaseKnown = true;
            }
            if (hasAck && !serverBaseKnown) {
                serverBase = ack - 1;
                serverBaseKnown = true;
            }
            clientFin |= (flags & TcpFlags.FIN) != 0;
        } else {
            serverPackets++;
            serverBytes += payloadLength;
            if (!serverBaseKnown) {
                serverBase = seq;
                serverBaseKnown = true;
            }
            if (hasAck && !clientBaseKnown) {
                clientBase = ack - 1;
                clientBaseKnown = true;
            }
            serverFin |= (flags & TcpFlags.FIN) != 0;
        }
        rstSeen |= (flags & TcpFlags.RST) != 0;
    }

    private CaptureIndex requireOwner() {
        if (owner == null) {
            throw new UnsupportedOperationException("connection counted without a capture index");
        }
        return owner;
    }
}
