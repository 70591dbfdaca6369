package org.tcpladder.capture.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a capture file of any supported format, chosen by its content (not its name). */
public final class CaptureFiles {
    private CaptureFiles() {
    }

    public static PacketSource open(Path path) throws IOException {
        String name = path.toString();
        if (!Files.exists(path)) {
            throw new NoSuchFileException(name, null, "no such file");
        }
        if (Files.isDirectory(path)) {
            throw new CaptureFileException(name, 0, "is a directory, not a capture file");
        }
        return new PcapFileReader(path, name);
    }
}
