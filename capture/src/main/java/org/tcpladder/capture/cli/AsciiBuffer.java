package org.tcpladder.capture.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Text output built straight into a byte array and written in large blocks: numbers, hex and
 * addresses are formatted digit by digit, so printing a packet allocates nothing (no String.format,
 * no StringBuilder). Only ASCII goes through here.
 */
final class AsciiBuffer {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final OutputStream out;
    private byte[] buf;
    private int len;

    AsciiBuffer(OutputStream out, int capacity) {
        this.out = out;
        this.buf = new byte[capacity];
    }

    /** A buffer that is never flushed to a stream: it grows (for building one string). */
    AsciiBuffer() {
        this(null, 256);
    }

    private void ensure(int n) {
        if (len + n <= buf.length) {
            return;
        }
        if (out != null) {
            flush();
            if (n <= buf.length) {
                return;
            }
        }
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }

    void flush() {
        if (out == null) {
            return;
        }
        try {
            out.write(buf, 0, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        len = 0;
    }

    int length() {
        return len;
    }

    /** Forgets everything after {@code mark} (a {@link #length()} taken earlier, not yet flushed). */
    void truncate(int mark) {
        len = mark;
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    AsciiBuffer ch(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    AsciiBuffer str(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** {@code s} padded with spaces to {@code width} (printf's {@code %-Ns}). */
    AsciiBuffer padded(String s, int width) {
        str(s);
        for (int i = s.length(); i < width; i++) {
            ch(' ');
        }
        return this;
    }

    /** An unsigned 32-bit value (printf's {@code %u}). */
    AsciiBuffer u32(int v) {
        return num(v & 0xFFFF_FFFFL);
    }

    /** A non-negative number in decimal. */
    AsciiBuffer num(long v) {
        if (v < 0) {
            return str(Long.toUnsignedString(v));
        }
        ensure(20);
        if (v < 10) {
            buf[len++] = (byte) ('0' + v);
            return this;
        }
        int digits = digits(v);
        int end = len + digits;
        for (int i = end - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len = end;
        return this;
    }

    /** {@code v} in decimal with leading zeros to {@code width} digits ({@code %06u}). */
    AsciiBuffer zeroPadded(long v, int width) {
        ensure(width + 20);
        int digits = digits(v);
        for (int i = digits; i < width; i++) {
            buf[len++] = '0';
        }
        return num(v);
    }

    private static int digits(long v) {
        int d = 1;
        while (v >= 10) {
            v /= 10;
            d++;
        }
        return d;
    }

    /** Two lower-case hex digits ({@code %02x}). */
    AsciiBuffer hex2(int b) {
        ensure(2);
        buf[len++] = HEX[(b >>> 4) & 0xF];
        buf[len++] = HEX[b & 0xF];
        return this;
    }

    /** {@code %0Nx}: lower-case hex, zero-padded to {@code width}. */
    AsciiBuffer hexPadded(long v, int width) {
        int digits = 1;
        for (long x = v >>> 4; x != 0; x >>>= 4) {
            digits++;
        }
        ensure(Math.max(width, digits));
        for (int i = digits; i < width; i++) {
            buf[len++] = '0';
        }
        for (int i = digits - 1; i >= 0; i--) {
            buf[len++] = HEX[(int) (v >>> (4 * i)) & 0xF];
        }
        return this;
    }

    /** {@code %x} of an unsigned 64-bit value. */
    AsciiBuffer hex(long v) {
        return hexPadded(v, 1);
    }

    /** Dotted quad of the low 32 bits. */
    AsciiBuffer ipv4(long a) {
        num((a >>> 24) & 0xFF).ch('.').num((a >>> 16) & 0xFF).ch('.').num((a >>> 8) & 0xFF).ch('.').num(a & 0xFF);
        return this;
    }

    /**
     * An IPv6 address as inet_ntop writes it (RFC 5952: lower case, no leading zeros, the longest
     * run of two or more zero groups as "::", the first such run on a tie; "::ffff:a.b.c.d" and
     * "::a.b.c.d" for IPv4-mapped and IPv4-compatible addresses).
     */
    AsciiBuffer ipv6(long hi, long lo) {
        if (hi == 0 && (lo >>> 32) == 0xFFFFL) {
            return str("::ffff:").ipv4(lo);
        }
        if (hi == 0 && (lo >>> 32) == 0 && (lo & 0xFFFF_FFFFL) > 1 && ((lo >>> 16) & 0xFFFF) != 0) {
            return str("::").ipv4(lo);
        }
        int bestStart = -1;
        int bestLen = 0;
        int runStart = -1;
        for (int i = 0; i <= 8; i++) {
            boolean zero = i < 8 && group(hi, lo, i) == 0;
            if (zero && runStart < 0) {
                runStart = i;
            } else if (!zero && runStart >= 0) {
                if (i - runStart > bestLen) {
                    bestStart = runStart;
                    bestLen = i - runStart;
                }
                runStart = -1;
            }
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                ch(':').ch(':');
                i += bestLen - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLen) {
                ch(':');
            }
            hex(group(hi, lo, i));
        }
        return this;
    }

    private static int group(long hi, long lo, int i) {
        long w = i < 4 ? hi : lo;
        return (int) (w >>> (48 - 16 * (i & 3))) & 0xFFFF;
    }

    AsciiBuffer newline() {
        return ch('\n');
    }
}
