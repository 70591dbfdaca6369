package org.tcpladder.app.viewmodel;

import org.junit.jupiter.api.Test;
import org.tcpladder.app.RecordedLadders;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.layout.NumberMode;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.capture.tcp.TcpFlags;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Playback on real captures: each side's state follows its own events, anomalies are one key away. */
class PlaybackFlightsTest {
    private final PlaybackViewModel playback = new PlaybackViewModel();

    private static List<Integer> fins(LadderData d) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            if (d.segment(i).tcp().has(TcpFlags.FIN)) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void inASimultaneousCloseEachSideIsFinWait1UntilThePeersFinReachesIt() {
        LadderData close = RecordedLadders.recording("simultaneous-close-ipv4");
        playback.load(close);
        List<Integer> fins = fins(close);
        int second = fins.get(1);
        Side secondSender = close.senderOf(second);
        playback.seek(second + 0.5);
        assertEquals(TcpState.FIN_WAIT_1, playback.status(secondSender).state(),
                "the side whose FIN left second went through FIN-WAIT-1 too");
        assertEquals(TcpState.FIN_WAIT_1, playback.status(secondSender.other()).state(),
                "the first FIN has not arrived while the second flies");
        playback.seek(close.size());
        for (Side s : Side.values()) {
            List<TcpState> path = new ArrayList<>();
            playback.timeline(s).changes().forEach(c -> path.add(c.to()));
            assertTrue(path.contains(TcpState.FIN_WAIT_1) && path.contains(TcpState.CLOSING),
                    s + " went FIN-WAIT-1 then CLOSING: " + path);
        }
    }

    @Test
    void theReceiversStateChangesAtTheArrivalNotTheDeparture() {
        LadderData close = RecordedLadders.recording("simultaneous-close-ipv4");
        playback.load(close);
        int first = fins(close).get(0);
        Side receiver = close.senderOf(first).other();
        int arrivesAfter = close.arrivalRow(first);
        assertTrue(arrivesAfter > first, "the first FIN is crossed by the second");
        playback.seek(arrivesAfter + 0.99);
        assertEquals(TcpState.FIN_WAIT_1, playback.status(receiver).state());
        playback.seek(arrivesAfter + 1);
        assertEquals(TcpState.CLOSING, playback.status(receiver).state(), "the FIN reached it");
        String why = playback.status(receiver).reason();
        assertTrue(why != null && why.contains("CLOSING"), "the change says why, at the arrival: " + why);
    }

    @Test
    void aRefusedConnectionsServerIsNeverListen() {
        LadderData refused = RecordedLadders.recording("refused-ipv4");
        playback.load(refused);
        for (int k = 0; k <= 2 * refused.size(); k++) {
            playback.seek(k / 2.0);
            assertNotEquals(TcpState.LISTEN, playback.status(Side.SERVER).state(), "at " + k / 2.0);
        }
    }

    @Test
    void nAndShiftNGoToTheNextAndPreviousAnomalyAndStopAtTheEnds() throws IOException {
        LadderData lossy = RecordedLadders.file(RecordedLadders.LOST_DATA);
        playback.load(lossy);
        AnomalyPositions marks = playback.anomaliesProperty().get();
        assertTrue(marks.size() >= 2, "the loss and its retransmission");
        int lost = -1;
        for (int j = 0; j < marks.size(); j++) {
            if (marks.kind(j) == AnomalyPositions.Kind.LOST) {
                lost = marks.position(j);
            }
        }
        assertTrue(lost >= 0);
        playback.nextAnomaly();
        assertEquals(marks.position(0), playback.getCurrentSegment());
        playback.nextAnomaly();
        assertEquals(marks.position(1), playback.getCurrentSegment());
        playback.previousAnomaly();
        assertEquals(marks.position(0), playback.getCurrentSegment());
        double at = playback.getPosition();
        playback.previousAnomaly();
        assertEquals(at, playback.getPosition(), "nothing before the first");
    }

