package org.tcpladder.app.tools;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tcpladder.app.Captures;
import org.tcpladder.app.RecordedLadders;
import org.tcpladder.app.ScratchPreferences;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.view.MainWindow;
import org.tcpladder.app.viewmodel.RecentFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The screenshot command, run headless: live sessions, a capture file and a bad file, every picture written. */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTourTest {
    private final Preferences prefs = ScratchPreferences.make();
    private MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = new MainWindow(TestLadders.TEXT, new RecentFiles(prefs, 8));
        window.install(stage);
        stage.show();
    }

    @AfterEach
    void cleanUp() throws BackingStoreException {
        ScratchPreferences.remove(prefs);
    }

    @Test
    void theTourWritesEveryPictureAtTheWindowsSize(FxRobot robot) throws Exception {
        CompletableFuture<List<Path>> result = new CompletableFuture<>();
        robot.interact(() -> new ScreenshotTour(window, window.root().getScene(), dir, Captures.TWENTY,
                RecordedLadders.LOST_DATA)
                .run(result::complete, result::completeExceptionally));
        List<Path> files = result.get(120, TimeUnit.SECONDS);
        assertEquals(List.of("11-live-step-waiting.png", "01-live-mid-handshake.png", "02-live-handshake-kernel.png",
                "33-presenter-live-step-waiting.png", "03-live-echo-finished.png",
                "30-presenter-echo-1280x720.png", "31-presenter-data-caption.png",
                "34-presenter-state-diagram.png", "32-presenter-refused.png",
                "04-details-payload.png", "05-classroom-zoom.png", "06-capture-connections.png",
                "07-time-spacing-absolute.png", "12-normal-window-1280x720.png", "08-live-ipv6-server-closes.png", "10-state-diagram.png",
                "14-simultaneous-close-x.png", "15-refused.png", "16-lost-segment.png",
                "20-theme-dark.png", "20-theme-dark-dialog.png", "20-theme-dark-presenter.png",
                "21-theme-projector.png", "21-theme-projector-dialog.png", "21-theme-projector-presenter.png",
                "09-open-error.png"),
                files.stream().map(f -> f.getFileName().toString()).toList());
        for (Path f : files) {
            BufferedImage image = ImageIO.read(f.toFile());
            assertNotNull(image, f.toString());
            boolean presenter = f.getFileName().toString().contains("presenter")
                    || f.getFileName().toString().contains("1280x720");
            // Presenter shots are at a projector's 1280x720, whatever the screen they are taken on.
            assertEquals(1280, image.getWidth(), f.toString());
            assertEquals(presenter ? 720 : 800, image.getHeight(), f.toString());
        }
    }
}
