package org.tcpladder.app.view;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tcpladder.app.Captures;
import org.tcpladder.app.ScratchPreferences;
import org.tcpladder.app.TcpLadderApp;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.layout.ArrowRow;
import org.tcpladder.app.layout.LadderGeometry;
import org.tcpladder.app.load.CaptureIndexLoader;
import org.tcpladder.app.viewmodel.RecentFiles;
import org.tcpladder.capture.demo.DemoOutcome;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presenter mode in the real window, headless: entered by F5 or --present, driven by clicker keys. */
@ExtendWith(ApplicationExtension.class)
class PresenterTest {
    private final Preferences prefs = ScratchPreferences.make();
    private MainWindow window;
    private Stage mainStage;

    @Start
    void start(Stage stage) {
        org.tcpladder.app.live.DemoRoute.probeInBackground();
        mainStage = stage;
        window = new MainWindow(TestLadders.TEXT, new CaptureIndexLoader(), new RecentFiles(prefs, 8));
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

    private boolean presenterShown() {
        return window.presenterStage() != null && window.presenterStage().isShowing();
    }

    private String presenterText(FxRobot robot, String id) {
        return robot.from(window.presenterStage().getScene().getRoot()).lookup("#" + id).queryAs(Label.class)
                .getText();
    }

    private Node presenterNode(FxRobot robot, String id) {
        return robot.from(window.presenterStage().getScene().getRoot()).lookup("#" + id).query();
    }

    private LadderGeometry painted(FxRobot robot) {
        robot.interact(() -> window.presenterLadder().paint());
        return window.presenterLadder().lastGeometry();
    }

    @Test
    void f5PresentsFullScreenAndTheClickerStepsBlacksAndLeaves(FxRobot robot) {
        robot.interact(() -> window.showDemo());
        robot.clickOn("#" + NodeIds.LADDER);
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(presenterShown(), "F5 presents");
        assertTrue(window.presenterStage().isFullScreen());
        assertTrue(window.isPresenting());

        robot.type(KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN);
        assertEquals(3, window.playback().getPosition(), 1e-9, "PageDown steps");
        assertEquals("ESTABLISHED", presenterText(robot, NodeIds.PRESENTER_CLIENT_STATE));
        assertTrue(presenterText(robot, NodeIds.PRESENTER_CAPTION).startsWith("Segment 3: "),
                presenterText(robot, NodeIds.PRESENTER_CAPTION));
        robot.type(KeyCode.PAGE_UP);
        assertEquals(2, window.playback().getPosition(), 1e-9, "PageUp steps back");

        robot.type(KeyCode.B);
        assertTrue(presenterNode(robot, NodeIds.SCREEN_COVER).isVisible(), "B blacks the screen");
        assertEquals("BLACK", window.screenShade());
        robot.type(KeyCode.B);
        assertFalse(presenterNode(robot, NodeIds.SCREEN_COVER).isVisible(), "B again brings the ladder back");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(presenterShown(), "Esc leaves");
        assertFalse(window.isPresenting());
        assertTrue(mainStage.isShowing());
        assertEquals(2, window.playback().getPosition(), 1e-9, "back where the lesson was");
        assertEquals("Segment 2 of 11", ShownText.of(robot, NodeIds.POSITION));
    }

    @Test
    void f5AlsoLeavesAndDigitsThenEnterGoToASegment(FxRobot robot) {
        robot.interact(() -> window.showDemo());
        robot.clickOn("#" + NodeIds.LADDER);
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.DIGIT8, KeyCode.ENTER);
        assertEquals(8, window.playback().getPosition(), 1e-9);
        robot.type(KeyCode.HOME);
        assertEquals(0, window.playback().getPosition(), 1e-9);
        robot.type(KeyCode.END);
        assertEquals(11, window.playback().getPosition(), 1e-9);
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(presenterShown(), "F5 leaves as it entered");
    }

