package org.tcpladder.capture.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A capture file read through memory-mapped windows. A single mapping is limited to 2 GiB, so the file
 * is seen through a window of at most {@link #WINDOW} bytes that slides forward as the reader goes; a
 * record never straddles the window because the window is re-placed to start at the record. The page
 * cache, not the Java heap, holds the bytes, so memory use does not grow with the file.
 *
 * <p>The window buffer is always big-endian (network order, what packet decoders expect); readers of
 * little-endian file headers swap the values themselves instead of changing the buffer's order.
 */
public final class MappedFile implements ByteStore {
    /** Window size: large enough that a sequential read remaps rarely, small enough for int indexes. */
    static final long WINDOW = 1L << 30;

    private final FileChannel channel;
    private final long size;
    private final long windowSize;
    /** Bits of a {@link #read} chunk's size: the file is also mapped whole, in 1 GiB pieces, for reads. */
    private static final int CHUNK_BITS = 30;
    /**
     * The whole file, mapped once for {@link #read}: a ladder reads a million segment headers one by one,
     * and a system call each was a fifth of analysing a connection. Absolute gets never move a buffer,
     * so any thread may read.
     */
    private final MappedByteBuffer[] chunks;
    private MappedByteBuffer window;
    private long windowStart;
    private long windowEnd;

    public MappedFile(Path path) throws IOException {
        this(path, WINDOW);
    }

    /** With a chosen window size (tests use a small one to exercise remapping). */
    MappedFile(Path path, long windowSize) throws IOException {
        if (windowSize <= 0 || windowSize > WINDOW) {
            throw new IllegalArgumentException("window size " + windowSize);
        }
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.size = channel.size();
        this.windowSize = windowSize;
        int count = (int) ((size + (1L << CHUNK_BITS) - 1) >>> CHUNK_BITS);
        this.chunks = new MappedByteBuffer[count];
        for (int i = 0; i < count; i++) {
            long start = (long) i << CHUNK_BITS;
            chunks[i] = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(1L << CHUNK_BITS, size - start));
        }
    }

    public long size() {
        return size;
    }

    /**
     * Makes {@code [offset, offset + length)} addressable and returns the buffer holding it; the bytes
     * are at {@code buffer index = offset - windowStart()}. Cheap when the range is already in the
     * window (two comparisons); otherwise the window moves to start at {@code offset}.
     *
     * @throws IOException if the range is not inside the file (callers check first; this is a guard)
     */
    public ByteBuffer window(long offset, int length) throws IOException {
        if (window == null || offset < windowStart || offset + length > windowEnd) {
            remap(offset, length);
        }
        return window;
    }

    private void remap(long offset, int length) throws IOException {
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new IOException("range of " + length + " bytes at " + offset + " is outside the file ("
                    + size + " bytes)");
        }
        long len = Math.min(Math.max(windowSize, length), size - offset);
        MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, offset, len);
        mapped.order(ByteOrder.BIG_ENDIAN);
        window = mapped;
        windowStart = offset;
        windowEnd = offset + len;
    }

    public long windowStart() {
        return windowStart;
    }

    /**
     * Copies bytes from the whole-file mapping (safe from any thread, does not move the window); a range
     * across two of its pieces with positional reads.
     */
    @Override
    public byte[] read(long offset, int length) throws IOException {
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new IOException("read of " + length + " bytes at " + offset + " is outside the file (" + size + " bytes)");
        }
        byte[] out = new byte[length];
        if (length == 0) {
            return out;
        }
        int chunk = (int) (offset >>> CHUNK_BITS);
        int at = (int) (offset - ((long) chunk << CHUNK_BITS));
        MappedByteBuffer piece = chunks[chunk];
        if (piece == null) {
            throw new IOException("read of " + length + " bytes at " + offset + " after the file was closed");
        }
        if (at + (long) length <= piece.capacity()) {
            piece.get(at, out);
            return out;
        }
        ByteBuffer dst = ByteBuffer.wrap(out);
        long pos = offset;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, pos);
            if (n < 0) {
                throw new IOException("file shrank while reading at " + pos);
            }
            pos += n;
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        window = null;
        java.util.Arrays.fill(chunks, null);
        channel.close();
    }
}
