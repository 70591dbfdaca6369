package org.tcpladder.capture.source;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Test-only writer of classic pcap bytes, byte for byte as the format defines them (draft-ietf-opsawg-pcap
 * sections 4 and 5), so that fixtures state exactly what is in the file. Records may lie about their
 * lengths on purpose ({@link #record}) to build damaged files.
 */
final class PcapBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;

    private PcapBytes(ByteOrder order, int magic, int linkTypeField, int snaplen) {
        this.order = order;
        ByteBuffer b = buffer(24);
        b.putInt(magic).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(snaplen).putInt(linkTypeField);
        write(b);
    }

    static PcapBytes micro(ByteOrder order) {
        return new PcapBytes(order, PcapFileReader.MAGIC_MICRO, 1, 262144);
    }

    static PcapBytes nano(ByteOrder order) {
        return new PcapBytes(order, PcapFileReader.MAGIC_NANO, 1, 262144);
    }

    /** A header with any magic, link type field (FCS bits included) and snaplen. */
    static PcapBytes withHeader(ByteOrder order, int magic, int linkTypeField, int snaplen) {
        return new PcapBytes(order, magic, linkTypeField, snaplen);
    }

    /** A whole packet: captured and original length both the data's length. */
    PcapBytes packet(long seconds, long fraction, byte[] data) {
        return record(seconds, fraction, data.length, data.length, data);
    }

    /** A packet cut by the snaplen: {@code data} is what was captured of {@code originalLength} bytes. */
    PcapBytes cutPacket(long seconds, long fraction, byte[] data, int originalLength) {
        return record(seconds, fraction, data.length, originalLength, data);
    }

    /** A record header saying anything, followed by {@code data} (whatever its real length). */
    PcapBytes record(long seconds, long fraction, int caplen, int originalLength, byte[] data) {
        ByteBuffer b = buffer(16);
        b.putInt((int) seconds).putInt((int) fraction).putInt(caplen).putInt(originalLength);
        write(b);
        out.writeBytes(data);
        return this;
    }

    /** Appends bytes as they are (to cut or damage a file). */
    PcapBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** Bytes written so far (the offset of whatever is written next). */
    int size() {
        return out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private ByteBuffer buffer(int n) {
        return ByteBuffer.allocate(n).order(order);
    }

    private void write(ByteBuffer b) {
        out.writeBytes(b.array());
    }
}
