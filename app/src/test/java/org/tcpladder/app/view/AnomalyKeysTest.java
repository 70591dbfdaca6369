package org.tcpladder.app.view;

import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tcpladder.app.RecordedLadders;
import org.tcpladder.app.ScratchPreferences;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.viewmodel.AnomalyPositions;
import org.tcpladder.app.viewmodel.RecentFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A capture with a real loss in the real window: marks on the scrubber, N and Shift+N go to them. */
@ExtendWith(ApplicationExtension.class)
class AnomalyKeysTest {
    private final Preferences prefs = ScratchPreferences.make();
    private MainWindow window;

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

    private void open(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.loadingProperty().get()
                && window.playback().getData() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theScrubberMarksTheLossAndItsRetransmissionAndNAndShiftNGoThere(FxRobot robot) throws Exception {
        open(robot, RecordedLadders.LOST_DATA.toAbsolutePath());
        AnomalyPositions marks = window.playback().anomaliesProperty().get();
        ScrubberMarks shown = robot.lookup("#" + NodeIds.SCRUBBER_MARKS).queryAs(ScrubberMarks.class);
        List<Region> regions = shown.marks();
        assertTrue(regions.stream().anyMatch(r -> r.getUserData() == AnomalyPositions.Kind.LOST),
                "a mark for the lost segment");
        assertTrue(regions.stream().anyMatch(r -> r.getUserData() == AnomalyPositions.Kind.RETRANSMISSION),
                "a mark for its retransmission");
        for (Region r : regions) {
            assertTrue(r.getWidth() > 0 && r.getHeight() > 0 && r.isVisible());
        }
        double first = regions.get(0).getLayoutX();
        double last = regions.get(regions.size() - 1).getLayoutX();
        assertTrue(last > first, "the marks are spread along the scrubber as the segments are");

        robot.type(KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(marks.position(0), window.playback().getCurrentSegment(), "N: the first anomaly");
        robot.type(KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(marks.position(1), window.playback().getCurrentSegment(), "N again: the next");
        robot.press(KeyCode.SHIFT).type(KeyCode.N).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(marks.position(0), window.playback().getCurrentSegment(), "Shift+N: back to the first");
    }

    @Test
    void helpKeyboardListsTheAnomalyKeys() {
        List<String> described = KeyboardMap.BINDINGS.stream().map(b -> TestLadders.TEXT.text(b.action().descriptionKey()))
                .toList();
        assertTrue(described.stream().anyMatch(d -> d.startsWith("Next anomaly")), described.toString());
        assertTrue(described.contains("Previous anomaly"), described.toString());
        assertEquals("N", KeyboardMap.primary(KeyboardMap.Action.NEXT_ANOMALY).getDisplayText());
    }
}
