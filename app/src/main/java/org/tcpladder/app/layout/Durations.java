package org.tcpladder.app.layout;

import java.util.Locale;

/** Short human-readable durations for pause markers: {@code 58 µs}, {@code 40.9 ms}, {@code 2.50 s}. */
public final class Durations {
    private Durations() {
    }

    public static String format(long ns) {
        if (ns < 1_000) {
            return ns + " ns";
        }
        if (ns < 1_000_000) {
            return trim(ns / 1e3) + " µs";
        }
        if (ns < 1_000_000_000) {
            return trim(ns / 1e6) + " ms";
        }
        return trim(ns / 1e9) + " s";
    }

    /** Three significant digits. */
    private static String trim(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
