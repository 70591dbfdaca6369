package org.tcpladder.capture.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * pcapng files (draft-ietf-opsawg-pcapng, "PCAP Next Generation Dump File Format"): a sequence of
 * blocks, each {@code type, total length, body, total length again}, grouped in sections that each
 * begin with a Section Header Block fixing the byte order of the section.
 *
 * <p>Read: Section Header Blocks of either byte order (each new section forgets the interfaces of the
 * previous one), Interface Description Blocks ({@code if_name}, {@code if_tsresol} in both its
 * power-of-10 and power-of-2 forms, {@code if_tsoffset}, snaplen), and the three blocks that carry a
 * packet: Enhanced (type 6), Simple (type 3, interface 0, no timestamp: time 0 as tcpdump shows it) and
 * the obsolete Packet Block (type 2). Every other block (name resolution, statistics, decryption
 * secrets, custom…) is skipped by its length.
 *
 * <p>Interface ids: {@link RawPacket#interfaceId} and {@link #interfaceName(int)} number the
 * interfaces of the whole file in the order they are described, so that a second section's
 * interface 0 does not collide with the first section's. In a one-section file (nearly all) that is
 * exactly the id in the file.
 *
 * <p>Damage (a block length below 12, not a multiple of 4, running past the end of the file or
 * disagreeing with the trailing copy; a packet bigger than its block; an unknown interface) ends the
 * read with a {@link CaptureFileException} naming the byte offset, after every packet before it has
 * been delivered. Nothing is allocated by a length read from the file, and {@link #next} allocates
 * nothing at all.
 *
 * <p>{@link #precision()} is NANO when an interface has a unit finer than a microsecond. It is decided
 * when the file is opened, from the blocks before the first packet (where every writer puts its
 * interface descriptions); an interface described later with a finer unit switches it to NANO from
 * then on.
 */
public final class PcapngFileReader implements PacketSource {
    static final int SECTION_HEADER = 0x0A0D0D0A;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int INTERFACE_DESCRIPTION = 1;
    static final int OBSOLETE_PACKET = 2;
    static final int SIMPLE_PACKET = 3;
    static final int ENHANCED_PACKET = 6;

    static final int OPT_END = 0;
    static final int IF_NAME = 2;
    static final int IF_TSRESOL = 9;
    static final int IF_TSOFFSET = 14;

    /** Memory bound: more interfaces than this in one file is taken as damage (real files have a few). */
    static final int MAX_INTERFACES = 1 << 16;
    /** Interface names longer than this many bytes are cut (a name is shown, never parsed). */
    static final int MAX_NAME_BYTES = 256;

    private static final int MIN_BLOCK = 12;
    private static final int SECTION_HEADER_MIN = 28;
    private static final int INTERFACE_DESCRIPTION_MIN = 20;
    private static final int PACKET_BLOCK_MIN = 32;
    private static final int SIMPLE_PACKET_MIN = 16;
    /** Blocks up to this size are mapped whole; it holds a packet block with the largest caplen. */
    private static final int MAPPED_BLOCK = 2 * PcapFileReader.MAX_CAPLEN;

    private static final int END = -1;
    private static final int SKIPPED = 0;
    private static final int FILLED = 1;
    private static final int PACKET_AHEAD = 2;

    private final String name;
    private final MappedFile file;
    private final long size;
    /** Every interface described so far, over all sections (index = global interface id). */
    private final List<PcapngInterface> interfaces = new ArrayList<>();
    /** Global id of the current section's interface 0. */
    private int sectionFirstInterface;
    /** True when the current section is in the byte order opposite to the buffer's (big-endian). */
    private boolean swapped;
    private TimePrecision precision = TimePrecision.MICRO;
    private long offset;
    private long number;

    public PcapngFileReader(Path path, String displayName) throws IOException {
        this(new MappedFile(path), displayName);
    }

    PcapngFileReader(MappedFile file, String displayName) throws IOException {
        this.name = displayName;
        this.file = file;
        this.size = file.size();
        try {
            if (size < MIN_BLOCK) {
                throw new CaptureFileException(name, size, "file ends inside the pcapng section header block ("
                        + size + " bytes)");
            }
            int first = file.window(0, 4).getInt((int) -file.windowStart());
            if (first != SECTION_HEADER) {
                throw new CaptureFileException(name, 0, String.format(
                        "not a pcapng file (first block type %08x is not a section header block)", first));
            }
            // Read the section and interface descriptions up to the first packet, so that precision()
            // is known before any packet is read.
            while (step(null, true) == SKIPPED) {
                // keep going
            }
        } catch (IOException e) {
            file.close();
            throw e;
        }
    }

    @Override
    public boolean next(RawPacket p) throws CaptureFileException {
        while (true) {
            int result = step(p, false);
            if (result == FILLED) {
                return true;
            }
            if (result == END) {
                return false;
            }
        }
    }

    /**
     * Reads the block at {@code offset}: fills {@code p} if it carries a packet, or takes in or skips
     * anything else. With {@code stopBeforePacket}, leaves a packet block unread and says so.
     */
    private int step(RawPacket p, boolean stopBeforePacket) throws CaptureFileException {
        long at = offset;
        long left = size - at;
        if (left == 0) {
            return END;
        }
        if (left < MIN_BLOCK) {
            throw new CaptureFileException(name, at, "file ends inside a block (" + left
                    + " bytes left, a block has at least " + MIN_BLOCK + ")");
        }
        try {
            ByteBuffer b = file.window(at, MIN_BLOCK);
            int base = (int) (at - file.windowStart());
            int type = b.getInt(base);
            if (type == SECTION_HEADER) {
                // The type reads the same in both orders; the byte-order magic after the length says
                // which order the rest of the section uses (pcapng section 4.1).
                int magic = b.getInt(base + 8);
                if (magic == BYTE_ORDER_MAGIC) {
                    swapped = false;
                } else if (Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC) {
                    swapped = true;
                } else {
                    throw new CaptureFileException(name, at + 8, String.format(
                            "section header block has a bad byte-order magic %08x", magic));
                }
            } else {
                type = swap(type);
                if (stopBeforePacket && carriesPacket(type)) {
                    return PACKET_AHEAD;
                }
            }
            long length = u32(b, base + 4);
            if (length < MIN_BLOCK || (length & 3) != 0) {
                throw new CaptureFileException(name, at + 4, "block of type " + typeName(type)
                        + " has an impossible total length " + length
                        + " (at least " + MIN_BLOCK + " and a multiple of 4)");
            }
            if (length > left) {
                throw new CaptureFileException(name, at, "file ends inside a block of type " + typeName(type)
                        + " (it needs " + length + " bytes, only " + left + " left)");
            }
            long trailer;
            if (length > MAPPED_BLOCK) {
                trailer = u32At(at + length - 4);
                b = file.window(at, MAPPED_BLOCK);
            } else {
                b = file.window(at, (int) length);
                trailer = u32(b, (int) (at - file.windowStart() + length - 4));
            }
            base = (int) (at - file.windowStart());
            if (trailer != length) {
                throw new CaptureFileException(name, at + length - 4, "block of type " + typeName(type)
                        + " ends with total length " + trailer + " but starts with " + length);
            }
            int result = SKIPPED;
            switch (type) {
                case ENHANCED_PACKET:
                    fillPacket(p, b, base, at, length, u32(b, base + 8));
                    result = FILLED;
                    break;
                case OBSOLETE_PACKET:
                    fillPacket(p, b, base, at, length, u16(b, base + 8));
                    result = FILLED;
                    break;
                case SIMPLE_PACKET:
                    fillSimplePacket(p, b, base, at, length);
                    result = FILLED;
                    break;
                case SECTION_HEADER:
                    startSection(b, base, at, length);
                    break;
                case INTERFACE_DESCRIPTION:
                    addInterface(b, base, at, length);
                    break;
                default:
                    break;
            }
            offset = at + length;
            return result;
        } catch (CaptureFileException e) {
            throw e;
        } catch (IOException e) {
            throw new CaptureFileException(name, at, "cannot read: " + e.getMessage());
        }
    }

    /** Enhanced (type 6) and obsolete (type 2) packet blocks: same layout after the interface id. */
    private void fillPacket(RawPacket p, ByteBuffer b, int base, long at, long length, long id)
            throws CaptureFileException {
        long packet = number + 1;
        if (length < PACKET_BLOCK_MIN) {
            throw new CaptureFileException(name, at + 4, "packet " + packet + ": block of " + length
                    + " bytes is too short for a packet block (at least " + PACKET_BLOCK_MIN + ")");
        }
        PcapngInterface iface = sectionInterface(id, at + 8, packet);
        long caplen = u32(b, base + 20);
        long room = length - PACKET_BLOCK_MIN;
        if (caplen > room || caplen > PcapFileReader.MAX_CAPLEN) {
            throw new CaptureFileException(name, at + 20, "packet " + packet + " has an impossible captured length "
                    + caplen + " (its block has room for " + room + ", and at most "
                    + PcapFileReader.MAX_CAPLEN + " are accepted)");
        }
        long ticks = (u32(b, base + 12) << 32) | u32(b, base + 16);
        long timeNs;
        try {
            timeNs = Math.addExact(iface.resolution().toNanos(ticks), iface.offsetNanos());
        } catch (ArithmeticException e) {
            throw new CaptureFileException(name, at + 12, "packet " + packet + " has a timestamp of "
                    + Long.toUnsignedString(ticks) + " units of " + iface.resolution()
                    + ", beyond what this program can represent (the year 2262)");
        }
        number = packet;
        p.number = packet;
        p.timeNs = timeNs;
        p.linkType = iface.linkType();
        p.interfaceId = sectionFirstInterface + (int) id;
        p.capturedLength = (int) caplen;
        p.originalLength = (int) Math.min(u32(b, base + 24), Integer.MAX_VALUE);
        p.dataOffset = at + 28;
        p.buffer = b;
        p.position = base + 28;
    }

    /**
     * Simple Packet Block (pcapng section 4.4): interface 0 of the section, no timestamp, only the
     * original length; what was captured is the original length cut to the snaplen and to the room in
     * the block. (tshark refuses a block too small for min(original, snaplen); this reader keeps what
     * is there.)
     */
    private void fillSimplePacket(RawPacket p, ByteBuffer b, int base, long at, long length)
            throws CaptureFileException {
        long packet = number + 1;
        if (length < SIMPLE_PACKET_MIN) {
            throw new CaptureFileException(name, at + 4, "packet " + packet + ": block of " + length
                    + " bytes is too short for a simple packet block (at least " + SIMPLE_PACKET_MIN + ")");
        }
        if (interfaces.size() == sectionFirstInterface) {
            throw new CaptureFileException(name, at, "packet " + packet
                    + ": simple packet block before any interface description block in its section");
        }
        PcapngInterface iface = interfaces.get(sectionFirstInterface);
        long original = u32(b, base + 8);
        long caplen = Math.min(original, length - SIMPLE_PACKET_MIN);
        if (iface.snaplen() != 0) {
            caplen = Math.min(caplen, iface.snaplen());
        }
        if (caplen > PcapFileReader.MAX_CAPLEN) {
            throw new CaptureFileException(name, at + 8, "packet " + packet + " has an impossible length "
                    + caplen + " (at most " + PcapFileReader.MAX_CAPLEN + " are accepted)");
        }
        number = packet;
        p.number = packet;
        p.timeNs = 0;
        p.linkType = iface.linkType();
        p.interfaceId = sectionFirstInterface;
        p.capturedLength = (int) caplen;
        p.originalLength = (int) Math.min(original, Integer.MAX_VALUE);
        p.dataOffset = at + 12;
        p.buffer = b;
        p.position = base + 12;
    }

    private PcapngInterface sectionInterface(long id, long idAt, long packet) throws CaptureFileException {
        int described = interfaces.size() - sectionFirstInterface;
        if (id >= described) {
            throw new CaptureFileException(name, idAt, "packet " + packet + " is on interface " + id
                    + ", but its section describes " + (described == 1 ? "1 interface" : described + " interfaces"));
        }
        return interfaces.get(sectionFirstInterface + (int) id);
    }

    private void startSection(ByteBuffer b, int base, long at, long length) throws CaptureFileException {
        if (length < SECTION_HEADER_MIN) {
            throw new CaptureFileException(name, at + 4, "section header block of " + length
                    + " bytes is too short (at least " + SECTION_HEADER_MIN + ")");
        }
        int major = u16(b, base + 12);
        if (major != 1) {
            // A different major version may lay blocks out differently (section 4.1): refuse rather than guess.
            throw new CaptureFileException(name, at + 12, "pcapng version " + major + "." + u16(b, base + 14)
                    + " is not supported (1.x expected)");
        }
        sectionFirstInterface = interfaces.size();
    }

    private void addInterface(ByteBuffer b, int base, long at, long length) throws IOException {
        if (length < INTERFACE_DESCRIPTION_MIN) {
            throw new CaptureFileException(name, at + 4, "interface description block of " + length
                    + " bytes is too short (at least " + INTERFACE_DESCRIPTION_MIN + ")");
        }
        if (interfaces.size() >= MAX_INTERFACES) {
            throw new CaptureFileException(name, at, "more than " + MAX_INTERFACES
                    + " interface description blocks; this is taken as damage");
        }
        int linkType = u16(b, base + 8);
        long snaplen = u32(b, base + 12);
        String ifName = null;
        TimestampResolution resolution = null;
        long offsetSeconds = 0;
        long pos = at + 16;
        long end = at + length - 4;
        while (end - pos >= 4) {
            int code = u16At(pos);
            int optionLength = u16At(pos + 2);
            if (code == OPT_END) {
                break;
            }
            if (optionLength > end - pos - 4) {
                throw new CaptureFileException(name, pos + 2, "option " + code + " of " + optionLength
                        + " bytes runs past the end of its interface description block");
            }
            long value = pos + 4;
            // Options of an unexpected size are ignored, as tshark does.
            if (code == IF_NAME && ifName == null) {
                ifName = text(value, optionLength);
            } else if (code == IF_TSRESOL && optionLength == 1 && resolution == null) {
                int tsresol = file.window(value, 1).get((int) (value - file.windowStart())) & 0xFF;
                resolution = TimestampResolution.of(tsresol);
            } else if (code == IF_TSOFFSET && optionLength == 8) {
                // A signed 64-bit count of seconds in the section's byte order.
                offsetSeconds = swapped ? (u32At(value + 4) << 32) | u32At(value) : (u32At(value) << 32) | u32At(value + 4);
            }
            pos = value + ((optionLength + 3) & ~3);
        }
        long offsetNanos;
        try {
            offsetNanos = Math.multiplyExact(offsetSeconds, 1_000_000_000L);
        } catch (ArithmeticException e) {
            throw new CaptureFileException(name, at, "interface " + interfaces.size() + " has an if_tsoffset of "
                    + offsetSeconds + " seconds, beyond what this program can represent");
        }
        if (resolution == null) {
            resolution = TimestampResolution.MICROSECONDS;
        }
        if (resolution.finerThanMicroseconds()) {
            precision = TimePrecision.NANO;
        }
        interfaces.add(new PcapngInterface(linkType, snaplen, ifName, resolution, offsetNanos));
    }

    /** UTF-8 text of an option, cut to {@link #MAX_NAME_BYTES}, without the NUL some writers add. */
    private String text(long at, int length) throws IOException {
        int n = Math.min(length, MAX_NAME_BYTES);
        ByteBuffer b = file.window(at, n);
        int base = (int) (at - file.windowStart());
        while (n > 0 && b.get(base + n - 1) == 0) {
            n--;
        }
        byte[] bytes = new byte[n];
        b.get(base, bytes, 0, n);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean carriesPacket(int type) {
        return type == ENHANCED_PACKET || type == SIMPLE_PACKET || type == OBSOLETE_PACKET;
    }

    private static String typeName(int type) {
        return switch (type) {
            case SECTION_HEADER -> "0x0A0D0D0A (section header)";
            case INTERFACE_DESCRIPTION -> "1 (interface description)";
            case OBSOLETE_PACKET -> "2 (packet)";
            case SIMPLE_PACKET -> "3 (simple packet)";
            case ENHANCED_PACKET -> "6 (enhanced packet)";
            default -> String.format("0x%08X", type);
        };
    }

    private int swap(int v) {
        return swapped ? Integer.reverseBytes(v) : v;
    }

    private long u32(ByteBuffer b, int at) {
        return swap(b.getInt(at)) & 0xFFFF_FFFFL;
    }

    private int u16(ByteBuffer b, int at) {
        short v = b.getShort(at);
        return (swapped ? Short.reverseBytes(v) : v) & 0xFFFF;
    }

    private long u32At(long at) throws IOException {
        return u32(file.window(at, 4), (int) (at - file.windowStart()));
    }

    private int u16At(long at) throws IOException {
        return u16(file.window(at, 2), (int) (at - file.windowStart()));
    }

    /** Number of interfaces described so far in the whole file. */
    public int interfaceCount() {
        return interfaces.size();
    }

    /** Link type of an interface (global id, as in {@link RawPacket#interfaceId}), or -1 if unknown. */
    public int linkType(int interfaceId) {
        return interfaceId >= 0 && interfaceId < interfaces.size() ? interfaces.get(interfaceId).linkType() : -1;
    }

    @Override
    public TimePrecision precision() {
        return precision;
    }

    @Override
    public String interfaceName(int interfaceId) {
        return interfaceId >= 0 && interfaceId < interfaces.size() ? interfaces.get(interfaceId).name() : null;
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