    @Test
    void aCleanSessionHasNothingToMark() {
        playback.load(RecordedLadders.recording("echo-ipv4"));
        assertEquals(0, playback.anomaliesProperty().get().size());
        playback.nextAnomaly();
        assertEquals(0, playback.getPosition());
    }

    @Test
    void theLostSegmentsNarrationSaysWhyAndFollowsTheNumberToggle() throws IOException {
        LadderData lossy = RecordedLadders.file(RecordedLadders.LOST_DATA);
        DetailsViewModel details = new DetailsViewModel(TestLadders.TEXT, ZoneOffset.UTC);
        details.setData(lossy);
        int lost = -1;
        for (int i = 0; i < lossy.size(); i++) {
            if (lossy.lost(i)) {
                lost = i;
            }
        }
        details.select(lost);
        String relative = details.narrationProperty().get();
        details.setNumberMode(NumberMode.ABSOLUTE);
        String absolute = details.narrationProperty().get();
        assertTrue(relative.contains(lossy.lossReason(lost, org.tcpladder.capture.state.NumberMode.RELATIVE)), relative);
        assertFalse(relative.equals(absolute), "absolute numbers differ from relative ones");
        assertTrue(absolute.contains(String.valueOf(lossy.segment(lost).tcp().seq().value())), absolute);
    }

    private static String flightRow(DetailsViewModel details, String label) {
        for (DetailSection section : details.sectionsProperty().get()) {
            if (section.title().equals("Flight")) {
                for (DetailRow r : section.rows()) {
                    if (r.label().equals(label)) {
                        return r.value();
                    }
                }
            }
        }
        return null;
    }

    @Test
    void theDetailsTellEachSegmentsFlightCrossedLostOrRepeated() throws IOException {
        DetailsViewModel details = new DetailsViewModel(TestLadders.TEXT, ZoneOffset.UTC);
        LadderData close = RecordedLadders.recording("simultaneous-close-ipv4");
        details.setData(close);
        List<Integer> fins = fins(close);
        details.select(fins.get(0));
        assertEquals("at the server after segment " + (fins.get(1) + 1) + " left (they crossed on the way)",
                flightRow(details, "Arrived").replace("the client", "the server"));
        details.select(0);
        assertTrue(flightRow(details, "Arrived").endsWith("before anything else left"));

        LadderData lossy = RecordedLadders.file(RecordedLadders.LOST_DATA);
        details.setData(lossy);
        int lost = -1;
        for (int i = 0; i < lossy.size(); i++) {
            if (lossy.lost(i)) {
                lost = i;
            }
        }
        details.select(lost);
        assertTrue(flightRow(details, "Lost").startsWith("Lost:"), flightRow(details, "Lost"));
        int copy = lossy.retransmittedBy(lost).get(0);
        assertEquals("segment " + (copy + 1), flightRow(details, "Sent again as"));
        details.select(copy);
        assertEquals("segment " + (lost + 1), flightRow(details, "Repeats"));
    }

    @Test
    void theDetailsShowTheSendersStateAsItLeftAndTheReceiversAsItArrived() {
        DetailsViewModel details = new DetailsViewModel(TestLadders.TEXT, ZoneOffset.UTC);
        LadderData close = RecordedLadders.recording("simultaneous-close-ipv4");
        details.setData(close);
        int first = fins(close).get(0);
        details.select(first);
        DetailSection states = details.sectionsProperty().get().stream()
                .filter(x -> x.title().startsWith("States")).findFirst().orElseThrow();
        String sender = close.senderOf(first) == Side.CLIENT ? "Client" : "Server";
        String receiver = close.senderOf(first) == Side.CLIENT ? "Server" : "Client";
        assertTrue(states.value(sender).startsWith("FIN-WAIT-1 — "), states.value(sender));
        assertTrue(states.value(receiver).startsWith("CLOSING — "),
                "its FIN crossed the peer's, which was in FIN-WAIT-1 when it arrived: " + states.value(receiver));
    }
}
