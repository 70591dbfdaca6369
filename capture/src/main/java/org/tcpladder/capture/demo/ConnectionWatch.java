package org.tcpladder.capture.demo;

import java.util.HashMap;
import java.util.Map;

import org.tcpladder.capture.decode.DecodedPacket;
import org.tcpladder.capture.decode.PacketDecoder;
import org.tcpladder.capture.decode.PacketKind;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.TcpFlags;

/**
 * Watches the captured frames of the server's port, per client port, for two facts the session needs
 * while it runs: whether a connection has ended as seen on the wire, and whether the FINs of a
 * simultaneous close crossed.
 *
 * <p>Ended (RFC 9293 section 3.6): a RST was seen, or both sides sent a FIN and each FIN was
 * acknowledged by the other side. Crossed: neither FIN acknowledges the other, i.e. each side sent its
 * FIN before it had received the peer's (section 3.6, "simultaneous close", figure 13).
 */
final class ConnectionWatch {
    private final int serverPort;
    private final Map<Integer, Connection> connections = new HashMap<>();
    /** Only the ports, numbers and flags are read: the options need no strict check. */
    private final PacketDecoder decoder = new PacketDecoder(false);

    private static final class Connection {
        boolean reset;
        /** Per direction (0 client to server, 1 server to client): the FIN's own sequence number. */
        final SeqNum[] fin = new SeqNum[2];
        /** The ack field carried by each direction's FIN segment (null without ACK). */
        final SeqNum[] ackOnFin = new SeqNum[2];
        /** Whether each direction's FIN has been acknowledged by the other direction. */
        final boolean[] finAcked = new boolean[2];
        boolean synSeen;
    }

    ConnectionWatch(int serverPort) {
        this.serverPort = serverPort;
    }

    /** Called for every captured frame (on the capture thread). */
    synchronized void frame(RawPacket p) {
        DecodedPacket g = decoder.decode(p);
        if (g.kind() != PacketKind.TCP) {
            // the session's own loopback traffic always decodes; anything else is not ours to judge
            return;
        }
        boolean fromClient;
        int clientPort;
        if (g.dstPort() == serverPort) {
            fromClient = true;
            clientPort = g.srcPort();
        } else if (g.srcPort() == serverPort) {
            fromClient = false;
            clientPort = g.dstPort();
        } else {
            return;
        }
        Connection c = connections.computeIfAbsent(clientPort, k -> new Connection());
        int dir = fromClient ? 0 : 1;
        int other = 1 - dir;
        int flags = g.flags();
        if (TcpFlags.has(flags, TcpFlags.SYN)) {
            c.synSeen = true;
        }
        if (TcpFlags.has(flags, TcpFlags.RST)) {
            c.reset = true;
        }
        if (TcpFlags.has(flags, TcpFlags.ACK) && c.fin[other] != null
                && SeqNum.of(g.ack()).greaterThan(c.fin[other])) {
            c.finAcked[other] = true;
        }
        if (TcpFlags.has(flags, TcpFlags.FIN) && c.fin[dir] == null) {
            // The FIN occupies the sequence number after the segment's data (RFC 9293 section 3.4).
            int synLength = TcpFlags.has(flags, TcpFlags.SYN) ? 1 : 0;
            c.fin[dir] = SeqNum.of(g.seq()).plus(synLength + g.payloadLength());
            c.ackOnFin[dir] = TcpFlags.has(flags, TcpFlags.ACK) ? SeqNum.of(g.ack()) : null;
        }
        notifyAll();
    }

    synchronized boolean ended(int clientPort) {
        Connection c = connections.get(clientPort);
        return c != null && (c.reset || (c.finAcked[0] && c.finAcked[1]));
    }

    /** Waits until {@link #ended} or the deadline (System.nanoTime) passes. */
    synchronized boolean awaitEnded(int clientPort, long deadlineNanos) throws InterruptedException {
        while (!ended(clientPort)) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /**
     * Whether the FINs crossed; null until both FINs are seen (or when the connection was reset).
     */
    synchronized Boolean finsCrossed(int clientPort) {
        Connection c = connections.get(clientPort);
        if (c == null || c.fin[0] == null || c.fin[1] == null) {
            return null;
        }
        boolean clientFinAcksServerFin = c.ackOnFin[0] != null && c.ackOnFin[0].greaterThan(c.fin[1]);
        boolean serverFinAcksClientFin = c.ackOnFin[1] != null && c.ackOnFin[1].greaterThan(c.fin[0]);
        return !clientFinAcksServerFin && !serverFinAcksClientFin;
    }
}
