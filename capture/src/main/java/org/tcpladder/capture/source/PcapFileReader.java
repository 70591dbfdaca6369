package org.tcpladder.capture.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Classic libpcap files (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html): the 24-byte
 * file header, then per packet a 16-byte record header and the captured bytes. Both byte orders and
 * both magics (0xA1B2C3D4 microseconds, 0xA1B23C4D nanoseconds).
 *
 * <p>Lengths in the file are untrusted: a record whose captured length exceeds the snaplen bound or
 * runs past the end of the file ends the read with a {@link CaptureFileException} naming the offset;
 * nothing is ever allocated by a length read from the file.
 */
public final class PcapFileReader implements PacketSource {
    static final int MAGIC_MICRO = 0xA1B2C3D4;
    static final int MAGIC_NANO = 0xA1B23C4D;
    /** Largest captured length accepted (libpcap's own bound for any link type is 256 KiB; be generous). */
    static final int MAX_CAPLEN = 1 << 20;

    private final String name;
    private final MappedFile file;
    private final ByteOrder order;
    private final TimePrecision precision;
    private final int linkType;
    private final int snaplen;
    private long offset = 24;
    private long number;

    public PcapFileReader(Path path, String displayName) throws IOException {
        this(new MappedFile(path), displayName);
    }

    PcapFileReader(MappedFile file, String displayName) throws IOException {
        this.name = displayName;
        this.file = file;
        try {
            if (file.size() < 24) {
                throw new CaptureFileException(name, 0, "file is " + file.size()
                        + " bytes, too short for a pcap file header (24 bytes)");
            }
            ByteBuffer b = file.window(0, 24);
            int base = (int) (0 - file.windowStart());
            int magicBe = b.order(ByteOrder.BIG_ENDIAN).getInt(base);
            int magicLe = Integer.reverseBytes(magicBe);
            if (magicBe == MAGIC_MICRO || magicBe == MAGIC_NANO) {
                order = ByteOrder.BIG_ENDIAN;
                precision = magicBe == MAGIC_NANO ? TimePrecision.NANO : TimePrecision.MICRO;
            } else if (magicLe == MAGIC_MICRO || magicLe == MAGIC_NANO) {
                order = ByteOrder.LITTLE_ENDIAN;
                precision = magicLe == MAGIC_NANO ? TimePrecision.NANO : TimePrecision.MICRO;
            } else {
                throw new CaptureFileException(name, 0, String.format(
                        "not a pcap file (unknown magic %08x)", magicBe));
            }
            b.order(order);
            snaplen = b.getInt(base + 16);
            // The link type is the low 16 bits; the upper bits carry FCS information (draft section 4).
            linkType = b.getInt(base + 20) & 0xFFFF;
            b.order(ByteOrder.BIG_ENDIAN);
        } catch (IOException e) {
            file.close();
            throw e;
        }
    }

    public int linkType() {
        return linkType;
    }

    public int snaplen() {
        return snaplen;
    }

    @Override
    public boolean next(RawPacket p) throws CaptureFileException {
        long size = file.size();
        if (offset == size) {
            return false;
        }
        if (size - offset < 16) {
            throw new CaptureFileException(name, offset, "file ends inside a packet record header ("
                    + (size - offset) + " of 16 bytes)");
        }
        try {
            ByteBuffer b = file.window(offset, 16);
            int at = (int) (offset - file.windowStart());
            long sec = getU32(b, at);
            long frac = getU32(b, at + 4);
            int caplen = getInt(b, at + 8);
            int origlen = getInt(b, at + 12);
            if (caplen < 0 || caplen > MAX_CAPLEN) {
                throw new CaptureFileException(name, offset + 8, "packet " + (number + 1)
                        + " has an impossible captured length " + Integer.toUnsignedString(caplen));
            }
            long dataAt = offset + 16;
            if (size - dataAt < caplen) {
                throw new CaptureFileException(name, offset, "file ends inside packet " + (number + 1)
                        + " (needs " + caplen + " bytes, only " + (size - dataAt) + " left)");
            }
            b = file.window(dataAt, caplen);
            p.number = ++number;
            p.timeNs = sec * 1_000_000_000L + (precision == TimePrecision.NANO ? frac : frac * 1000L);
            p.linkType = linkType;
            p.interfaceId = 0;
            p.capturedLength = caplen;
            p.originalLength = origlen;
            p.dataOffset = dataAt;
            p.buffer = b;
            p.position = (int) (dataAt - file.windowStart());
            offset = dataAt + caplen;
            return true;
        } catch (CaptureFileException e) {
            throw e;
        } catch (IOException e) {
            throw new CaptureFileException(name, offset, "cannot read: " + e.getMessage());
        }
    }

    private int getInt(ByteBuffer b, int at) {
        int v = b.getInt(at);
        return order == ByteOrder.BIG_ENDIAN ? v : Integer.reverseBytes(v);
    }

    private long getU32(ByteBuffer b, int at) {
        return getInt(b, at) & 0xFFFF_FFFFL;
    }

    @Override
    public TimePrecision precision() {
        return precision;
    }

    @Override
    public String interfaceName(int interfaceId) {
        return null;
    }

    @Override
    public long bytesRead() {
        return offset;
    }

    @Override
    public long totalBytes() {
        return file.size();
    }

    @Override
    public ByteStore store() {
        return file;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
