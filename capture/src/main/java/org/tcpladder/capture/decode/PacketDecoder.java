package org.tcpladder.capture.decode;

import org.tcpladder.capture.source.RawPacket;

/**
 * Decodes link-layer frames down to TCP into one reusable {@link DecodedPacket}, allocating nothing
 * for a well-formed packet. Supported link types are listed in {@link LinkTypes}.
 *
 * <p>Never throws for any content of a frame: whatever is wrong comes back as
 * {@link PacketKind#MALFORMED} with a {@link Malformed} reason, and lengths read from the packet are
 * only ever compared, never used to allocate. Not thread-safe: one decoder per reading thread.
 */
public final class PacketDecoder {
    private final DecodedPacket packet = new DecodedPacket();
    private final boolean checkOptions;

    /** A decoder that checks every TCP option (a bad one becomes the packet's problem note). */
    public PacketDecoder() {
        this(true);
    }

    /**
     * @param checkOptions false to skip the strict walk of the TCP options: faster, for callers that
     *                     never look at the options' problem note (counting connections, printing
     *                     the way tcpdump does)
     */
    public PacketDecoder(boolean checkOptions) {
        this.checkOptions = checkOptions;
    }

    /**
     * Decodes {@code raw} (its bytes are read, never changed).
     *
     * @return this decoder's packet, refilled: valid until the next call
     */
    public DecodedPacket decode(RawPacket raw) {
        DecodedPacket p = packet;
        p.reset();
        p.number = raw.number;
        p.timeNs = raw.timeNs;
        p.linkType = raw.linkType;
        p.interfaceId = raw.interfaceId;
        p.frameOffset = raw.dataOffset;
        p.capturedLength = raw.capturedLength;
        p.originalLength = raw.originalLength;
        p.buffer = raw.buffer;
        p.bigEndian = DecodedPacket.isBigEndian(raw.buffer);
        p.frameStart = raw.position;
        p.frameEnd = raw.position + raw.capturedLength;
        p.checkOptions = checkOptions;
        p.lengthEnd = p.frameStart + raw.originalLength;
        p.copyHead();

        int version = LinkLayerDecoder.decode(p);
        if (version == LinkLayerDecoder.NONE) {
            return p;
        }
        IpDecoder.ip(p, version, p.frameStart + p.linkHeaderLength);
        return p;
    }

    /** The packet of the last {@link #decode} call. */
    public DecodedPacket packet() {
        return packet;
    }
}
