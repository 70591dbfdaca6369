package org.tcpladder.app.viewmodel;

import org.tcpladder.capture.state.TcpState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.ladder.KernelSnapshot;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.ladder.SocketCall;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaybackViewModelTest {
    private final PlaybackViewModel playback = new PlaybackViewModel();

    @BeforeEach
    void loadEcho() {
        playback.load(TestLadders.echo());
    }

    /** The client's state as the window names it (null when unknown). */
    private String client() {
        TcpState s = playback.clientProperty().get().state();
        return s == null ? null : s.displayName();
    }

    private String server() {
        TcpState s = playback.serverProperty().get().state();
        return s == null ? null : s.displayName();
    }

    @Test
    void startsBeforeTheFirstSegmentInTheInitialStates() {
        assertEquals(0, playback.getPosition());
        assertEquals(11, playback.getLength());
        assertEquals(-1, playback.getCurrentSegment());
        assertEquals("CLOSED", client());
        assertEquals("LISTEN", server());
    }

    @Test
    void threeStepsCompleteTheHandshake() {
        playback.flightSecondsProperty().set(0);
        playback.stepForward();
        assertEquals("SYN-SENT", client());
        assertEquals("SYN-RECEIVED", server());
        playback.stepForward();
        playback.stepForward();
        assertEquals(3, playback.getPosition());
        assertEquals("ESTABLISHED", client());
        assertEquals("ESTABLISHED", server());
        assertEquals("its SYN,ACK was acknowledged", playback.serverProperty().get().reason());
        assertEquals(2, playback.serverProperty().get().segmentIndex());
    }

    @Test
    void senderChangesOnDepartureReceiverOnArrival() {
        playback.flightSecondsProperty().set(1);
        playback.stepForward();
        assertTrue(playback.animatingProperty().get());
        playback.tick(0.5);
        assertEquals(0.5, playback.getPosition(), 1e-9);
        assertEquals("SYN-SENT", client(), "the SYN has left");
        assertEquals("LISTEN", server(), "and has not arrived");
        playback.tick(0.5);
        assertEquals(1, playback.getPosition(), 1e-9);
        assertEquals("SYN-RECEIVED", server());
        assertFalse(playback.animatingProperty().get());
    }

    @Test
    void speedScalesTheFlight() {
        playback.flightSecondsProperty().set(1);
        playback.speedProperty().set(4);
        playback.stepForward();
        playback.tick(0.125);
        assertEquals(0.5, playback.getPosition(), 1e-9);
    }

    @Test
    void steppingDuringAFlightLandsItAndStartsTheNext() {
        playback.flightSecondsProperty().set(1);
        playback.stepForward();
        playback.tick(0.3);
        playback.stepForward();
        assertEquals(1, playback.getPosition(), 1e-9);
        assertTrue(playback.animatingProperty().get());
        playback.tick(1);
        assertEquals(2, playback.getPosition(), 1e-9);
    }

    @Test
    void stepBackJumpsToThePreviousArrival() {
        playback.seek(4);
        playback.stepBack();
        assertEquals(3, playback.getPosition());
        playback.seek(2.4);
        playback.stepBack();
        assertEquals(2, playback.getPosition());
        playback.home();
        playback.stepBack();
        assertEquals(0, playback.getPosition());
    }

    @Test
    void homeAndEndGoToTheEnds() {
        playback.end();
        assertEquals(11, playback.getPosition());
        assertEquals("TIME-WAIT", client());
        assertEquals("CLOSED", server());
        assertEquals(10, playback.getCurrentSegment());
        playback.home();
        assertEquals("CLOSED", client());
        assertEquals("LISTEN", server());
    }

    @Test
    void seekClampsAndStopsPlaying() {
        playback.play();
        playback.seek(99);
        assertEquals(11, playback.getPosition());
        assertFalse(playback.isPlaying());
        playback.seek(-3);
        assertEquals(0, playback.getPosition());
    }

    @Test
    void playStepsThroughEverySegmentWithPausesAndStopsAtTheEnd() {
        playback.flightSecondsProperty().set(0.5);
        playback.dwellSecondsProperty().set(0.25);
        List<Double> arrivals = new ArrayList<>();
        playback.positionProperty().addListener((o, a, b) -> {
            if (b.doubleValue() == Math.rint(b.doubleValue())) {
                arrivals.add(b.doubleValue());
            }
        });
        playback.play();
        assertTrue(playback.isPlaying());
        for (int frame = 0; frame < 600 && playback.isPlaying(); frame++) {
            playback.tick(1 / 60.0);
        }
        assertFalse(playback.isPlaying());
        assertEquals(11, playback.getPosition());
        assertEquals(11, arrivals.size(), "every segment arrived once: " + arrivals);
    }

    @Test
    void playWithZeroDurationsRunsToTheEndInOneTick() {
        playback.flightSecondsProperty().set(0);
        playback.dwellSecondsProperty().set(0);
        playback.play();
        playback.tick(0.016);
        assertEquals(11, playback.getPosition());
        assertFalse(playback.isPlaying());
    }

    @Test
    void playAtTheEndStartsAgain() {
        playback.end();
        playback.flightSecondsProperty().set(0);
        playback.play();
        assertEquals(1, playback.getPosition());
    }

    @Test
    void currentSegmentIsTheOneInFlightElseTheLastArrived() {
        playback.seek(2.5);
        assertEquals(2, playback.getCurrentSegment());
        playback.seek(3);
        assertEquals(2, playback.getCurrentSegment());
    }

    @Test
    void loadingNothingClearsTheStates() {
        playback.load(null);
        assertNull(client());
        assertEquals(0, playback.getLength());
        playback.stepForward();
        assertEquals(0, playback.getPosition());
    }

    /** The echo session cut after its first {@code n} segments, as a live session would have it. */
    private static LadderData firstSegments(int n, List<KernelSnapshot> kernel) {
        LadderData all = TestLadders.echo();
        List<SocketCall> calls = all.socketCalls().stream().filter(c -> c.position() <= n).toList();
        return new LadderData(all.client(), all.server(), all.clientInitialState(), all.serverInitialState(),
                all.segments().subList(0, n), calls, all.payloads(), kernel);
    }

    @Test
    void aGrowingLadderKeepsThePlayheadWhereItIs() {
        playback.load(firstSegments(3, List.of()));
        playback.seek(2);
        playback.update(firstSegments(5, List.of()));
        assertEquals(2, playback.getPosition());
        assertEquals(5, playback.getLength());
        assertEquals("ESTABLISHED", client());
        assertEquals("SYN-RECEIVED", server());
    }

    @Test
    void followingPlaysOnToTheNewestSegment() {
        playback.flightSecondsProperty().set(0);
        playback.dwellSecondsProperty().set(0);
        playback.load(firstSegments(3, List.of()));
        playback.end();
        playback.update(firstSegments(5, List.of()));
        playback.follow();
        assertTrue(playback.isPlaying());
        playback.tick(1);
        assertEquals(5, playback.getPosition());
        assertFalse(playback.isPlaying(), "stops at the newest segment");
    }

    @Test
    void steppingPastTheLastSegmentAsksForMore() {
        List<String> asked = new ArrayList<>();
        playback.setOnStepPastEnd(() -> asked.add("more"));
        playback.flightSecondsProperty().set(0);
        playback.load(firstSegments(1, List.of()));
        playback.stepForward();
        assertTrue(asked.isEmpty());
        playback.stepForward();
        assertEquals(List.of("more"), asked);
        playback.load(null);
        playback.stepForward();
        assertEquals(2, asked.size(), "nothing captured yet: asks too");
    }

    @Test
    void theKernelsStateShowsWhereItWasReadAndNowhereElse() {
        playback.load(firstSegments(3, List.of(new KernelSnapshot(0, null, "LISTEN"),
                new KernelSnapshot(3, "ESTABLISHED", "SYN-RECEIVED"))));
        assertEquals("LISTEN", playback.serverProperty().get().kernel());
        assertTrue(playback.serverProperty().get().kernelAgrees());
        assertNull(playback.clientProperty().get().kernel(), "not asked");
        playback.seek(1);
        assertNull(playback.serverProperty().get().kernel(), "stale after a segment moved");
        playback.seek(2.5);
        assertNull(playback.serverProperty().get().kernel(), "never read in flight");
        playback.seek(3);
        assertEquals("ESTABLISHED", playback.clientProperty().get().kernel());
        assertTrue(playback.clientProperty().get().kernelAgrees());
        assertEquals("SYN-RECEIVED", playback.serverProperty().get().kernel());
        assertFalse(playback.serverProperty().get().kernelAgrees(), "the inference says ESTABLISHED");
    }
}
