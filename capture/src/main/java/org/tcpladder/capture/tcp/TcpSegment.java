package org.tcpladder.capture.tcp;

import java.util.List;

/**
 * One captured TCP segment, fully decoded. Built on demand from the capture (the payload bytes stay in
 * the file: {@link #payloadOffset()} locates them in the source's byte store).
 *
 * @param index         position in the capture: the file's packet number, starting at 1, as tcpdump
 *                      and Wireshark count (live captures count from 1 too)
 * @param timeNs        capture time, nanoseconds since the epoch
 * @param src           sender
 * @param dst           receiver
 * @param seq           sequence number (absolute)
 * @param ack           acknowledgment number (absolute; meaningful only with ACK)
 * @param flags         {@link TcpFlags} bits
 * @param window        the raw 16-bit window field (not scaled)
 * @param urgent        the urgent pointer
 * @param payloadLength TCP payload length according to the IP header (as tcpdump's "length")
 * @param capturedPayloadLength how much of that payload the capture kept (snaplen)
 * @param payloadOffset offset of the payload's first byte in the source's byte store
 * @param options       the options, in order
 * @param malformed     null, or what is wrong with this segment (e.g. a bad option)
 */
public record TcpSegment(
        long index,
        long timeNs,
        Endpoint src,
        Endpoint dst,
        SeqNum seq,
        SeqNum ack,
        int flags,
        int window,
        int urgent,
        int payloadLength,
        int capturedPayloadLength,
        long payloadOffset,
        List<TcpOption> options,
        String malformed) {

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** Sequence space this segment occupies: payload plus one for SYN and one for FIN (RFC 9293 3.4). */
    public long sequenceLength() {
        return payloadLength + (has(TcpFlags.SYN) ? 1 : 0) + (has(TcpFlags.FIN) ? 1 : 0);
    }
}
