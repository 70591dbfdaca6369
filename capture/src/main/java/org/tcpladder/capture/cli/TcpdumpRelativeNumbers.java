package org.tcpladder.capture.cli;

import java.util.Arrays;
import org.tcpladder.capture.conn.FlowTable;
import org.tcpladder.capture.decode.DecodedPacket;
import org.tcpladder.capture.tcp.TcpFlags;

/**
 * tcpdump's relative sequence numbers, reproduced exactly (tcpdump 4.99, print-tcp.c): one entry per
 * conversation, created or reset by any segment carrying ACK that is the conversation's first with
 * ACK or carries SYN; that segment is printed with absolute numbers and records its sequence number
 * as its sender's base and its acknowledgment number minus one as the receiver's. Later segments with
 * ACK print seq and ack relative to those bases; segments without ACK always print absolute numbers.
 * SACK blocks are made relative with the same bases.
 *
 * <p>The conversation key is oriented by port (lower port first, then lower address); the bases are
 * stored in that orientation, which is why a segment going "the other way" subtracts them crosswise.
 */
final class TcpdumpRelativeNumbers {
    private final FlowTable flows = new FlowTable();
    private int[] lowBase = new int[256];
    private int[] highBase = new int[256];

    /** Numbers to print for the last {@link #update} call. */
    int seq;
    int ack;
    /** Bases for SACK blocks: {@code sackBase} is subtracted from both edges. */
    int sackBase;
    /** The conversation's id in the table, and whether the segment went from its higher side. */
    int flow;
    boolean reversed;

    /** Updates the table for a segment with ACK set and computes what to print (tcpdump without -S). */
    void update(DecodedPacket p, int rawSeq, int rawAck, int flags) {
        boolean rev = FlowTable.reversed(p);
        int id = flows.find(p, rev);
        boolean fresh = id < 0;
        if (fresh) {
            id = flows.add(p, rev);
            if (id == lowBase.length) {
                lowBase = Arrays.copyOf(lowBase, id * 2);
                highBase = Arrays.copyOf(highBase, id * 2);
            }
        }
        apply(id, rev, fresh, rawSeq, rawAck, flags);
    }

    /** The conversation's id, or -1 before its first segment with ACK ({@code rev} as {@link FlowTable#reversed}). */
    int find(DecodedPacket p, boolean rev) {
        return flows.find(p, rev);
    }

    /** {@link #update} for a segment of conversation {@code id}, found with {@link #find}. */
    void updateKnown(int id, boolean rev, int rawSeq, int rawAck, int flags) {
        apply(id, rev, false, rawSeq, rawAck, flags);
    }

    private void apply(int id, boolean rev, boolean fresh, int rawSeq, int rawAck, int flags) {
        if (fresh || (flags & TcpFlags.SYN) != 0) {
            if (rev) {
                highBase[id] = rawSeq;
                lowBase[id] = rawAck - 1;
            } else {
                lowBase[id] = rawSeq;
                highBase[id] = rawAck - 1;
            }
            seq = rawSeq;
            ack = rawAck;
        } else if (rev) {
            seq = rawSeq - highBase[id];
            ack = rawAck - lowBase[id];
        } else {
            seq = rawSeq - lowBase[id];
            ack = rawAck - highBase[id];
        }
        // SACK blocks name the receiver's sequence space (RFC 2018).
        sackBase = rev ? lowBase[id] : highBase[id];
        flow = id;
        reversed = rev;
    }
}
