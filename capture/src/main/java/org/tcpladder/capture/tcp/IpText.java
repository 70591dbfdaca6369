package org.tcpladder.capture.tcp;

/**
 * Text forms of IP addresses as tcpdump and inet_ntop(3) write them: dotted quad for IPv4, and for
 * IPv6 the RFC 5952 form (lower case, leading zeros dropped, the longest run of two or more zero
 * groups written "::", IPv4-mapped and IPv4-compatible addresses with a dotted-quad tail).
 */
public final class IpText {
    private IpText() {
    }

    /** Formats 4 or 16 bytes from {@code a} starting at {@code off}. */
    public static String format(byte[] a, int off, int len) {
        StringBuilder sb = new StringBuilder(len == 4 ? 15 : 39);
        append(sb, a, off, len);
        return sb.toString();
    }

    public static String format(byte[] a) {
        return format(a, 0, a.length);
    }

    public static void append(StringBuilder sb, byte[] a, int off, int len) {
        if (len == 4) {
            appendV4(sb, a, off);
            return;
        }
        if (len != 16) {
            throw new IllegalArgumentException("address length " + len);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((a[off + 2 * i] & 0xFF) << 8) | (a[off + 2 * i + 1] & 0xFF);
        }
        // inet_ntop: "::ffff:a.b.c.d" (mapped) and "::a.b.c.d" (compatible: the zero run is exactly
        // the first six groups, so ::2 stays "::2" while ::1:0 becomes "::0.1.0.0")
        boolean firstFiveZero = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0;
        if (firstFiveZero && (g[5] == 0xFFFF || (g[5] == 0 && g[6] != 0))) {
            sb.append(g[5] == 0xFFFF ? "::ffff:" : "::");
            appendV4(sb, a, off + 12);
            return;
        }
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLen) {
                sb.append(':');
            } else if (i > 0 && bestStart < 0) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
    }

    private static void appendV4(StringBuilder sb, byte[] a, int off) {
        sb.append(a[off] & 0xFF).append('.').append(a[off + 1] & 0xFF).append('.')
                .append(a[off + 2] & 0xFF).append('.').append(a[off + 3] & 0xFF);
    }
}
