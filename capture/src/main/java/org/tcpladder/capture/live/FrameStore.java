package org.tcpladder.capture.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.tcpladder.capture.source.ByteStore;
import org.tcpladder.capture.source.PcapngBlocks;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.source.TimePrecision;

/**
 * The frames of a live capture, kept so that payloads can be read back later, the way a
 * {@link org.tcpladder.capture.source.MappedFile} serves a capture file. Append-only: a frame, once
 * stored, never changes, and its {@code dataOffset} can be given to {@link #read} for as long as the store
 * is open.
 *
 * <p>Frames are laid out as pcapng Enhanced Packet Blocks ({@link PcapngBlocks}) in chunks held in memory
 * (a frame never straddles two; a chunk is sealed at what it holds, so offsets run on without gaps). An
 * offset is the position the byte has, or would have, in a pcapng file of the capture.
 *
 * <p>Memory is bounded by a budget, whatever the length of the capture:
 * <ul>
 *   <li>a store with a spill file ({@link #spilling}) hands each sealed chunk to the file's writer and
 *       lets go of the oldest written chunks whenever a new one would exceed the budget; reads of those
 *       go to the file. The capture thread never writes to disk itself. Only if the writer has fallen
 *       behind for {@link #WRITER_WAIT_MILLIS} is a frame refused ({@link Put#BEHIND}, counted by the
 *       caller), and a failed write ends the store ({@link Put#FAILED}, {@link #failure()});</li>
 *   <li>a store in memory only (demo sessions, whose captures are short) refuses frames past the budget
 *       ({@link Put#FULL}) and the capture ends.</li>
 * </ul>
 * Frames are also found by their index ({@link #blockOffset}): the offset of every
 * {@value #SPARSE}th frame is kept and the blocks in between are walked.
 */
public final class FrameStore implements ByteStore {
    static final int MAX_CHUNK = 4 << 20;
    static final int SPARSE = 64;
    static final long WRITER_WAIT_MILLIS = 500;

    /** What became of a frame given to {@link #put}. */
    public enum Put {
        KEPT,
        /** memory only, and the budget is used up */
        FULL,
        /** the spill file's writer is behind: this frame is not kept, the store goes on */
        BEHIND,
        /** the spill file cannot be written (see {@link #failure()}), or the store is closed */
        FAILED
    }

    private static final class Chunk {
        final long start;
        byte[] data;
        int used;
        boolean written;

        Chunk(long start, byte[] data) {
            this.start = start;
            this.data = data;
        }
    }

    private final long budget;
    private final int chunkSize;
    private final TimePrecision precision;
    private final int headerLength;
    private final SpillFile spill;
    private final List<Chunk> chunks = new ArrayList<>();
    /** Arrays of chunks let go of, for new chunks: after the first budget's worth, filling allocates nothing. */
    private final List<byte[]> spare = new ArrayList<>();
    private long[] sparse = new long[64];
    private int firstInMemory;
    private Chunk current;
    private long end;
    private long frames;
    private long inMemory;
    private long peakInMemory;
    private long spilledBytes;
    private long behind;
    private String failure;
    private boolean closed;

    /** A store in memory only that keeps at most {@code budgetBytes} (frames with nanosecond times). */
    public FrameStore(long budgetBytes) {
        this(budgetBytes, TimePrecision.NANO, PcapngBlocks.fileHeader(1, 0, TimePrecision.NANO).length, null);
    }

