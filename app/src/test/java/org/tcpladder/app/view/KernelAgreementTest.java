package org.tcpladder.app.view;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
import org.tcpladder.app.viewmodel.RecentFiles;
import org.tcpladder.app.viewmodel.SideStatus;
import org.tcpladder.capture.demo.DemoOutcome;
import org.tcpladder.capture.demo.Scenario;
import org.tcpladder.capture.tcp.Side;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kernel's state beside the inferred one, on real loopback sessions: wherever the playhead stands,
 * going forward or stepping back, a kernel reading is shown only where it describes that moment, and
 * there it agrees with the inference (a red "≠" on a correct diagram would teach the wrong thing).
 */
@ExtendWith(ApplicationExtension.class)
class KernelAgreementTest {
    private final Preferences prefs = ScratchPreferences.make();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        org.tcpladder.app.live.DemoRoute.probeInBackground();
        window = new MainWindow(TestLadders.TEXT, new CaptureIndexLoader(), new RecentFiles(prefs, 8),
                DemoStarter.REAL, PortWatchStarter.LOOPBACK);
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

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void steppingBackFromTheEndShowsTheKernelOnlyWhereItAgrees(Scenario scenario, FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.settings().scenarioProperty().set(scenario);
            window.settings().stepModeProperty().set(false);
            window.startDemo();
        });
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> window.demoRun() != null
                && window.demoRun().outcomeProperty().get() != null);
        assertEquals(DemoOutcome.Status.COMPLETED, window.demoRun().outcomeProperty().get().status());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> disagreements = new ArrayList<>();
        int shown = stepBackThroughEverything(robot, disagreements);
        assertTrue(disagreements.isEmpty(), scenario + ": " + disagreements);
        assertTrue(shown > 0, "the kernel's view is shown somewhere");
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = {"ECHO_CLIENT_CLOSES_FIRST", "HALF_CLOSE", "ABORTIVE_CLOSE"})
    void inStepModeSteppingBackAtEveryPauseShowsTheKernelOnlyWhereItAgrees(Scenario scenario, FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            window.settings().scenarioProperty().set(scenario);
            window.settings().stepModeProperty().set(true);
            window.startDemo();
        });
        List<String> disagreements = new ArrayList<>();
        int shown = 0;
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.demoRun() != null);
        robot.interact(() -> window.demoRun().pendingProperty().addListener((o, a, b) -> changes.incrementAndGet()));
        for (int call = 0; call < 30; call++) {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.demoRun() != null
                    && (window.demoRun().outcomeProperty().get() != null
                    || window.demoRun().pendingProperty().get() != null));
            if (window.demoRun().outcomeProperty().get() != null) {
                break;
            }
            // Let the frames of the last call arrive and the playhead follow them.
            Thread.sleep(300);
            WaitForAsyncUtils.waitForFxEvents();
            shown += stepBackThroughEverything(robot, disagreements);
            int before = changes.get();
            robot.interact(() -> window.demoRun().proceed());
            // The call leaves pending (it may wait for the next one again at once): any change will do.
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> changes.get() > before
                    || window.demoRun().outcomeProperty().get() != null);
        }
        assertEquals(DemoOutcome.Status.COMPLETED, window.demoRun().outcomeProperty().get().status());
        assertTrue(disagreements.isEmpty(), scenario + ": " + disagreements);
        assertTrue(shown > 0, "the kernel's view is shown somewhere");
    }

    /** Steps back from the end to the start; returns how many kernel states were shown on the way. */
    private int stepBackThroughEverything(FxRobot robot, List<String> disagreements) {
        int shown = 0;
        int n = window.playback().getLength();
        for (int p = n; p >= 0; p--) {
            int at = p;
            robot.interact(() -> {
                window.playback().end();
                for (int k = n; k > at; k--) {
                    window.playback().stepBack();
                }
            });
            for (Side side : Side.values()) {
                SideStatus s = window.playback().status(side);
                if (s.kernel() != null) {
                    shown++;
                    if (!s.kernelAgrees()) {
                        disagreements.add("position " + p + " " + side + ": inferred " + s.state()
                                + ", kernel " + s.kernel());
                    }
                }
            }
        }
        return shown;
    }
}
