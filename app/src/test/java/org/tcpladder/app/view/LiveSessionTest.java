package org.tcpladder.app.view;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
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
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.viewmodel.RecentFiles;
import org.tcpladder.app.load.ConnectionEntry;
import org.tcpladder.capture.demo.DemoListener;
import org.tcpladder.capture.demo.DemoOutcome;
import org.tcpladder.capture.demo.DemoReady;
import org.tcpladder.capture.demo.DemoSession;
import org.tcpladder.capture.demo.DemoSettings;
import org.tcpladder.capture.live.CaptureRoute;
import org.tcpladder.capture.live.CaptureStats;
import org.tcpladder.capture.source.ByteStore;
import org.tcpladder.capture.source.TimePrecision;
import org.tcpladder.capture.live.LiveCaptureException;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Start, for real: echo sessions over loopback, captured live and drawn as they happen in the real
 * window (headless, Monocle). Needs live capture: the tests run as root, as the project's CI does.
 */
@ExtendWith(ApplicationExtension.class)
class LiveSessionTest {
    private final Preferences prefs = ScratchPreferences.make();
    private MainWindow window;
    /** What Start uses; a test may put in one that fails. */
    private volatile DemoStarter starter = DemoStarter.REAL;

    @Start
    void start(Stage stage) {
        // As the program does when it starts (finds the capture route, warms the analysis up).
        org.tcpladder.app.live.DemoRoute.probeInBackground();
        window = new MainWindow(TestLadders.TEXT, new CaptureIndexLoader(), new RecentFiles(prefs, 8),
                (settings, listener) -> starter.start(settings, listener),
                org.tcpladder.app.live.PortWatchStarter.LOOPBACK);
        window.install(stage);
        // Playback jumps: the ladder follows the captured segments at once.
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

    private int segments() {
        return window.playback().getData() == null ? 0 : window.playback().getData().size();
    }

    private long arrowsOnScreen() {
        return window.ladder().lastGeometry() == null ? 0
                : window.ladder().lastGeometry().rows().stream().filter(r -> r.progress() == 1).count();
    }

    private DemoOutcome outcome() {
        return window.demoRun() == null ? null : window.demoRun().outcomeProperty().get();
    }

    @Test
    void startDrawsTheHandshakeAsItIsCapturedAndTheCloseEndsInTimeWaitAndClosed(FxRobot robot) throws Exception {
        List<Integer> lengths = new CopyOnWriteArrayList<>();
        window.playback().lengthProperty().addListener((o, a, b) -> lengths.add(b.intValue()));
        robot.clickOn("#" + NodeIds.RUN_MODE).clickOn("#" + NodeIds.START);

        // Seek only once the session is over: while it runs, a playhead at the newest segment follows
        // the next one (as it should), and until its first connection is captured the window still
        // shows what it showed before Start.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> outcome() != null);
        assertEquals(DemoOutcome.Status.COMPLETED, outcome().status(), outcome().message());
        robot.interact(() -> window.playback().seek(3));
        WaitForAsyncUtils.waitForFxEvents();
        // From the top of the ladder: the view may have scrolled on with the session.
        robot.interact(() -> {
            window.ladder().scrollTopProperty().set(0);
            window.ladder().paint();
        });
        assertEquals(3, arrowsOnScreen(), "SYN, SYN,ACK, ACK");
        assertEquals("ESTABLISHED", text(robot, NodeIds.CLIENT_STATE));
        assertEquals("ESTABLISHED", text(robot, NodeIds.SERVER_STATE));
        robot.clickOn("#" + NodeIds.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("TIME-WAIT", text(robot, NodeIds.CLIENT_STATE), "the client closed first");
        assertEquals("CLOSED", text(robot, NodeIds.SERVER_STATE));
        assertEquals("kernel: TIME-WAIT \u2713", text(robot, NodeIds.CLIENT_KERNEL), "the kernel agrees");
        assertTrue(segments() >= 10, "handshake, echo, close: " + segments());
        assertTrue(lengths.stream().distinct().count() >= 3, "the ladder grew step by step: " + lengths);
        assertTrue(window.ladder().lastGeometry().calls().stream().anyMatch(c -> c.call().equals("close()")),
                "socket calls beside the lifelines");
        long firstArrow = window.firstArrowMillisProperty().get();
        System.out.println("Start to first arrow on screen: " + firstArrow + " ms");
        assertTrue(firstArrow > 0 && firstArrow < 3000, "first arrow after " + firstArrow + " ms");
    }

    @Test
    void stepModeWaitsForEachCallShowsItAndGoesOnWithNextOrStepForward(FxRobot robot) throws Exception {
        robot.clickOn("#" + NodeIds.STEP_MODE).clickOn("#" + NodeIds.START);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#" + NodeIds.PENDING_CALL)
                .queryAs(Label.class).isVisible());
        assertEquals("next: client: connect()", text(robot, NodeIds.PENDING_CALL));
        assertEquals(0, segments(), "nothing happens before Next");

        robot.clickOn("#" + NodeIds.NEXT_CALL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> segments() >= 3
                && "next: server: accept()".equals(window.demoRun().pendingProperty().get() == null ? null
                : "next: " + window.demoRun().pendingProperty().get()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.playback().getPosition() == segments());
        assertEquals("ESTABLISHED", text(robot, NodeIds.CLIENT_STATE));
        assertEquals("kernel: ESTABLISHED \u2713", text(robot, NodeIds.CLIENT_KERNEL));

        // Stepping forward past the last segment makes the next call.
        robot.clickOn("#" + NodeIds.STEP_FORWARD);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.demoRun().pendingProperty().get() != null
                && window.demoRun().pendingProperty().get().startsWith("client: write()"));
        assertTrue(window.playback().getData().socketCalls().stream().anyMatch(c -> c.call().equals("accept()")));

        robot.clickOn("#" + NodeIds.RUN_TO_END);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> outcome() != null);
        assertEquals(DemoOutcome.Status.COMPLETED, outcome().status(), outcome().message());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.playback().getPosition() == segments());
        assertEquals("TIME-WAIT", text(robot, NodeIds.CLIENT_STATE));
        assertEquals("CLOSED", text(robot, NodeIds.SERVER_STATE));
        assertTrue(robot.lookup("#" + NodeIds.STOP_LIVE).query().isDisabled(), "nothing left to stop");
    }

    @Test
    void inRunModeTheListKeepsWhatItShowedUntilTheSessionsFirstConnectionTakesItsPlace(FxRobot robot)
            throws Exception {
        CountDownLatch capturing = new CountDownLatch(1);
        starter = (settings, listener) -> {
            try {
                // Holds the session back, as a slow capture start would.
                capturing.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return DemoStarter.REAL.start(settings, listener);
        };
        robot.interact(() -> window.showDemo());
        ConnectionEntry handBuilt = window.connections().selectedProperty().get();
        robot.clickOn("#" + NodeIds.RUN_MODE).clickOn("#" + NodeIds.START);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(handBuilt), window.connections().all(), "nothing flashes blank while it starts");
        assertEquals("Live: Echo, the client closes first \u2014 starting\u2026", text(robot, NodeIds.SOURCE_SUMMARY));

        capturing.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.connections().all().contains(handBuilt));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, window.connections().all().size(), "only the new session's connection");
        assertEquals("Echo, the client closes first", window.connections().all().get(0).name());
        assertEquals(window.connections().all().get(0), window.connections().selectedProperty().get());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> outcome() != null);
    }

    @Test
    void aSessionThatCapturesNothingLeavesAnEmptyListNotTheOldOne(FxRobot robot) throws Exception {
        starter = (settings, listener) -> new NothingCaptured(settings, listener);
        robot.interact(() -> window.showDemo());
        robot.clickOn("#" + NodeIds.RUN_MODE).clickOn("#" + NodeIds.START);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> outcome() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.connections().all().isEmpty(), "the hand-built session is gone");
        assertEquals("Live: Echo, the client closes first (no connection captured)",
                text(robot, NodeIds.SOURCE_SUMMARY));
    }

    /** A session whose capture sees nothing and which is over as soon as it starts. */
    private static final class NothingCaptured implements DemoSession {
        private final DemoReady ready;
        private final DemoOutcome outcome = new DemoOutcome(DemoOutcome.Status.STOPPED, "Stopped.",
                CaptureStats.NONE, 1, null, 0);

        NothingCaptured(DemoSettings settings, DemoListener listener) {
            ready = new DemoReady(CaptureRoute.DIRECT, settings.scenario(), settings.ipVersion(), 9, "lo",
                    "tcp port 9", 1, TimePrecision.NANO, System.nanoTime());
            Thread t = new Thread(() -> {
                listener.ready(ready);
                listener.finished(outcome);
            });
            t.setDaemon(true);
            t.start();
        }

        @Override
        public DemoReady ready() {
            return ready;
        }

        @Override
        public void proceed() {
        }

        @Override
        public void runToEnd() {
        }

        @Override
        public void stop() {
        }

        @Override
        public DemoOutcome awaitOutcome(Duration timeout) {
            return outcome;
        }

        @Override
        public ByteStore store() {
            return new ByteStore() {
                @Override
                public byte[] read(long offset, int length) throws IOException {
                    throw new IOException("nothing was captured");
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aSessionThatCannotCaptureExplainsTheRemedyAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        starter = (settings, listener) -> {
            throw new LiveCaptureException(LiveCaptureException.Problem.NO_PERMISSION,
                    "Capturing on lo needs the CAP_NET_RAW privilege, which this program does not have. Run it"
                            + " as root, or give Java the capability once: " + LiveCaptureException.SETCAP_REMEDY);
        };
        robot.clickOn("#" + NodeIds.START);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.lastLiveError() != null && window.lastLiveError().isShowing());
        Alert alert = window.lastLiveError();
        assertEquals(NodeIds.LIVE_ERROR, alert.getDialogPane().getId());
        TextField command = (TextField) alert.getDialogPane().lookup(".problem-remedy");
        assertEquals(LiveCaptureException.SETCAP_REMEDY, command.getText(), "the command, ready to copy");
        assertEquals("Play a recording", ((Button) alert.getDialogPane().lookup("#" + NodeIds.PLAY_RECORDING)).getText(),
                "the recording is offered instead");
        robot.clickOn((Button) alert.getDialogPane().lookupButton(ButtonType.CLOSE));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(alert.isShowing());
        assertTrue(robot.lookup("#" + NodeIds.LIVE_BAR).query().getPseudoClassStates().contains(StyleClasses.IDLE),
                "the bar is back to its hint");
        assertFalse(window.isLive());

        robot.interact(() -> window.showDemo());
        robot.clickOn("#" + NodeIds.STEP_FORWARD);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("SYN-SENT", text(robot, NodeIds.CLIENT_STATE), "the window still works");
    }
}
