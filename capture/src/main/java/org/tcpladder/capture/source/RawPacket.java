package org.tcpladder.capture.source;

import java.nio.ByteBuffer;

/**
 * One link-layer frame as a capture source hands it out: a mutable cursor that the source refills on
 * every {@link PacketSource#next(RawPacket)} so that reading a file allocates nothing per packet.
 * The bytes are {@code buffer[position .. position + capturedLength)}; the buffer is only valid until
 * the next call to {@code next}.
 */
public final class RawPacket {
    /** Packet number in the capture, from 1 (counts every packet, TCP or not). */
    public long number;
    /** Capture time in nanoseconds since the epoch. */
    public long timeNs;
    /** LINKTYPE_ value (https://www.tcpdump.org/linktypes.html), e.g. 1 Ethernet, 113 LINUX_SLL. */
    public int linkType;
    /** pcapng interface id; 0 for classic pcap and live capture. */
    public int interfaceId;
    public int capturedLength;
    public int originalLength;
    /** Offset of the first data byte in the source's {@link ByteStore} (for reading it back later). */
    public long dataOffset;
    public ByteBuffer buffer;
    public int position;
}
