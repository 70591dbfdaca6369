package org.tcpladder.app.style;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The colour difference metric itself, against the published test pairs. */
class Ciede2000Test {
    /**
     * Pairs from Table 1 of Sharma, Wu and Dalal, "The CIEDE2000 Color-Difference Formula:
     * Implementation Notes, Supplementary Test Data, and Mathematical Observations" (2005): hue
     * differences across 0°/360°, neutral colours, and large differences.
     */
    @ParameterizedTest(name = "pair {0}")
    @CsvSource({
            "1, 50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425",
            "2, 50.0000, 3.1571, -77.2803, 50.0000, 0.0000, -82.7485, 2.8615",
            "3, 50.0000, 2.8361, -74.0200, 50.0000, 0.0000, -82.7485, 3.4412",
            "4, 50.0000, -1.3802, -84.2814, 50.0000, 0.0000, -82.7485, 1.0000",
            "7, 50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669",
            "17, 50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492",
            "18, 50.0000, 2.5000, 0.0000, 61.0000, -5.0000, 29.0000, 22.8977",
            "19, 50.0000, 2.5000, 0.0000, 56.0000, -27.0000, -3.0000, 31.9030",
            "20, 50.0000, 2.5000, 0.0000, 58.0000, 24.0000, 15.0000, 19.4535",
            "21, 50.0000, 2.5000, 0.0000, 50.0000, 3.1736, 0.5854, 1.0000",
            "25, 60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644",
    })
    void matchesTheSharmaWuDalalTestData(int pair, double l1, double a1, double b1,
                                         double l2, double a2, double b2, double expected) {
        Cielab one = new Cielab(l1, a1, b1);
        Cielab two = new Cielab(l2, a2, b2);
        assertEquals(expected, Ciede2000.difference(one, two), 1e-4, "pair " + pair);
        assertEquals(expected, Ciede2000.difference(two, one), 1e-4, "pair " + pair + " is symmetric");
    }
}
