package org.tcpladder.capture.testing;

import java.nio.ByteBuffer;
import org.tcpladder.capture.decode.DecodedPacket;
import org.tcpladder.capture.decode.PacketDecoder;
import org.tcpladder.capture.source.RawPacket;

/** Decodes a frame built in a test, as a capture source would hand it over. */
public final class Decode {
    private Decode() {
    }

    public static DecodedPacket frame(int linkType, byte[] frame) {
        return frame(new PacketDecoder(), linkType, frame, frame.length);
    }

    public static DecodedPacket frame(PacketDecoder decoder, int linkType, byte[] frame, int originalLength) {
        return decoder.decode(raw(linkType, frame, originalLength));
    }

    /** The frame placed at offset 7 of a larger buffer, so that positions are not accidentally 0. */
    public static RawPacket raw(int linkType, byte[] frame, int originalLength) {
        ByteBuffer b = ByteBuffer.allocate(frame.length + 16);
        b.position(7);
        b.put(frame);
        RawPacket r = new RawPacket();
        r.number = 1;
        r.timeNs = 1_700_000_000_000_000_000L;
        r.linkType = linkType;
        r.capturedLength = frame.length;
        r.originalLength = originalLength;
        r.dataOffset = 1000;
        r.buffer = b;
        r.position = 7;
        return r;
    }
}
