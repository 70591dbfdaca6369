package org.tcpladder.capture.source;

import java.io.IOException;

/**
 * A capture file that cannot be read (missing, wrong format, cut short, absurd lengths): one clear
 * message that names the file and, for damage inside it, the byte offset where the problem is, suitable
 * for showing to the user as is (a dialog, a command-line error).
 */
public final class CaptureFileException extends IOException {
    private final String file;
    private final long offset;

    /** Damage at a place in the file: "FILE: at byte OFFSET: PROBLEM". */
    public CaptureFileException(String file, long offset, String problem) {
        super(file + ": at byte " + offset + ": " + problem);
        this.file = file;
        this.offset = offset;
    }

    /** A problem with the file as a whole (missing, a directory, not a capture): "FILE: PROBLEM". */
    public CaptureFileException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.offset = -1;
    }

    public String file() {
        return file;
    }

    /** Byte offset of the damage, or -1 when the problem is with the file as a whole. */
    public long offset() {
        return offset;
    }
}
