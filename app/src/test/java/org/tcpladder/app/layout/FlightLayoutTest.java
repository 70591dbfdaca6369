package org.tcpladder.app.layout;

import org.junit.jupiter.api.Test;
import org.tcpladder.app.RecordedLadders;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.ladder.LadderSegment;
import org.tcpladder.app.ladder.OnDemandSegments;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.capture.tcp.TcpFlags;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ladder's arrows as flights, on real captures: crossings cross, lost arrows stop part-way. */
class FlightLayoutTest {
    private static final double EM = 16;
    private static final Viewport TALL = new Viewport(900, 20_000, 0);

    private static LadderGeometry whole(LadderData data, Spacing spacing) {
        LadderLayout layout = LadderLayout.of(data, ViewSettings.defaults(EM).withSpacing(spacing), TestLadders.TEXT);
        return layout.geometry(TALL, data.size(), -1);
    }

    private static List<ArrowRow> fins(LadderData data, LadderGeometry g) {
        return g.rows().stream().filter(r -> data.segment(r.index()).tcp().has(TcpFlags.FIN)).toList();
    }

    /** Whether segment a-b and segment c-d cross (strictly, by orientation). */
    private static boolean intersect(double ax, double ay, double bx, double by,
                                     double cx, double cy, double dx, double dy) {
        double d1 = orient(cx, cy, dx, dy, ax, ay);
        double d2 = orient(cx, cy, dx, dy, bx, by);
        double d3 = orient(ax, ay, bx, by, cx, cy);
        double d4 = orient(ax, ay, bx, by, dx, dy);
        return d1 * d2 < 0 && d3 * d4 < 0;
    }

    private static double orient(double ax, double ay, double bx, double by, double px, double py) {
        return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    }

    private static boolean crosses(ArrowRow a, ArrowRow b) {
        return intersect(a.fromX(), a.departY(), a.toX(), a.arriveY(), b.fromX(), b.departY(), b.toX(), b.arriveY());
    }

    @Test
    void inASimultaneousCloseTheTwoFinArrowsCrossInAnX() {
        LadderData close = RecordedLadders.recording("simultaneous-close-ipv4");
        for (Spacing spacing : Spacing.values()) {
            LadderGeometry g = whole(close, spacing);
            List<ArrowRow> fins = fins(close, g);
            assertEquals(2, fins.size(), "one FIN from each side");
            assertTrue(fins.get(0).sender() != fins.get(1).sender());
            assertTrue(crosses(fins.get(0), fins.get(1)), "the FINs cross on the wire, by " + spacing);
        }
    }

    @Test
    void anEchoSessionClosedByOneSideDrawsNoCrossingFins() {
        LadderData echo = RecordedLadders.recording("echo-ipv4");
        LadderGeometry g = whole(echo, Spacing.ORDER);
        List<ArrowRow> fins = fins(echo, g);
        assertEquals(2, fins.size());
        assertFalse(crosses(fins.get(0), fins.get(1)), "the second FIN leaves after the first arrived");
    }

    @Test
    void byOrderNoArrivalIsDrawnAboveItsDepartureInALoopbackCapture() {
        for (String name : List.of("simultaneous-close-ipv4", "bulk-ipv4", "echo-ipv6", "refused-ipv4")) {
            LadderData data = RecordedLadders.recording(name);
            LadderGeometry g = whole(data, Spacing.ORDER);
            assertEquals(data.size(), g.rows().size());
            for (ArrowRow r : g.rows()) {
                assertTrue(r.arriveY() > r.departY(), name + ": segment " + r.index() + " arrives below where it left");
            }
        }
    }

