package org.tcpladder.app.layout;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.capture.tcp.Side;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The presenter's ladder at projector sizes, judged on the layout model (no toolkit). */
class ProjectionLayoutTest {
    private final LadderData echo = TestLadders.echo();

    private static LadderLayout presenterLayout(LadderData data, ProjectionScale s) {
        ViewSettings v = ViewSettings.defaults(s.em()).withLabels(LabelStyle.TEXTBOOK)
                .withFitHeight(s.ladderHeight());
        return LadderLayout.of(data, v, TestLadders.TEXT);
    }

    @ParameterizedTest
    @CsvSource({"1280, 720", "1920, 1080"})
    void theWholeEchoSessionIsVisibleAtOnceWithLabelsAtProjectorSize(double width, double height) {
        ProjectionScale s = ProjectionScale.forScreen(width, height);
        LadderLayout l = presenterLayout(echo, s);
        Viewport vp = new Viewport(width, s.ladderHeight(), 0);
        double scale = height / 720;
        LadderGeometry g = l.geometry(vp.scrolledTo(l.scrollToPlayhead(vp, echo.size())), echo.size(), -1);

        assertEquals(11, echo.size());
        assertEquals(11, g.rows().size(), "every arrow is in the view");
        for (ArrowRow r : g.rows()) {
            assertTrue(r.top() >= g.headerHeight() - 1e-9, "row " + r.index() + " starts below the header");
            assertTrue(r.arriveY() <= g.height(), "row " + r.index() + " ends in the view");
        }
        for (CallMark c : g.calls()) {
            assertTrue(c.y() > g.headerHeight() && c.y() < g.height(), c.call() + " in the view");
        }
        assertTrue(g.sizes().label() >= 24 * scale, "labels " + g.sizes().label());
        assertEquals(g.sizes().label(), g.sizes().call(), 1e-9, "socket calls as large as the labels");
        assertTrue(s.badgeText() >= 36 * scale, "badges " + s.badgeText());
        assertTrue(g.sizes().lifeline() >= 3 && g.sizes().arrow() >= 3, "lines at least 3 px wide");
    }

    @Test
    void aCaptionOfThreeLinesStillLeavesTheWholeEchoSessionInViewWithFlatterArrows() {
        ProjectionScale s = ProjectionScale.forScreen(1280, 720);
        double shorter = s.ladderHeight() - 1.3 * s.captionText();
        LadderLayout l = LadderLayout.of(echo, ViewSettings.defaults(s.em()).withLabels(LabelStyle.TEXTBOOK)
                .withFitHeight(shorter), TestLadders.TEXT);
        Viewport vp = new Viewport(1280, shorter, 0);
        LadderGeometry g = l.geometry(vp.scrolledTo(l.scrollToPlayhead(vp, echo.size())), echo.size(), -1);
        assertEquals(0, l.maxScroll(vp), 1e-9, "nothing to scroll");
        for (ArrowRow r : g.rows()) {
            assertTrue(r.top() >= g.headerHeight() - 1e-9 && r.arriveY() <= g.height(), "row " + r.index());
        }
        assertEquals(11, g.rows().size());
        assertTrue(g.sizes().label() >= 24);
    }

    @Test
    void everyEchoSocketCallFitsItsMarginWhole() {
        ProjectionScale s = ProjectionScale.forScreen(1280, 720);
        LadderLayout l = presenterLayout(echo, s);
        LadderGeometry g = l.geometry(new Viewport(1280, s.ladderHeight(), 0), echo.size(), -1);
        double advance = CallText.MONO_ADVANCE * g.sizes().call();
        for (CallMark c : g.calls()) {
            double room = c.side() == Side.CLIENT ? g.clientX() : g.width() - g.serverX();
            assertTrue(CallText.longestLine(c.call()) * advance + 1.5 * g.em() <= room, c.call());
        }
    }

    @Test
    void textbookLabelsReadFlagsThenNumbersAsTextbooksDrawThem() {
        LadderLayout l = presenterLayout(echo, ProjectionScale.forScreen(1280, 720));
        List<String> lines = l.geometry(new Viewport(1280, 5000, 0), echo.size(), -1).rows().stream()
                .map(ArrowRow::flags).toList();
        assertEquals("SYN  seq 0", lines.get(0));
        assertEquals("SYN, ACK  seq 0 ack 1", lines.get(1));
        assertEquals("ACK  seq 1 ack 1", lines.get(2));
        assertEquals("PSH, ACK  seq 1 ack 1 len 6", lines.get(3));
    }

    @Test
    void lettersWindowAndChipsAreOptional() {
        LabelStyle all = LabelStyle.TEXTBOOK.withLetters(true).withWindow(true).withOptions(true);
        LadderLayout l = LadderLayout.of(echo, ViewSettings.defaults(20).withLabels(all), TestLadders.TEXT);
        ArrowRow syn = l.geometry(new Viewport(1280, 5000, 0), echo.size(), -1).rows().get(0);
        assertEquals("S  SYN  seq 0 win 65495", syn.flags());
        assertEquals(List.of("MSS 65495", "SACK ok", "TS", "WS 7 (×128)"), syn.chips());
    }

    @Test
    void aLongCallIsBrokenBeforeItsResultNotCut() {
        assertEquals("connect()\n= ECONNREFUSED", CallText.lines("connect() = ECONNREFUSED"));
        assertEquals("close()\n[SO_LINGER 0]", CallText.lines("close() [SO_LINGER 0]"));
        assertEquals("read() = 6", CallText.lines("read() = 6"));
    }

    @Test
    void aLongConnectionKeepsThePreviousAndTheNextSegmentInView() {
        LadderData big = TestLadders.alternating(200);
        ProjectionScale s = ProjectionScale.forScreen(1280, 720);
        LadderLayout l = presenterLayout(big, s);
        Viewport vp = new Viewport(1280, s.ladderHeight(), 0);
        for (int p = 1; p < 199; p += 7) {
            vp = vp.scrolledTo(l.scrollToFollow(vp, p));
            // Drawn as if every segment were sent, to see where the next one will go.
            LadderGeometry g = l.geometry(vp, big.size(), -1);
            int playhead = p;
            for (int i : new int[]{playhead - 1, playhead}) {
                ArrowRow r = g.rows().stream().filter(x -> x.index() == i).findFirst().orElseThrow();
                assertTrue(r.top() >= g.headerHeight() - 1e-9 && r.arriveY() <= g.height(),
                        "at " + p + " row " + i + " visible");
            }
        }
    }

    @Test
    void fitModeSpreadsAShortConnectionOverTheView() {
        ProjectionScale s = ProjectionScale.forScreen(1920, 1080);
        LadderLayout loose = presenterLayout(echo, s);
        LadderLayout tight = LadderLayout.of(echo, ViewSettings.defaults(s.em()).withLabels(LabelStyle.TEXTBOOK),
                TestLadders.TEXT);
        assertTrue(loose.contentHeight() > tight.contentHeight());
        assertTrue(loose.contentHeight() + loose.headerHeight() <= s.ladderHeight() + 1e-6);
    }
}
