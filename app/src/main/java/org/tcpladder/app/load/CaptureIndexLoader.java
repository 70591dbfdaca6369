package org.tcpladder.app.load;

import org.tcpladder.app.ladder.CaptureLadder;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.capture.analysis.ConnectionAnalysis;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.source.CaptureFiles;
import org.tcpladder.capture.source.PacketSource;
import org.tcpladder.capture.state.Narration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a capture file with the capture core's {@link CaptureIndex}: progress from the bytes read,
 * Cancel between frames, the connections listed with their counters at once. A selected connection's
 * ladder (state inference, narration) is built only when it is asked for; anomalies are counted
 * afterwards by an {@link AnomalySweep}.
 *
 * <p>A file damaged part way keeps what was read before the damage, and says where in
 * {@link LoadedCapture#readError()}; a file that is no capture at all is an exception naming it.
 */
public final class CaptureIndexLoader implements CaptureLoader {
    private final Narration narration;

    public CaptureIndexLoader(Narration narration) {
        this.narration = narration;
    }

    public CaptureIndexLoader() {
        this(Narration.english());
    }

    @Override
    public LoadedCapture load(Path file, LoadProgress progress) throws IOException {
        PacketSource source = CaptureFiles.open(file);
        CaptureIndex index;
        try {
            index = CaptureIndex.load(new ObservedSource(source, progress));
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        long end = captureEndNs(index);
        List<ConnectionEntry> entries = new ArrayList<>(index.connections().size());
        for (Connection c : index.connections()) {
            entries.add(ConnectionEntry.of(c, ConnectionEntry.NOT_COUNTED, () -> ladder(index, c, end, narration)));
        }
        String damage = index.readError() == null ? null : index.readError().getMessage();
        return new LoadedCapture(file, index.packetCount(), entries, index, damage, index.malformedPackets().size());
    }

    /** The time of the capture's last TCP segment: a TIME-WAIT over by then has ended (2 MSL). */
    public static long captureEndNs(CaptureIndex index) {
        long end = 0;
        for (Connection c : index.connections()) {
            end = Math.max(end, c.endNs());
        }
        return end;
    }

    /** Analyses one connection and wraps it for the ladder (takes about 7 µs per segment). */
    public static LadderData ladder(CaptureIndex index, Connection c, long captureEndNs, Narration narration) {
        return CaptureLadder.of(index, ConnectionAnalysis.of(c, captureEndNs), narration);
    }
}
