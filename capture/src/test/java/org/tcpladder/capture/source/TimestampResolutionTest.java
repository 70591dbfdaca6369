package org.tcpladder.capture.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampResolutionTest {
    private static final BigInteger NANOS = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** floor(ticks * 10^9 / units-per-second), in exact arithmetic; null when it does not fit a long. */
    private static Long reference(int tsresol, long ticks) {
        int exponent = tsresol & 0x7F;
        BigInteger unitsPerSecond = (tsresol & 0x80) != 0 ? BigInteger.TWO.pow(exponent) : BigInteger.TEN.pow(exponent);
        BigInteger ns = new BigInteger(Long.toUnsignedString(ticks)).multiply(NANOS).divide(unitsPerSecond);
        return ns.compareTo(LONG_MAX) > 0 ? null : ns.longValue();
    }

    @Test
    void everyResolutionConvertsExactlyLikeBigIntegerArithmetic() {
        Random random = new Random(20240611);
        long[] special = {0, 1, 2, 999, 1000, 999_999, 1_000_000, 1_000_000_000L, 1L << 32, (1L << 32) - 1,
                Long.MAX_VALUE / 1_000_000_000L, Long.MAX_VALUE / 1_000_000_000L + 1, Long.MAX_VALUE, Long.MIN_VALUE, -1L};
        for (int tsresol = 0; tsresol < 256; tsresol++) {
            TimestampResolution resolution = TimestampResolution.of(tsresol);
            for (int i = 0; i < special.length + 400; i++) {
                long ticks = i < special.length ? special[i] : randomTicks(random);
                Long expected = reference(tsresol, ticks);
                String what = "tsresol " + tsresol + ", ticks " + Long.toUnsignedString(ticks);
                if (expected == null) {
                    assertThrows(ArithmeticException.class, () -> resolution.toNanos(ticks), what);
                } else {
                    assertEquals(expected.longValue(), resolution.toNanos(ticks), what);
                }
            }
        }
    }

    /** Tick counts of every magnitude, not only huge ones. */
    private static long randomTicks(Random random) {
        int bits = random.nextInt(65);
        return bits == 64 ? random.nextLong() : random.nextLong() & ((1L << bits) - 1);
    }

    @Test
    void defaultIsMicroseconds() {
        assertEquals(1_700_000_000_123_456_000L, TimestampResolution.MICROSECONDS.toNanos(1_700_000_000_123_456L));
        assertFalse(TimestampResolution.MICROSECONDS.finerThanMicroseconds());
    }

    @Test
    void finerThanMicrosecondsFromTenToTheMinusSevenAndTwoToTheMinusTwenty() {
        assertFalse(TimestampResolution.of(6).finerThanMicroseconds());
        assertTrue(TimestampResolution.of(7).finerThanMicroseconds());
        assertTrue(TimestampResolution.of(9).finerThanMicroseconds());
        assertFalse(TimestampResolution.of(0x80 | 19).finerThanMicroseconds());
        assertTrue(TimestampResolution.of(0x80 | 20).finerThanMicroseconds());
    }
}
