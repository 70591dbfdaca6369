package org.tcpladder.app.view;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tcpladder.app.Captures;
import org.tcpladder.app.ScratchPreferences;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.load.ConnectionEntry;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.viewmodel.RecentFiles;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real capture files in the real window: the list, the selected connection, scrubbing through it. */
@ExtendWith(ApplicationExtension.class)
class CaptureFileTest {
    private final Preferences prefs = ScratchPreferences.make();
    private MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = new MainWindow(TestLadders.TEXT, new RecentFiles(prefs, 8));
        window.install(stage);
        window.playback().flightSecondsProperty().set(0);
        stage.show();
    }

    @AfterEach
    void cleanUp() throws BackingStoreException {
        ScratchPreferences.remove(prefs);
    }

    private String text(FxRobot robot, String id) {
        return ShownText.of(robot, id);
    }

    private void openAndWait(FxRobot robot, Path file, int connections) throws Exception {
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.loadingProperty().get()
                && window.connections().all().size() == connections && window.playback().getData() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void selectingAConnectionAndScrubbingShowsBothStatesAtThatPoint(FxRobot robot) throws Exception {
        openAndWait(robot, Captures.LOOPBACK, 3);
        assertTrue(text(robot, NodeIds.SOURCE_SUMMARY).startsWith("loopback-tcpdump.pcap: 42 packets, 3 TCP"),
                text(robot, NodeIds.SOURCE_SUMMARY));

        // The IPv6 session, third in the list.
        TableView<?> list = robot.lookup("#" + NodeIds.CONNECTIONS).queryAs(TableView.class);
        Node ipv6 = robot.from(list).lookup(".table-row-cell")
                .match(r -> ((TableRow<?>) r).getIndex() == 2).query();
        // The row is wider than the pane (a column each for a dozen values): click its first cell.
        Node firstCell = robot.from(ipv6).lookup(".table-cell").query();
        robot.clickOn(firstCell);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, list.getSelectionModel().getSelectedIndex());
        assertEquals("server [::1]:47313", window.ladder().lastGeometry().serverTitle());
        assertEquals("CLOSED", text(robot, NodeIds.CLIENT_STATE));
        assertEquals("LISTEN", text(robot, NodeIds.SERVER_STATE));

        Slider slider = robot.lookup("#" + NodeIds.SCRUBBER).queryAs(Slider.class);
        Node thumb = slider.lookup(".thumb");
        robot.drag(thumb).moveBy(slider.getWidth(), 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(14, window.playback().getPosition(), 1e-9);
        assertEquals("TIME-WAIT", text(robot, NodeIds.CLIENT_STATE));
        assertEquals("CLOSED", text(robot, NodeIds.SERVER_STATE));
        assertTrue(text(robot, NodeIds.SERVER_REASON).startsWith("Segment 14: The last ACK, for its FIN, reached"),
                text(robot, NodeIds.SERVER_REASON));

        robot.drag(thumb).moveBy(-slider.getWidth() * 0.5, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double p = window.playback().getPosition();
        assertTrue(p > 3 && p < 12, "dragged back into the data exchange: " + p);
        assertEquals("ESTABLISHED", text(robot, NodeIds.CLIENT_STATE));
        assertEquals("ESTABLISHED", text(robot, NodeIds.SERVER_STATE));

        robot.interact(() -> window.playback().seek(12));
        assertEquals("FIN-WAIT-1", text(robot, NodeIds.CLIENT_STATE), "after the client's FIN");
        assertEquals("CLOSE-WAIT", text(robot, NodeIds.SERVER_STATE));
    }

    @Test
    void theListShowsHowEachConnectionEndedAndCountsItsAnomalies(FxRobot robot) throws Exception {
        openAndWait(robot, Captures.TWENTY, 20);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.connections().all().stream().allMatch(e -> e.anomalies() >= 0));
        ConnectionEntry first = window.connections().all().get(0);
        assertEquals(2, first.anomalies());
        assertEquals(first.key(), window.connections().selectedProperty().get().key(),
                "the first complete connection is shown");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".table-cell").queryAllAs(Labeled.class).stream()
                .anyMatch(l -> l.isVisible() && l.getStyleClass().contains("table-cell")
                        && l.getPseudoClassStates().contains(StyleClasses.ANOMALOUS) && "2".equals(l.getText())),
                "the anomaly column counts 2 for the first connection, marked");
        robot.interact(() -> robot.lookup("#" + NodeIds.CONNECTIONS).queryAs(TableView.class).scrollTo(13));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".table-cell").queryAllAs(Labeled.class).stream()
                .anyMatch(l -> l.isVisible() && "reset (RST)".equals(l.getText())), "connection 13 was reset");

        robot.clickOn("#" + NodeIds.FILTER).write("fd00");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, window.connections().visible().size(), "the two IPv6 connections");
    }

    @Test
    void aDamagedFileShowsWhatCameBeforeTheDamageAndSaysWhere(FxRobot robot) throws Exception {
        Path cut = Captures.cut(Captures.TWENTY, 10, dir.resolve("cut-short.pcap"));
        openAndWait(robot, cut, 20);
        String status = text(robot, NodeIds.STATUS);
        assertTrue(status.startsWith("cut-short.pcap: 239 packets, 20 connections."), status);
        assertTrue(status.contains("The file is damaged"), status);
        assertTrue(status.contains(cut.toString()), status);
        assertTrue(window.lastOpenError() == null, "no dialog: the file was opened");
    }
}
