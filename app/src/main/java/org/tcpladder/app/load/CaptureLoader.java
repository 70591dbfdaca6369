package org.tcpladder.app.load;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a capture file into the connections the app lists. Runs on a background thread; must check
 * {@link LoadProgress#isCancelled()} regularly and then throw {@link java.util.concurrent.CancellationException}.
 *
 * <p>The one seam between the window and the capture core's file reading: {@link CaptureIndexLoader}.
 */
@FunctionalInterface
public interface CaptureLoader {
    /**
     * @throws IOException a file that cannot be read at all; a
     *                     {@link org.tcpladder.capture.source.CaptureFileException} names the file and the
     *                     byte offset and is shown to the user as is
     */
    LoadedCapture load(Path file, LoadProgress progress) throws IOException;
}
