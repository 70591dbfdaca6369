package org.tcpladder.app.layout;

import java.util.Objects;

/**
 * How the ladder is to be drawn.
 *
 * @param spacing   row spacing
 * @param numbers   relative or absolute sequence numbers and times
 * @param em        the root font size in pixels; every length of the ladder is a multiple of it, so that
 *                  zooming the text zooms the whole ladder
 * @param labels    the arrows' label style (tcpdump's lines, or one textbook line for projection)
 * @param fitHeight 0, or the height in pixels of the view the connection should fill ("fit" mode): with
 *                  textbook labels the rows then spread or close up so that the whole connection is
 *                  visible when it can be, without making the text smaller
 */
public record ViewSettings(Spacing spacing, NumberMode numbers, double em, LabelStyle labels, double fitHeight) {
    public ViewSettings {
        Objects.requireNonNull(spacing, "spacing");
        Objects.requireNonNull(numbers, "numbers");
        Objects.requireNonNull(labels, "labels");
        if (!(em > 0)) {
            throw new IllegalArgumentException("em " + em);
        }
        if (!(fitHeight >= 0)) {
            throw new IllegalArgumentException("fit height " + fitHeight);
        }
    }

    public ViewSettings(Spacing spacing, NumberMode numbers, double em) {
        this(spacing, numbers, em, LabelStyle.TCPDUMP, 0);
    }

    public static ViewSettings defaults(double em) {
        return new ViewSettings(Spacing.ORDER, NumberMode.RELATIVE, em);
    }

    public ViewSettings withSpacing(Spacing s) {
        return new ViewSettings(s, numbers, em, labels, fitHeight);
    }

    public ViewSettings withNumbers(NumberMode n) {
        return new ViewSettings(spacing, n, em, labels, fitHeight);
    }

    public ViewSettings withEm(double e) {
        return new ViewSettings(spacing, numbers, e, labels, fitHeight);
    }

    public ViewSettings withLabels(LabelStyle l) {
        return new ViewSettings(spacing, numbers, em, l, fitHeight);
    }

    /** Fit mode: fill a view of this height (0 turns it off). */
    public ViewSettings withFitHeight(double h) {
        return new ViewSettings(spacing, numbers, em, labels, h);
    }

    public boolean fits() {
        return fitHeight > 0;
    }
}
