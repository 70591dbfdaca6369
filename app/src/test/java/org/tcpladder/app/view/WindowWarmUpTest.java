package org.tcpladder.app.view;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tcpladder.app.ScratchPreferences;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.live.DemoStarter;
import org.tcpladder.app.live.PortWatchStarter;
import org.tcpladder.app.load.CaptureIndexLoader;
import org.tcpladder.app.load.ConnectionEntry;
import org.tcpladder.app.viewmodel.RecentFiles;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hidden copy of the window that clicks Start once at start-up (headless, Monocle): it plays the
 * whole recorded echo, leaves the shown window as it was, and gives up when the user starts a session.
 */
@ExtendWith(ApplicationExtension.class)
class WindowWarmUpTest {
    private final Preferences prefs = ScratchPreferences.make();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        // The shown window plays recordings when started, so that the test needs no capture.
        window = new MainWindow(TestLadders.TEXT, new CaptureIndexLoader(), new RecentFiles(prefs, 8),
                DemoStarter.RECORDING, PortWatchStarter.LOOPBACK);
        window.install(stage);
        stage.show();
        window.openFromArguments(List.of());
    }

    @AfterEach
    void cleanUp() throws BackingStoreException {
        WaitForAsyncUtils.asyncFx(() -> window.close());
        WaitForAsyncUtils.waitForFxEvents();
        ScratchPreferences.remove(prefs);
    }

    @Test
    void theCopyPlaysTheWholeEchoAndTheShownWindowStaysAsItWas() throws Exception {
        ConnectionEntry before = WaitForAsyncUtils.asyncFx(() -> window.connections().selectedProperty().get())
                .get(5, TimeUnit.SECONDS);
        CompletableFuture<Integer> done = WaitForAsyncUtils.asyncFx(
                () -> WindowWarmUp.start(TestLadders.TEXT, window)).get(5, TimeUnit.SECONDS);

        assertEquals(11, done.get(30, TimeUnit.SECONDS), "the recorded echo's segments, all of them");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.isLive(), "the shown window started nothing");
        assertEquals(1, window.connections().all().size());
        assertSame(before, window.connections().selectedProperty().get(), "still the hand-built session");
    }

    @Test
    void aStartInTheShownWindowMakesTheCopyGiveUp() throws Exception {
        CompletableFuture<Integer> done = WaitForAsyncUtils.asyncFx(() -> {
            CompletableFuture<Integer> f = WindowWarmUp.start(TestLadders.TEXT, window);
            window.startDemo();
            return f;
        }).get(5, TimeUnit.SECONDS);

        assertEquals(0, done.get(30, TimeUnit.SECONDS), "gave up rather than compete with the user's session");
        assertTrue(window.isLive(), "the user's session goes on");
    }
}
