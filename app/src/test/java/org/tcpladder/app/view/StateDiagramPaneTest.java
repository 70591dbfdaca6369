package org.tcpladder.app.view;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.layout.StateDiagramLayout;
import org.tcpladder.app.viewmodel.RecentFiles;
import org.tcpladder.app.viewmodel.StateDiagramViewModel;
import org.tcpladder.capture.state.RfcArc;
import org.tcpladder.capture.state.TcpState;

import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state diagram in the real window, on a real capture: shown by its key, in step with the scrubber. */
@ExtendWith(ApplicationExtension.class)
class StateDiagramPaneTest {
    private final Preferences prefs = ScratchPreferences.make();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(TestLadders.TEXT, new RecentFiles(prefs, 8));
        window.install(stage);
        window.playback().flightSecondsProperty().set(0);
        window.stateDiagram().animationSecondsProperty().set(0);
        stage.show();
    }

    @AfterEach
    void cleanUp() throws BackingStoreException {
        ScratchPreferences.remove(prefs);
    }

    private StateDiagramViewModel.Highlight highlight() {
        return window.stateDiagram().highlightProperty().get();
    }

    private void openLoopbackCapture(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(Captures.LOOPBACK));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.loadingProperty().get()
                && window.connections().all().size() == 3 && window.playback().getData() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void showDiagramByItsKey(FxRobot robot) {
        robot.clickOn("#" + NodeIds.LADDER);
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D onScreen(TcpState state, boolean end) {
        StateDiagramPane pane = window.stateDiagram();
        StateDiagramLayout.Box box = pane.diagramLayout().boxes().stream()
                .filter(b -> b.state() == state && b.end() == end).findFirst().orElseThrow();
        return pane.localToScreen(box.rect().centerX(), box.rect().centerY());
    }

    @Test
    void ctrlDShowsTheDiagramBesideTheLadderAndHidesItAgain(FxRobot robot) throws Exception {
        openLoopbackCapture(robot);
        assertFalse(window.stateDiagram().getScene() != null && window.stateDiagram().isVisible()
                && window.stateDiagram().getWidth() > 0, "hidden at first");
        showDiagramByItsKey(robot);
        StateDiagramPane pane = robot.lookup("#" + NodeIds.STATE_DIAGRAM).queryAs(StateDiagramPane.class);
        assertSame(window.stateDiagram(), pane);
        assertTrue(pane.getWidth() > 200 && pane.getHeight() > 200, pane.getWidth() + "x" + pane.getHeight());
        assertNotNull(pane.diagramLayout());
        assertEquals(RfcArc.ALL.size(), pane.diagramLayout().edges().stream().mapToInt(e -> e.arcs().size()).sum());
        assertTrue(window.settings().stateDiagramShownProperty().get());

        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#" + NodeIds.STATE_DIAGRAM).tryQuery().isEmpty(), "taken out of the window");
        assertFalse(window.settings().stateDiagramShownProperty().get());
    }

    @Test
    void ctrlDGivesTheDiagramRoomForStateNamesAtSmallTextSizeAndLabelsAtSevenTenthsEm(FxRobot robot) throws Exception {
        openLoopbackCapture(robot);
        showDiagramByItsKey(robot);
        StateDiagramPane pane = window.stateDiagram();
        robot.interact(pane::paint);
        double em = window.settings().fontSizeProperty().get();
        StateDiagramLayout l = pane.diagramLayout();
        String size = pane.getWidth() + "x" + pane.getHeight() + " at " + em + " px";
        assertTrue(l.stateFontSize() >= 0.85 * em, "state names " + l.stateFontSize() + ", " + size);
        assertTrue(l.labelFontSize() >= 0.7 * em, "arc labels " + l.labelFontSize() + ", " + size);
        assertTrue(l.allLabelsShown(), "every arc labelled at the default size, " + size);
    }

    @Test
    void scrubbingHighlightsBothSidesCurrentStates(FxRobot robot) throws Exception {
        openLoopbackCapture(robot);
        showDiagramByItsKey(robot);
        assertEquals(new StateDiagramViewModel.Position(TcpState.CLOSED, null), highlight().client());
        assertEquals(new StateDiagramViewModel.Position(TcpState.LISTEN, null), highlight().server());

        Slider slider = robot.lookup("#" + NodeIds.SCRUBBER).queryAs(Slider.class);
        Node thumb = slider.lookup(".thumb");
        robot.drag(thumb).moveBy(slider.getWidth(), 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(14, window.playback().getPosition(), 1e-9);
        assertEquals(new StateDiagramViewModel.Position(TcpState.TIME_WAIT, RfcArc.FIN_WAIT_2_RECEIVE_FIN),
                highlight().client());
        assertEquals(new StateDiagramViewModel.Position(TcpState.CLOSED, RfcArc.LAST_ACK_RECEIVE_ACK),
                highlight().server());
        assertTrue(window.stateDiagram().diagramLayout()
                .boxOf(TcpState.CLOSED, RfcArc.LAST_ACK_RECEIVE_ACK).end(), "the bottom CLOSED, where closes end");
        // The server's FIN,ACK acknowledged the client's FIN too: one segment, two arcs, traced in turn.
        assertEquals(java.util.List.of(RfcArc.FIN_WAIT_1_RECEIVE_ACK, RfcArc.FIN_WAIT_2_RECEIVE_FIN),
                window.stateDiagram().model().moveProperty(org.tcpladder.capture.tcp.Side.CLIENT).get().arcs());

        robot.drag(thumb).moveBy(-slider.getWidth() * 0.5, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TcpState.ESTABLISHED, highlight().client().state());
        assertEquals(TcpState.ESTABLISHED, highlight().server().state(), "both sides on one box");

        robot.interact(() -> window.playback().seek(12));
        assertEquals(new StateDiagramViewModel.Position(TcpState.FIN_WAIT_1, RfcArc.ESTABLISHED_CLOSE),
                highlight().client());
        assertEquals(new StateDiagramViewModel.Position(TcpState.CLOSE_WAIT, RfcArc.ESTABLISHED_RECEIVE_FIN),
                highlight().server());
        // Stepping back over the FIN's arrival undoes the server's arc.
        robot.clickOn("#" + NodeIds.LADDER).type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TcpState.ESTABLISHED, highlight().server().state());
        StateDiagramViewModel.Move undone = window.stateDiagram().model()
                .moveProperty(org.tcpladder.capture.tcp.Side.SERVER).get();
        assertSame(RfcArc.ESTABLISHED_RECEIVE_FIN, undone.arc());
        assertTrue(undone.reversed());
        assertEquals(java.util.List.of(RfcArc.SYN_RECEIVED_RECEIVE_ACK),
                window.stateDiagram().markedArcs(org.tcpladder.capture.tcp.Side.SERVER),
                "once traced back, the arc into ESTABLISHED is the server's marked arc again");
        assertEquals(java.util.List.of(RfcArc.SYN_SENT_RECEIVE_SYN_ACK),
                window.stateDiagram().markedArcs(org.tcpladder.capture.tcp.Side.CLIENT),
                "at 11 the client's FIN has not left yet either");
    }

    @Test
    void clickingAStateJumpsToWhereItsSideEnteredIt(FxRobot robot) throws Exception {
        openLoopbackCapture(robot);
        showDiagramByItsKey(robot);
        robot.clickOn(onScreen(TcpState.CLOSE_WAIT, false), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, window.playback().getPosition(), 1e-9, "the client's FIN reached the server");
        assertEquals(TcpState.CLOSE_WAIT, highlight().server().state());

        robot.clickOn(onScreen(TcpState.SYN_SENT, false), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, window.playback().getPosition(), 1e-9, "the client's SYN left");
        assertEquals(TcpState.SYN_SENT, highlight().client().state());
        assertEquals(0, window.details().selectedProperty().get(), "the details show the SYN");

        robot.clickOn(onScreen(TcpState.CLOSED, true), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(14, window.playback().getPosition(), 1e-9, "the server's last ACK arrived");
        assertEquals(new StateDiagramViewModel.Position(TcpState.CLOSED, RfcArc.LAST_ACK_RECEIVE_ACK),
                highlight().server());
    }
}
