package org.tcpladder.capture.source;

/**
 * The unit of a pcapng interface's timestamps, from its {@code if_tsresol} option (pcapng draft
 * section 4.2): the most significant bit chooses the base (0: 10^-n seconds, 1: 2^-n seconds) and the
 * other seven bits are n. The default, when the option is absent, is microseconds (10^-6).
 *
 * <p>Conversion to nanoseconds is exact, rounding down like tshark: a 64-bit tick count times 10^9 is
 * formed as a 128-bit product before dividing by 2^n, so even 2^-64 units convert without overflow.
 */
final class TimestampResolution {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** 10^0 .. 10^19; 10^19 fits an unsigned 64-bit value (it is negative as a Java long). */
    private static final long[] POWERS_OF_TEN = new long[20];

    static {
        long v = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = v;
            v *= 10;
        }
    }

    /** The default unit (declared after the table it needs, for static initialisation order). */
    static final TimestampResolution MICROSECONDS = new TimestampResolution(0, 6);

    private final boolean binary;
    private final int exponent;
    /** Decimal with exponent <= 9: ticks times this many nanoseconds. */
    private final long nanosPerTick;
    /** Decimal with exponent > 9: ticks divided by this (unsigned), 0 meaning "always below 1 ns". */
    private final long ticksPerNano;

    private TimestampResolution(int base2, int exponent) {
        this.binary = base2 != 0;
        this.exponent = exponent;
        if (!binary && exponent <= 9) {
            nanosPerTick = POWERS_OF_TEN[9 - exponent];
            ticksPerNano = 0;
        } else if (!binary && exponent - 9 < POWERS_OF_TEN.length) {
            nanosPerTick = 0;
            ticksPerNano = POWERS_OF_TEN[exponent - 9];
        } else {
            nanosPerTick = 0;
            ticksPerNano = 0;
        }
    }

    /** From the one-byte value of an {@code if_tsresol} option. */
    static TimestampResolution of(int tsresol) {
        int exponent = tsresol & 0x7F;
        int base2 = tsresol & 0x80;
        if (base2 == 0 && exponent == 6) {
            return MICROSECONDS;
        }
        return new TimestampResolution(base2, exponent);
    }

    /** True when a tick is shorter than a microsecond (the capture needs 9 digits to be shown). */
    boolean finerThanMicroseconds() {
        // 2^-20 s is about 0.95 us, the first power of two below 1 us.
        return binary ? exponent >= 20 : exponent > 6;
    }

    /**
     * Converts an unsigned 64-bit tick count to nanoseconds.
     *
     * @throws ArithmeticException when the time does not fit a signed 64-bit count of nanoseconds
     *                             (beyond the year 2262)
     */
    long toNanos(long ticks) {
        if (nanosPerTick != 0) {
            if (Long.compareUnsigned(ticks, Long.MAX_VALUE / nanosPerTick) > 0) {
                throw new ArithmeticException("timestamp overflow");
            }
            return ticks * nanosPerTick;
        }
        if (!binary) {
            // ticksPerNano == 0 here means 10^(n-9) > 2^64: every tick count is below one nanosecond.
            return ticksPerNano == 0 ? 0 : Long.divideUnsigned(ticks, ticksPerNano);
        }
        // floor(ticks * 10^9 / 2^n) through the 128-bit product hi:lo.
        long lo = ticks * NANOS_PER_SECOND;
        long hi = Math.multiplyHigh(ticks, NANOS_PER_SECOND) + ((ticks >> 63) & NANOS_PER_SECOND);
        long result;
        if (exponent == 0) {
            if (hi != 0) {
                throw new ArithmeticException("timestamp overflow");
            }
            result = lo;
        } else if (exponent < 64) {
            if ((hi >>> exponent) != 0) {
                throw new ArithmeticException("timestamp overflow");
            }
            result = (lo >>> exponent) | (hi << (64 - exponent));
        } else {
            result = hi >>> (exponent - 64);
        }
        if (result < 0) {
            throw new ArithmeticException("timestamp overflow");
        }
        return result;
    }

    @Override
    public String toString() {
        return (binary ? "2^-" : "10^-") + exponent + " s";
    }
}
