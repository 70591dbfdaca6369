package org.tcpladder.app.style;

/**
 * How a colour looks with a colour vision deficiency: the dichromacy matrices (severity 1.0) of Machado,
 * Oliveira and Fernandes, "A Physiologically-based Model for Simulation of Color Vision Deficiency"
 * (IEEE TVCG 15(6), 2009), applied to linear sRGB.
 */
enum ColourVision {
    NORMAL(new double[][]{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}),
    PROTANOPIA(new double[][]{
            {0.152286, 1.052583, -0.204868},
            {0.114503, 0.786281, 0.099216},
            {-0.003882, -0.048116, 1.051998}}),
    DEUTERANOPIA(new double[][]{
            {0.367322, 0.860646, -0.227968},
            {0.280085, 0.672501, 0.047413},
            {-0.011820, 0.042940, 0.968881}}),
    TRITANOPIA(new double[][]{
            {1.255528, -0.076749, -0.178779},
            {-0.078411, 0.930809, 0.147602},
            {0.004733, 0.691367, 0.303900}});

    private final double[][] matrix;

    ColourVision(double[][] matrix) {
        this.matrix = matrix;
    }

    /** The colour as seen, in CIELAB. */
    Cielab see(int rgb) {
        double[] in = Srgb.linear(rgb);
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = matrix[i][0] * in[0] + matrix[i][1] * in[1] + matrix[i][2] * in[2];
        }
        return Cielab.ofLinear(out);
    }

    /** CIEDE2000 between two colours as seen. */
    double difference(int one, int two) {
        return Ciede2000.difference(see(one), see(two));
    }
}
