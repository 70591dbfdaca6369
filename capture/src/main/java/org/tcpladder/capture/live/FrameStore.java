package org.tcpladder.capture.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.tcpladder.capture.source.ByteStore;
import org.tcpladder.capture.source.RawPacket;

/**
 * The frames of a live capture, kept in memory so that payloads can be read back later, the way a
 * {@link org.tcpladder.capture.source.MappedFile} serves a capture file. Append-only: a frame, once
 * stored, never moves or changes, so the {@link RawPacket} handed out for it stays valid for as long as
 * the store is open, and its {@code dataOffset} can be given to {@link #read}.
 *
 * <p>Frames are copied into large chunks (never straddling two), and offsets run on without gaps from
 * one chunk to the next. A limit bounds the memory a capture that runs for hours may take; past it
 * {@link #append} refuses the frame and the capture ends (see {@link LiveCapture}).
 */
public final class FrameStore implements ByteStore {
    static final int CHUNK = 4 << 20;

    private final long limit;
    private final List<byte[]> chunks = new ArrayList<>();
    /** Offset of each chunk's first byte; a chunk holds bytes up to the next chunk's start. */
    private final List<Long> chunkStarts = new ArrayList<>();
    private byte[] current;
    private int used;
    private long size;
    private boolean closed;

    /** A store that keeps at most {@code limitBytes} of frame data. */
    public FrameStore(long limitBytes) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("limit " + limitBytes);
        }
        this.limit = limitBytes;
    }

    /**
     * Copies one frame in and describes it as a fresh {@link RawPacket} whose buffer is a read-only view
     * of the stored bytes.
     *
     * @return the packet, or null when the store is full (or closed)
     */
    public synchronized RawPacket append(long number, long timeNs, int linkType, int originalLength,
                                         byte[] data, int offset, int length) {
        if (closed || size + length > limit) {
            return null;
        }
        if (current == null || CHUNK - used < length) {
            // The chunk in use is sealed at what it holds (its tail stays unused), so the next
            // chunk's offsets continue without a gap.
            current = new byte[Math.max(CHUNK, length)];
            used = 0;
            chunks.add(current);
            chunkStarts.add(size);
        }
        System.arraycopy(data, offset, current, used, length);
        RawPacket p = new RawPacket();
        p.number = number;
        p.timeNs = timeNs;
        p.linkType = linkType;
        p.interfaceId = 0;
        p.capturedLength = length;
        p.originalLength = originalLength;
        p.dataOffset = size;
        p.buffer = ByteBuffer.wrap(current).asReadOnlyBuffer();
        p.position = used;
        used += length;
        size += length;
        return p;
    }

    /** Bytes of frame data kept so far. */
    public synchronized long size() {
        return size;
    }

    public long limit() {
        return limit;
    }

    @Override
    public synchronized byte[] read(long offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the capture's frames have been released");
        }
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new IOException("read of " + length + " bytes at " + offset
                    + " is outside the captured frames (" + size + " bytes)");
        }
        byte[] out = new byte[length];
        int done = 0;
        int i = chunkIndex(offset);
        while (done < length) {
            long start = chunkStarts.get(i);
            byte[] chunk = chunks.get(i);
            int from = (int) (offset + done - start);
            long end = i + 1 < chunkStarts.size() ? chunkStarts.get(i + 1) : size;
            int n = (int) Math.min(length - done, end - start - from);
            System.arraycopy(chunk, from, out, done, n);
            done += n;
            i++;
        }
        return out;
    }

    private int chunkIndex(long offset) {
        int lo = 0;
        int hi = chunkStarts.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (chunkStarts.get(mid) <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Releases the frames; packets handed out before keep their own view of the bytes. */
    @Override
    public synchronized void close() {
        closed = true;
        chunks.clear();
        chunkStarts.clear();
        current = null;
    }
}
