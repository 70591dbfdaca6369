package org.tcpladder.app.style;

/** CIE 1976 L*a*b* (D65 white) of a colour given in linear sRGB. */
record Cielab(double l, double a, double b) {
    private static final double XN = 0.95047;
    private static final double YN = 1.0;
    private static final double ZN = 1.08883;

    static Cielab ofLinear(double[] rgb) {
        double r = clamp(rgb[0]);
        double g = clamp(rgb[1]);
        double b = clamp(rgb[2]);
        // sRGB primaries to CIE XYZ (IEC 61966-2-1).
        double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
        double fx = f(x / XN);
        double fy = f(y / YN);
        double fz = f(z / ZN);
        return new Cielab(116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    static Cielab of(int rgb) {
        return ofLinear(Srgb.linear(rgb));
    }

    private static double f(double t) {
        double epsilon = 216.0 / 24389;
        double kappa = 24389.0 / 27;
        return t > epsilon ? Math.cbrt(t) : (kappa * t + 16) / 116;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
