package org.tcpladder.capture.decode;

/**
 * Where the fields of a radiotap header lie (radiotap.org): present words (bit 31: another word
 * follows; bit 29: the next word starts the radiotap namespace again, as for a second antenna;
 * bit 30: a vendor namespace, skipped by its skip length), then each present field in bit order,
 * aligned to its natural size from the header's start. Walked the way tcpdump 4.99 walks it, so that
 * the decoder and the printer agree with it on damaged headers too.
 */
public final class RadiotapFields {
    /**
     * Alignment and size of the fields of bits 0 to 27, except that the dB TX attenuation (bit 9)
     * is read as one byte, not two: tcpdump 4.99 reads it so, and the fields after it one byte early.
     */
    private static final int[] ALIGN = {8, 1, 1, 2, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1, 2, 2, 1, 1, 4, 1, 4, 2, 8, 2, 2, 2, 1, 2};
    private static final int[] SIZE = {8, 1, 1, 4, 2, 1, 1, 2, 2, 1, 1, 1, 1, 1, 2, 2, 1, 1, 8, 3, 8, 12, 12, 12, 12, 6, 1, 4};
    /** Fields tcpdump 4.99 has no reader for: TX flags, retries, timestamp, HE and later. */
    private static final int UNKNOWN_TO_TCPDUMP = 1 << 15 | 1 << 16 | 1 << 17 | 0x0FC0_0000;
    static final int FLAGS = 1;
    private static final int RADIOTAP_NAMESPACE = 29;
    private static final int VENDOR_NAMESPACE = 30;
    private static final int EXTENDED = 31;

    /** What a walk meets: a field at its buffer position, the end (with the reason), in order. */
    public interface Visitor {
        void field(int field, int at, int presentWord);

        /** A field tcpdump cannot read ({@code [bit N]}): the walk stops there. */
        void unknown(int field);

        /** A field that runs past the header's length ({@code [|802.11_radio]}): the walk stops. */
        void truncated();
    }

    private RadiotapFields() {
    }

    /** Walks the header at {@code at} of {@code length} bytes (already checked to be captured). */
    public static void walk(DecodedPacket p, int at, int length, Visitor visitor) {
        int words = 1;
        while ((le32(p, at + 4 * words) & (1 << EXTENDED)) != 0 && 8 + 4 * words <= length) {
            words++;
        }
        int offset = 4 + 4 * words;
        boolean vendor = false;
        int bitBase = 0;
        for (int w = 0; w < words; w++) {
            int present = le32(p, at + 4 + 4 * w);
            if (!vendor) {
                for (int bit = 0; bit < RADIOTAP_NAMESPACE; bit++) {
                    if ((present & (1 << bit)) == 0) {
                        continue;
                    }
                    int field = bitBase + bit;
                    if (field >= SIZE.length || (field < 32 && (UNKNOWN_TO_TCPDUMP & (1 << field)) != 0)) {
                        visitor.unknown(field);
                        return;
                    }
                    int align = ALIGN[field];
                    offset = (offset + align - 1) / align * align;
                    if (offset + SIZE[field] > length) {
                        visitor.truncated();
                        return;
                    }
                    visitor.field(field, at + offset, present);
                    offset += SIZE[field];
                }
            }
            if ((present & (1 << RADIOTAP_NAMESPACE)) != 0) {
                vendor = false;
                bitBase = 0;
            } else if ((present & (1 << VENDOR_NAMESPACE)) != 0) {
                // OUI, sub-namespace and the length of the vendor's data, which is skipped.
                offset = (offset + 1) & ~1;
                if (offset + 6 > length) {
                    visitor.truncated();
                    return;
                }
                offset += 6 + (Short.reverseBytes((short) p.u16(at + offset + 4)) & 0xFFFF);
                vendor = true;
            } else {
                bitBase += 32;
            }
        }
    }

    /** The value of the last flags field the walk meets (tcpdump keeps the last), or 0. */
    static int flags(DecodedPacket p, int at, int length) {
        FlagsVisitor v = p.radiotapFlags;
        v.flags = 0;
        v.packet = p;
        walk(p, at, length, v);
        return v.flags;
    }

    /** Reused per decoder (one per packet flyweight), so that reading the flags allocates nothing. */
    static final class FlagsVisitor implements Visitor {
        int flags;
        DecodedPacket packet;

        @Override
        public void field(int field, int at, int presentWord) {
            if (field == FLAGS) {
                flags = packet.u8(at);
            }
        }

        @Override
        public void unknown(int field) {
        }

        @Override
        public void truncated() {
        }
    }

    private static int le32(DecodedPacket p, int at) {
        return Integer.reverseBytes(p.u32(at));
    }
}
