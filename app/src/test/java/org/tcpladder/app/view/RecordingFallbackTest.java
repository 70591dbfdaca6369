package org.tcpladder.app.view;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tcpladder.app.ScratchPreferences;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.live.DemoStarter;
import org.tcpladder.app.load.CaptureIndexLoader;
import org.tcpladder.app.viewmodel.RecentFiles;
import org.tcpladder.capture.demo.DemoOutcome;
import org.tcpladder.capture.demo.IpVersion;
import org.tcpladder.capture.live.LiveCaptureException;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The issue's third route, in the real window (headless, Monocle): live capture is impossible (the
 * window's session starter fails as {@code DemoSessions.start} does without CAP_NET_RAW and without a
 * user namespace), so the dialog gives the remedy and offers the recording, which plays through the
 * same path as a live session and says everywhere that it is a recording.
 */
@ExtendWith(ApplicationExtension.class)
class RecordingFallbackTest {
    /** The message as the capture core words it when neither route works. */
    static final String NO_ROUTE = "Capturing on lo needs the CAP_NET_RAW privilege, which this program does not have"
            + " (socket: Operation not permitted), and running the session in a private network namespace is not"
            + " possible either (unshare: unshare failed: No space left on device). To capture, run as root or give"
            + " Java the capability once: " + LiveCaptureException.SETCAP_REMEDY + " . Without it you can still open"
            + " a capture file or play a recorded session.";

