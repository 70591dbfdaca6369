package org.tcpladder.capture.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;

/**
 * The pcapng file behind a {@link FrameStore}: it receives the store's chunks in order, each already laid
 * out as Enhanced Packet Blocks, and writes them on a thread of its own, so the capture thread never
 * waits for the disk. A byte's offset in the store is its offset in this file. Removed when closed
 * (and by the JVM at exit, should the program end first) unless it has been saved.
 */
final class SpillFile implements AutoCloseable {
    /** A piece of work for the writer: bytes {@code [0, length)} of {@code data} go to {@code position}. */
    record Write(long position, byte[] data, int length, Object token) {
    }

    private static final Write END = new Write(0, new byte[0], 0, null);

    private final FileChannel channel;
    private final LinkedBlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final BiConsumer<Object, IOException> written;
    private volatile Path path;
    private volatile boolean saved;
    private volatile boolean closed;

    /**
     * Creates the file (with {@code header} as its first bytes) and starts its writer.
     *
     * @param written told, on the writer thread, of each write done (exception null) or failed
     */
    SpillFile(Path path, byte[] header, BiConsumer<Object, IOException> written) throws IOException {
        this.path = path;
        this.written = written;
        path.toFile().deleteOnExit();
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            writeFully(ByteBuffer.wrap(header), 0);
        } catch (IOException e) {
            channel.close();
            Files.deleteIfExists(path);
            throw e;
        }
        writer = new Thread(this::writeLoop, "frame-spill");
        writer.setDaemon(true);
        writer.start();
    }

    Path path() {
        return path;
    }

    boolean saved() {
        return saved;
    }

    void enqueue(long position, byte[] data, int length, Object token) {
        queue.add(new Write(position, data, length, token));
    }

    private void writeLoop() {
        while (true) {
            Write w;
            try {
                w = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (w == END) {
                return;
            }
            IOException failure = null;
            try {
                writeFully(ByteBuffer.wrap(w.data, 0, w.length), w.position);
            } catch (IOException e) {
                failure = e;
            }
            written.accept(w.token, failure);
        }
    }

    private void writeFully(ByteBuffer b, long position) throws IOException {
        long at = position;
        while (b.hasRemaining()) {
            at += channel.write(b, at);
        }
    }

    /** Reads {@code length} bytes at {@code position}, which must have been written. */
    void read(long position, byte[] into, int offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(into, offset, length);
        long at = position;
        while (b.hasRemaining()) {
            int n = channel.read(b, at);
            if (n < 0) {
                throw new IOException("the spill file " + path + " ends at " + at + ", before the frame");
            }
            at += n;
        }
    }

    /**
     * Moves the file to {@code target}, which then stays when the store is closed. Frames captured
     * later still go into it (on Linux an open file keeps its identity when renamed).
     */
    synchronized void saveAs(Path target) throws IOException {
        channel.force(false);
        try {
            Files.move(path, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // another file system: a copy of what is there now, and the temporary file goes at close
            Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        path = target;
        saved = true;
    }

    /** Stops the writer (after the writes queued so far) and removes the file unless it was saved. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(END);
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // closing a file we only wrote and read: nothing left to lose
        }
        if (!saved) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // deleteOnExit still has it
            }
        }
    }
}