    @Test
    void aLostSegmentEndsBetweenTheLifelinesWithItsReasonAndItsRetransmissionIsTiedToIt() throws IOException {
        LadderData lossy = RecordedLadders.file(RecordedLadders.LOST_DATA);
        LadderGeometry g = whole(lossy, Spacing.ORDER);
        List<ArrowRow> lost = g.rows().stream().filter(ArrowRow::lost).toList();
        assertEquals(1, lost.size(), "the one segment the link dropped");
        ArrowRow x = lost.get(0);
        assertEquals(Side.CLIENT, x.sender());
        assertTrue(x.toX() > g.clientX() + 2 * EM && x.toX() < g.serverX() - 2 * EM,
                "the lost arrow stops between the lifelines, at " + x.toX());
        assertEquals(1.0, x.progress(), "at the end the lost flight has reached its ✗");
        assertNotNull(x.lossReason());
        assertTrue(x.lossReason().contains("SACK") || x.lossReason().contains("again"), x.lossReason());

        ArrowRow copy = g.rows().stream().filter(ArrowRow::hasLink).findFirst().orElseThrow();
        assertTrue(copy.index() > x.index());
        assertFalse(copy.lost());
        assertEquals(x.toX(), copy.linkX(), 1e-9, "the link starts at the original's ✗");
        assertEquals(x.arriveY(), copy.linkY(), 1e-9);
        assertTrue(copy.anomalies().stream().anyMatch(a -> a.startsWith("repeats ")), copy.anomalies().toString());
        assertTrue(Math.abs(copy.toX() - g.serverX()) < EM, "the copy reaches the server");
    }

    @Test
    void flightsUnderWayTogetherAreDrawnUnderWayTogether() {
        LadderData close = RecordedLadders.recording("simultaneous-close-ipv4");
        LadderLayout layout = LadderLayout.of(close, ViewSettings.defaults(EM), TestLadders.TEXT);
        List<ArrowRow> atEnd = fins(close, layout.geometry(TALL, close.size(), -1));
        int second = atEnd.get(1).index();
        // Halfway through the second FIN's own flight the first FIN has not yet arrived either.
        LadderGeometry g = layout.geometry(TALL, second + 0.5, -1);
        List<ArrowRow> flying = g.rows().stream().filter(r -> r.progress() > 0 && r.progress() < 1).toList();
        assertEquals(2, flying.size(), "both FINs are in flight at once");
        for (ArrowRow r : flying) {
            assertEquals(g.playheadY(), r.headY(), 1e-6, "each head is level with the playhead");
        }
    }

    @Test
    void byTimeALaterArrivalTimeNeverDrawsAnArrivalAboveItsDeparture() throws IOException {
        LadderData lossy = RecordedLadders.file(RecordedLadders.LOST_DATA);
        LadderGeometry g = whole(lossy, Spacing.TIME);
        for (ArrowRow r : g.rows()) {
            assertTrue(r.arriveY() > r.departY(), "segment " + r.index());
        }
    }

    /**
     * A ladder whose first segment reaches its receiver only when the third leaves, as a second
     * observation point at the receiver would show: its own arrival time, not its departure's.
     */
    private static LadderData slowFirstArrival(LadderData base, boolean slow) {
        OnDemandSegments segments = new OnDemandSegments() {
            @Override
            public LadderSegment get(int i) {
                return base.segment(i);
            }

            @Override
            public int size() {
                return base.size();
            }

            @Override
            public Side senderOf(int i) {
                return base.senderOf(i);
            }

            @Override
            public long arrivalNs(int i) {
                return i == 0 && slow ? base.timeNs(2) : base.timeNs(i);
            }
        };
        return new LadderData(base.client(), base.server(), base.clientInitialState(), base.serverInitialState(),
                segments, base.socketCalls(), null);
    }

    @Test
    void byTimeAnArrivalLaterThanItsDepartureIsDrawnAtItsOwnTime() {
        LadderData echo = slowFirstArrival(TestLadders.echo(), false);
        LadderData slow = slowFirstArrival(TestLadders.echo(), true);
        LadderGeometry plain = whole(echo, Spacing.TIME);
        LadderGeometry late = whole(slow, Spacing.TIME);
        ArrowRow first = late.rows().get(0);
        ArrowRow third = late.rows().get(2);
        assertTrue(first.arriveY() > plain.rows().get(0).arriveY(), "it arrives later than it would at once");
        assertTrue(first.arriveY() >= third.departY(), "no earlier than the third segment left: "
                + first.arriveY() + " vs " + third.departY());
        LadderGeometry byOrder = whole(slow, Spacing.ORDER);
        assertEquals(whole(echo, Spacing.ORDER).rows().get(0).arriveY(), byOrder.rows().get(0).arriveY(), 1e-9,
                "by order, times do not move arrows");
    }
}
