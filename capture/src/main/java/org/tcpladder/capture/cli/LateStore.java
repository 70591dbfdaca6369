package org.tcpladder.capture.cli;

import java.io.IOException;

import org.tcpladder.capture.source.ByteStore;

/**
 * A {@link ByteStore} known only a moment after frames start to arrive: a demo session hands out its
 * store once started, and its first frames may come before. Reads before then fail; nothing reads that
 * early (the printer feeds its analysis the decoded segments, it does not read them back).
 */
final class LateStore implements ByteStore {
    private volatile ByteStore store;

    void set(ByteStore s) {
        store = s;
    }

    @Override
    public byte[] read(long offset, int length) throws IOException {
        ByteStore s = store;
        if (s == null) {
            throw new IOException("the capture's frames are not readable yet");
        }
        return s.read(offset, length);
    }

    /** The store belongs to the session, which closes it. */
    @Override
    public void close() {
    }
}
