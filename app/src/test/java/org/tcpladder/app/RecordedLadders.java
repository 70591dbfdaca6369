package org.tcpladder.app;

import org.tcpladder.app.ladder.CaptureLadder;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.capture.analysis.ConnectionAnalysis;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.state.Narration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Ladders of real captures: the capture core's recordings of the live demo's scenarios (taken on
 * loopback with tcpdump by its RecordingMaker) and the app's own fixtures, each as the window gets it.
 */
public final class RecordedLadders {
    /** One connection of a real capture file, read by the capture core. */
    public static final Path LOST_DATA = Path.of("src/test/resources/captures/lost-data.pcap");

    private RecordedLadders() {
    }

    /** The first connection of a recording, e.g. {@code simultaneous-close-ipv4}. */
    public static LadderData recording(String name) {
        String resource = "org/tcpladder/capture/demo/recordings/" + name + ".pcap.gz";
        try (InputStream in = RecordedLadders.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + resource);
            }
            Path file = Files.createTempFile("recording-", ".pcap");
            file.toFile().deleteOnExit();
            try (InputStream gz = new GZIPInputStream(in)) {
                Files.write(file, gz.readAllBytes());
            }
            return file(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first connection of a capture file. */
    public static LadderData file(Path file) throws IOException {
        CaptureIndex index = CaptureIndex.load(file);
        Connection c = index.connections().get(0);
        return CaptureLadder.of(index, ConnectionAnalysis.of(c, c.endNs()), Narration.english());
    }
}
