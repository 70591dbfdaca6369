package org.tcpladder.app.layout;

import java.util.Objects;

/**
 * How the ladder is to be drawn.
 *
 * @param spacing row spacing
 * @param numbers relative or absolute sequence numbers and times
 * @param em      the root font size in pixels; every length of the ladder is a multiple of it, so that
 *                zooming the text zooms the whole ladder
 */
public record ViewSettings(Spacing spacing, NumberMode numbers, double em) {
    public ViewSettings {
        Objects.requireNonNull(spacing, "spacing");
        Objects.requireNonNull(numbers, "numbers");
        if (!(em > 0)) {
            throw new IllegalArgumentException("em " + em);
        }
    }

    public static ViewSettings defaults(double em) {
        return new ViewSettings(Spacing.ORDER, NumberMode.RELATIVE, em);
    }

    public ViewSettings withSpacing(Spacing s) {
        return new ViewSettings(s, numbers, em);
    }

    public ViewSettings withNumbers(NumberMode n) {
        return new ViewSettings(spacing, n, em);
    }

    public ViewSettings withEm(double e) {
        return new ViewSettings(spacing, numbers, e);
    }
}
