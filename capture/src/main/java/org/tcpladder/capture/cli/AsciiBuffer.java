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
    private int holds;

    AsciiBuffer(OutputStream out, int capacity) {
        this.out = out;
        this.buf = new byte[capacity];
    }

    /** A buffer that is never flushed to a stream: it grows (for building one string). */
    AsciiBuffer() {
        this(null, 256);
    }

    /** Room for {@code n} more bytes; the check is inlined everywhere, the work is not. */
    void ensure(int n) {
        if (len + n > buf.length) {
            makeRoom(n);
        }
    }

    private void makeRoom(int n) {
        if (out != null && holds == 0) {
            flush();
            if (n <= buf.length) {
                return;
            }
        }
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }

    /** Appends all of {@code b} (cached text). */
    AsciiBuffer bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    /** A copy of what was written since {@code mark}, a {@link #length()} taken while held (or never flushed). */
    byte[] copyFrom(int mark) {
        return java.util.Arrays.copyOfRange(buf, mark, len);
    }

    /** Appends {@code n} bytes of {@code b} from {@code off} (cached text). */
    AsciiBuffer bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
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
        // PrintStream swallows write errors; a broken pipe shows up here
        if (out instanceof java.io.PrintStream ps && ps.checkError()) {
            throw new OutputClosedException();
        }
    }

    int length() {
        return len;
    }

    /**
     * Keeps everything in memory (growing instead of flushing) until the matching {@link #release()},
     * so that a {@link #length()} taken now can be {@link #truncate}d back to.
     */
    void hold() {
        holds++;
    }

    void release() {
        holds--;
    }

    /** Forgets everything after {@code mark}, a {@link #length()} taken while held. */
    void truncate(int mark) {
        if (holds == 0) {
            throw new IllegalStateException("truncate outside hold()");
        }
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

    /** ASCII text (Latin-1 strings are copied as they are stored: one array copy). */
    @SuppressWarnings("deprecation")
    AsciiBuffer str(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, buf, len);
        len += n;
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

    /**
     * An unsigned 32-bit value (printf's {@code %u}). One digit loop for every size: the JIT copies
     * this into each call site, so it is kept small.
     */
    AsciiBuffer u32(int v) {
        ensure(10);
        int end;
        int head;
        int headEnd;
        if (v >= 0) {
            head = v;
            end = len + digits(v);
            headEnd = end;
        } else {
            // 2^31 .. 2^32 - 1 (sequence numbers, timestamps): ten digits; the last two taken off
            // unsigned leave an int
            end = len + 10;
            head = Integer.divideUnsigned(v, 100);
            int r = v - head * 100;
            buf[end - 1] = PAIRS[2 * r + 1];
            buf[end - 2] = PAIRS[2 * r];
            headEnd = end - 2;
        }
        writeDigits(head, headEnd);
        len = end;
        return this;
    }

    /** {@code v} (0 .. 999999) as exactly six digits: microseconds after the second. */
    AsciiBuffer sixDigits(int v) {
        ensure(6);
        int high = v / 10_000;
        buf[len] = PAIRS[2 * high];
        buf[len + 1] = PAIRS[2 * high + 1];
        fourDigitsAt(v - high * 10_000, len + 2);
        len += 6;
        return this;
    }

    /** {@code v} (0 .. 999999999) as exactly nine digits: nanoseconds after the second. */
    AsciiBuffer nineDigits(int v) {
        ensure(9);
        int high = v / 100_000_000;
        buf[len] = (byte) ('0' + high);
        eightDigitsAt(v - high * 100_000_000, len + 1);
        len += 9;
        return this;
    }

    // Fixed widths are written without loops: the JIT copies these into many call sites, and a
    // counted loop would be unrolled in every copy.
    private void eightDigitsAt(int v, int at) {
        int high = v / 10_000;
        fourDigitsAt(high, at);
        fourDigitsAt(v - high * 10_000, at + 4);
    }

    private void fourDigitsAt(int v, int at) {
        int high = v / 100;
        int low = v - high * 100;
        buf[at] = PAIRS[2 * high];
        buf[at + 1] = PAIRS[2 * high + 1];
        buf[at + 2] = PAIRS[2 * low];
        buf[at + 3] = PAIRS[2 * low + 1];
    }

    /** A non-negative number in decimal. */
    AsciiBuffer num(long v) {
        if (v < 0) {
            return str(Long.toUnsignedString(v));
        }
        if (v <= Integer.MAX_VALUE) {
            return num((int) v);
        }
        long high = v / 1_000_000_000L;
        num(high);
        return zeroPadded((int) (v - high * 1_000_000_000L), 9);
    }

    /** A non-negative int in decimal, two digits per division. */
    AsciiBuffer num(int v) {
        ensure(10);
        int end = len + digits(v);
        writeDigits(v, end);
        len = end;
        return this;
    }

    /** {@code v} (0 .. 999999999) with leading zeros to {@code width} digits ({@code %06u}). */
    AsciiBuffer zeroPadded(long v, int width) {
        if (v < 0 || v > Integer.MAX_VALUE) {
            String s = Long.toUnsignedString(v);
            for (int i = s.length(); i < width; i++) {
                ch('0');
            }
            return str(s);
        }
        int iv = (int) v;
        int digits = digits(iv);
        int n = Math.max(width, digits);
        ensure(n);
        int end = len + n;
        for (int i = len; i < end - digits; i++) {
            buf[i] = '0';
        }
        writeDigits(iv, end);
        len = end;
        return this;
    }

    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    /** Writes the digits of {@code v} so that the last one is at {@code end - 1}. */
    private void writeDigits(int v, int end) {
        int pos = end;
        while (v >= 100) {
            int q = v / 100;
            int r = v - q * 100;
            buf[--pos] = PAIRS[2 * r + 1];
            buf[--pos] = PAIRS[2 * r];
            v = q;
        }
        if (v >= 10) {
            buf[--pos] = PAIRS[2 * v + 1];
            buf[--pos] = PAIRS[2 * v];
        } else {
            buf[--pos] = (byte) ('0' + v);
        }
    }

    /**
     * How many digits {@code v} (0 or more) has, without a branch: numbers grow through a capture
     * (relative sequence numbers reach seven digits late in a big file), and a branch first taken
     * late makes the JIT recompile everything that inlined this.
     */
    private static int digits(int v) {
        int x = v | 1;
        // floor(log10(2) * bit length) is the number of digits or one less (1233 / 4096 ~ log10(2))
        int t = ((32 - Integer.numberOfLeadingZeros(x)) * 1233) >>> 12;
        return t + ((POWERS_OF_TEN[t] - 1 - x) >>> 31);
    }

    private static final int[] POWERS_OF_TEN = {
        1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

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
        int address = (int) a;
        int slot = (address * 0x9E3779B1 >>> (32 - IPV4_CACHE_BITS)) * 16;
        if (ipv4Keys[slot / 16] != address || ipv4Text[slot + 15] == 0) {
            // not cached: format into the slot (a capture has few distinct addresses)
            int p = slot;
            for (int shift = 24; shift >= 0; shift -= 8) {
                int octet = (address >>> shift) & 0xFF;
                if (octet >= 100) {
                    ipv4Text[p++] = (byte) ('0' + octet / 100);
                }
                if (octet >= 10) {
                    ipv4Text[p++] = (byte) ('0' + octet / 10 % 10);
                }
                ipv4Text[p++] = (byte) ('0' + octet % 10);
                if (shift > 0) {
                    ipv4Text[p++] = '.';
                }
            }
            ipv4Text[slot + 15] = (byte) (p - slot);
            ipv4Keys[slot / 16] = address;
        }
        return bytes(ipv4Text, slot, ipv4Text[slot + 15]);
    }

    private static final int IPV4_CACHE_BITS = 10;
    /** Direct-mapped cache of address texts: 16 bytes a slot, the last one holding the length. */
    private final byte[] ipv4Text = new byte[16 << IPV4_CACHE_BITS];
    private final int[] ipv4Keys = new int[1 << IPV4_CACHE_BITS];

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
