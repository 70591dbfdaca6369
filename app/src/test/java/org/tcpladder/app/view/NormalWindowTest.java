package org.tcpladder.app.view;

import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
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
import org.tcpladder.app.layout.ArrowRow;
import org.tcpladder.app.layout.LadderLayout;
import org.tcpladder.app.live.DemoStarter;
import org.tcpladder.app.live.PortWatchStarter;
import org.tcpladder.app.load.CaptureIndexLoader;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.viewmodel.RecentFiles;
import org.tcpladder.app.viewmodel.SettingsViewModel;
import org.tcpladder.app.viewmodel.WindowPlacement;
import org.tcpladder.capture.demo.DemoOutcome;
import org.tcpladder.capture.demo.Scenario;
import org.tcpladder.capture.tcp.Side;

import org.tcpladder.app.load.ConnectionEntry;

import java.net.InetAddress;
import java.util.List;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The normal window fit for a projector: its size, folding panes, fitting the connection, a toolbar that
 * never hides Watch port, text shown whole, honest placeholders. Headless (Monocle); given the demo
 * session or a real live one, when…, then….
 */
@ExtendWith(ApplicationExtension.class)
class NormalWindowTest {
    private final Preferences prefs = ScratchPreferences.make();
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(TestLadders.TEXT, new CaptureIndexLoader(), new RecentFiles(prefs, 8),
                DemoStarter.REAL, PortWatchStarter.LOOPBACK);
        window.install(stage);
        window.playback().flightSecondsProperty().set(0);
        window.playback().dwellSecondsProperty().set(0);
        stage.show();
        window.showDemo();
    }

    @AfterEach
    void cleanUp() throws BackingStoreException {
        WaitForAsyncUtils.asyncFx(() -> window.close());
        WaitForAsyncUtils.waitForFxEvents();
        ScratchPreferences.remove(prefs);
    }

    private void shortcut(FxRobot robot, KeyCode... keys) {
        robot.press(KeyCode.CONTROL).press(keys).release(keys).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Bounds onScene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    @Test
    void theWindowOpensNoLargerThanItsScreenAndComesBackWhereItWasClosed(FxRobot robot) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertTrue(stage.getWidth() <= screen.getWidth() && stage.getHeight() <= screen.getHeight(),
                stage.getWidth() + "x" + stage.getHeight() + " on " + screen);
        robot.interact(() -> {
            stage.setX(screen.getMinX() + 10);
            stage.setY(screen.getMinY() + 20);
            stage.setWidth(900);
            stage.setHeight(600);
            stage.hide();
        });
        Rectangle2D saved = new WindowPlacement(prefs).initial(Screen.getScreens().stream()
                .map(Screen::getVisualBounds).toList(), screen);
        assertEquals(new Rectangle2D(screen.getMinX() + 10, screen.getMinY() + 20, 900, 600), saved);
        robot.interact(() -> {
            Stage next = new Stage();
            MainWindow again = new MainWindow(TestLadders.TEXT, new RecentFiles(prefs, 8));
            again.install(next);
            assertEquals(900, next.getWidth());
            assertEquals(600, next.getHeight());
            assertEquals(screen.getMinX() + 10, next.getX());
            again.dispose();
        });
    }

    @Test
    void ctrl1AndCtrl2FoldTheSidePanesAndTheLadderTakesTheRoom(FxRobot robot) {
        robot.clickOn("#" + NodeIds.LADDER);
        double before = window.ladder().getWidth();
        shortcut(robot, KeyCode.DIGIT1);
        assertFalse(window.connectionListShownProperty().get());
        assertTrue(robot.lookup("#" + NodeIds.FILTER).tryQuery().map(n -> n.getScene() == null).orElse(true),
                "the connection list is gone");
        double withoutList = window.ladder().getWidth();
        assertTrue(withoutList > before + 100, before + " -> " + withoutList);
        shortcut(robot, KeyCode.DIGIT2);
        assertFalse(window.detailsShownProperty().get());
        double alone = window.ladder().getWidth();
        assertTrue(alone > withoutList + 100, withoutList + " -> " + alone);
        assertTrue(alone >= stage.getWidth() - 40, "the ladder has the window's width: " + alone);
        shortcut(robot, KeyCode.DIGIT1);
        shortcut(robot, KeyCode.DIGIT2);
        assertTrue(window.connectionListShownProperty().get() && window.detailsShownProperty().get());
        assertEquals(before, window.ladder().getWidth(), 2, "restored as it was");
    }

    @Test
    void ctrl9FitsAShortConnectionIntoTheLaddersHeightWithTheLargestTextThatFits(FxRobot robot) {
        robot.interact(() -> window.connections().setConnections(
                List.of(ConnectionEntry.of("three segments", TestLadders.alternating(3))), "three"));
        robot.clickOn("#" + NodeIds.LADDER);
        robot.interact(() -> window.settings().setFontSize(SettingsViewModel.MIN_FONT_SIZE));
        WaitForAsyncUtils.waitForFxEvents();
        shortcut(robot, KeyCode.DIGIT9);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        double size = window.settings().getFontSize();
        assertTrue(size > SettingsViewModel.DEFAULT_FONT_SIZE, "larger: " + size);
        assertTrue(needed() <= window.ladder().getHeight() + 1, needed() + " in " + window.ladder().getHeight());
        assertTrue(needed() >= 0.85 * window.ladder().getHeight(), "and not much smaller than the room: "
                + needed() + " in " + window.ladder().getHeight());
        robot.interact(() -> {
            window.playback().end();
            window.ladder().paint();
        });
        assertEquals(3, window.ladder().lastGeometry().rows().size(), "every arrow in view at once");
    }

    @Test
    void ctrl9OnAConnectionTooLongToFitGoesNoSmallerThanALegibleSize(FxRobot robot) {
        robot.clickOn("#" + NodeIds.LADDER);
        robot.interact(() -> window.settings().setFontSize(30));
        shortcut(robot, KeyCode.DIGIT9);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        double size = window.settings().getFontSize();
        assertTrue(size >= SettingsViewModel.MIN_FIT_FONT_SIZE && size < 30, "smaller, but legible: " + size);
        assertTrue(needed() <= window.ladder().getHeight() + 1 || size == SettingsViewModel.MIN_FIT_FONT_SIZE,
                "fits, or as much as fits at the minimum: " + needed() + " in " + window.ladder().getHeight());
    }

    private double needed() {
        LadderLayout l = window.ladder().layoutProperty().get();
        return l.headerHeight() + l.contentHeight();
    }

    @Test
    void ctrlShiftEqualsZoomsInLikeCtrlEquals(FxRobot robot) {
        robot.clickOn("#" + NodeIds.LADDER);
        double before = window.settings().getFontSize();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 2, window.settings().getFontSize());
    }

    @Test
    void watchPortStaysInViewAtTheSmallestAndTheLargestTextSize(FxRobot robot) {
        robot.interact(() -> stage.setWidth(1280));
        for (double size : new double[]{SettingsViewModel.MIN_FONT_SIZE, SettingsViewModel.MAX_FONT_SIZE}) {
            robot.interact(() -> window.settings().setFontSize(size));
            WaitForAsyncUtils.waitForFxEvents();
            double sceneWidth = stage.getScene().getWidth();
            for (String id : new String[]{NodeIds.WATCH_PORT, NodeIds.WATCH_PORT_FIELD, NodeIds.START, NodeIds.OPEN}) {
                Node n = robot.lookup("#" + id).query();
                Bounds b = onScene(n);
                assertTrue(n.isVisible() && b.getMinX() >= 0 && b.getMaxX() <= sceneWidth + 0.5 && b.getWidth() > 10,
                        id + " at " + size + " px: " + b + " in " + sceneWidth);
                assertTrue(b.getMaxY() <= onScene(window.ladder()).getMinY(), id + " above the ladder at " + size);
            }
        }
    }

    @Test
    void aLongTransitionReasonIsShownWholeEvenAtTheLargestTextSize(FxRobot robot) {
        robot.interact(() -> {
            window.settings().setFontSize(SettingsViewModel.MAX_FONT_SIZE);
            window.playback().seek(3);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label reason = robot.lookup("#" + NodeIds.SERVER_REASON).queryAs(Label.class);
        assertTrue(reason.getText().length() > 20, reason.getText());
        assertEquals(reason.getText(), shown(reason), "no ellipsis");
        assertTrue(reason.getHeight() >= reason.prefHeight(reason.getWidth()) - 0.5, "every line has room");
    }

    /** The text a label really draws (its skin's text node: clipped text ends in an ellipsis). */
    private static String shown(Label label) {
        StringBuilder b = new StringBuilder();
        label.lookupAll(".text").forEach(n -> {
            if (n instanceof javafx.scene.text.Text t && t.getParent() == label) {
                b.append(t.getText());
            }
        });
        return b.toString().replace("\n", " ").replaceAll(" +", " ").trim();
    }

    @Test
    void aDamagedFilesNoticeInTheStatusLineIsShownWhole(FxRobot robot) {
        String notice = TestLadders.TEXT.format("status.damaged", "lesson.pcap: file ends inside packet 23015 "
                + "(its record needs 1514 bytes of data, only 311 left) at byte offset 9381734");
        robot.interact(() -> robot.lookup("#" + NodeIds.STATUS).queryAs(Label.class)
                .setText("lesson.pcap: 23014 packets, 12 connections. " + notice));
        WaitForAsyncUtils.waitForFxEvents();
        Label status = robot.lookup("#" + NodeIds.STATUS).queryAs(Label.class);
        assertEquals(status.getText().replaceAll(" +", " "), shown(status));
        assertTrue(onScene(status).getMaxY() <= stage.getScene().getHeight() + 0.5, "inside the window");
    }

    @Test
    void aCaptureFileShowsItsUpcomingSegmentsFaintUnlessSwitchedOff(FxRobot robot) {
        robot.interact(() -> window.playback().home());
        assertTrue(window.ladder().upcomingShownProperty().get());
        Color faint = pixelOnArrow(robot, 2);
        Color background = pixelBeside(robot, 2);
        assertNotEquals(background, faint, "the third arrow shows before it is sent");
        robot.interact(() -> window.settings().showUpcomingProperty().set(false));
        assertEquals(background, pixelOnArrow(robot, 2), "switched off: nothing after the playhead");
    }

    /** The canvas colour halfway along segment {@code i}'s arrow (where no label is). */
    private Color pixelOnArrow(FxRobot robot, int i) {
        Color[] c = new Color[1];
        robot.interact(() -> {
            window.ladder().paint();
            ArrowRow row = window.ladder().lastGeometry().rows().stream().filter(r -> r.index() == i)
                    .findFirst().orElseThrow();
            double x = row.fromX() + (row.toX() - row.fromX()) * 0.25;
            double y = row.departY() + (row.arriveY() - row.departY()) * 0.25;
            WritableImage img = window.ladder().canvas().snapshot(null, null);
            c[0] = img.getPixelReader().getColor((int) Math.round(x), (int) Math.round(y));
        });
        return c[0];
    }

    private Color pixelBeside(FxRobot robot, int i) {
        Color[] c = new Color[1];
        robot.interact(() -> {
            ArrowRow row = window.ladder().lastGeometry().rows().stream().filter(r -> r.index() == i)
                    .findFirst().orElseThrow();
            double x = row.fromX() + (row.toX() - row.fromX()) * 0.25;
            WritableImage img = window.ladder().canvas().snapshot(null, null);
            c[0] = img.getPixelReader().getColor((int) Math.round(x), (int) Math.round(row.top() - 2));
        });
        return c[0];
    }

    @Test
    void aBadPortNumberMarksTheFieldUntilALaterWatchStarts(FxRobot robot) throws Exception {
        TextField field = robot.lookup("#" + NodeIds.WATCH_PORT_FIELD).queryAs(TextField.class);
        robot.clickOn(field).write("99999");
        robot.clickOn("#" + NodeIds.WATCH_PORT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(field.getPseudoClassStates().contains(StyleClasses.INVALID));
        Label why = robot.lookup("#" + NodeIds.WATCH_PORT_PROBLEM).queryAs(Label.class);
        assertTrue(why.isVisible() && why.getText().contains("1 to 65535"), why.getText());
        String bad = ShownText.of(robot, NodeIds.STATUS);

        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = free.getLocalPort();
            robot.interact(() -> field.setText(Integer.toString(port)));
            robot.clickOn("#" + NodeIds.WATCH_PORT);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.watchRun() != null);
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(field.getPseudoClassStates().contains(StyleClasses.INVALID));
            assertFalse(why.isVisible());
            assertNotEquals(bad, ShownText.of(robot, NodeIds.STATUS), "the old complaint is gone");
            assertEquals(TestLadders.TEXT.format("ladder.waitingForTraffic", port), window.ladder().noteProperty().get());
        }
    }

    @Test
    void inStepModeTheLadderShowsBothLifelinesBeforeTheFirstCallAndSaysItWaits(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.settings().stepModeProperty().set(true);
            window.startDemo();
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> window.demoRun() != null
                && window.demoRun().pendingProperty().get() != null && window.playback().getData() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, window.playback().getData().size(), "nothing sent yet");
        assertEquals("CLOSED", ShownText.of(robot, NodeIds.CLIENT_STATE));
        assertEquals("LISTEN", ShownText.of(robot, NodeIds.SERVER_STATE), "after the server's listen()");
        assertTrue(window.ladder().noteProperty().get().startsWith("Waiting for the next call: client: connect()"),
                window.ladder().noteProperty().get());
        assertFalse(window.ladder().upcomingShownProperty().get(), "a step session's future stays hidden");
        robot.interact(() -> window.ladder().paint());
        assertEquals(1, window.ladder().lastGeometry().calls().size(), "listen() beside the server");
        assertEquals("client 127.0.0.1", window.ladder().lastGeometry().clientTitle(), "no port before connect()");
        assertEquals(0, window.connections().all().size(), "no connection listed before there is one");

        robot.interact(() -> window.demoRun().proceed());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.playback().getLength() >= 3);
        assertEquals(3, window.connections().all().size() == 1 ? 3 : -1, "the real connection took its place");
    }

    @Test
    void theHalfCloseDemoNarratesShutdownAsAHalfClose(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.settings().scenarioProperty().set(Scenario.HALF_CLOSE);
            window.settings().stepModeProperty().set(false);
            window.startDemo();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.demoRun() != null
                && window.demoRun().outcomeProperty().get() != null);
        assertEquals(DemoOutcome.Status.COMPLETED, window.demoRun().outcomeProperty().get().status());
        WaitForAsyncUtils.waitForFxEvents();
        var data = window.playback().getData();
        String reason = null;
        for (int i = 0; i < data.size() && reason == null; i++) {
            if (data.stateOf(i, Side.CLIENT) == org.tcpladder.capture.state.TcpState.FIN_WAIT_1) {
                reason = data.reasonOf(i, Side.CLIENT);
            }
        }
        assertTrue(reason != null && reason.contains("half-closed with shutdown(SHUT_WR)")
                && !reason.contains("closed first"), reason);
    }

    @Test
    void loadingSaysSoOnTheEmptyLadder(FxRobot robot) {
        robot.interact(() -> {
            window.dispose();
            window.open(java.nio.file.Path.of("no-such-capture.pcap"));
            assertEquals("Loading no-such-capture.pcap\u2026", window.ladder().noteProperty().get());
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            if (window.lastOpenError() != null) {
                window.lastOpenError().close();
            }
        });
        assertNull(window.ladder().noteProperty().get(), "no longer loading once it failed");
    }

    @Test
    void helpAboutShowsTheVersion(FxRobot robot) {
        robot.interact(window::showAbout);
        javafx.scene.control.DialogPane pane = robot.listWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot().lookup(".dialog-pane") != null)
                .map(w -> (javafx.scene.control.DialogPane) w.getScene().getRoot().lookup(".dialog-pane"))
                .findFirst().orElseThrow();
        String version = org.tcpladder.app.AppVersion.current();
        assertTrue(version != null && !version.isBlank(), "Maven wrote the version");
        assertEquals("TCP Ladder " + version, pane.getHeaderText());
        robot.interact(() -> pane.getScene().getWindow().hide());
    }
}
