package org.tcpladder.capture.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes classic little-endian pcap files for tests (so tcpdump can read the same bytes). */
public final class PcapWriter implements AutoCloseable {
    /** Time of the first frame of {@link #write(Path, int, List)}: 1700000000.123456 s. */
    public static final long BASE_TIME_NS = 1_700_000_000_123_456_000L;

    private final OutputStream out;
    private final boolean nano;

    public PcapWriter(Path path, int linkType, boolean nano) throws IOException {
        this.out = new java.io.BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        this.nano = nano;
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(nano ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(262144).putInt(linkType);
        out.write(h.array());
    }

    /** One frame per second from {@link #BASE_TIME_NS}. */
    public static Path write(Path path, int linkType, List<byte[]> frames) throws IOException {
        try (PcapWriter w = new PcapWriter(path, linkType, false)) {
            for (int i = 0; i < frames.size(); i++) {
                w.add(BASE_TIME_NS + i * 1_000_000_000L, frames.get(i));
            }
        }
        return path;
    }

    public void add(long timeNs, byte[] frame) throws IOException {
        add(timeNs, frame, frame.length);
    }

    /** A frame whose length on the wire was {@code originalLength} (more than its bytes when cut by a snaplen). */
    public void add(long timeNs, byte[] frame, int originalLength) throws IOException {
        ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        long sec = timeNs / 1_000_000_000L;
        long frac = timeNs % 1_000_000_000L;
        r.putInt((int) sec).putInt((int) (nano ? frac : frac / 1000)).putInt(frame.length).putInt(originalLength);
        out.write(r.array());
        out.write(frame);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
