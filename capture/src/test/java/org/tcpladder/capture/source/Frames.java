package org.tcpladder.capture.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test-only: packets read from a source, copied out of the reusable {@link RawPacket}. */
final class Frames {
    private Frames() {
    }

    record Frame(long number, long timeNs, int linkType, int interfaceId, int capturedLength, int originalLength,
                 long dataOffset, byte[] data) {
    }

    /** Everything read before the source ended or failed, and the failure (null at a clean end). */
    record Reading(List<Frame> frames, CaptureFileException failure) {
    }

    static Frame copy(RawPacket p) {
        byte[] data = new byte[p.capturedLength];
        p.buffer.get(p.position, data);
        return new Frame(p.number, p.timeNs, p.linkType, p.interfaceId, p.capturedLength, p.originalLength,
                p.dataOffset, data);
    }

    static List<Frame> readAll(PacketSource source) throws CaptureFileException {
        List<Frame> frames = new ArrayList<>();
        RawPacket p = new RawPacket();
        while (source.next(p)) {
            frames.add(copy(p));
        }
        return frames;
    }

    static Reading readUntilFailure(PacketSource source) {
        List<Frame> frames = new ArrayList<>();
        RawPacket p = new RawPacket();
        try {
            while (source.next(p)) {
                frames.add(copy(p));
            }
            return new Reading(frames, null);
        } catch (CaptureFileException e) {
            return new Reading(frames, e);
        }
    }

    /** Opens {@code bytes} written to {@code file} and reads it to its end or first damage. */
    static Reading readFile(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        try (PacketSource source = CaptureFiles.open(file)) {
            return readUntilFailure(source);
        }
    }

    static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed + i * 7);
        }
        return b;
    }
}