    @Test
    void presentOnTheCommandLineOpensTheFileInPresenterModeWithTheWholeConnectionInView(FxRobot robot)
            throws Exception {
        String file = Captures.LOOPBACK.toAbsolutePath().toString();
        robot.interact(() -> TcpLadderApp.begin(window, List.of("--present", file)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.playback().getData() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(presenterShown(), "--present starts in presenter mode");
        int n = window.playback().getLength();
        assertTrue(n > 0);
        robot.type(KeyCode.END);
        LadderGeometry g = painted(robot);
        List<ArrowRow> whole = g.rows().stream()
                .filter(r -> r.top() >= g.headerHeight() && r.arriveY() <= g.height()).toList();
        assertEquals(n, whole.size(), "every segment of the connection in view at once");
        assertTrue(g.sizes().alongArrow(), "textbook labels");
        assertTrue(g.sizes().label() >= 24, "label text " + g.sizes().label() + " px");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(presenterShown());
    }

    @Test
    void aLiveStepSessionIsDrivenToItsEndByTheClickerAlone(FxRobot robot) throws Exception {
        robot.clickOn("#" + NodeIds.STEP_MODE).clickOn("#" + NodeIds.START);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.demoRun() != null
                && window.demoRun().pendingProperty().get() != null);
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(presenterShown());
        assertEquals("Next call: client: connect(). What will it send? Press → to make it.",
                presenterText(robot, NodeIds.PRESENTER_CAPTION), "the class can predict the next segment");
        for (int press = 0; press < 80 && outcome() == null; press++) {
            String pending = window.demoRun().pendingProperty().get();
            double position = window.playback().getPosition();
            int length = window.playback().getLength();
            robot.type(KeyCode.PAGE_DOWN);
            // A step either shows the next captured segment or makes the next call, which takes a moment.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> outcome() != null
                    || window.playback().getPosition() != position || window.playback().getLength() != length
                    || !java.util.Objects.equals(pending, window.demoRun().pendingProperty().get()));
        }
        assertNotNull(outcome(), "the clicker alone ran the session to its end");
        assertEquals(DemoOutcome.Status.COMPLETED, outcome().status(), outcome().message());
        for (int press = 0; press < 20 && window.playback().getPosition() < window.playback().getLength(); press++) {
            robot.type(KeyCode.PAGE_DOWN);
        }
        assertEquals(window.playback().getLength(), window.playback().getPosition(), 1e-9);
        assertEquals("TIME-WAIT", presenterText(robot, NodeIds.PRESENTER_CLIENT_STATE));
        assertEquals("CLOSED", presenterText(robot, NodeIds.PRESENTER_SERVER_STATE));
    }

    @Test
    void theStateDiagramSlotTakesAnyNodeAndDTogglesIt(FxRobot robot) {
        Label diagram = new Label("diagram");
        diagram.setId("test-diagram");
        robot.interact(() -> {
            window.setStateDiagram(() -> diagram);
            window.showDemo();
            window.present();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(diagram.getScene() == window.presenterStage().getScene() && diagram.isVisible());
        assertTrue(diagram.getParent().isVisible());
        robot.type(KeyCode.D);
        assertFalse(diagram.getParent().isVisible());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void theRealStateDiagramTakesNearlyHalfTheScreenAndSetsItsTextAtProjectorSize(FxRobot robot) {
        robot.interact(() -> {
            window.showDemo();
            window.present();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        StateDiagramPane pane = (StateDiagramPane) presenterNode(robot, NodeIds.STATE_DIAGRAM);
        robot.interact(pane::paint);
        double screenW = window.presenterStage().getScene().getWidth();
        double screenH = window.presenterStage().getScene().getHeight();
        double screen = Math.min(screenW / 1280, screenH / 720);
        assertTrue(pane.getWidth() >= 0.45 * screenW, "diagram " + pane.getWidth() + " of " + screenW);
        org.tcpladder.app.layout.StateDiagramLayout l = pane.diagramLayout();
        assertNotNull(l);
        assertTrue(l.stateFontSize() >= 18 * screen - 1e-6, "state names " + l.stateFontSize() + " on " + screenW + "x" + screenH);
        assertTrue(l.labelFontSize() >= 14 * screen - 1e-6, "arc labels " + l.labelFontSize());
        assertTrue(l.allLabelsShown(), "every arc labelled at rest");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void thePointerAtTheTopBringsTheSlimBarAndHidesWhenIdle(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.showDemo();
            window.present();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node bar = presenterNode(robot, NodeIds.PRESENTER_BAR);
        Stage presenter = window.presenterStage();
        assertFalse(bar.isVisible(), "no bar until the pointer asks for it");
        robot.moveTo(new javafx.geometry.Point2D(presenter.getX() + presenter.getWidth() / 2,
                presenter.getY() + presenter.getHeight() / 2));
        robot.moveTo(new javafx.geometry.Point2D(presenter.getX() + presenter.getWidth() / 2, presenter.getY() + 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(bar.isVisible(), "the pointer at the top shows the bar");
        robot.moveTo(new javafx.geometry.Point2D(presenter.getX() + presenter.getWidth() / 2,
                presenter.getY() + presenter.getHeight() / 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(bar.isVisible(), "away from the top it goes");
        WaitForAsyncUtils.waitFor(6, TimeUnit.SECONDS,
                () -> presenter.getScene().getCursor() == javafx.scene.Cursor.NONE);
        robot.type(KeyCode.ESCAPE);
    }

    private DemoOutcome outcome() {
        return window.demoRun() == null ? null : window.demoRun().outcomeProperty().get();
    }
}
