package org.tcpladder.capture.source;

/**
 * The formats {@link CaptureFiles#open} recognises, by their first bytes (never by the file name):
 * classic pcap (four magics: two byte orders, microseconds or nanoseconds), pcapng (a Section Header
 * Block, type 0x0A0D0D0A) and gzip (RFC 1952: 1f 8b) holding either.
 */
enum CaptureFormat {
    PCAP,
    PCAPNG,
    GZIP;

    /** How many leading bytes a refusal quotes (give one more to show that more follows). */
    static final int HEAD_BYTES = 16;

    /** The format of a file starting with {@code head[0..length)}, or null if it is none of them. */
    static CaptureFormat detect(byte[] head, int length) {
        if (length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            return GZIP;
        }
        if (length < 4) {
            return null;
        }
        int bigEndian = ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        int littleEndian = Integer.reverseBytes(bigEndian);
        if (bigEndian == PcapngFileReader.SECTION_HEADER) {
            return PCAPNG;
        }
        for (int magic : new int[] {bigEndian, littleEndian}) {
            if (magic == PcapFileReader.MAGIC_MICRO || magic == PcapFileReader.MAGIC_NANO) {
                return PCAP;
            }
        }
        return null;
    }

    /**
     * Why a file that is none of the formats is refused: {@code not a capture file (pcap or pcapng):
     * starts with ...}, quoting the start as text if it is text or as hex bytes otherwise, plus a hint
     * for a few formats people confuse with captures.
     */
    static String describeUnknown(byte[] head, int length) {
        String hint = hint(head, length);
        return "not a capture file (pcap or pcapng): starts with " + quote(head, length)
                + (hint == null ? "" : " (" + hint + ")");
    }

    private static String hint(byte[] head, int length) {
        if (startsWith(head, length, 0xA1, 0xB2, 0xCD, 0x34) || startsWith(head, length, 0x34, 0xCD, 0xB2, 0xA1)) {
            return "a modified pcap file from a patched libpcap; convert it with editcap -F pcap";
        }
        if (startsWith(head, length, 0x50, 0x4B, 0x03, 0x04)) {
            return "a ZIP archive; extract the capture from it first";
        }
        if (startsWith(head, length, 0x28, 0xB5, 0x2F, 0xFD)) {
            return "zstd-compressed; only gzip is read, decompress it first";
        }
        if (startsWith(head, length, 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00)) {
            return "xz-compressed; only gzip is read, decompress it first";
        }
        if (startsWith(head, length, 0x42, 0x5A, 0x68)) {
            return "bzip2-compressed; only gzip is read, decompress it first";
        }
        if (startsWith(head, length, 0x04, 0x22, 0x4D, 0x18)) {
            return "lz4-compressed; only gzip is read, decompress it first";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first bytes as quoted text when they are printable ASCII, else as hex. */
    static String quote(byte[] head, int length) {
        int n = Math.min(length, HEAD_BYTES);
        boolean text = n > 0;
        for (int i = 0; i < n && text; i++) {
            int c = head[i] & 0xFF;
            text = (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r';
        }
        StringBuilder s = new StringBuilder();
        if (text) {
            s.append('"');
            for (int i = 0; i < n; i++) {
                char c = (char) head[i];
                switch (c) {
                    case '\t' -> s.append("\\t");
                    case '\n' -> s.append("\\n");
                    case '\r' -> s.append("\\r");
                    case '"' -> s.append("\\\"");
                    case '\\' -> s.append("\\\\");
                    default -> s.append(c);
                }
            }
            s.append(length > n ? "...\"" : "\"");
        } else {
            int shown = Math.min(n, 8);
            for (int i = 0; i < shown; i++) {
                s.append(i == 0 ? "" : " ").append(String.format("%02x", head[i] & 0xFF));
            }
            if (length > shown) {
                s.append(" ...");
            }
        }
        return s.toString();
    }
}
