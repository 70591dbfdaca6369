package org.tcpladder.app.style;

/**
 * The CIEDE2000 colour difference (CIE 142-2001), written from the formula as Sharma, Wu and Dalal
 * (2005) state it, with their conventions for hue angles and the mean hue where a chroma is zero.
 */
final class Ciede2000 {
    private static final double POW25_7 = Math.pow(25, 7);

    private Ciede2000() {
    }

    static double difference(Cielab one, Cielab two) {
        double c1 = Math.hypot(one.a(), one.b());
        double c2 = Math.hypot(two.a(), two.b());
        double cMean = (c1 + c2) / 2;
        double g = 0.5 * (1 - Math.sqrt(Math.pow(cMean, 7) / (Math.pow(cMean, 7) + POW25_7)));
        double a1 = (1 + g) * one.a();
        double a2 = (1 + g) * two.a();
        double c1p = Math.hypot(a1, one.b());
        double c2p = Math.hypot(a2, two.b());
        double h1 = hueDegrees(one.b(), a1);
        double h2 = hueDegrees(two.b(), a2);

        double dL = two.l() - one.l();
        double dC = c2p - c1p;
        double dh;
        if (c1p * c2p == 0) {
            dh = 0;
        } else if (Math.abs(h2 - h1) <= 180) {
            dh = h2 - h1;
        } else if (h2 - h1 > 180) {
            dh = h2 - h1 - 360;
        } else {
            dh = h2 - h1 + 360;
        }
        double dH = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dh / 2));

        double lMean = (one.l() + two.l()) / 2;
        double cpMean = (c1p + c2p) / 2;
        double hMean;
        if (c1p * c2p == 0) {
            hMean = h1 + h2;
        } else if (Math.abs(h1 - h2) <= 180) {
            hMean = (h1 + h2) / 2;
        } else if (h1 + h2 < 360) {
            hMean = (h1 + h2 + 360) / 2;
        } else {
            hMean = (h1 + h2 - 360) / 2;
        }
        double t = 1 - 0.17 * cos(hMean - 30) + 0.24 * cos(2 * hMean) + 0.32 * cos(3 * hMean + 6)
                - 0.20 * cos(4 * hMean - 63);
        double dTheta = 30 * Math.exp(-Math.pow((hMean - 275) / 25, 2));
        double rc = 2 * Math.sqrt(Math.pow(cpMean, 7) / (Math.pow(cpMean, 7) + POW25_7));
        double lOff = Math.pow(lMean - 50, 2);
        double sl = 1 + 0.015 * lOff / Math.sqrt(20 + lOff);
        double sc = 1 + 0.045 * cpMean;
        double sh = 1 + 0.015 * cpMean * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
        double l = dL / sl;
        double c = dC / sc;
        double h = dH / sh;
        return Math.sqrt(l * l + c * c + h * h + rt * c * h);
    }

    private static double hueDegrees(double b, double aPrime) {
        if (b == 0 && aPrime == 0) {
            return 0;
        }
        double h = Math.toDegrees(Math.atan2(b, aPrime));
        return h < 0 ? h + 360 : h;
    }

    private static double cos(double degrees) {
        return Math.cos(Math.toRadians(degrees));
    }
}
