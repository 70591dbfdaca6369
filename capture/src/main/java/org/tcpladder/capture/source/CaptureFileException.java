package org.tcpladder.capture.source;

import java.io.IOException;

/**
 * A capture file that cannot be read (wrong format, cut short, absurd lengths): one clear message that
 * names the file and the byte offset where the problem is, suitable for showing to the user as is.
 */
public final class CaptureFileException extends IOException {
    private final String file;
    private final long offset;

    public CaptureFileException(String file, long offset, String problem) {
        super(file + ": at byte " + offset + ": " + problem);
        this.file = file;
        this.offset = offset;
    }

    public String file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
