package org.tcpladder.app.layout;

import org.junit.jupiter.api.Test;
import org.tcpladder.capture.state.Narration;
import org.tcpladder.capture.state.RfcArc;
import org.tcpladder.capture.state.TcpState;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateDiagramLayoutTest {
    private static final double EM = 16;
    /**
     * A generous stand-in for a font: wider than the program's sans-serif for every string here, so a
     * diagram that fits with it fits on screen.
     */
    static final StateDiagramLayout.TextWidth WIDE = (s, size, bold) -> s.length() * size * (bold ? 0.68 : 0.6);

    static List<List<String>> lines(RfcArc arc) {
        Narration n = Narration.english();
        List<String> out = new ArrayList<>();
        out.add(n.arcEvent(arc));
        if (n.arcAction(arc).isBlank()) {
            return List.of(out);
        }
        out.add(n.arcAction(arc));
        return List.of(out, List.of(n.arcLabel(arc)));
    }

    private static StateDiagramLayout layout(double w, double h, double em) {
        return StateDiagramLayout.of(w, h, em, StateDiagramLayoutTest::lines, WIDE);
    }

    /** Sizes the pane gets: beside the ladder in the normal window, in presenter mode, and cramped. */
    private static final double[][] SIZES = {{420, 560}, {640, 680}, {1000, 680}, {1280, 720}, {300, 400}};

    @Test
    void everyArcOfTheTableIsDrawnExactlyOnce() {
        for (double[] s : SIZES) {
            StateDiagramLayout l = layout(s[0], s[1], EM);
            Set<RfcArc> drawn = EnumSet.noneOf(RfcArc.class);
            for (StateDiagramLayout.Edge e : l.edges()) {
                for (RfcArc a : e.arcs()) {
                    assertTrue(drawn.add(a), a + " drawn twice");
                    assertSame(e, l.edgeOf(a));
                    assertSame(a.from(), e.from().state(), a.name());
                    assertSame(a.to(), e.to().state(), a.name());
                    assertNotNull(e.label(a), a.name());
                }
                assertTrue(e.path().size() >= 2);
                assertTrue(StateDiagramLayout.length(e.path()) > 0, e.arcs().toString());
                assertEquals(e.dashed(), e.resting() == null, "a solid line has a label at rest");
            }
            assertEquals(EnumSet.allOf(RfcArc.class), drawn);
        }
    }

    @Test
    void everyStateHasABoxAndClosedHasTwoAsInTheFigure() {
        StateDiagramLayout l = layout(640, 680, EM);
        assertEquals(12, l.boxes().size());
        for (TcpState s : TcpState.values()) {
            long n = l.boxes().stream().filter(b -> b.state() == s).count();
            assertEquals(s == TcpState.CLOSED ? 2 : 1, n, s.name());
        }
    }

    @Test
    void noTwoStateBoxesOverlap() {
        for (double[] s : SIZES) {
            List<StateDiagramLayout.Box> boxes = layout(s[0], s[1], EM).boxes();
            for (int i = 0; i < boxes.size(); i++) {
                for (int j = i + 1; j < boxes.size(); j++) {
                    assertFalse(boxes.get(i).rect().intersects(boxes.get(j).rect()),
                            boxes.get(i).state() + " and " + boxes.get(j).state() + " at " + s[0] + "x" + s[1]);
                }
            }
        }
    }

    @Test
    void everyBoxAndLabelStaysInsideTheBounds() {
        for (double[] s : SIZES) {
            StateDiagramLayout l = layout(s[0], s[1], EM);
            for (StateDiagramLayout.Box b : l.boxes()) {
                assertTrue(b.rect().inside(s[0], s[1]), b.state() + " at " + s[0] + "x" + s[1]);
            }
            for (StateDiagramLayout.Edge e : l.edges()) {
                for (StateDiagramLayout.Label label : e.labels().values()) {
                    assertTrue(label.rect().inside(s[0], s[1]), label.lines() + " at " + s[0] + "x" + s[1]);
                }
                for (StateDiagramLayout.Point p : e.path()) {
                    assertTrue(p.x() >= 0 && p.x() <= s[0] && p.y() >= 0 && p.y() <= s[1], e.arcs().toString());
                }
            }
        }
    }

    @Test
    void stateNamesFitTheirBoxesAtTheFontSizeTheLayoutChose() {
        for (double[] s : SIZES) {
            StateDiagramLayout l = layout(s[0], s[1], EM);
            for (StateDiagramLayout.Box b : l.boxes()) {
                double text = WIDE.width(b.state().displayName(), l.stateFontSize(), true);
                assertTrue(text < b.rect().width(), b.state() + " at " + s[0] + "x" + s[1]);
                assertTrue(l.stateFontSize() * StateDiagramLayout.LINE_HEIGHT < b.rect().height());
            }
            for (StateDiagramLayout.Edge e : l.edges()) {
                for (StateDiagramLayout.Label label : e.labels().values()) {
                    for (String line : label.lines()) {
                        assertTrue(WIDE.width(line, l.labelFontSize(), true) <= label.rect().width() + 1e-9, "bold too");
                    }
                    assertEquals(label.lines().size() * l.lineHeight(), label.rect().height(), 1e-9);
                }
            }
        }
    }

    @Test
    void restingLabelsAreClearOfBoxesAndOfEachOtherWhenThereIsRoom() {
        for (double[] s : new double[][]{{512, 480}, {640, 680}, {1280, 720}}) {
            StateDiagramLayout l = layout(s[0], s[1], EM);
            assertTrue(l.fits(), s[0] + "x" + s[1]);
            assertTrue(l.allLabelsShown(), s[0] + "x" + s[1]);
            List<StateDiagramLayout.Rect> labels = new ArrayList<>();
            for (StateDiagramLayout.Edge e : l.edges()) {
                if (e.resting() != null) {
                    labels.add(e.resting().rect());
                }
            }
            for (int i = 0; i < labels.size(); i++) {
                for (StateDiagramLayout.Box b : l.boxes()) {
                    assertFalse(labels.get(i).intersects(b.rect()), labels.get(i) + " on " + b.state());
                }
                for (int j = i + 1; j < labels.size(); j++) {
                    assertFalse(labels.get(i).intersects(labels.get(j)), labels.get(i) + " on " + labels.get(j));
                }
            }
        }
    }

    @Test
    void allTextSizesDeriveFromTheRootSize() {
        StateDiagramLayout roomy = layout(1280, 720, 16);
        assertEquals(1, roomy.scale(), 1e-9);
        assertEquals(16, roomy.stateFontSize(), 1e-9);
        assertEquals(16 * StateDiagramLayout.LABEL_FONT, roomy.labelFontSize(), 1e-9);
        StateDiagramLayout cramped = layout(300, 400, 16);
        assertTrue(cramped.scale() < 1);
        assertEquals(16 * cramped.scale(), cramped.stateFontSize(), 1e-9);
        assertEquals(cramped.stateFontSize() * StateDiagramLayout.LABEL_FONT, cramped.labelFontSize(), 1e-9);
        assertTrue(layout(1280, 720, 24).stateFontSize() > roomy.stateFontSize(), "zooming in grows the diagram's text");
    }

    @Test
    void theFigureReadsTopToBottomAsTheRfcDrawsIt() {
        StateDiagramLayout l = layout(640, 680, EM);
        StateDiagramLayout.Rect closed = box(l, TcpState.CLOSED, false);
        StateDiagramLayout.Rect listen = box(l, TcpState.LISTEN, false);
        StateDiagramLayout.Rect synRcvd = box(l, TcpState.SYN_RECEIVED, false);
        StateDiagramLayout.Rect synSent = box(l, TcpState.SYN_SENT, false);
        StateDiagramLayout.Rect estab = box(l, TcpState.ESTABLISHED, false);
        StateDiagramLayout.Rect finWait1 = box(l, TcpState.FIN_WAIT_1, false);
        StateDiagramLayout.Rect closeWait = box(l, TcpState.CLOSE_WAIT, false);
        StateDiagramLayout.Rect timeWait = box(l, TcpState.TIME_WAIT, false);
        assertTrue(closed.y() < listen.y() && listen.y() < synRcvd.y() && synRcvd.y() < estab.y()
                && estab.y() < finWait1.y() && finWait1.y() < timeWait.y());
        assertTrue(synRcvd.centerX() < estab.centerX() && estab.centerX() < synSent.centerX());
        assertTrue(finWait1.centerX() < estab.centerX() && closeWait.centerX() > estab.centerX());
        assertEquals(estab.centerX(), closed.centerX(), 1e-9);
        assertTrue(box(l, TcpState.CLOSED, true).centerX() > timeWait.centerX(), "the second CLOSED, bottom right");
    }

    @Test
    void hitTestingFindsTheStateUnderThePointerAndNothingBetweenBoxes() {
        StateDiagramLayout l = layout(640, 680, EM);
        for (StateDiagramLayout.Box b : l.boxes()) {
            assertEquals(b.state(), l.stateAt(b.rect().centerX(), b.rect().centerY()));
            assertEquals(b.state(), l.stateAt(b.rect().x() + 1, b.rect().y() + 1));
        }
        StateDiagramLayout.Rect listen = box(l, TcpState.LISTEN, false);
        StateDiagramLayout.Rect estab = box(l, TcpState.ESTABLISHED, false);
        assertNull(l.stateAt(estab.centerX(), (listen.y() + listen.height() + estab.y()) / 2 + 1));
        assertNull(l.stateAt(-5, -5));
    }

    @Test
    void closedIsHighlightedWhereTheArcThatLedThereEnds() {
        StateDiagramLayout l = layout(640, 680, EM);
        assertFalse(l.boxOf(TcpState.CLOSED, null).end(), "before any arc: the top CLOSED");
        assertFalse(l.boxOf(TcpState.CLOSED, RfcArc.SYN_SENT_RECEIVE_RST).end(), "refused: the top");
        assertTrue(l.boxOf(TcpState.CLOSED, RfcArc.LAST_ACK_RECEIVE_ACK).end());
        assertTrue(l.boxOf(TcpState.CLOSED, RfcArc.ESTABLISHED_ABORT).end());
        assertEquals(TcpState.ESTABLISHED, l.boxOf(TcpState.ESTABLISHED, RfcArc.SYN_SENT_RECEIVE_SYN_ACK).state());
    }

    @Test
    void arcsLeaveTheirBoxAndEnterTheNextAtTheBorders() {
        StateDiagramLayout l = layout(640, 680, EM);
        for (StateDiagramLayout.Edge e : l.edges()) {
            StateDiagramLayout.Point start = e.path().get(0);
            StateDiagramLayout.Point end = e.path().get(e.path().size() - 1);
            assertTrue(onBorder(e.from().rect(), start), e.arcs() + " starts at " + start);
            assertTrue(onBorder(e.to().rect(), end), e.arcs() + " ends at " + end);
        }
    }

    @Test
    void aPointAlongAPathMovesFromItsStartToItsEnd() {
        List<StateDiagramLayout.Point> path = List.of(new StateDiagramLayout.Point(0, 0),
                new StateDiagramLayout.Point(10, 0), new StateDiagramLayout.Point(10, 10));
        assertEquals(new StateDiagramLayout.Point(0, 0), StateDiagramLayout.along(path, 0));
        assertEquals(new StateDiagramLayout.Point(10, 0), StateDiagramLayout.along(path, 0.5));
        assertEquals(new StateDiagramLayout.Point(10, 5), StateDiagramLayout.along(path, 0.75));
        assertEquals(new StateDiagramLayout.Point(10, 10), StateDiagramLayout.along(path, 1));
    }

    /** The presenter's slot beside the ladder on a screen, at the presenter's root size. */
    private static StateDiagramLayout presenterSlot(double screenWidth, double screenHeight) {
        ProjectionScale p = ProjectionScale.forScreen(screenWidth, screenHeight);
        return layout(p.diagramWidth(), p.ladderHeight(), p.em());
    }

    @Test
    void inPresenterModeAt1280x720StateNamesAreAtLeast18PxAndEveryArcLabelAtLeast14Px() {
        StateDiagramLayout l = presenterSlot(1280, 720);
        assertTrue(l.stateFontSize() >= 18, "state names " + l.stateFontSize());
        assertTrue(l.labelFontSize() >= 14, "arc labels " + l.labelFontSize());
        assertTrue(l.allLabelsShown(), "every resting label at that size");
        assertClearAndInside(l);
    }

    @Test
    void inPresenterModeTheDiagramsTextGrowsWithTheScreen() {
        StateDiagramLayout l = presenterSlot(1920, 1080);
        assertTrue(l.stateFontSize() >= 18 * 1.5 - 1e-9, "state names " + l.stateFontSize());
        assertTrue(l.labelFontSize() >= 14 * 1.5 - 1e-9, "arc labels " + l.labelFontSize());
        assertTrue(l.allLabelsShown());
        assertClearAndInside(l);
    }

    @Test
    void inTheNormalWindowsDefaultPaneStateNamesAreSmallTextSizeAndLabelsNoSmallerThanSevenTenthsEm() {
        // View > State diagram: 40 % of a 1280x800 window's width, three quarters of its right column.
        StateDiagramLayout l = layout(512, 480, EM);
        assertTrue(l.stateFontSize() >= 0.85 * EM, "state names " + l.stateFontSize());
        assertTrue(l.labelFontSize() >= 0.7 * EM, "arc labels " + l.labelFontSize());
        assertTrue(l.allLabelsShown());
        assertClearAndInside(l);
    }

    @Test
    void aCrowdedPaneKeepsItsTextReadableAndLabelsOnlyTheCurrentStatesArcsAtRest() {
        StateDiagramLayout l = layout(CROWDED[0], CROWDED[1], EM);
        assertFalse(l.allLabelsShown(), "too small for every label at a readable size");
        assertTrue(l.scale() >= StateDiagramLayout.READABLE_SCALE - 1e-9, "scale " + l.scale());
        assertTrue(l.labelFontSize() >= 0.7 * EM, "arc labels " + l.labelFontSize());
        // The labels shown together, those of the arcs leaving one state, are clear of the boxes and
        // of each other.
        for (StateDiagramLayout.Box from : l.boxes()) {
            List<StateDiagramLayout.Rect> shown = new ArrayList<>();
            for (StateDiagramLayout.Edge e : l.edges()) {
                if (e.from().equals(from) && e.resting() != null) {
                    shown.add(e.resting().rect());
                }
            }
            assertMutuallyClear(l, shown, from.state().name());
        }
    }

    /** A pane between the roomy and the cramped: readable text, no room for every label. */
    private static final double[] CROWDED = {460, 460};

    private static void assertClearAndInside(StateDiagramLayout l) {
        assertTrue(l.fits());
        List<StateDiagramLayout.Rect> labels = new ArrayList<>();
        for (StateDiagramLayout.Edge e : l.edges()) {
            if (e.resting() != null) {
                labels.add(e.resting().rect());
            }
            for (StateDiagramLayout.Label label : e.labels().values()) {
                assertTrue(label.rect().inside(l.width(), l.height()), label.lines().toString());
            }
        }
        for (StateDiagramLayout.Box b : l.boxes()) {
            assertTrue(b.rect().inside(l.width(), l.height()), b.state().name());
        }
        assertMutuallyClear(l, labels, "at rest");
    }

    private static void assertMutuallyClear(StateDiagramLayout l, List<StateDiagramLayout.Rect> labels, String what) {
        for (int i = 0; i < labels.size(); i++) {
            for (StateDiagramLayout.Box b : l.boxes()) {
                assertFalse(labels.get(i).intersects(b.rect()), what + ": " + labels.get(i) + " on " + b.state());
            }
            for (int j = i + 1; j < labels.size(); j++) {
                assertFalse(labels.get(i).intersects(labels.get(j)), what + ": " + labels.get(i) + " on " + labels.get(j));
            }
        }
    }

    private static boolean onBorder(StateDiagramLayout.Rect r, StateDiagramLayout.Point p) {
        double eps = 1e-6;
        boolean inX = p.x() >= r.x() - eps && p.x() <= r.x() + r.width() + eps;
        boolean inY = p.y() >= r.y() - eps && p.y() <= r.y() + r.height() + eps;
        boolean onEdge = Math.abs(p.x() - r.x()) < eps || Math.abs(p.x() - r.x() - r.width()) < eps
                || Math.abs(p.y() - r.y()) < eps || Math.abs(p.y() - r.y() - r.height()) < eps;
        return inX && inY && onEdge;
    }

    private static StateDiagramLayout.Rect box(StateDiagramLayout l, TcpState s, boolean end) {
        return l.boxes().stream().filter(b -> b.state() == s && b.end() == end).findFirst().orElseThrow().rect();
    }
}
