package org.tcpladder.app.view;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import org.tcpladder.app.live.PortWatchStarter;
import org.tcpladder.app.load.CaptureIndexLoader;
import org.tcpladder.app.load.ConnectionEntry;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.viewmodel.RecentFiles;
import org.tcpladder.capture.live.FrameListener;
import org.tcpladder.capture.live.LiveCaptureException;
import org.tcpladder.capture.live.LiveCaptureOptions;
import org.tcpladder.capture.live.PortWatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Watch port, for real: connections to a port on loopback appear in the list while they happen. */
@ExtendWith(ApplicationExtension.class)
class WatchPortTest {
    private final Preferences prefs = ScratchPreferences.make();
    private MainWindow window;
    private volatile PortWatchStarter starter = PortWatchStarter.LOOPBACK;

    @Start
    void start(Stage stage) {
        window = new MainWindow(TestLadders.TEXT, new CaptureIndexLoader(), new RecentFiles(prefs, 8),
                DemoStarter.REAL, new PortWatchStarter() {
                    @Override
                    public PortWatch start(int port, FrameListener listener) throws LiveCaptureException {
                        return starter.start(port, listener);
                    }

                    @Override
                    public PortWatch start(int port, int snaplen, FrameListener listener) throws LiveCaptureException {
                        return starter.start(port, snaplen, listener);
                    }
                });
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

    private static String liveStatus(FxRobot robot) {
        return robot.lookup("#" + NodeIds.LIVE_STATUS).queryAs(Label.class).getText();
    }

    /** One echo exchange: connect, send, read the echo, close. */
    private static void echoOnce(int port, String message) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = s.getOutputStream();
            out.write(message.getBytes(StandardCharsets.US_ASCII));
            s.getInputStream().readNBytes(message.length());
        }
    }

    @Test
    void connectionsToTheWatchedPortAppearAsTheyHappenAndStopEndsTheWatch(FxRobot robot) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread echo = new Thread(() -> {
                for (int i = 0; i < 2; i++) {
                    try (Socket c = server.accept()) {
                        InputStream in = c.getInputStream();
                        byte[] b = in.readNBytes(5);
                        c.getOutputStream().write(b);
                        in.read();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            echo.setDaemon(true);
            echo.start();
            int port = server.getLocalPort();
            robot.clickOn("#" + NodeIds.WATCH_PORT_FIELD).write(Integer.toString(port));
            robot.clickOn("#" + NodeIds.WATCH_PORT);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> window.watchRun() != null && window.watchRun().capturingProperty().get());
            assertFalse(robot.lookup("#" + NodeIds.LIVE_BAR).query().getPseudoClassStates().contains(StyleClasses.IDLE));

            echoOnce(port, "first");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.connections().all().size() == 1
                    && window.connections().all().get(0).segmentCount() >= 10);
            WaitForAsyncUtils.waitForFxEvents();
            ConnectionEntry first = window.connections().all().get(0);
            assertEquals(port, first.server().port());
            assertEquals(first.key(), window.connections().selectedProperty().get().key(), "shown at once");

            // the status line says what was captured, what was lost and where the frames are kept
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> liveStatus(robot).contains(" frames, 0 dropped by the kernel"));
            String watching = liveStatus(robot);
            assertTrue(watching.startsWith("Watching port " + port + " on lo: "), watching);
            assertTrue(watching.matches(".*: [\\d,]+ frames, 0 dropped by the kernel, 0 not kept \u00b7 memory [0-9.]+ of 64\\.0 MiB \u00b7 "
                    + "[0-9.]+ MiB on disk in .*tcpladder-watch-.*\\.pcapng"), watching);
            Label status = robot.lookup("#" + NodeIds.LIVE_STATUS).queryAs(Label.class);
            assertEquals(status.getText(), status.getTooltip().getText(), "the whole status, however narrow the window");

            echoOnce(port, "again");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.connections().all().size() == 2);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(2, robot.lookup("#" + NodeIds.CONNECTIONS).queryAs(TableView.class).getItems().size());
            String summary = ShownText.of(robot, NodeIds.SOURCE_SUMMARY);
            assertTrue(summary.startsWith("Port " + port + " on lo: 2 connections"), summary);

            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> window.playback().getData() != null && window.playback().getData().size() >= 10);
            robot.clickOn("#" + NodeIds.END);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("TIME-WAIT", robot.lookup("#" + NodeIds.CLIENT_STATE).queryAs(Label.class).getText());
            assertEquals("CLOSED", robot.lookup("#" + NodeIds.SERVER_STATE).queryAs(Label.class).getText());

            robot.clickOn("#" + NodeIds.STOP_LIVE);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.watchRun().runningProperty().get());
            assertTrue(robot.lookup("#" + NodeIds.LIVE_STATUS).queryAs(Label.class).getText()
                    .startsWith("Stopped watching port " + port), "what was captured stays listed");
            String stopped = liveStatus(robot);
            assertTrue(stopped.contains("frames captured, none lost") && stopped.contains("memory budget 64.0 MiB")
                    && stopped.contains("(removed when the watch is closed)"), stopped);
            assertEquals(2, window.connections().all().size());
        }
    }

    @Test
    void theSettingToKeepWholePayloadsWatchesWithWholeFrames(FxRobot robot) throws Exception {
        assertEquals(256, window.settings().watchSnaplen(), "by default headers and the first payload bytes");
        robot.interact(() -> window.settings().watchWholeFramesProperty().set(true));
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            robot.clickOn("#" + NodeIds.WATCH_PORT_FIELD).write(Integer.toString(server.getLocalPort()));
            robot.clickOn("#" + NodeIds.WATCH_PORT);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> window.watchRun() != null && window.watchRun().figuresProperty().get() != null);
            assertEquals(LiveCaptureOptions.SNAPLEN, window.watchRun().figuresProperty().get().snaplen());
        }
    }

    @Test
    void withoutLibpcapTheDialogSaysWhatToInstall(FxRobot robot) throws Exception {
        starter = (port, listener) -> {
            throw new LiveCaptureException(LiveCaptureException.Problem.NO_LIBPCAP,
                    "Live capture needs libpcap, which cannot be loaded. Install it: "
                            + LiveCaptureException.LIBPCAP_REMEDY);
        };
        robot.clickOn("#" + NodeIds.WATCH_PORT_FIELD).write("8080");
        robot.clickOn("#" + NodeIds.WATCH_PORT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.lastLiveError() != null && window.lastLiveError().isShowing());
        Alert alert = window.lastLiveError();
        assertEquals(LiveCaptureException.LIBPCAP_REMEDY,
                ((TextField) alert.getDialogPane().lookup(".problem-remedy")).getText());
        robot.interact(alert::close);
        assertFalse(window.isLive());
    }

    @Test
    void aPortThatIsNoNumberIsExplainedInTheStatusBar(FxRobot robot) {
        robot.clickOn("#" + NodeIds.WATCH_PORT_FIELD).write("http");
        robot.clickOn("#" + NodeIds.WATCH_PORT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Type a port number from 1 to 65535 next to Watch port.",
                robot.lookup("#" + NodeIds.STATUS).queryAs(Label.class).getText());
        assertFalse(window.isLive());
    }
}
