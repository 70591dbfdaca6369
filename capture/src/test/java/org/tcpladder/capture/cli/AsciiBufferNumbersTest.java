package org.tcpladder.capture.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The buffer's digit writers give what printf's %u, %d and %0Nu give, at every length boundary. */
class AsciiBufferNumbersTest {

    /** 0, every power of ten and of two with its neighbours, the int and unsigned int limits, and random values. */
    private static List<Long> interesting() {
        List<Long> values = new ArrayList<>();
        for (long p = 1; p <= 10_000_000_000L; p *= 10) {
            values.add(p - 1);
            values.add(p);
            values.add(p + 1);
        }
        for (int k = 0; k <= 32; k++) {
            for (long d = -2; d <= 2; d++) {
                values.add((1L << k) + d);
            }
        }
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            values.add(random.nextLong() & 0xFFFF_FFFFL);
            values.add((long) random.nextInt(1_000_000));
        }
        values.removeIf(v -> v < 0 || v > 0xFFFF_FFFFL);
        return values;
    }

    @Test
    void unsignedThirtyTwoBitValuesAreWrittenAsPercentU() {
        for (long v : interesting()) {
            assertEquals(Long.toString(v), new AsciiBuffer().u32((int) v).toString(), "u32 " + v);
        }
    }

    @Test
    void nonNegativeNumbersAreWrittenAsPercentD() {
        for (long v : interesting()) {
            assertEquals(Long.toString(v), new AsciiBuffer().num(v).toString(), "num(long) " + v);
            if (v <= Integer.MAX_VALUE) {
                assertEquals(Long.toString(v), new AsciiBuffer().num((int) v).toString(), "num(int) " + v);
            }
        }
        assertEquals("18446744073709551615", new AsciiBuffer().num(-1L).toString());
    }

    @Test
    void fractionsOfASecondKeepTheirLeadingZeros() {
        for (long v : interesting()) {
            if (v < 1_000_000) {
                assertEquals(String.format("%06d", v), new AsciiBuffer().sixDigits((int) v).toString(), "six " + v);
                assertEquals(String.format("%06d", v), new AsciiBuffer().zeroPadded(v, 6).toString(), "%06u " + v);
            }
            if (v < 1_000_000_000) {
                assertEquals(String.format("%09d", v), new AsciiBuffer().nineDigits((int) v).toString(), "nine " + v);
                assertEquals(String.format("%09d", v), new AsciiBuffer().zeroPadded(v, 9).toString(), "%09u " + v);
            }
        }
        assertEquals("1234567", new AsciiBuffer().zeroPadded(1234567, 6).toString(), "wider than the width");
    }
}
