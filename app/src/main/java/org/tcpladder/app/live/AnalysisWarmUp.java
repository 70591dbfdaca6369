package org.tcpladder.app.live;

import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.source.ByteStore;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.source.TimePrecision;
import org.tcpladder.capture.state.Narration;
import org.tcpladder.capture.tcp.TcpFlags;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a made-up three-way handshake through the same code a live session's first segments go
 * through (decoding, indexing, state inference, narration, the ladder), once, in the background at
 * startup: the first session's first arrow then does not wait for the JVM to load and compile all of it.
 */
final class AnalysisWarmUp {
    private static final int FRAME = 14 + 20 + 20;

    private AnalysisWarmUp() {
    }

    /** @return the segments the ladder got (3, unless the decoder refused the made-up frames) */
    static int run() {
        byte[] bytes = new byte[3 * FRAME];
        frame(bytes, 0, 40000, 9, 1000, 0, TcpFlags.SYN);
        frame(bytes, FRAME, 9, 40000, 5000, 1001, TcpFlags.SYN | TcpFlags.ACK);
        frame(bytes, 2 * FRAME, 40000, 9, 1001, 5001, TcpFlags.ACK);
        ByteStore store = new ByteStore() {
            @Override
            public byte[] read(long offset, int length) {
                return Arrays.copyOfRange(bytes, (int) offset, (int) offset + length);
            }

            @Override
            public void close() {
            }
        };
        CaptureIndex index = new CaptureIndex(store, TimePrecision.NANO);
        for (int i = 0; i < 3; i++) {
            RawPacket p = new RawPacket();
            p.number = i + 1;
            p.timeNs = 1_000_000_000L + i * 10_000L;
            p.linkType = 1;
            p.capturedLength = FRAME;
            p.originalLength = FRAME;
            p.dataOffset = (long) i * FRAME;
            p.buffer = ByteBuffer.wrap(bytes);
            p.position = i * FRAME;
            index.append(p);
        }
        if (index.connections().isEmpty()) {
            return 0;
        }
        var data = LiveLadder.of(index, index.connections().get(0), List.of(), Narration.english());
        for (int i = 0; i < data.size(); i++) {
            data.segment(i).narration();
        }
        return data.size();
    }

    /** Ethernet, IPv4 127.0.0.1 to itself, TCP without options. */
    private static void frame(byte[] b, int at, int srcPort, int dstPort, long seq, long ack, int flags) {
        ByteBuffer f = ByteBuffer.wrap(b, at, FRAME);
        f.put(new byte[12]).putShort((short) 0x0800);
        f.put((byte) 0x45).put((byte) 0).putShort((short) 40).putShort((short) 0).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 6).putShort((short) 0)
                .put(new byte[]{127, 0, 0, 1}).put(new byte[]{127, 0, 0, 1});
        f.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt((int) ack)
                .put((byte) 0x50).put((byte) flags).putShort((short) 65495).putShort((short) 0).putShort((short) 0);
    }
}
