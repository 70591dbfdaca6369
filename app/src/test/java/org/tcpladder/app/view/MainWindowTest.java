package org.tcpladder.app.view;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tcpladder.app.ScratchPreferences;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.layout.ArrowRow;
import org.tcpladder.app.load.CaptureIndexLoader;
import org.tcpladder.app.load.PcapFiles;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.viewmodel.DetailRow;
import org.tcpladder.app.viewmodel.DetailSection;
import org.tcpladder.app.viewmodel.RecentFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window, driven headless through Monocle: given the demo session, when…, then… */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private final Preferences prefs = ScratchPreferences.make();
    private MainWindow window;
    private RecentFiles recent;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        recent = new RecentFiles(prefs, 8);
        // Files named *.slow load until cancelled, to see the window stay live during a long read.
        CaptureIndexLoader real = new CaptureIndexLoader();
        window = new MainWindow(TestLadders.TEXT, (file, progress) -> {
            if (!file.toString().endsWith(".slow")) {
                return real.load(file, progress);
            }
            for (long done = 0; !progress.isCancelled(); done++) {
                progress.update(done % 100, 100);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    break;
                }
            }
            throw new java.util.concurrent.CancellationException();
        }, recent);
        window.install(stage);
        window.playback().flightSecondsProperty().set(0);
        stage.show();
        window.showDemo();
    }

    @AfterEach
    void forgetPreferences() throws BackingStoreException {
        ScratchPreferences.remove(prefs);
    }

    private String text(FxRobot robot, String id) {
        return ShownText.of(robot, id);
    }

    private long arrowsOnScreen() {
        return window.ladder().lastGeometry().rows().stream().filter(r -> r.progress() == 1).count();
    }

    @Test
    void steppingForwardThreeTimesDrawsTheHandshakeAndBothSidesAreEstablished(FxRobot robot) {
        assertEquals("CLOSED", text(robot, NodeIds.CLIENT_STATE));
        assertEquals("LISTEN", text(robot, NodeIds.SERVER_STATE));

        robot.clickOn("#" + NodeIds.STEP_FORWARD);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("SYN-SENT", text(robot, NodeIds.CLIENT_STATE));
        assertEquals("SYN-RECEIVED", text(robot, NodeIds.SERVER_STATE));
        assertEquals(1, arrowsOnScreen());

        robot.clickOn("#" + NodeIds.STEP_FORWARD).clickOn("#" + NodeIds.STEP_FORWARD);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ESTABLISHED", text(robot, NodeIds.CLIENT_STATE));
        assertEquals("ESTABLISHED", text(robot, NodeIds.SERVER_STATE));
        assertEquals(3, arrowsOnScreen());
        assertEquals("Segment 3: its SYN,ACK was acknowledged", text(robot, NodeIds.SERVER_REASON));
        Node indicator = robot.lookup(".state-indicator.server").query();
        assertTrue(indicator.getPseudoClassStates().toString().contains("established"),
                indicator.getPseudoClassStates().toString());
        assertEquals("Segment 3 of 11", text(robot, NodeIds.POSITION));
    }

    @Test
    void scrubbingTheSliderMovesTheStateIndicatorWithIt(FxRobot robot) {
        Slider slider = robot.lookup("#" + NodeIds.SCRUBBER).queryAs(Slider.class);
        Node thumb = slider.lookup(".thumb");
        robot.drag(thumb).moveBy(slider.getWidth(), 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(11, window.playback().getPosition(), 1e-9);
        assertEquals("TIME-WAIT", text(robot, NodeIds.CLIENT_STATE));
        assertEquals("CLOSED", text(robot, NodeIds.SERVER_STATE));

        robot.drag(thumb).moveBy(-slider.getWidth() * 0.73, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double p = window.playback().getPosition();
        assertTrue(p > 1 && p < 5, "dragged back to " + p);
        assertEquals(slider.getValue(), p, 1e-9, "slider and playhead agree");
        assertEquals("ESTABLISHED".equals(text(robot, NodeIds.CLIENT_STATE)) || p < 2,
                true, "client state follows the slider at " + p);
        assertFalse(slider.isValueChanging());
    }

    @Test
    void theModelMovesTheSliderWhenNobodyDragsIt(FxRobot robot) {
        robot.clickOn("#" + NodeIds.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(11, robot.lookup("#" + NodeIds.SCRUBBER).queryAs(Slider.class).getValue());
    }

    @Test
    void keyboardStepsPlaysAndJumps(FxRobot robot) {
        robot.clickOn("#" + NodeIds.LADDER);
        robot.type(KeyCode.RIGHT, 3);
        assertEquals("ESTABLISHED", text(robot, NodeIds.CLIENT_STATE));
        robot.type(KeyCode.LEFT);
        assertEquals(2, window.playback().getPosition(), 1e-9);
        robot.type(KeyCode.END);
        assertEquals("TIME-WAIT", text(robot, NodeIds.CLIENT_STATE));
        robot.type(KeyCode.HOME);
        assertEquals("CLOSED", text(robot, NodeIds.CLIENT_STATE));
        window.playback().flightSecondsProperty().set(10);
        robot.type(KeyCode.P);
        assertTrue(window.playback().isPlaying());
        robot.type(KeyCode.P);
        assertFalse(window.playback().isPlaying());
    }

    @Test
    void clickerKeysStepLikePresentationSoftware(FxRobot robot) {
        robot.clickOn("#" + NodeIds.LADDER);
        robot.type(KeyCode.PAGE_DOWN, KeyCode.SPACE, KeyCode.ENTER, KeyCode.DOWN);
        assertEquals(4, window.playback().getPosition(), 1e-9);
        robot.type(KeyCode.PAGE_UP, KeyCode.BACK_SPACE, KeyCode.UP);
        assertEquals(1, window.playback().getPosition(), 1e-9);
        assertFalse(window.playback().isPlaying(), "Space steps; it no longer plays");
    }

    @Test
    void digitsThenEnterGoToThatSegment(FxRobot robot) {
        robot.clickOn("#" + NodeIds.LADDER);
        robot.type(KeyCode.DIGIT7, KeyCode.ENTER);
        assertEquals(7, window.playback().getPosition(), 1e-9);
        robot.type(KeyCode.DIGIT1, KeyCode.DIGIT0, KeyCode.ENTER);
        assertEquals("Segment 10 of 11", text(robot, NodeIds.POSITION));
        robot.type(KeyCode.DIGIT9, KeyCode.DIGIT9, KeyCode.ENTER);
        assertEquals(11, window.playback().getPosition(), 1e-9, "past the end: the last segment");
    }

    @Test
    void clickerKeysStillStepAfterAToolbarButtonWasClicked(FxRobot robot) {
        robot.clickOn("#" + NodeIds.STEP_FORWARD);
        robot.clickOn("#" + NodeIds.RELATIVE);
        robot.type(KeyCode.SPACE, KeyCode.PAGE_DOWN);
        assertEquals(3, window.playback().getPosition(), 1e-9);
    }

    @Test
    void blackAndWhiteScreensCoverTheWindowUntilPressedAgain(FxRobot robot) {
        robot.clickOn("#" + NodeIds.LADDER);
        robot.type(KeyCode.B);
        assertEquals("BLACK", window.screenShade());
        assertTrue(robot.lookup("#" + NodeIds.SCREEN_COVER).query().isVisible());
        robot.type(KeyCode.B);
        assertEquals("NONE", window.screenShade());
        assertFalse(robot.lookup("#" + NodeIds.SCREEN_COVER).query().isVisible());
        robot.type(KeyCode.W);
        assertEquals("WHITE", window.screenShade());
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals("NONE", window.screenShade(), "moving on shows the ladder again");
        assertEquals(1, window.playback().getPosition(), 1e-9);
    }

    @Test
    void helpKeyboardListsEveryKeyOfTheKeyMap(FxRobot robot) {
        robot.clickOn(TestLadders.TEXT.text("menu.help")).clickOn(TestLadders.TEXT.text("menu.keyboard"));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.GridPane table = robot.lookup("#" + NodeIds.KEYBOARD_TABLE)
                .queryAs(javafx.scene.layout.GridPane.class);
        List<String> shown = table.getChildren().stream().map(n -> ((Label) n).getText()).toList();
        assertEquals(2 * KeyboardMap.BINDINGS.size(), shown.size());
        assertTrue(shown.contains("→, ↓, Page Down, Space, Enter"), shown.toString());
        assertTrue(shown.contains("B, ."), shown.toString());
        assertTrue(shown.contains(TestLadders.TEXT.text("keys.next")), shown.toString());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void typingInTheFilterBoxDoesNotMoveThePlayhead(FxRobot robot) {
        robot.clickOn("#" + NodeIds.FILTER).write("9000 ");
        robot.type(KeyCode.B, KeyCode.P, KeyCode.BACK_SPACE, KeyCode.BACK_SPACE);
        robot.type(KeyCode.LEFT, KeyCode.RIGHT, KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, window.playback().getPosition());
        assertFalse(window.playback().isPlaying());
        assertEquals("NONE", window.screenShade(), "B typed in a text field is a letter");
        assertEquals(1, window.connections().visible().size());
        robot.write("8080");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, window.connections().visible().size());
    }

    @Test
    void clickingAnArrowShowsThatSegmentsDetails(FxRobot robot) {
        window.playback().flightSecondsProperty().set(0);
        robot.clickOn("#" + NodeIds.STEP_FORWARD).clickOn("#" + NodeIds.STEP_FORWARD).clickOn("#" + NodeIds.STEP_FORWARD);
        WaitForAsyncUtils.waitForFxEvents();
        ArrowRow synAck = window.ladder().lastGeometry().rows().stream().filter(r -> r.index() == 1)
                .findFirst().orElseThrow();
        Point2D onScreen = window.ladder().canvas().localToScreen(synAck.labelX(), synAck.numbersY());
        robot.clickOn(onScreen);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, window.details().selectedProperty().get());
        assertEquals("Segment 2 of 11", window.details().sectionsProperty().get().get(0).title());
        assertTrue(window.ladder().lastGeometry().rows().stream().filter(ArrowRow::selected)
                .allMatch(r -> r.index() == 1));
    }

    @Test
    void theDetailsPaneShowsExactlyTheSelectedSegmentsFieldsAsTheSelectionMoves(FxRobot robot) {
        // The SYN (options), a bare ACK (fewer rows), the request (payload), then the SYN again: the pane
        // reuses its labels, so each time it must show exactly the view model's rows, nothing left over.
        for (int segment : new int[]{0, 2, 3, 0}) {
            robot.interact(() -> window.details().select(segment));
            List<String> expected = new ArrayList<>();
            for (DetailSection s : window.details().sectionsProperty().get()) {
                expected.add(s.title());
                for (DetailRow r : s.rows()) {
                    expected.add(r.label());
                    expected.add(r.value());
                }
            }
            List<String> shown = new ArrayList<>();
            collectDetails(robot.lookup("#" + NodeIds.DETAILS).query(), shown);
            assertEquals(expected, shown, "segment " + segment);
        }
    }

    /** The texts of the details' section titles, field names and values, in the order they show. */
    private static void collectDetails(Node node, List<String> out) {
        if (node instanceof Label l && (l.getStyleClass().contains(StyleClasses.DETAILS_LABEL)
                || l.getStyleClass().contains(StyleClasses.DETAILS_VALUE)
                || l.getStyleClass().contains(StyleClasses.DETAILS_TITLE) && l.getId() == null
                && !l.getText().equals(TestLadders.TEXT.text("details.payloadTitle")))) {
            if (l.isVisible()) {
                out.add(l.getText());
            }
            return;
        }
        if (node instanceof javafx.scene.control.ScrollPane p) {
            collectDetails(p.getContent(), out);
        } else if (node instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectDetails(child, out);
            }
        }
    }

    @Test
    void aFileThatIsNotACaptureGivesADialogNamingItAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        Path bad = Files.writeString(dir.resolve("homework.pcap"), "definitely not a capture");
        robot.interact(() -> window.open(bad));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.lastOpenError() != null && window.lastOpenError().isShowing());
        Alert alert = window.lastOpenError();
        assertEquals(NodeIds.OPEN_ERROR, alert.getDialogPane().getId());
        assertTrue(alert.getHeaderText().contains("homework.pcap"), alert.getHeaderText());
        assertTrue(alert.getContentText().contains(bad.toString()), alert.getContentText());
        assertTrue(alert.getContentText().contains("at byte 0: not a capture file"), alert.getContentText());

        robot.clickOn((Button) alert.getDialogPane().lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(alert.isShowing());
        assertTrue(robot.lookup("#" + NodeIds.STATUS).queryAs(Label.class).getText().contains("homework.pcap"));

        robot.clickOn("#" + NodeIds.STEP_FORWARD);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("SYN-SENT", text(robot, NodeIds.CLIENT_STATE), "the window still works");
    }

    @Test
    void aLongLoadShowsProgressKeepsTheWindowLiveAndCanBeCancelled(FxRobot robot) throws Exception {
        Path slow = Files.writeString(dir.resolve("huge.slow"), "");
        robot.interact(() -> window.open(slow));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#" + NodeIds.CANCEL_LOAD).query().isVisible());
        assertTrue(robot.lookup("#" + NodeIds.LOAD_PROGRESS).query().isVisible());
        assertTrue(text(robot, NodeIds.STATUS).contains("huge.slow"));

        robot.clickOn("#" + NodeIds.STEP_FORWARD);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("SYN-SENT", text(robot, NodeIds.CLIENT_STATE), "the window answers while the file loads");

        robot.clickOn("#" + NodeIds.CANCEL_LOAD);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !window.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#" + NodeIds.LOAD_PROGRESS).query().isVisible());
        assertTrue(text(robot, NodeIds.STATUS).startsWith("Stopped reading huge.slow"), text(robot, NodeIds.STATUS));
        assertTrue(recent.files().isEmpty(), "a cancelled file is not remembered");
    }

    @Test
    void openingACaptureShowsItsPacketCountAndRemembersIt(FxRobot robot) throws Exception {
        Path file = PcapFiles.write(dir.resolve("lesson.pcap"), 5, 60);
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.loadingProperty().get()
                && text(robot, NodeIds.SOURCE_SUMMARY).startsWith("lesson.pcap"));
        assertTrue(text(robot, NodeIds.SOURCE_SUMMARY).contains("5 packets"), text(robot, NodeIds.SOURCE_SUMMARY));
        assertEquals(file.toAbsolutePath(), recent.files().get(0));
        assertEquals(0, window.playback().getLength());
        assertEquals("unknown", text(robot, NodeIds.CLIENT_STATE));
    }

    @Test
    void theCanvasIsTheSizeOfTheViewAndPaintsOnlyVisibleRowsOfALongConnection(FxRobot robot) {
        robot.interact(() -> window.connections().setConnections(java.util.List.of(
                org.tcpladder.app.load.ConnectionEntry.of("long", TestLadders.alternating(100_000))), "long"));
        robot.clickOn("#" + NodeIds.END);
        WaitForAsyncUtils.waitForFxEvents();
        LadderView ladder = window.ladder();
        assertEquals(100_000, window.playback().getPosition());
        int painted = ladder.lastGeometry().rows().size();
        assertTrue(painted > 0 && painted < 20, "rows painted: " + painted);
        assertEquals(99_999, ladder.lastGeometry().rows().get(painted - 1).index());
        assertTrue(ladder.canvas().getHeight() <= ladder.getHeight());
        assertTrue(ladder.canvas().getWidth() <= ladder.getWidth()
                && ladder.canvas().getWidth() > ladder.getWidth() - 3 * ladder.em());
    }

    @Test
    void aFileNamedOnTheCommandLineIsOpenedAtStart(FxRobot robot) throws Exception {
        Path file = PcapFiles.write(dir.resolve("from-argv.pcap"), 2, 60);
        robot.interact(() -> window.openFromArguments(java.util.List.of(file.toString())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> text(robot, NodeIds.SOURCE_SUMMARY).startsWith("from-argv.pcap"));
        assertTrue(text(robot, NodeIds.SOURCE_SUMMARY).contains("2 packets"));
    }

    @Test
    void steppingAnimatesTheSegmentAcrossThroughTheCanvasTimer(FxRobot robot) throws Exception {
        window.playback().flightSecondsProperty().set(0.4);
        java.util.List<Double> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        window.playback().positionProperty().addListener((o, a, b) -> seen.add(b.doubleValue()));
        robot.clickOn("#" + NodeIds.STEP_FORWARD);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.playback().getPosition() == 1);
        assertTrue(seen.stream().anyMatch(p -> p > 0 && p < 1), "positions in flight: " + seen);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("SYN-RECEIVED", text(robot, NodeIds.SERVER_STATE));
    }

    @Test
    void zoomShortcutsScaleTheTextAndTheLadderTogether(FxRobot robot) {
        double before = window.ladder().em();
        robot.clickOn("#" + NodeIds.LADDER);
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 2, window.settings().getFontSize());
        assertEquals(before + 2, window.ladder().em(), 1e-9, "the canvas reads the root font size from CSS");
        Label state = robot.lookup("#" + NodeIds.CLIENT_STATE).queryAs(Label.class);
        assertEquals(1.6 * (before + 2), state.getFont().getSize(), 0.01, "state names are 1.6 em");
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before - 2, window.ladder().em(), 1e-9);
    }

    @Test
    void everyToolbarAndTransportControlIsEnabled(FxRobot robot) {
        for (String id : new String[]{NodeIds.START, NodeIds.SCENARIO, NodeIds.PAYLOAD_FIELD, NodeIds.WATCH_PORT,
                NodeIds.WATCH_PORT_FIELD, NodeIds.OPEN, NodeIds.PLAY, NodeIds.STEP_FORWARD, NodeIds.STEP_BACK,
                NodeIds.IPV6, NodeIds.RUN_MODE, NodeIds.ABSOLUTE, NodeIds.SPACING_TIME}) {
            assertFalse(robot.lookup("#" + id).query().isDisabled(), id + " works");
        }
        Node bar = robot.lookup("#" + NodeIds.LIVE_BAR).query();
        assertTrue(bar.getPseudoClassStates().contains(StyleClasses.IDLE), "the bar is idle without a session");
        assertEquals("Not capturing. Start runs the chosen session live over loopback; Watch port follows a port.",
                text(robot, NodeIds.LIVE_STATUS));
    }

    @Test
    void togglesChangeTheSettings(FxRobot robot) {
        robot.clickOn("#" + NodeIds.IPV6).clickOn("#" + NodeIds.RUN_MODE).clickOn("#" + NodeIds.ABSOLUTE);
        assertTrue(window.settings().ipv6Property().get());
        assertFalse(window.settings().stepModeProperty().get());
        assertEquals(org.tcpladder.app.layout.NumberMode.ABSOLUTE, window.settings().numbersProperty().get());
        robot.clickOn("#" + NodeIds.ABSOLUTE);
        assertEquals(org.tcpladder.app.layout.NumberMode.ABSOLUTE, window.settings().numbersProperty().get(),
                "clicking the chosen one again keeps it chosen");
        robot.clickOn("#" + NodeIds.STEP_FORWARD);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("seq 2954132071  win 65495", window.ladder().lastGeometry().rows().stream()
                .filter(r -> r.index() == 0).findFirst().orElseThrow().numbers());
    }
}
