package org.tcpladder.capture.demo;

import java.nio.ByteBuffer;

import org.tcpladder.capture.source.RawPacket;

/**
 * Just enough of a captured frame's TCP header for the session to know when its connection has
 * ended and whether the FINs of a simultaneous close crossed: ports, seq, ack, flags, payload length.
 * Not the program's decoder (package decode is): frames it does not understand are simply ignored
 * (null), which for the demo's own loopback traffic does not happen.
 *
 * @param srcPort       source port
 * @param dstPort       destination port
 * @param seq           sequence number (unsigned 32 bits in a long)
 * @param ack           acknowledgment number
 * @param flags         the 12-bit flags field ({@link org.tcpladder.capture.tcp.TcpFlags} bits)
 * @param payloadLength TCP payload bytes according to the IP length fields
 */
record TcpGlance(int srcPort, int dstPort, long seq, long ack, int flags, int payloadLength) {
    private static final int LINKTYPE_NULL = 0;
    private static final int LINKTYPE_ETHERNET = 1;
    private static final int LINKTYPE_RAW = 101;
    private static final int LINKTYPE_LOOP = 108;
    private static final int LINKTYPE_LINUX_SLL = 113;
    private static final int LINKTYPE_LINUX_SLL2 = 276;

    static TcpGlance of(RawPacket p) {
        return of(p.buffer, p.position, p.capturedLength, p.linkType);
    }

    static TcpGlance of(ByteBuffer b, int start, int length, int linkType) {
        int end = start + length;
        int ip;
        switch (linkType) {
            case LINKTYPE_ETHERNET -> {
                if (length < 14) {
                    return null;
                }
                ip = start + 14;
                int type = u16(b, start + 12);
                while (type == 0x8100 || type == 0x88A8) { // VLAN tags
                    if (ip + 4 > end) {
                        return null;
                    }
                    type = u16(b, ip + 2);
                    ip += 4;
                }
                if (type != 0x0800 && type != 0x86DD) {
                    return null;
                }
            }
            case LINKTYPE_LINUX_SLL -> ip = start + 16;
            case LINKTYPE_LINUX_SLL2 -> ip = start + 20;
            case LINKTYPE_NULL, LINKTYPE_LOOP -> ip = start + 4;
            case LINKTYPE_RAW -> ip = start;
            default -> {
                return null;
            }
        }
        if (ip >= end) {
            return null;
        }
        int version = (b.get(ip) & 0xFF) >> 4;
        int tcp;
        int tcpAndPayload;
        if (version == 4) {
            if (ip + 20 > end) {
                return null;
            }
            int ihl = (b.get(ip) & 0x0F) * 4;
            int total = u16(b, ip + 2);
            if (b.get(ip + 9) != 6 || ihl < 20 || total < ihl || (u16(b, ip + 6) & 0x1FFF) != 0) {
                return null;
            }
            tcp = ip + ihl;
            tcpAndPayload = total - ihl;
        } else if (version == 6) {
            if (ip + 40 > end || b.get(ip + 6) != 6) {
                return null;
            }
            tcp = ip + 40;
            tcpAndPayload = u16(b, ip + 4);
        } else {
            return null;
        }
        if (tcp + 20 > end) {
            return null;
        }
        int dataOffset = ((b.get(tcp + 12) & 0xFF) >> 4) * 4;
        if (dataOffset < 20 || dataOffset > tcpAndPayload) {
            return null;
        }
        int flags = u16(b, tcp + 12) & 0x0FFF;
        return new TcpGlance(u16(b, tcp), u16(b, tcp + 2), u32(b, tcp + 4), u32(b, tcp + 8), flags,
                tcpAndPayload - dataOffset);
    }

    private static int u16(ByteBuffer b, int at) {
        return ((b.get(at) & 0xFF) << 8) | (b.get(at + 1) & 0xFF);
    }

    private static long u32(ByteBuffer b, int at) {
        return ((long) u16(b, at) << 16) | u16(b, at + 2);
    }
}
