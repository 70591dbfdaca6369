package org.tcpladder.capture.source;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The writing side of pcapng (the IETF draft "PCAP Now Generic", draft-ietf-opsawg-pcapng): a Section
 * Header Block, one Interface Description Block, then one Enhanced Packet Block per frame, all in
 * little-endian order (the reader takes either). Only what a live capture's spill file needs; the file
 * reads back with {@link PcapngFileReader}, tcpdump and Wireshark.
 *
 * <p>Blocks are laid out into a caller's array so that a capture can copy a frame straight into the
 * very bytes that will go to disk, with no second copy on the capture thread.
 */
public final class PcapngBlocks {
    static final int SECTION_HEADER = 0x0A0D0D0A;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int INTERFACE_DESCRIPTION = 0x00000001;
    static final int ENHANCED_PACKET = 0x00000006;
    static final short OPT_END = 0;
    static final short IF_TSRESOL = 9;

    /** Bytes of an Enhanced Packet Block before the frame's data. */
    public static final int PACKET_HEADER = 28;

    private PcapngBlocks() {
    }

    /**
     * The file's first bytes: a Section Header Block (version 1.0, section length unknown) and an
     * Interface Description Block for {@code linkType} with {@code if_tsresol} 9 (nanoseconds) or 6.
     */
    public static byte[] fileHeader(int linkType, int snaplen, TimePrecision precision) {
        ByteBuffer b = ByteBuffer.allocate(28 + 32).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(SECTION_HEADER).putInt(28).putInt(BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0)
                .putLong(-1L).putInt(28);
        // IDB: type, length, link type, reserved, snaplen, if_tsresol (1 byte padded to 4), opt_endofopt, length
        b.putInt(INTERFACE_DESCRIPTION).putInt(32).putShort((short) linkType).putShort((short) 0).putInt(snaplen)
                .putShort(IF_TSRESOL).putShort((short) 1)
                .put((byte) (precision == TimePrecision.NANO ? 9 : 6)).put((byte) 0).put((byte) 0).put((byte) 0)
                .putShort(OPT_END).putShort((short) 0).putInt(32);
        return b.array();
    }

    /** Total bytes of an Enhanced Packet Block holding {@code capturedLength} bytes of data. */
    public static int packetBlockLength(int capturedLength) {
        return PACKET_HEADER + ((capturedLength + 3) & ~3) + 4;
    }

    /**
     * Writes one Enhanced Packet Block (interface 0) into {@code to} at {@code at}.
     *
     * @param time timestamp in units of the interface's resolution (ns or µs since the epoch)
     * @return the block's length
     */
    public static int putPacket(byte[] to, int at, long time, int originalLength, byte[] data, int offset, int length) {
        int total = packetBlockLength(length);
        putInt(to, at, ENHANCED_PACKET);
        putInt(to, at + 4, total);
        putInt(to, at + 8, 0);
        putInt(to, at + 12, (int) (time >>> 32));
        putInt(to, at + 16, (int) time);
        putInt(to, at + 20, length);
        putInt(to, at + 24, originalLength);
        System.arraycopy(data, offset, to, at + PACKET_HEADER, length);
        for (int i = at + PACKET_HEADER + length; i < at + total - 4; i++) {
            to[i] = 0;
        }
        putInt(to, at + total - 4, total);
        return total;
    }

    /** A little-endian 32-bit field of a block written by {@link #putPacket}. */
    public static int getInt(byte[] from, int at) {
        return (from[at] & 0xFF) | (from[at + 1] & 0xFF) << 8 | (from[at + 2] & 0xFF) << 16 | (from[at + 3] & 0xFF) << 24;
    }

    private static void putInt(byte[] to, int at, int v) {
        to[at] = (byte) v;
        to[at + 1] = (byte) (v >>> 8);
        to[at + 2] = (byte) (v >>> 16);
        to[at + 3] = (byte) (v >>> 24);
    }
}
