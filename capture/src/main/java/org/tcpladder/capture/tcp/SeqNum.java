package org.tcpladder.capture.tcp;

/**
 * A TCP sequence number: 32-bit unsigned arithmetic modulo 2^32 (RFC 9293, section 3.4).
 *
 * <p>Never compare sequence numbers as raw longs: a connection may wrap past 2^32. Comparison here is
 * wrap-safe in the usual way (the signed difference), which is correct while the two values are
 * less than 2^31 apart, as they always are within one window.
 */
public record SeqNum(int raw) {

    public static SeqNum of(long unsigned) {
        return new SeqNum((int) unsigned);
    }

    /**
     * Equal when the 32 bits are. Written out rather than the record's generated equals, which goes
     * through a method handle: the state inference compares numbers several times per segment, and
     * before the JIT has compiled that handle each comparison was slow (a seventh of
     * {@code connections --states}).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof SeqNum n && n.raw == raw;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(raw);
    }

    /** The value as printed by tcpdump and the RFC: 0 .. 2^32-1. */
    public long value() {
        return raw & 0xFFFF_FFFFL;
    }

    public SeqNum plus(long n) {
        return new SeqNum(raw + (int) n);
    }

    /** Distance from {@code base} to this number, modulo 2^32 (for relative numbers). */
    public long minus(SeqNum base) {
        return (raw - base.raw) & 0xFFFF_FFFFL;
    }

    /** Signed distance this - other, valid while both are within 2^31 of each other. */
    public int diff(SeqNum other) {
        return raw - other.raw;
    }

    public boolean lessThan(SeqNum o) {
        return raw - o.raw < 0;
    }

    public boolean lessOrEqual(SeqNum o) {
        return raw - o.raw <= 0;
    }

    public boolean greaterThan(SeqNum o) {
        return raw - o.raw > 0;
    }

    public boolean greaterOrEqual(SeqNum o) {
        return raw - o.raw >= 0;
    }

    /** RFC 9293 section 3.4: {@code start <= this < start + size}, wrap-safe. */
    public boolean inWindow(SeqNum start, long size) {
        return ((raw - start.raw) & 0xFFFF_FFFFL) < size;
    }

    @Override
    public String toString() {
        return Long.toString(value());
    }
}
