package org.tcpladder.capture.source;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Test-only writer of pcapng bytes (draft-ietf-opsawg-pcapng), block by block, in the byte order of
 * the current section; {@link #section} starts a new one (possibly in the other order). Every block is
 * {@code type, length, body padded to 4, length}. Offsets of blocks ({@link #size()} before writing
 * one) let tests damage precise fields.
 */
final class PcapngBytes {
    static final int NAME_RESOLUTION = 4;
    static final int INTERFACE_STATISTICS = 5;
    static final int DECRYPTION_SECRETS = 10;
    static final int CUSTOM = 0x00000BAD;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder order;

    private PcapngBytes() {
    }

    /** A file whose first section is in {@code order}. */
    static PcapngBytes file(ByteOrder order) {
        return new PcapngBytes().section(order);
    }

    PcapngBytes section(ByteOrder order) {
        this.order = order;
        ByteBuffer body = buffer(16);
        body.putInt(PcapngFileReader.BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1);
        return block(PcapngFileReader.SECTION_HEADER, body.array());
    }

    /** An Interface Description Block with the given options (see {@link #name}, {@link #tsresol}…). */
    PcapngBytes interfaceDescription(int linkType, int snaplen, byte[]... options) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteBuffer fixed = buffer(8);
        fixed.putShort((short) linkType).putShort((short) 0).putInt(snaplen);
        body.writeBytes(fixed.array());
        if (options.length > 0) {
            for (byte[] o : options) {
                body.writeBytes(o);
            }
            body.writeBytes(option(PcapngFileReader.OPT_END, new byte[0]));
        }
        return block(PcapngFileReader.INTERFACE_DESCRIPTION, body.toByteArray());
    }

    byte[] name(String name) {
        return option(PcapngFileReader.IF_NAME, name.getBytes(StandardCharsets.UTF_8));
    }

    byte[] tsresol(int value) {
        return option(PcapngFileReader.IF_TSRESOL, new byte[] {(byte) value});
    }

    byte[] tsoffset(long seconds) {
        return option(PcapngFileReader.IF_TSOFFSET, buffer(8).putLong(seconds).array());
    }

    /** Any option: code, length, value padded to 4 bytes. */
    byte[] option(int code, byte[] value) {
        ByteBuffer b = buffer(4 + pad(value.length));
        b.putShort((short) code).putShort((short) value.length).put(value);
        return b.array();
    }

    PcapngBytes enhanced(int interfaceId, long ticks, byte[] data) {
        return enhanced(interfaceId, ticks, data, data.length);
    }

    PcapngBytes enhanced(int interfaceId, long ticks, byte[] data, int originalLength) {
        return packetBlock(PcapngFileReader.ENHANCED_PACKET, buffer(4).putInt(interfaceId).array(), ticks,
                data.length, originalLength, data);
    }

    /** An Enhanced Packet Block whose captured length field says anything. */
    PcapngBytes enhancedClaiming(int interfaceId, long ticks, int caplen, byte[] data) {
        return packetBlock(PcapngFileReader.ENHANCED_PACKET, buffer(4).putInt(interfaceId).array(), ticks,
                caplen, data.length, data);
    }

    /** The obsolete Packet Block (type 2): 16-bit interface id and drops count. */
    PcapngBytes obsoletePacket(int interfaceId, long ticks, byte[] data) {
        return packetBlock(PcapngFileReader.OBSOLETE_PACKET,
                buffer(4).putShort((short) interfaceId).putShort((short) 0).array(), ticks, data.length, data.length, data);
    }

    PcapngBytes simple(byte[] data, int originalLength) {
        ByteBuffer b = buffer(4 + pad(data.length));
        b.putInt(originalLength).put(data);
        return block(PcapngFileReader.SIMPLE_PACKET, b.array());
    }

    private PcapngBytes packetBlock(int type, byte[] idField, long ticks, int caplen, int originalLength, byte[] data) {
        ByteBuffer b = buffer(20 + pad(data.length));
        b.put(idField).putInt((int) (ticks >>> 32)).putInt((int) ticks).putInt(caplen).putInt(originalLength).put(data);
        return block(type, b.array());
    }

    /** Any block: type, total length, body (padded), total length. */
    PcapngBytes block(int type, byte[] body) {
        int length = 12 + pad(body.length);
        return rawBlock(type, length, body, length);
    }

    /** A block whose two length fields say anything. */
    PcapngBytes rawBlock(int type, int length, byte[] body, int trailerLength) {
        ByteBuffer b = buffer(12 + pad(body.length));
        b.putInt(type).putInt(length).put(body);
        b.position(8 + pad(body.length));
        b.putInt(trailerLength);
        out.writeBytes(b.array());
        return this;
    }

    /** Appends bytes as they are (to cut or damage a file). */
    PcapngBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private ByteBuffer buffer(int n) {
        return ByteBuffer.allocate(n).order(order);
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }
}