    private FrameStore(long budgetBytes, TimePrecision precision, int headerLength, SpillFile spill) {
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("memory budget " + budgetBytes);
        }
        this.budget = budgetBytes;
        // Eight chunks to a budget, so that letting go of one frees an eighth, not all of it.
        this.chunkSize = (int) Math.max(1, Math.min(MAX_CHUNK, budgetBytes / 8));
        this.precision = precision;
        this.headerLength = headerLength;
        this.spill = spill;
        this.end = headerLength;
    }

    /**
     * A store that keeps at most {@code budgetBytes} in memory and everything in the pcapng file
     * {@code file} (created, or emptied), which is removed at {@link #close()} unless saved.
     *
     * @param linkType  LINKTYPE_ of every frame (the file's one interface)
     * @param snaplen   the capture's snap length, for the file's interface description
     * @param precision the resolution the frames' times are written in
     */
    public static FrameStore spilling(long budgetBytes, Path file, int linkType, int snaplen, TimePrecision precision)
            throws IOException {
        byte[] header = PcapngBlocks.fileHeader(linkType, snaplen, precision);
        FrameStore[] self = new FrameStore[1];
        SpillFile spill = new SpillFile(file, header, (token, e) -> self[0].written((Chunk) token, e));
        self[0] = new FrameStore(budgetBytes, precision, header.length, spill);
        return self[0];
    }

    /**
     * Stores one frame (the capture thread's only work per frame: one copy into memory).
     *
     * @param timeNs capture time, ns since the epoch
     */
    public synchronized Put put(long timeNs, int originalLength, byte[] data, int offset, int length) {
        if (closed || failure != null) {
            return Put.FAILED;
        }
        int block = PcapngBlocks.packetBlockLength(length);
        if (current == null || current.data.length - current.used < block) {
            seal();
            Put room = makeRoom(Math.max(chunkSize, block));
            if (room != Put.KEPT) {
                return room;
            }
            int size = Math.max(chunkSize, block);
            byte[] memory = size == chunkSize && !spare.isEmpty() ? spare.remove(spare.size() - 1) : new byte[size];
            current = new Chunk(end, memory);
            chunks.add(current);
            inMemory += current.data.length;
            peakInMemory = Math.max(peakInMemory, inMemory);
        }
        long time = precision == TimePrecision.NANO ? timeNs : Math.floorDiv(timeNs, 1000L);
        PcapngBlocks.putPacket(current.data, current.used, time, originalLength, data, offset, length);
        current.used += block;
        if (frames % SPARSE == 0) {
            int k = (int) (frames / SPARSE);
            if (k == sparse.length) {
                sparse = Arrays.copyOf(sparse, k * 2);
            }
            sparse[k] = end;
        }
        frames++;
        end += block;
        return Put.KEPT;
    }

    /**
     * Stores one frame and describes it as a fresh {@link RawPacket} whose buffer is a read-only view of
     * the stored bytes (for callers that hand frames on at once, such as the demo's helper reader); in a
     * store with a spill file, whose memory is reused, a copy of them.
     *
     * @return the packet, or null when the frame was not kept
     */
    public synchronized RawPacket append(long number, long timeNs, int linkType, int originalLength,
                                         byte[] data, int offset, int length) {
        if (put(timeNs, originalLength, data, offset, length) != Put.KEPT) {
            return null;
        }
        RawPacket p = new RawPacket();
        p.number = number;
        p.timeNs = timeNs;
        p.linkType = linkType;
        p.capturedLength = length;
        p.originalLength = originalLength;
        p.dataOffset = end - PcapngBlocks.packetBlockLength(length) + PcapngBlocks.PACKET_HEADER;
        if (spill == null) {
            p.buffer = ByteBuffer.wrap(current.data).asReadOnlyBuffer();
            p.position = (int) (p.dataOffset - current.start);
        } else {
            int from = (int) (p.dataOffset - current.start);
            p.buffer = ByteBuffer.wrap(Arrays.copyOfRange(current.data, from, from + length)).asReadOnlyBuffer();
            p.position = 0;
        }
        return p;
    }

    /** Hands the chunk being filled to the spill file; the next frame starts a new one. */
    private void seal() {
        if (current != null) {
            if (spill != null && current.used > 0) {
                spill.enqueue(current.start, current.data, current.used, current);
            } else if (spill != null) {
                current.written = true;
            }
            current = null;
        }
    }

    /** Lets go of written chunks, oldest first, until {@code size} more bytes fit the budget. */
    private Put makeRoom(long size) {
        if (size > budget) {
            return spill == null ? Put.FULL : Put.BEHIND;
        }
        long deadline = System.nanoTime() + WRITER_WAIT_MILLIS * 1_000_000L;
        while (inMemory + size > budget) {
            if (spill == null) {
                return Put.FULL;
            }
            Chunk oldest = chunks.get(firstInMemory);
            if (oldest.written) {
                inMemory -= oldest.data.length;
                if (oldest.data.length == chunkSize) {
                    // reused as it is: a new chunk's blocks overwrite it from the start, and only its used part is read
                    spare.add(oldest.data);
                }
                oldest.data = null;
                firstInMemory++;
                continue;
            }
            long left = deadline - System.nanoTime();
            if (failure != null) {
                return Put.FAILED;
            }
            if (left <= 0) {
                behind++;
                return Put.BEHIND;
            }
            try {
                wait(Math.max(1, left / 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                behind++;
                return Put.BEHIND;
            }
        }
        return Put.KEPT;
    }

    private synchronized void written(Chunk c, IOException e) {
        if (e != null) {
            if (failure == null) {
                failure = "cannot write the frames beyond the memory budget to " + spill.path() + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        } else {
            c.written = true;
            spilledBytes += c.used;
        }
        notifyAll();
    }

    /**
     * Makes the spill file hold every frame stored so far (waits for its writer).
     *
     * @throws IOException when the file could not be written
     */
    public void flush() throws IOException {
        synchronized (this) {
            if (spill == null) {
                return;
            }
            seal();
            while (failure == null && !closed && !chunks.isEmpty() && !chunks.get(chunks.size() - 1).written) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while writing the spill file");
                }
            }
            if (failure != null) {
                throw new IOException(failure);
            }
        }
    }

    /**
     * Keeps the capture as a pcapng file at {@code target}: it is not removed at close (frames captured
     * after this go into it too).
     *
     * @throws IOException when it cannot be written or moved; IllegalStateException for a store in memory only
     */
    public void saveAs(Path target) throws IOException {
        if (spill == null) {
            throw new IllegalStateException("a store in memory only has no file to save");
        }
        flush();
        spill.saveAs(target);
    }

    @Override
    public byte[] read(long offset, int length) throws IOException {
        byte[] out = new byte[length];
        read(offset, out, 0, length);
        return out;
    }

    private void read(long offset, byte[] out, int at, int length) throws IOException {
        int done = 0;
        while (done < length) {
            long pos = offset + done;
            int n;
            boolean fromFile;
            synchronized (this) {
                if (closed) {
                    throw new IOException("the capture's frames have been released");
                }
                if (offset < headerLength || length < 0 || offset + length > end) {
                    throw new IOException("read of " + length + " bytes at " + offset
                            + " is outside the captured frames (" + headerLength + " to " + end + ")");
                }
                Chunk c = chunks.get(chunkIndex(pos));
                int from = (int) (pos - c.start);
                n = (int) Math.min(length - done, c.used - from);
                fromFile = c.data == null;
                if (!fromFile) {
                    System.arraycopy(c.data, from, out, at + done, n);
                }
            }
            if (fromFile) {
                // written before it was let go: the file holds it, and reading it needs no lock
                spill.read(pos, out, at + done, n);
            }
            done += n;
        }
    }

    private int chunkIndex(long offset) {
        int lo = 0;
        int hi = chunks.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (chunks.get(mid).start <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Offset of the first frame's block (the frames' blocks follow one another from here). */
    public long firstBlockOffset() {
        return headerLength;
    }

    /**
     * Offset of frame {@code index}'s block (0 is the first frame kept).
     *
     * @throws IOException when there is no such frame or it cannot be read
     */
    public long blockOffset(long index) throws IOException {
        long at;
        synchronized (this) {
            if (index < 0 || index >= frames) {
                throw new IOException("there is no frame " + index + " (" + frames + " kept)");
            }
            at = sparse[(int) (index / SPARSE)];
        }
        byte[] head = new byte[8];
        for (long i = index - index % SPARSE; i < index; i++) {
            read(at, head, 0, 8);
            at += PcapngBlocks.getInt(head, 4);
        }
        return at;
    }

    /**
     * Reads the frame whose block starts at {@code blockOffset} into {@code into} (its own copy of the
     * bytes, number and link type left to the caller).
     *
     * @return the offset of the next frame's block
     */
    public long readFrame(long blockOffset, RawPacket into) throws IOException {
        byte[] head = new byte[PcapngBlocks.PACKET_HEADER];
        read(blockOffset, head, 0, head.length);
        int total = PcapngBlocks.getInt(head, 4);
        long time = (long) PcapngBlocks.getInt(head, 12) << 32 | (PcapngBlocks.getInt(head, 16) & 0xFFFFFFFFL);
        int captured = PcapngBlocks.getInt(head, 20);
        into.timeNs = precision == TimePrecision.NANO ? time : time * 1000L;
        into.capturedLength = captured;
        into.originalLength = PcapngBlocks.getInt(head, 24);
        into.interfaceId = 0;
        into.dataOffset = blockOffset + PcapngBlocks.PACKET_HEADER;
        into.buffer = ByteBuffer.wrap(read(into.dataOffset, captured));
        into.position = 0;
        return blockOffset + total;
    }

    /** Frames kept so far. */
    public synchronized long frameCount() {
        return frames;
    }

    /** Frames refused because the spill file's writer was behind. */
    public synchronized long framesBehind() {
        return behind;
    }

    /** Bytes of frame blocks kept so far, in memory and on disk. */
    public synchronized long size() {
        return end - headerLength;
    }

    /** The most memory the store may hold. */
    public long limit() {
        return budget;
    }

    /** Memory the store holds now (whole chunks, the one being filled included). */
    public synchronized long inMemoryBytes() {
        return inMemory;
    }

    /** The most memory the store has held at any moment. */
    public synchronized long peakInMemoryBytes() {
        return peakInMemory;
    }

    /** Bytes written to the spill file so far (after its header). */
    public synchronized long spilledBytes() {
        return spilledBytes;
    }

    /** The spill file, or null for a store in memory only. */
    public Path spillFile() {
        return spill == null ? null : spill.path();
    }

    /** Whether the spill file has been saved (so it stays after close). */
    public boolean saved() {
        return spill != null && spill.saved();
    }

    /** Why the spill file cannot be written, or null. */
    public synchronized String failure() {
        return failure;
    }

    /** Releases the frames and removes the spill file unless it was saved. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            chunks.clear();
            spare.clear();
            current = null;
            inMemory = 0;
            notifyAll();
        }
        if (spill != null) {
            spill.close();
        }
    }
}
