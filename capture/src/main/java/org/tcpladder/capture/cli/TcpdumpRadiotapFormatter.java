package org.tcpladder.capture.cli;

import org.tcpladder.capture.decode.DecodedPacket;
import org.tcpladder.capture.decode.RadiotapFields;

/**
 * The radiotap fields (radiotap.org) as tcpdump 4.99 writes them before an 802.11 frame, each
 * followed by a space: {@code 123us tsft short preamble 54.0 Mb/s 5180 MHz 11a -56dBm signal
 * -96dBm noise antenna 1 }. Fields are walked in bit order with their alignment (relative to the
 * header's start), through extended present words and repeated radiotap namespaces (one per
 * antenna); vendor namespaces are skipped by their skip length.
 *
 * <p>Written: TSFT, flags, rate, channel, FHSS, antenna signal and noise (dBm and dB), lock quality,
 * the TX attenuations and power, antenna, XChannel and MCS (with the rate of MCS 0 to 32); RX flags
 * and A-MPDU status print nothing, as in tcpdump, and a field tcpdump 4.99 does not know (TX flags,
 * retries, timestamp, HE...) ends the fields with {@code [bit N] }, as it does. Not written as
 * tcpdump does: the VHT field and the rates of the unequal-modulation MCS 33 to 76.
 */
final class TcpdumpRadiotapFormatter implements RadiotapFields.Visitor {
    private static final int BIT_CHANNEL = 3;
    private static final int BIT_XCHANNEL = 18;
    private static final int BIT_MCS = 19;
    /** 802.11n data bits per OFDM symbol of one spatial stream, MCS 0 to 7, at 20 and 40 MHz. */
    private static final int[] DATA_BITS_20 = {26, 52, 78, 104, 156, 208, 234, 260};
    private static final int[] DATA_BITS_40 = {54, 108, 162, 216, 324, 432, 486, 540};

    private final AsciiBuffer out;
    private DecodedPacket packet;

    TcpdumpRadiotapFormatter(AsciiBuffer out) {
        this.out = out;
    }

    /** The fields of the radiotap header at {@code at} (its length already checked to end by {@code end}). */
    void format(DecodedPacket p, int at, int end) {
        packet = p;
        RadiotapFields.walk(p, at, end - at, this);
    }

    @Override
    public void field(int field, int at, int presentWord) {
        field(packet, field, at, presentWord);
    }

    @Override
    public void unknown(int field) {
        out.str("[bit ").num(field).str("] ");
    }

    @Override
    public void truncated() {
        out.str(" [|802.11_radio]");
    }

    private void field(DecodedPacket p, int field, int at, int present) {
        switch (field) {
            case 0 -> out.str(Long.toUnsignedString(le64(p, at))).str("us tsft ");
            case 1 -> {
                int flags = p.u8(at);
                if ((flags & 0x01) != 0) out.str("cfp ");
                if ((flags & 0x02) != 0) out.str("short preamble ");
                if ((flags & 0x04) != 0) out.str("wep ");
                if ((flags & 0x08) != 0) out.str("fragmented ");
                if ((flags & 0x40) != 0) out.str("bad-fcs ");
            }
            case 2 -> {
                int rate = p.u8(at);
                if (rate >= 0x80 && rate <= 0x8F) {
                    out.str("MCS ").num(rate & 0x7F).ch(' ');
                } else {
                    // %2.1f of rate / 2 (units of 500 kb/s)
                    out.num(rate / 2).ch('.').ch((rate & 1) != 0 ? '5' : '0').str(" Mb/s ");
                }
            }
            case BIT_CHANNEL -> {
                if ((present & (1 << BIT_XCHANNEL)) == 0) {
                    channel(le16(p, at), le16(p, at + 2), present);
                }
            }
            case 4 -> out.str("fhset ").num(p.u8(at)).str(" fhpat ").num(p.u8(at + 1)).ch(' ');
            case 5 -> signed((byte) p.u8(at)).str("dBm signal ");
            case 6 -> signed((byte) p.u8(at)).str("dBm noise ");
            case 7 -> out.num(le16(p, at)).str(" sq ");
            case 8 -> signed(-le16(p, at)).str(" tx power ");
            case 9 -> signed(-p.u8(at)).str("dB tx attenuation ");
            case 10 -> signed((byte) p.u8(at)).str("dBm tx power ");
            case 11 -> out.str("antenna ").num(p.u8(at)).ch(' ');
            case 12 -> out.num(p.u8(at)).str("dB signal ");
            case 13 -> out.num(p.u8(at)).str("dB noise ");
            case BIT_XCHANNEL -> channel(le16(p, at + 4), le32(p, at), present);
            case BIT_MCS -> mcs(p.u8(at), p.u8(at + 1), p.u8(at + 2));
            default -> {
                // RX and TX flags, retries and the later fields: not written (see the class comment)
            }
        }
    }

