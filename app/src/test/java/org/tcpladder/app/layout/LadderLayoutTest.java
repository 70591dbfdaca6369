package org.tcpladder.app.layout;

import org.tcpladder.capture.state.TcpState;
import org.junit.jupiter.api.Test;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.ladder.LadderSegment;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.capture.tcp.TcpFlags;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LadderLayoutTest {
    private static final double EM = 16;
    private final LadderData echo = TestLadders.echo();
    private final LadderLayout layout = LadderLayout.of(echo, ViewSettings.defaults(EM), TestLadders.TEXT);
    /** Tall enough for the whole echo session. */
    private final Viewport all = new Viewport(800, 5000, 0);

    private ArrowRow row(LadderGeometry g, int index) {
        return g.rows().stream().filter(r -> r.index() == index).findFirst().orElseThrow();
    }

    @Test
    void lifelinesAreHeadedClientAndServerAndStayApartOnLoopback() {
        LadderGeometry g = layout.geometry(all, 0, -1);
        assertEquals("client 127.0.0.1:54018", g.clientTitle());
        assertEquals("server 127.0.0.1:9000", g.serverTitle());
        assertTrue(g.serverX() - g.clientX() > 400, "same address, still two lifelines far apart");
    }

    @Test
    void eachArrowGoesFromSenderToReceiverAndSlantsDown() {
        LadderGeometry g = layout.geometry(all, echo.size(), -1);
        ArrowRow syn = row(g, 0);
        ArrowRow synAck = row(g, 1);
        assertEquals(Side.CLIENT, syn.sender());
        assertTrue(syn.fromX() < syn.toX(), "client to server goes right");
        assertTrue(synAck.fromX() > synAck.toX(), "server to client goes left");
        assertTrue(syn.arriveY() > syn.departY(), "time flows down while the segment flies");
        assertTrue(Math.abs(syn.fromX() - g.clientX()) < EM && Math.abs(syn.toX() - g.serverX()) < EM);
    }

    @Test
    void timeFlowsDownRowAfterRow() {
        LadderGeometry g = layout.geometry(all, echo.size(), -1);
        for (int i = 1; i < echo.size(); i++) {
            ArrowRow before = row(g, i - 1);
            ArrowRow now = row(g, i);
            assertTrue(now.top() > before.arriveY(), "row " + i + " starts below the previous arrow");
            assertTrue(now.departY() > before.arriveY());
        }
    }

    @Test
    void labelsUseTcpdumpLettersNamesAndRelativeNumbers() {
        LadderGeometry g = layout.geometry(all, echo.size(), -1);
        assertEquals("S.  SYN, ACK  ·  len 0", row(g, 1).flags());
        assertEquals("seq 0  ack 1  win 65483", row(g, 1).numbers());
        assertEquals("seq 0  win 65495", row(g, 0).numbers(), "no ack without the ACK bit");
        assertEquals("seq 1:7  ack 1  win 512", row(g, 3).numbers());
        assertEquals("P.  PSH, ACK  ·  len 6", row(g, 3).flags());
        assertEquals(List.of("MSS 65495", "SACK ok", "TS", "WS 7 (×128)"), row(g, 0).chips());
        assertEquals(List.of("TS"), row(g, 3).chips());
    }

    @Test
    void labelsSitAboveTheirArrowBetweenTheLifelines() {
        LadderGeometry g = layout.geometry(all, echo.size(), -1);
        ArrowRow syn = row(g, 0);
        assertTrue(syn.flagsY() < syn.numbersY() && syn.numbersY() < syn.chipsY() && syn.chipsY() < syn.departY());
        assertTrue(syn.labelX() - syn.labelWidth() / 2 > g.clientX());
        assertTrue(syn.labelX() + syn.labelWidth() / 2 < g.serverX());
    }

    @Test
    void absoluteModeShowsTheNumbersOnTheWire() {
        LadderLayout abs = LadderLayout.of(echo, ViewSettings.defaults(EM).withNumbers(NumberMode.ABSOLUTE),
                TestLadders.TEXT);
        ArrowRow data = abs.geometry(all, echo.size(), -1).rows().get(3);
        assertEquals("seq 2954132072:2954132078  ack 1829474921  win 512", data.numbers());
    }

    @Test
    void onlySentSegmentsAreDrawnAndTheFlyingOneIsPartWay() {
        LadderGeometry g = layout.geometry(all, 2.25, -1);
        assertEquals(1.0, row(g, 0).progress());
        assertEquals(1.0, row(g, 1).progress());
        assertEquals(0.25, row(g, 2).progress(), 1e-9);
        assertFalse(row(g, 3).isVisibleAtPlayhead());
        ArrowRow flying = row(g, 2);
        assertEquals(flying.departY() + 0.25 * (flying.arriveY() - flying.departY()), flying.headY(), 1e-9);
        assertEquals(flying.headY(), g.playheadY(), 1e-9, "the playhead is level with the flying segment");
    }

    @Test
    void onlyVisibleRowsAreLaidOutWhateverTheConnectionLength() {
        LadderData big = TestLadders.alternating(200_000);
        LadderLayout l = LadderLayout.of(big, ViewSettings.defaults(EM), TestLadders.TEXT);
        Viewport vp = new Viewport(800, 600, 0);
        int atTop = l.geometry(vp, big.size(), -1).rows().size();
        double middle = l.contentHeight() / 2;
        LadderGeometry g = l.geometry(vp.scrolledTo(middle), big.size(), -1);
        assertTrue(atTop > 0 && atTop < 15, "rows at top: " + atTop);
        assertTrue(g.rows().size() < 15, "rows in the middle: " + g.rows().size());
        assertTrue(g.rows().get(0).index() > 90_000, "the middle rows, found by search");
    }

    @Test
    void hitTestingFindsTheArrowAndItsLabels() {
        LadderGeometry g = layout.geometry(all, echo.size(), -1);
        for (ArrowRow r : g.rows()) {
            double midX = (r.fromX() + r.toX()) / 2;
            double midY = (r.departY() + r.arriveY()) / 2;
            assertEquals(r.index(), layout.rowAt(all, echo.size(), midX, midY), "arrow " + r.index());
            assertEquals(r.index(), layout.rowAt(all, echo.size(), r.labelX(), r.flagsY()), "label " + r.index());
        }
        assertEquals(-1, layout.rowAt(all, echo.size(), 5, row(g, 3).flagsY()), "outside the lifelines");
        assertEquals(-1, layout.rowAt(all, echo.size(), 400, 5), "in the header");
    }

    @Test
    void hitTestingIgnoresSegmentsNotYetSent() {
        LadderGeometry g = layout.geometry(all, echo.size(), -1);
        ArrowRow later = row(g, 5);
        assertEquals(-1, layout.rowAt(all, 5, later.labelX(), later.flagsY()));
        assertEquals(5, layout.rowAt(all, 5.5, later.labelX(), later.flagsY()));
    }

    @Test
    void hitTestingFollowsScrolling() {
        Viewport small = new Viewport(800, 400, 0);
        Viewport scrolled = small.scrolledTo(600);
        ArrowRow r = layout.geometry(scrolled, echo.size(), -1).rows().get(2);
        assertEquals(r.index(), layout.rowAt(scrolled, echo.size(), r.labelX(), r.numbersY()));
    }

    @Test
    void positionAtYInvertsThePlayheadMapping() {
        for (double p : new double[]{0, 0.5, 1, 2.75, 3, 7.2, 10.9, 11}) {
            double y = layout.playheadContentY(p);
            assertEquals(p, layout.positionAtContentY(y), 1e-9, "position " + p);
        }
        assertTrue(layout.playheadContentY(4) > layout.playheadContentY(3.99));
    }

    @Test
    void stateBandsRunDownToThePlayheadAndChangeWhereTheSegmentsSayWhy() {
        LadderGeometry g = layout.geometry(all, 3, -1);
        List<StateBand> client = g.bands().stream().filter(b -> b.side() == Side.CLIENT).toList();
        List<StateBand> server = g.bands().stream().filter(b -> b.side() == Side.SERVER).toList();
        assertEquals(List.of(TcpState.CLOSED, TcpState.SYN_SENT, TcpState.ESTABLISHED), client.stream().map(StateBand::state).toList());
        assertEquals(List.of(TcpState.LISTEN, TcpState.SYN_RECEIVED, TcpState.ESTABLISHED), server.stream().map(StateBand::state).toList());
        // The client changes when its SYN leaves, the server when the SYN arrives.
        assertEquals(row(g, 0).departY(), client.get(1).top(), 1e-9);
        assertEquals(row(g, 0).arriveY(), server.get(1).top(), 1e-9);
        assertEquals(g.playheadY(), client.get(2).bottom(), 1e-9);
    }

    @Test
    void socketCallsAreWrittenBesideTheirSideOnceReached() {
        LadderGeometry g = layout.geometry(all, 3, -1);
        CallMark connect = g.calls().stream().filter(c -> c.call().equals("connect()")).findFirst().orElseThrow();
        CallMark listen = g.calls().stream().filter(c -> c.call().equals("listen()")).findFirst().orElseThrow();
        CallMark accept = g.calls().stream().filter(c -> c.call().equals("accept()")).findFirst().orElseThrow();
        CallMark close = g.calls().stream().filter(c -> c.call().equals("close()")).findFirst().orElseThrow();
        assertEquals(g.clientX(), connect.anchorX());
        assertEquals(g.serverX(), listen.anchorX());
        assertTrue(connect.y() < row(g, 0).top(), "connect() comes before the SYN's labels");
        assertTrue(accept.done());
        assertFalse(close.done(), "close() is still in the future at position 3");
    }

    @Test
    void everyLengthScalesWithTheRootFontSize() {
        LadderLayout big = LadderLayout.of(echo, ViewSettings.defaults(2 * EM), TestLadders.TEXT);
        assertEquals(2 * layout.contentHeight(), big.contentHeight(), 1e-6);
        assertEquals(2 * layout.playheadContentY(4.5), big.playheadContentY(4.5), 1e-6);
    }

    @Test
    void timeSpacingAddsRoomForPausesAndCompressesLongOnesWithAMarker() {
        LadderLayout byTime = LadderLayout.of(echo, ViewSettings.defaults(EM).withSpacing(Spacing.TIME),
                TestLadders.TEXT);
        LadderGeometry g = byTime.geometry(new Viewport(800, 20_000, 0), echo.size(), -1);
        LadderGeometry plain = layout.geometry(all, echo.size(), -1);
        assertTrue(byTime.contentHeight() > layout.contentHeight());
        // 40.9 ms before the ACK of the FIN and 9.4 ms before the server's FIN: both far beyond the
        // median pause of some tens of microseconds, so both are compressed and labelled.
        assertEquals(List.of(40_910_000L, 9_357_000L), g.gaps().stream().map(GapMark::durationNs).toList());
        assertTrue(plain.gaps().isEmpty());
        double byTimeGap = row(g, 8).top() - row(g, 7).arriveY();
        double byOrderGap = row(plain, 8).top() - row(plain, 7).arriveY();
        assertEquals(LadderLayout.MAX_TIME_GAP * EM, byTimeGap - byOrderGap, 1e-6);
    }

    @Test
    void anomaliesGetTheirOwnLabelLine() {
        List<LadderSegment> segs = new ArrayList<>(TestLadders.alternating(3).segments());
        segs.set(1, LadderSegment.of(segs.get(1).tcp()).anomaly("retransmission").build());
        LadderData d = new LadderData(TestLadders.CLIENT, TestLadders.SERVER, null, null, segs, null, null);
        LadderGeometry g = LadderLayout.of(d, ViewSettings.defaults(EM), TestLadders.TEXT).geometry(all, 3, -1);
        assertEquals(List.of("retransmission"), g.rows().get(1).anomalies());
        assertTrue(g.rows().get(1).anomalyY() < g.rows().get(1).flagsY());
        assertTrue(Double.isNaN(g.rows().get(0).anomalyY()));
    }

    @Test
    void followingThePlayheadKeepsItInViewWithThePastAbove() {
        Viewport small = new Viewport(800, 500, 0);
        for (double p = 0; p <= echo.size(); p += 0.5) {
            double top = layout.scrollToFollow(small, p);
            double y = layout.playheadContentY(p);
            double visible = small.height() - layout.headerHeight();
            assertTrue(y >= top && y <= top + visible, "playhead in view at " + p);
            small = small.scrolledTo(top);
        }
        assertEquals(0, layout.scrollToFollow(small, 0), "back at the start, back at the top");
    }

    @Test
    void sequenceRangesWrapAtTwoToTheThirtyTwo() {
        var seg = TestLadders.segment(1, 0, true, TcpFlags.ACK | TcpFlags.PSH, 0xFFFF_FFFCL, 5);
        var withPayload = new org.tcpladder.capture.tcp.TcpSegment(1, 0, seg.src(), seg.dst(), seg.seq(), seg.ack(),
                seg.flags(), 512, 0, 8, 8, 0, List.of(), null);
        String text = new SegmentLabels(TestLadders.TEXT).numbers(LadderSegment.of(withPayload).build(),
                NumberMode.ABSOLUTE);
        assertEquals("seq 4294967292:4  ack 5  win 512", text);
    }
}
