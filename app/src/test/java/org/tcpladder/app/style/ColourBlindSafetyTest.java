package org.tcpladder.app.style;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tcpladder.capture.state.RfcArc;
import org.tcpladder.capture.state.TcpState;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Colours that can stand next to each other stay apart for colour-blind viewers: simulated protanopia,
 * deuteranopia and tritanopia (and normal vision), CIEDE2000 at least {@value #MIN_DIFFERENCE}.
 */
class ColourBlindSafetyTest {
    static final double MIN_DIFFERENCE = 10;

    private static List<String> tooClose(Theme theme, Ink one, Ink two) {
        List<String> problems = new ArrayList<>();
        for (ColourVision vision : ColourVision.values()) {
            double d = vision.difference(theme.rgb(one), theme.rgb(two));
            if (d < MIN_DIFFERENCE) {
                problems.add(String.format("%s: %s %s vs %s %s, %s ΔE00 %.1f", theme, one, theme.hex(one), two,
                        theme.hex(two), vision, d));
            }
        }
        return problems;
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void consecutiveStatesOnALifelineAreDistinguishableWithEveryKindOfColourBlindness(Theme theme) {
        // The arcs the inference takes (the one table StateMachine.next looks up); the application calls
        // a capture cannot show (passive OPEN, CLOSE before a SYN is answered) never colour a lifeline.
        List<RfcArc> arcs = RfcArc.ALL.stream().filter(RfcArc::observable).toList();
        assertTrue(arcs.size() >= 20, arcs.toString());
        List<String> problems = new ArrayList<>();
        for (RfcArc arc : arcs) {
            problems.addAll(tooClose(theme, Ink.forState(arc.from()), Ink.forState(arc.to())));
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyStateStandsOutFromTheBackgroundItIsDrawnOn(Theme theme) {
        List<String> problems = new ArrayList<>();
        for (TcpState state : TcpState.values()) {
            problems.addAll(tooClose(theme, Ink.forState(state), Ink.BACKGROUND));
        }
        problems.addAll(tooClose(theme, Ink.STATE_UNKNOWN, Ink.BACKGROUND));
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void clientServerAndAnomalyColoursAreDistinguishableWithEveryKindOfColourBlindness(Theme theme) {
        List<String> problems = new ArrayList<>();
        problems.addAll(tooClose(theme, Ink.CLIENT, Ink.SERVER));
        problems.addAll(tooClose(theme, Ink.ANOMALY, Ink.CLIENT));
        problems.addAll(tooClose(theme, Ink.ANOMALY, Ink.SERVER));
        problems.addAll(tooClose(theme, Ink.ANOMALY, Ink.BACKGROUND));
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @EnumSource(value = ColourVision.class, names = "NORMAL", mode = EnumSource.Mode.EXCLUDE)
    void theSimulationsLoseTheHueAxisOfTheirDeficiencyAndKeepGreysGrey(ColourVision vision) {
        // A check of the matrices themselves: red and green move together for the red-green dichromats
        // while blue and green stay apart; for tritanopia it is the other way round.
        int red = 0xd62728;
        int green = 0x2ca02c;
        int blue = 0x1f77b4;
        double redGreen = vision.difference(red, green);
        double blueGreen = vision.difference(blue, green);
        if (vision == ColourVision.TRITANOPIA) {
            assertTrue(blueGreen < ColourVision.NORMAL.difference(blue, green) / 3, "blue/green " + blueGreen);
            assertTrue(redGreen > 50, "red/green " + redGreen);
        } else {
            assertTrue(redGreen < ColourVision.NORMAL.difference(red, green) / 2, "red/green " + redGreen);
            assertTrue(blueGreen > 40, "blue/green " + blueGreen);
        }
        assertTrue(vision.difference(0x808080, 0x808080) == 0);
        assertTrue(Ciede2000.difference(vision.see(0x808080), Cielab.of(0x808080)) < 0.5, "grey stays grey");
    }
}
