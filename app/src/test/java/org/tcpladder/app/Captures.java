package org.tcpladder.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real capture files for the app's tests, and ways to spoil them. */
public final class Captures {
    /**
     * Three echo sessions over loopback captured by tcpdump (two IPv4, one IPv6), each closed by the
     * client: the capture core's own fixture (see its make-fixtures.sh).
     */
    public static final Path LOOPBACK = Path.of("../capture/src/test/resources/source/loopback-tcpdump.pcap");
    /** 240 packets in 20 connections with some retransmissions (see src/test/resources/captures/README.md). */
    public static final Path TWENTY = Path.of("src/test/resources/captures/twenty-connections.pcap");

    private Captures() {
    }

    /** A copy of a classic pcap file without its record number {@code skip} (from 0). */
    public static Path withoutRecord(Path pcap, int skip, Path out) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer copy = ByteBuffer.allocate(in.capacity());
        copy.put(in.array(), 0, 24);
        int pos = 24;
        for (int record = 0; pos + 16 <= in.capacity(); record++) {
            int length = 16 + in.getInt(pos + 8);
            if (record != skip) {
                copy.put(in.array(), pos, length);
            }
            pos += length;
        }
        Files.write(out, java.util.Arrays.copyOf(copy.array(), copy.position()));
        return out;
    }

    /** A copy of a file without its last {@code bytes} bytes: a capture cut short. */
    public static Path cut(Path file, int bytes, Path out) throws IOException {
        byte[] all = Files.readAllBytes(file);
        Files.write(out, java.util.Arrays.copyOf(all, all.length - bytes));
        return out;
    }
}
