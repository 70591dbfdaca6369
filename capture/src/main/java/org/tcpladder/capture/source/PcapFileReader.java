package org.tcpladder.capture.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Classic libpcap files (draft-ietf-opsawg-pcap, "PCAP Capture File Format"): the 24-byte file header,
 * then per packet a 16-byte record header and the captured bytes. Both byte orders and both magics
 * (0xA1B2C3D4 microseconds, 0xA1B23C4D nanoseconds).
 *
 * <p>Lengths in the file are untrusted: a record whose captured length is beyond {@link #MAX_CAPLEN}
 * or runs past the end of the file ends the read with a {@link CaptureFileException} naming the offset,
 * after every packet before it has been delivered; nothing is ever allocated by a length read from the
 * file. A record whose captured length exceeds the header's snaplen is delivered whole, as tshark does
 * (libpcap would cut it to the snaplen).
 */
public final class PcapFileReader implements PacketSource {
    static final int MAGIC_MICRO = 0xA1B2C3D4;
    static final int MAGIC_NANO = 0xA1B23C4D;
    static final int FILE_HEADER = 24;
    static final int RECORD_HEADER = 16;
    /**
     * Largest captured length accepted, in pcap and pcapng alike. libpcap and tshark refuse more than
     * 256 KiB for most link types but allow up to 1 MiB for some (USBPcap); be as generous as that.
     */
    static final int MAX_CAPLEN = 1 << 20;

    private final String name;
    private final MappedFile file;
    private final long size;
    private final boolean swapped;
    private final TimePrecision precision;
    private final long fractionToNanos;
    private final int linkType;
    private final int fcsBits;
    private final long snaplen;
    private long offset = FILE_HEADER;
    private long number;

    public PcapFileReader(Path path, String displayName) throws IOException {
        this(new MappedFile(path), displayName);
    }

    PcapFileReader(MappedFile file, String displayName) throws IOException {
        this.name = displayName;
        this.file = file;
        this.size = file.size();
        try {
            if (size < FILE_HEADER) {
                throw new CaptureFileException(name, size, "file ends inside the pcap file header ("
                        + size + " of " + FILE_HEADER + " bytes)");
            }
            ByteBuffer b = file.window(0, FILE_HEADER);
            int base = (int) -file.windowStart();
            int magic = b.getInt(base);
            int swappedMagic = Integer.reverseBytes(magic);
            if (magic == MAGIC_MICRO || magic == MAGIC_NANO) {
                swapped = false;
            } else if (swappedMagic == MAGIC_MICRO || swappedMagic == MAGIC_NANO) {
                swapped = true;
                magic = swappedMagic;
            } else {
                throw new CaptureFileException(name, 0, String.format(
                        "not a pcap file (unknown magic %08x)", magic));
            }
            precision = magic == MAGIC_NANO ? TimePrecision.NANO : TimePrecision.MICRO;
            fractionToNanos = magic == MAGIC_NANO ? 1 : 1000;
            int major = u16(b, base + 4);
            if (major < 2) {
                // Version 2.4 has been current since 1998; libpcap and tshark refuse older ones too.
                throw new CaptureFileException(name, 4, "pcap version " + major + "." + u16(b, base + 6)
                        + " is too old (2.x expected)");
            }
            snaplen = u32(b, base + 16);
            // LinkType and additional information (draft section 4): the link type is the low 16 bits;
            // bits 28-31 say how many 16-bit words of frame check sequence end each frame, when bit 26 is set.
            int linkTypeField = i32(b, base + 20);
            linkType = linkTypeField & 0xFFFF;
            fcsBits = (linkTypeField & (1 << 26)) != 0 ? (linkTypeField >>> 28) * 16 : 0;
        } catch (IOException e) {
            file.close();
            throw e;
        }
    }

    public int linkType() {
        return linkType;
    }

    /** The snapshot length from the file header (what the capture was limited to per packet). */
    public long snaplen() {
        return snaplen;
    }

    /** Bits of frame check sequence at the end of each frame, as the file header says (0 if none or unknown). */
    public int fcsBits() {
        return fcsBits;
    }

    @Override
    public boolean next(RawPacket p) throws CaptureFileException {
        long at = offset;
        long left = size - at;
        if (left == 0) {
            return false;
        }
        if (left < RECORD_HEADER) {
            throw new CaptureFileException(name, at, "file ends inside the record header of packet "
                    + (number + 1) + " (" + left + " of " + RECORD_HEADER + " bytes)");
        }
        try {
            ByteBuffer b = file.window(at, RECORD_HEADER);
            int base = (int) (at - file.windowStart());
            long caplen = u32(b, base + 8);
            if (caplen > MAX_CAPLEN) {
                throw new CaptureFileException(name, at + 8, "packet " + (number + 1)
                        + " has an impossible captured length " + caplen + " (at most " + MAX_CAPLEN + ")");
            }
            if (left - RECORD_HEADER < caplen) {
                throw new CaptureFileException(name, at, "file ends inside packet " + (number + 1)
                        + " (its record needs " + caplen + " bytes of data, only " + (left - RECORD_HEADER)
                        + " left)");
            }
            int cap = (int) caplen;
            b = file.window(at, RECORD_HEADER + cap);
            base = (int) (at - file.windowStart());
            long seconds = u32(b, base);
            long fraction = u32(b, base + 4);
            long original = u32(b, base + 12);
            p.number = ++number;
            // Cannot overflow: (2^32 - 1) * 10^9 + (2^32 - 1) * 1000 < 2^63.
            p.timeNs = seconds * 1_000_000_000L + fraction * fractionToNanos;
            p.linkType = linkType;
            p.interfaceId = 0;
            p.capturedLength = cap;
            p.originalLength = (int) Math.min(original, Integer.MAX_VALUE);
            p.dataOffset = at + RECORD_HEADER;
            p.buffer = b;
            p.position = base + RECORD_HEADER;
            offset = at + RECORD_HEADER + cap;
            return true;
        } catch (CaptureFileException e) {
            throw e;
        } catch (IOException e) {
            throw new CaptureFileException(name, at, "cannot read: " + e.getMessage());
        }
    }

    private int i32(ByteBuffer b, int at) {
        int v = b.getInt(at);
        return swapped ? Integer.reverseBytes(v) : v;
    }

    private long u32(ByteBuffer b, int at) {
        return i32(b, at) & 0xFFFF_FFFFL;
    }

    private int u16(ByteBuffer b, int at) {
        short v = b.getShort(at);
        return (swapped ? Short.reverseBytes(v) : v) & 0xFFFF;
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
        return size;
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
