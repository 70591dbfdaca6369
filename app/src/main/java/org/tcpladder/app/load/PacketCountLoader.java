package org.tcpladder.app.load;

import org.tcpladder.capture.source.CaptureFiles;
import org.tcpladder.capture.source.PacketSource;
import org.tcpladder.capture.source.RawPacket;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Placeholder loader until the capture core's decoder and connection tracker are available: reads the
 * whole file (so damaged files are reported exactly as they will be later) and counts its packets, but
 * lists no connections yet. Replacing this class is the whole of plugging in real connections.
 */
public final class PacketCountLoader implements CaptureLoader {
    /** Progress is reported and cancellation checked every this many packets. */
    static final int REPORT_EVERY = 4096;

    @Override
    public LoadedCapture load(Path file, LoadProgress progress) throws IOException {
        long count = 0;
        try (PacketSource source = CaptureFiles.open(file)) {
            RawPacket packet = new RawPacket();
            while (source.next(packet)) {
                count++;
                if (count % REPORT_EVERY == 0) {
                    if (progress.isCancelled()) {
                        throw new CancellationException();
                    }
                    progress.update(source.bytesRead(), source.totalBytes());
                }
            }
            progress.update(source.bytesRead(), source.totalBytes());
        }
        return new LoadedCapture(file, count, List.of());
    }
}
