package org.tcpladder.capture.state;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * Writes scripted segments as a nanosecond pcap file (Ethernet, IPv4 or IPv6, TCP with its options and a
 * zero-filled payload) so that tshark can analyse exactly what the inference analysed. Checksums are left
 * zero: tshark does not verify them unless asked.
 */
final class PcapFixtureWriter {
    private static final int MAGIC_NANO = 0xA1B23C4D;
    private static final int LINKTYPE_ETHERNET = 1;

    private PcapFixtureWriter() {
    }

    static void write(Path file, List<TcpSegment> segments) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(MAGIC_NANO).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                    .putInt(262144).putInt(LINKTYPE_ETHERNET);
            out.write(header.array());
            for (TcpSegment s : segments) {
                byte[] frame = frame(s);
                ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                rec.putInt((int) (s.timeNs() / 1_000_000_000L)).putInt((int) (s.timeNs() % 1_000_000_000L))
                        .putInt(frame.length).putInt(frame.length);
                out.write(rec.array());
                out.write(frame);
            }
        }
    }

    static byte[] frame(TcpSegment s) {
        byte[] options = options(s.options());
        int tcpLength = 20 + options.length + s.payloadLength();
        boolean v6 = s.src().isIpv6();
        int ipHeader = v6 ? 40 : 20;
        ByteBuffer b = ByteBuffer.allocate(14 + ipHeader + tcpLength).order(ByteOrder.BIG_ENDIAN);
        b.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1});
        b.putShort((short) (v6 ? 0x86DD : 0x0800));
        if (v6) {
            b.putInt(0x6000_0000).putShort((short) tcpLength).put((byte) 6).put((byte) 64);
        } else {
            b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + tcpLength)).putShort((short) 0)
                    .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0);
        }
        b.put(s.src().address()).put(s.dst().address());
        b.putShort((short) s.src().port()).putShort((short) s.dst().port());
        b.putInt(s.seq().raw()).putInt(s.ack().raw());
        int dataOffset = (20 + options.length) / 4;
        b.putShort((short) ((dataOffset << 12) | (s.flags() & 0x1FF)));
        b.putShort((short) s.window()).putShort((short) 0).putShort((short) s.urgent());
        b.put(options);
        return b.array();
    }

    static byte[] options(List<TcpOption> options) {
        ByteBuffer b = ByteBuffer.allocate(60).order(ByteOrder.BIG_ENDIAN);
        for (TcpOption o : options) {
            if (o instanceof TcpOption.EndOfList) {
                b.put((byte) 0);
            } else if (o instanceof TcpOption.NoOp) {
                b.put((byte) 1);
            } else if (o instanceof TcpOption.MaxSegmentSize m) {
                b.put((byte) 2).put((byte) 4).putShort((short) m.mss());
            } else if (o instanceof TcpOption.WindowScale w) {
                b.put((byte) 3).put((byte) 3).put((byte) w.shift());
            } else if (o instanceof TcpOption.SackPermitted) {
                b.put((byte) 4).put((byte) 2);
            } else if (o instanceof TcpOption.Sack sack) {
                b.put((byte) 5).put((byte) (2 + 8 * sack.blocks().size()));
                for (TcpOption.SackBlock block : sack.blocks()) {
                    b.putInt(block.left().raw()).putInt(block.right().raw());
                }
            } else if (o instanceof TcpOption.Timestamps t) {
                b.put((byte) 8).put((byte) 10).putInt((int) t.value()).putInt((int) t.echoReply());
            } else {
                throw new IllegalArgumentException("fixture writer does not encode " + o);
            }
        }
        while (b.position() % 4 != 0) {
            b.put((byte) 1);
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }
}
