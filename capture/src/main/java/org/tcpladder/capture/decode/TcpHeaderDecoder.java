package org.tcpladder.capture.decode;

/**
 * The TCP header (RFC 9293 section 3.1): ports, sequence and acknowledgment numbers, data offset,
 * the control bits (with ECE/CWR from RFC 3168 and AE from RFC 3540/AccECN, the bit before CWR),
 * window, urgent pointer, and a strict check of the options.
 */
final class TcpHeaderDecoder {
    private TcpHeaderDecoder() {
    }

    static void decode(DecodedPacket p) {
        int start = p.l4Start;
        int usable = p.usableEnd() - start;
        int segmentLength = p.ipEnd - start;
        if (usable >= 4) {
            p.srcPort = p.u16(start);
            p.dstPort = p.u16(start + 2);
        }
        if (usable < 20) {
            IpDecoder.malformed(p, Layer.TCP, segmentLength < 20
                    ? "segment of " + segmentLength + " bytes is shorter than the 20-byte header"
                    : "truncated header: " + Math.max(usable, 0) + " of 20 bytes captured");
            return;
        }
        p.seq = p.u32(start + 4);
        p.ack = p.u32(start + 8);
        int offsetAndAe = p.u8(start + 12);
        p.flags = ((offsetAndAe & 0x01) << 8) | p.u8(start + 13);
        p.window = p.u16(start + 14);
        p.urgent = p.u16(start + 18);
        int headerLength = (offsetAndAe >>> 4) * 4;
        p.tcpHeaderLength = headerLength;
        if (headerLength < 20) {
            IpDecoder.malformed(p, Layer.TCP, "data offset " + (headerLength / 4) + " (" + headerLength
                    + " bytes) is less than the 20-byte minimum");
            return;
        }
        if (headerLength > segmentLength) {
            IpDecoder.malformed(p, Layer.TCP, "header length " + headerLength
                    + " is more than the segment length " + segmentLength);
            return;
        }
        if (headerLength > usable) {
            IpDecoder.malformed(p, Layer.TCP, "truncated header: " + usable + " of " + headerLength
                    + " bytes captured");
            return;
        }
        p.kind = PacketKind.TCP;
        if (headerLength > 20 && p.checkOptions) {
            String bad = TcpOptionReader.read(p.buffer, p.bigEndian, start + 20, headerLength - 20, null);
            if (bad != null && p.problem == null) {
                p.problemLayer = Layer.TCP;
                p.problem = bad;
            }
        }
    }
}
