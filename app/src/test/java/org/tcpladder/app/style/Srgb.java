package org.tcpladder.app.style;

/** sRGB colours as 0xRRGGBB: to linear light and back, and WCAG 2's relative luminance and contrast. */
final class Srgb {
    private Srgb() {
    }

    /** The three channels of 0xRRGGBB in linear light, 0..1 (IEC 61966-2-1 transfer function). */
    static double[] linear(int rgb) {
        return new double[]{toLinear(rgb >> 16 & 0xff), toLinear(rgb >> 8 & 0xff), toLinear(rgb & 0xff)};
    }

    private static double toLinear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** WCAG 2 relative luminance of 0xRRGGBB. */
    static double luminance(int rgb) {
        double[] l = linear(rgb);
        return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    }

    /** WCAG 2 contrast ratio, 1..21, whichever colour is lighter. */
    static double contrast(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }
}
