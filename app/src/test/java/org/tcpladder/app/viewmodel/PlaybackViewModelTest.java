package org.tcpladder.app.viewmodel;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcpladder.app.TestLadders;

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

    private String client() {
        return playback.clientProperty().get().state();
    }

    private String server() {
        return playback.serverProperty().get().state();
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
}