    /** printf's {@code %d}. */
    private AsciiBuffer signed(int v) {
        if (v < 0) {
            out.ch('-');
            return out.num(-v);
        }
        return out.num(v);
    }

    /**
     * {@code 2437 MHz 11g }: the frequency and the modulation the channel flags name (for XChannel
     * also the HT width, from its 32-bit flags).
     */
    private void channel(int frequency, int flags, int present) {
        out.num(frequency).str(" MHz");
        boolean twoGhz = (flags & 0x0080) != 0;
        if ((present & (1 << BIT_MCS)) != 0) {
            out.str(" 11n"); // an MCS field says 802.11n, whatever the channel flags say
        } else if (twoGhz && (flags & 0x0800) != 0) {
            out.str(" FHSS");
        }
        if ((present & (1 << BIT_MCS)) == 0) {
            if ((flags & 0x0100) != 0 && (flags & 0x0040) != 0) {
                out.str(" 11a").str(width(flags));
            }
            if (twoGhz && ((flags & 0x0040) != 0 || (flags & 0x0400) != 0)) {
                out.str(" 11g").str(width(flags));
            } else if (twoGhz && (flags & 0x0020) != 0) {
                out.str(" 11b");
            }
        }
        if ((flags & 0x0010) != 0) {
            out.str(" Turbo");
        }
        if ((flags & 0x10000) != 0) {
            out.str(" ht/20");
        } else if ((flags & 0x40000) != 0) {
            out.str(" ht/40-");
        } else if ((flags & 0x20000) != 0) {
            out.str(" ht/40+");
        }
        out.ch(' ');
    }

    /**
     * The MCS field: which of its parts are known, flags (bandwidth, guard interval, format, FEC,
     * STBC) and the MCS index, written as tcpdump does with the 802.11n rate when it has one.
     */
    private void mcs(int known, int flags, int index) {
        boolean wide = (known & 0x01) != 0 && (flags & 0x03) == 1;
        boolean shortGi = (known & 0x04) != 0 && (flags & 0x04) != 0;
        if ((known & 0x02) != 0) {
            int tenths = htRateTenths(index, wide, shortGi);
            if (tenths > 0) {
                out.num(tenths / 10).ch('.').num(tenths % 10).str(" Mb/s ");
            }
            out.str("MCS ").num(index).ch(' ');
        }
        if ((known & 0x01) != 0) {
            out.str(switch (flags & 0x03) {
                case 0 -> "20 MHz ";
                case 1 -> "40 MHz ";
                case 2 -> "20 MHz (L) ";
                default -> "20 MHz (U) ";
            });
        }
        if ((known & 0x04) != 0) {
            out.str((flags & 0x04) != 0 ? "short GI " : "long GI ");
        }
        if ((known & 0x08) != 0) {
            out.str((flags & 0x08) != 0 ? "greenfield " : "mixed ");
        }
        if ((known & 0x10) != 0) {
            out.str((flags & 0x10) != 0 ? "LDPC FEC " : "BCC FEC ");
        }
        if ((known & 0x20) != 0) {
            out.str("RX-STBC").num((flags & 0x60) >>> 5).ch(' ');
        }
    }

    /**
     * The 802.11n rate in tenths of Mb/s, rounded as printf's %.1f rounds it: streams times data
     * bits per symbol over the symbol time (4 us, 3.6 us with the short guard interval). MCS 32 is
     * the 40 MHz duplicate mode (6 and 6.7 Mb/s); 0 for the unequal-modulation MCS 33 to 76.
     */
    private static int htRateTenths(int index, boolean wide, boolean shortGi) {
        if (index == 32) {
            return wide ? (shortGi ? 67 : 60) : 0;
        }
        if (index > 31) {
            return 0;
        }
        int bits = (index / 8 + 1) * (wide ? DATA_BITS_40 : DATA_BITS_20)[index % 8];
        // bits / 4 us or bits / 3.6 us, in tenths of Mb/s: bits * 10 / 4 or bits * 100 / 36
        return shortGi ? (int) ((bits * 1000L / 36 + 5) / 10) : (int) ((bits * 100L / 4 + 5) / 10);
    }

    /** Half-rate (10 MHz) and quarter-rate (5 MHz) channels. */
    private static String width(int flags) {
        return (flags & 0x4000) != 0 ? "/10Mhz" : (flags & 0x8000) != 0 ? "/5Mhz" : "";
    }

    private static int le16(DecodedPacket p, int at) {
        return Short.reverseBytes((short) p.u16(at)) & 0xFFFF;
    }

    private static int le32(DecodedPacket p, int at) {
        return Integer.reverseBytes(p.u32(at));
    }

    private static long le64(DecodedPacket p, int at) {
        return Long.reverseBytes(p.u64(at));
    }
}
