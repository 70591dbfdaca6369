package org.tcpladder.app.style;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tcpladder.capture.state.TcpState;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every text the theme draws is legible on what it is drawn on: WCAG 2 contrast of at least 4.5:1
 * (level AA) in Light and Dark, 7:1 (AAA) in Projector, whose picture a lit room washes out.
 */
class ThemeContrastTest {
    /** Text in {@code text} on {@code background}, where the program draws it. */
    private record Pair(Ink text, Ink background, String where) {
    }

    static double required(Theme theme) {
        return theme == Theme.PROJECTOR ? 7 : 4.5;
    }

    private static List<Pair> pairs() {
        List<Pair> p = new ArrayList<>();
        for (Ink surface : List.of(Ink.BACKGROUND, Ink.WINDOW, Ink.HEADER_BACKGROUND, Ink.SELECTION,
                Ink.NARRATION_BACKGROUND, Ink.LIVE_BACKGROUND, Ink.RECORDING_BACKGROUND, Ink.CONTROL,
                Ink.PLAYING)) {
            p.add(new Pair(Ink.FOREGROUND, surface, "body text"));
        }
        for (Ink surface : List.of(Ink.BACKGROUND, Ink.WINDOW, Ink.HEADER_BACKGROUND)) {
            p.add(new Pair(Ink.MUTED, surface, "hints, field names, idle live bar"));
        }
        for (Ink side : List.of(Ink.CLIENT, Ink.SERVER)) {
            p.add(new Pair(side, Ink.BACKGROUND, "flags over an arrow, socket calls"));
            p.add(new Pair(side, Ink.HEADER_BACKGROUND, "lifeline titles, side names"));
            p.add(new Pair(side, Ink.SELECTION, "flags of the selected segment"));
        }
        p.add(new Pair(Ink.CLIENT, Ink.LIVE_BACKGROUND, "the pending call in the live bar"));
        p.add(new Pair(Ink.CHIP_TEXT, Ink.CHIP, "option chips"));
        p.add(new Pair(Ink.ANOMALY_TEXT, Ink.ANOMALY, "anomaly marks and pills"));
        p.add(new Pair(Ink.ANOMALY, Ink.BACKGROUND, "anomaly counts in the list"));
        p.add(new Pair(Ink.ANOMALY, Ink.HEADER_BACKGROUND, "a kernel state that differs"));
        p.add(new Pair(Ink.FOREGROUND, Ink.HEADER_BACKGROUND, "a kernel state that agrees"));
        p.add(new Pair(Ink.LIST_SELECTION_TEXT, Ink.LIST_SELECTION, "the selected connection"));
        for (TcpState state : TcpState.values()) {
            p.add(new Pair(Ink.STATE_TEXT, Ink.forState(state), "a state badge"));
            p.add(new Pair(Ink.forState(state), Ink.BACKGROUND, "a state's name beside its band"));
        }
        p.add(new Pair(Ink.STATE_TEXT, Ink.STATE_UNKNOWN, "the unknown badge"));
        p.add(new Pair(Ink.STATE_UNKNOWN, Ink.BACKGROUND, "\"unknown\" beside its band"));
        return p;
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyTextIsLegibleOnWhatItIsDrawnOn(Theme theme) {
        List<String> problems = new ArrayList<>();
        for (Pair p : pairs()) {
            double c = Srgb.contrast(theme.rgb(p.text()), theme.rgb(p.background()));
            if (c < required(theme)) {
                problems.add(String.format("%s: %s %s on %s %s (%s) %.2f:1", theme, p.text(), theme.hex(p.text()),
                        p.background(), theme.hex(p.background()), p.where(), c));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void contrastIsMeasuredAsWcagDefinesIt() {
        assertEquals(21, Srgb.contrast(0x000000, 0xffffff), 1e-9);
        assertEquals(1, Srgb.contrast(0x777777, 0x777777), 1e-9);
        // The grey commonly quoted as the lightest that passes AA on white, and the next one, which fails.
        assertEquals(4.54, Srgb.contrast(0x767676, 0xffffff), 0.005);
        assertEquals(4.48, Srgb.contrast(0x777777, 0xffffff), 0.005);
    }
}
