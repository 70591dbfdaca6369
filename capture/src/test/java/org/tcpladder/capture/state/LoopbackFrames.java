package org.tcpladder.capture.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tcpladder.capture.source.CaptureFiles;
import org.tcpladder.capture.source.PacketSource;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.tcp.Endpoint;
import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * Just enough decoding for the kernel tests: Ethernet (what {@code tcpdump -i lo} writes) carrying IPv4 or
 * IPv6 carrying TCP, from a well-formed capture of our own making. Stand-in until the project's decoder
 * (package decode) is merged; then these tests should read captures through it instead.
 */
final class LoopbackFrames {
    private LoopbackFrames() {
    }

    static List<TcpSegment> read(Path file) throws IOException {
        List<TcpSegment> out = new ArrayList<>();
        try (PacketSource source = CaptureFiles.open(file)) {
            RawPacket p = new RawPacket();
            while (source.next(p)) {
                TcpSegment s = decode(p);
                if (s != null) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static TcpSegment decode(RawPacket p) {
        if (p.linkType != 1) {
            throw new IllegalStateException("expected Ethernet frames from tcpdump -i lo, got link type " + p.linkType);
        }
        ByteBuffer b = p.buffer.duplicate().order(ByteOrder.BIG_ENDIAN);
        int base = p.position;
        int etherType = b.getShort(base + 12) & 0xFFFF;
        int ip = base + 14;
        int tcp;
        int payloadLength;
        byte[] src;
        byte[] dst;
        if (etherType == 0x0800) {
            int ihl = (b.get(ip) & 0x0F) * 4;
            if (b.get(ip + 9) != 6) {
                return null;
            }
            int total = b.getShort(ip + 2) & 0xFFFF;
            src = bytes(b, ip + 12, 4);
            dst = bytes(b, ip + 16, 4);
            tcp = ip + ihl;
            payloadLength = total - ihl;
        } else if (etherType == 0x86DD) {
            if (b.get(ip + 6) != 6) {
                return null;
            }
            payloadLength = b.getShort(ip + 4) & 0xFFFF;
            src = bytes(b, ip + 8, 16);
            dst = bytes(b, ip + 24, 16);
            tcp = ip + 40;
        } else {
            return null;
        }
        int dataOffset = ((b.get(tcp + 12) & 0xF0) >> 4) * 4;
        int flags = ((b.get(tcp + 12) & 0x01) << 8) | (b.get(tcp + 13) & 0xFF);
        List<TcpOption> options = options(b, tcp + 20, tcp + dataOffset);
        int len = payloadLength - dataOffset;
        int captured = Math.max(0, Math.min(len, p.capturedLength - (tcp + dataOffset - base)));
        return new TcpSegment(p.number, p.timeNs,
                new Endpoint(src, b.getShort(tcp) & 0xFFFF), new Endpoint(dst, b.getShort(tcp + 2) & 0xFFFF),
                new SeqNum(b.getInt(tcp + 4)), new SeqNum(b.getInt(tcp + 8)), flags, b.getShort(tcp + 14) & 0xFFFF,
                b.getShort(tcp + 18) & 0xFFFF, len, captured, p.dataOffset + (tcp + dataOffset - base), options, null);
    }

    private static List<TcpOption> options(ByteBuffer b, int from, int to) {
        List<TcpOption> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            int kind = b.get(i) & 0xFF;
            if (kind == 0) {
                out.add(new TcpOption.EndOfList());
                break;
            }
            if (kind == 1) {
                out.add(new TcpOption.NoOp());
                i++;
                continue;
            }
            int len = b.get(i + 1) & 0xFF;
            switch (kind) {
                case 2 -> out.add(new TcpOption.MaxSegmentSize(b.getShort(i + 2) & 0xFFFF));
                case 3 -> out.add(new TcpOption.WindowScale(b.get(i + 2) & 0xFF));
                case 4 -> out.add(new TcpOption.SackPermitted());
                case 5 -> {
                    List<TcpOption.SackBlock> blocks = new ArrayList<>();
                    for (int j = i + 2; j + 8 <= i + len; j += 8) {
                        blocks.add(new TcpOption.SackBlock(new SeqNum(b.getInt(j)), new SeqNum(b.getInt(j + 4))));
                    }
                    out.add(new TcpOption.Sack(blocks));
                }
                case 8 -> out.add(new TcpOption.Timestamps(b.getInt(i + 2) & 0xFFFF_FFFFL, b.getInt(i + 6) & 0xFFFF_FFFFL));
                default -> out.add(new TcpOption.Unknown(kind, len, bytes(b, i + 2, len - 2)));
            }
            i += Math.max(len, 2);
        }
        return out;
    }

    private static byte[] bytes(ByteBuffer b, int at, int n) {
        byte[] out = new byte[n];
        for (int k = 0; k < n; k++) {
            out[k] = b.get(at + k);
        }
        return out;
    }
}
