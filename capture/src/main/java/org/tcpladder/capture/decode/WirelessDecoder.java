package org.tcpladder.capture.decode;

/**
 * IEEE 802.11 data frames (LINKTYPE_IEEE802_11) and the two radio headers monitor-mode captures put
 * before them: radiotap (LINKTYPE_IEEE802_11_RADIOTAP, radiotap.org) and PPI (LINKTYPE_PPI, the
 * CACE Per-Packet Information header). Only data frames carry IP: management, control, null-data,
 * protected (encrypted) frames and A-MSDU aggregates (whose subframes are not read) are not TCP as
 * far as this decoder goes.
 */
final class WirelessDecoder {
    /** Radiotap flags field bits: the frame ends in a 4-byte FCS; padding after the 802.11 header. */
    static final int RADIOTAP_FLAG_FCS = 0x10;
    static final int RADIOTAP_FLAG_DATA_PAD = 0x20;

    private WirelessDecoder() {
    }

    /**
     * An 802.11 MAC header (IEEE 802.11-2020 section 9.3.2.1): frame control, duration, three
     * addresses, sequence control, a fourth address when both ToDS and FromDS are set, QoS control
     * in QoS data subtypes and HT control when such a frame has the +HTC/Order bit; then the
     * LLC/SNAP header with the EtherType. {@code dataPad}: radiotap's flag that the header is
     * padded to a multiple of 4 bytes.
     */
    static int ieee80211(DecodedPacket p, int at, boolean dataPad) {
        if (p.frameEnd - at < 24) {
            return LinkLayerDecoder.truncated(p, "802.11 header", at, 24);
        }
        int fc0 = p.u8(at);
        int fc1 = p.u8(at + 1);
        int type = (fc0 >>> 2) & 3;
        int subtype = fc0 >>> 4;
        // The protocol version (0) is not checked: tcpdump reads any.
        if (type != 2 || (subtype & 4) != 0 || (fc1 & 0x40) != 0) {
            return LinkLayerDecoder.notTcp(p); // not data, no data, or protected
        }
        int length = 24;
        if ((fc1 & 3) == 3) {
            length += 6;
        }
        if ((subtype & 8) != 0) {
            if (p.frameEnd - at < length + 2) {
                return LinkLayerDecoder.truncated(p, "802.11 QoS header", at, length + 2);
            }
            // The A-MSDU bit is not looked at (tcpdump does not): an A-MSDU's first subframe
            // header is no LLC/SNAP header, so it is not TCP below.
            length += 2;
            if ((fc1 & 0x80) != 0) {
                length += 4;
            }
        }
        if (dataPad) {
            length = (length + 3) & ~3;
        }
        int llc = at + length;
        if (p.frameEnd - llc < 8) {
            return LinkLayerDecoder.truncated(p, "802.11 LLC/SNAP header", at, length + 8);
        }
        // SNAP (DSAP and SSAP 0xAA, their low I/G and C/R bits aside, as tcpdump reads them; UI), then
        // RFC 1042 encapsulation (OUI 0) or an 802.1H bridge tunnel (OUI 00-00-F8).
        if ((p.u8(llc) & 0xFE) != 0xAA || (p.u8(llc + 1) & 0xFE) != 0xAA || p.u8(llc + 2) != 0x03
                || p.u8(llc + 3) != 0 || p.u8(llc + 4) != 0 || (p.u8(llc + 5) != 0 && p.u8(llc + 5) != 0xF8)) {
            return LinkLayerDecoder.notTcp(p);
        }
        return LinkLayerDecoder.etherType(p, p.u16(llc + 6), llc + 8);
    }

    /**
     * A radiotap header: version 0, pad, length (little-endian, as every radiotap field), then
     * present words and fields. Only the flags field matters for what follows (FCS at the end,
     * padding after the 802.11 header); the last one found counts, as in tcpdump.
     */
    static int radiotap(DecodedPacket p, int at) {
        if (p.frameEnd - at < 8) {
            return LinkLayerDecoder.truncated(p, "radiotap header", at, 8);
        }
        // The version (0) is not checked: tcpdump reads any.
        int length = le16(p, at + 2);
        if (length < 8) {
            IpDecoder.malformed(p, Layer.LINK, "radiotap header length " + length + " is less than 8");
            return LinkLayerDecoder.NONE;
        }
        if (p.frameEnd - at < length) {
            return LinkLayerDecoder.truncated(p, "radiotap header", at, length);
        }
        for (int word = 4; (le32(p, at + word) & 0x8000_0000) != 0; word += 4) {
            if (word + 8 > length) {
                IpDecoder.malformed(p, Layer.LINK, "radiotap present words run past its length " + length);
                return LinkLayerDecoder.NONE;
            }
        }
        int flags = RadiotapFields.flags(p, at, length);
        if (!p.addEncapsulation(Encapsulation.RADIOTAP, at, at + length)) {
            return LinkLayerDecoder.tooDeep(p);
        }
        if ((flags & RADIOTAP_FLAG_FCS) != 0) {
            // The FCS is not packet data: like tcpdump, keep no captured byte past the frame's
            // length less the FCS (so a packet whose length field claims more is cut there).
            p.trailerLength = 4;
            p.lengthEnd -= 4;
            p.frameEnd = Math.max(at + length, Math.min(p.frameEnd, p.lengthEnd));
        }
        return ieee80211(p, at + length, (flags & RADIOTAP_FLAG_DATA_PAD) != 0);
    }

    /**
     * A PPI header: version 0, flags, length and the link type of what follows (both
     * little-endian), then fields, which say nothing we need.
     */
    static int ppi(DecodedPacket p, int at) {
        if (p.frameEnd - at < 8) {
            return LinkLayerDecoder.truncated(p, "PPI header", at, 8);
        }
        int length = le16(p, at + 2);
        int linkType = le32(p, at + 4);
        if (length < 8) {
            IpDecoder.malformed(p, Layer.LINK, "PPI header length " + length + " is less than 8");
            return LinkLayerDecoder.NONE;
        }
        if (p.frameEnd - at < length) {
            return LinkLayerDecoder.truncated(p, "PPI header", at, length);
        }
        if (linkType == LinkTypes.PPI) {
            IpDecoder.malformed(p, Layer.LINK, "PPI header inside a PPI header");
            return LinkLayerDecoder.NONE;
        }
        return LinkLayerDecoder.atLinkType(p, linkType, at + length);
    }

    static int le16(DecodedPacket p, int at) {
        return Short.reverseBytes((short) p.u16(at)) & 0xFFFF;
    }

    static int le32(DecodedPacket p, int at) {
        return Integer.reverseBytes(p.u32(at));
    }
}
