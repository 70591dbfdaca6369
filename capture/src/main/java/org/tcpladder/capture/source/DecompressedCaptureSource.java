package org.tcpladder.capture.source;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A capture read from the temporary file a compressed capture was decompressed into; closing it
 * deletes that file. Offsets in its messages and its {@link ByteStore} are those of the decompressed
 * bytes.
 */
final class DecompressedCaptureSource implements PacketSource {
    private final PacketSource reader;
    private final Path temporary;

    DecompressedCaptureSource(PacketSource reader, Path temporary) {
        this.reader = reader;
        this.temporary = temporary;
    }

    @Override
    public boolean next(RawPacket into) throws CaptureFileException {
        return reader.next(into);
    }

    @Override
    public TimePrecision precision() {
        return reader.precision();
    }

    @Override
    public String interfaceName(int interfaceId) {
        return reader.interfaceName(interfaceId);
    }

    @Override
    public long bytesRead() {
        return reader.bytesRead();
    }

    @Override
    public long totalBytes() {
        return reader.totalBytes();
    }

    @Override
    public ByteStore store() {
        return reader.store();
    }

    /** The temporary file (for tests that check it is deleted). */
    Path temporaryFile() {
        return temporary;
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            GzipDecompression.deleteQuietly(temporary);
        }
    }
}
