package org.tcpladder.capture.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.tcpladder.capture.source.ByteStore;
import org.tcpladder.capture.source.RawPacket;

/** A byte store that grows as frames arrive, as a live capture's store would. */
public final class GrowingStore implements ByteStore {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long number;

    /** Stores {@code frame} and returns it as the next packet (numbered from 1). */
    public synchronized RawPacket add(int linkType, long timeNs, byte[] frame) {
        long offset = bytes.size();
        bytes.writeBytes(frame);
        RawPacket r = new RawPacket();
        r.number = ++number;
        r.timeNs = timeNs;
        r.linkType = linkType;
        r.capturedLength = frame.length;
        r.originalLength = frame.length;
        r.dataOffset = offset;
        r.buffer = ByteBuffer.wrap(frame.clone());
        r.position = 0;
        return r;
    }

    @Override
    public synchronized byte[] read(long offset, int length) throws IOException {
        byte[] all = bytes.toByteArray();
        if (offset < 0 || offset + length > all.length) {
            throw new IOException("outside the store");
        }
        return Arrays.copyOfRange(all, (int) offset, (int) offset + length);
    }

    @Override
    public void close() {
    }
}