    private final Preferences prefs = ScratchPreferences.make();
    private final AtomicInteger liveTries = new AtomicInteger();
    private volatile LiveCaptureException.Problem problem = LiveCaptureException.Problem.NO_PERMISSION;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        DemoStarter cannotCapture = (settings, listener) -> {
            liveTries.incrementAndGet();
            throw new LiveCaptureException(problem, NO_ROUTE);
        };
        window = new MainWindow(TestLadders.TEXT, new CaptureIndexLoader(), new RecentFiles(prefs, 8), cannotCapture,
                org.tcpladder.app.live.PortWatchStarter.LOOPBACK);
        window.install(stage);
        window.playback().flightSecondsProperty().set(0);
        window.playback().dwellSecondsProperty().set(0);
        stage.show();
    }

    @AfterEach
    void cleanUp() throws BackingStoreException {
        WaitForAsyncUtils.asyncFx(() -> window.close());
        WaitForAsyncUtils.waitForFxEvents();
        ScratchPreferences.remove(prefs);
    }

    private String text(FxRobot robot, String id) {
        return ShownText.of(robot, id);
    }

    private DemoOutcome outcome() {
        return window.demoRun() == null ? null : window.demoRun().outcomeProperty().get();
    }

    private Alert errorShown() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.lastLiveError() != null && window.lastLiveError().isShowing());
        return window.lastLiveError();
    }

    @Test
    void withoutCaptureTheDialogOffersTheRecordingWhichDrawsTheSessionLabelledAsARecording(FxRobot robot)
            throws Exception {
        // given: run mode, IPv6, and no way to capture
        robot.clickOn("#" + NodeIds.RUN_MODE).clickOn("#" + NodeIds.IPV6).clickOn("#" + NodeIds.START);

        // then: the remedy, ready to copy, and the offer
        Alert alert = errorShown();
        assertEquals(1, liveTries.get());
        TextField command = (TextField) alert.getDialogPane().lookup(".problem-remedy");
        assertEquals(LiveCaptureException.SETCAP_REMEDY, command.getText());
        Button play = (Button) alert.getDialogPane().lookup("#" + NodeIds.PLAY_RECORDING);
        assertEquals("Play a recording", play.getText());

        // when: the user plays the recording
        robot.clickOn(play);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(alert.isShowing());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.playback().getPosition() >= 3);
        assertEquals(1, liveTries.get(), "the recording does not try to capture");
        assertTrue(window.demoRun().recordingProperty().get() != null, "the session is a recording");
        assertTrue(robot.lookup("#" + NodeIds.LIVE_BAR).query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("recording")), "the bar has the recording look");

        // then: the handshake is drawn (seek once it has played: a playhead at the newest segment
        // follows the next one while the recording plays)
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> outcome() != null);
        robot.interact(() -> window.playback().seek(3));
        WaitForAsyncUtils.waitForFxEvents();
        // From the top of the ladder: the view may have scrolled on with the session.
        robot.interact(() -> {
            window.ladder().scrollTopProperty().set(0);
            window.ladder().paint();
        });
        assertEquals(3, window.ladder().lastGeometry().rows().stream().filter(r -> r.progress() == 1).count(),
                "SYN, SYN,ACK, ACK");
        assertEquals("ESTABLISHED", text(robot, NodeIds.CLIENT_STATE));
        assertEquals("ESTABLISHED", text(robot, NodeIds.SERVER_STATE));
        assertTrue(window.playback().getData().client().toString().startsWith("[::1]:"), "the IPv6 recording");

        // and it ends as the live session does, labelled as a recording
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> outcome() != null);
        assertEquals(DemoOutcome.Status.COMPLETED, outcome().status(), outcome().message());
        assertTrue(outcome().isRecording());
        robot.clickOn("#" + NodeIds.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("TIME-WAIT", text(robot, NodeIds.CLIENT_STATE), "the client closed first");
        assertEquals("CLOSED", text(robot, NodeIds.SERVER_STATE));
        assertEquals("kernel: TIME-WAIT \u2713", text(robot, NodeIds.CLIENT_KERNEL), "the kernel's view, as recorded");
        String day = window.demoRun().recordingProperty().get().madeOnDay();
        assertTrue(text(robot, NodeIds.SOURCE_SUMMARY).startsWith("Recording made on " + day + ", not live: "),
                text(robot, NodeIds.SOURCE_SUMMARY));
        assertTrue(text(robot, NodeIds.LIVE_STATUS).endsWith("(Recording made on " + day + " \u2014 not live.)"),
                text(robot, NodeIds.LIVE_STATUS));
        assertTrue(robot.lookup("#" + NodeIds.STOP_LIVE).query().isDisabled(), "nothing left to stop");
    }

    @Test
    void stepModeMakesTheRecordingWaitForNextAndTheBarSaysItIsNotLive(FxRobot robot) throws Exception {
        robot.clickOn("#" + NodeIds.STEP_MODE).clickOn("#" + NodeIds.START);
        robot.clickOn((Button) errorShown().getDialogPane().lookup("#" + NodeIds.PLAY_RECORDING));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#" + NodeIds.PENDING_CALL)
                .queryAs(Label.class).isVisible() && window.demoRun().recordingProperty().get() != null);
        assertEquals("next: client: connect()", text(robot, NodeIds.PENDING_CALL));
        String day = window.demoRun().recordingProperty().get().madeOnDay();
        assertEquals("Recording, not live: Echo, the client closes first \u2014 waiting for you",
                text(robot, NodeIds.LIVE_STATUS));
        assertEquals("Recording made on " + day + ", not live: Echo, the client closes first (no connection)",
                text(robot, NodeIds.SOURCE_SUMMARY));
        assertEquals("Playing the recording of Echo, the client closes first: a real capture made by this program,"
                + " not live.", text(robot, NodeIds.STATUS));
        assertNull(window.playback().getData() == null || window.playback().getData().size() == 0 ? null : "segments",
                "nothing is played before Next");

        robot.clickOn("#" + NodeIds.NEXT_CALL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.playback().getData() != null
                && window.playback().getData().size() >= 3 && "server: accept()".equals(
                window.demoRun().pendingProperty().get()));

        robot.clickOn("#" + NodeIds.STOP_LIVE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> outcome() != null);
        assertEquals(DemoOutcome.Status.STOPPED, outcome().status());
        assertTrue(text(robot, NodeIds.LIVE_STATUS).contains("Stopped. (Recording made on "), text(robot, NodeIds.LIVE_STATUS));
    }

    @Test
    void missingLibpcapOffersTheRecordingToo(FxRobot robot) throws Exception {
        problem = LiveCaptureException.Problem.NO_LIBPCAP;
        robot.clickOn("#" + NodeIds.START);
        Alert alert = errorShown();
        assertTrue(alert.getDialogPane().lookup("#" + NodeIds.PLAY_RECORDING) != null);
        robot.interact(alert::close);
    }

    @Test
    void aHelperThatFailedIsNotAReasonToPlayARecording(FxRobot robot) throws Exception {
        problem = LiveCaptureException.Problem.HELPER_FAILED;
        robot.clickOn("#" + NodeIds.START);
        Alert alert = errorShown();
        assertNull(alert.getDialogPane().lookup("#" + NodeIds.PLAY_RECORDING), "only capture being impossible offers it");
        robot.interact(alert::close);
        assertEquals(IpVersion.V4, window.settings().demoSettings().ipVersion());
    }
}
