package org.tcpladder.app.load;

import org.tcpladder.capture.source.ByteStore;
import org.tcpladder.capture.source.CaptureFileException;
import org.tcpladder.capture.source.PacketSource;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.source.TimePrecision;

import java.io.IOException;
import java.util.concurrent.CancellationException;

/**
 * A capture file seen through a progress bar: every few thousand frames it reports the bytes read so
 * far and stops with a {@link CancellationException} if the user cancelled.
 */
final class ObservedSource implements PacketSource {
    /** Progress is reported and cancellation checked every this many frames (cheap, and often enough). */
    static final int REPORT_EVERY = 4096;

    private final PacketSource source;
    private final LoadProgress progress;
    private long frames;

    ObservedSource(PacketSource source, LoadProgress progress) {
        this.source = source;
        this.progress = progress;
    }

    @Override
    public boolean next(RawPacket into) throws CaptureFileException {
        if (++frames % REPORT_EVERY == 0) {
            report();
        }
        boolean more = source.next(into);
        if (!more) {
            progress.update(source.bytesRead(), source.totalBytes());
        }
        return more;
    }

    void report() {
        if (progress.isCancelled()) {
            throw new CancellationException();
        }
        progress.update(source.bytesRead(), source.totalBytes());
    }

    @Override
    public TimePrecision precision() {
        return source.precision();
    }

    @Override
    public String interfaceName(int interfaceId) {
        return source.interfaceName(interfaceId);
    }

    @Override
    public long bytesRead() {
        return source.bytesRead();
    }

    @Override
    public long totalBytes() {
        return source.totalBytes();
    }

    @Override
    public ByteStore store() {
        return source.store();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
