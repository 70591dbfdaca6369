package org.tcpladder.capture.source;

import java.io.IOException;

/**
 * Random access to the bytes of a capture after it has been read once, so that payloads and options
 * are read back on demand instead of being kept in memory (a memory-mapped file, or for live capture
 * the frames kept so far).
 */
public interface ByteStore extends AutoCloseable {
    /** Copies {@code length} bytes starting at {@code offset}. */
    byte[] read(long offset, int length) throws IOException;

    @Override
    void close() throws IOException;
}
