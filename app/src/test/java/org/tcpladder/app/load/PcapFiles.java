package org.tcpladder.app.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small classic pcap files for tests (little-endian, microseconds, Ethernet). */
public final class PcapFiles {
    private PcapFiles() {
    }

    public static Path write(Path file, int packets, int frameLength) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(24 + packets * (16 + frameLength)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        for (int i = 0; i < packets; i++) {
            b.putInt(1_700_000_000 + i).putInt(i).putInt(frameLength).putInt(frameLength);
            b.put(new byte[frameLength]);
        }
        Files.write(file, b.array());
        return file;
    }
}
