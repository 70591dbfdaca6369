package org.tcpladder.app.tools;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.tcpladder.app.layout.NumberMode;
import org.tcpladder.app.layout.Spacing;
import org.tcpladder.app.view.MainWindow;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Puts the real window through the states worth showing (handshake, a segment in flight, details
 * with payload, the close, time spacing, large text, a bad file) and snapshots each to a PNG. Used by
 * {@link Screenshots} for {@code screenshots/} and by a test that runs it headless.
 */
public final class ScreenshotTour {
    private final MainWindow window;
    private final Scene scene;
    private final Path dir;
    private final List<Path> written = new ArrayList<>();

    public ScreenshotTour(MainWindow window, Scene scene, Path dir) {
        this.window = window;
        this.scene = scene;
        this.dir = dir;
    }

    /**
     * Runs every shot on the FX thread, one step every {@link #STEP} so that the window gets real pulses
     * (CSS, layout, the canvas timer) between a change and its picture, then calls {@code done} with
     * the files written, or {@code failed}.
     */
    public void run(Consumer<List<Path>> done, Consumer<Throwable> failed) {
        List<Runnable> steps = new ArrayList<>();
        steps.add(() -> {
            window.playback().flightSecondsProperty().set(0);
            window.showDemo();
        });
        shot(steps, "01-ready", () -> window.playback().home());
        shot(steps, "02-handshake", () -> window.playback().seek(3));
        shot(steps, "03-data-in-flight", () -> window.playback().seek(3.55));
        shot(steps, "04-echo-with-payload", () -> window.playback().seek(6));
        shot(steps, "05-close", () -> window.playback().end());
        shot(steps, "06-time-spacing", () -> {
            window.settings().spacingProperty().set(Spacing.TIME);
            window.playback().end();
        });
        shot(steps, "07-absolute-large-text", () -> {
            window.settings().spacingProperty().set(Spacing.ORDER);
            window.settings().numbersProperty().set(NumberMode.ABSOLUTE);
            window.settings().setFontSize(22);
            window.playback().seek(2);
        });
        steps.add(() -> {
            window.settings().numbersProperty().set(NumberMode.RELATIVE);
            window.settings().resetZoom();
            window.settings().ipv6Property().set(true);
            window.showDemo();
        });
        shot(steps, "08-ipv6", () -> window.playback().seek(9.5));
        steps.add(() -> {
            window.settings().ipv6Property().set(false);
            window.showDemo();
            window.playback().seek(3);
        });
        Timeline timeline = new Timeline();
        for (int i = 0; i < steps.size(); i++) {
            Runnable step = steps.get(i);
            timeline.getKeyFrames().add(new KeyFrame(STEP.multiply(i + 1), e -> {
                try {
                    step.run();
                } catch (RuntimeException ex) {
                    timeline.stop();
                    failed.accept(ex);
                }
            }));
        }
        timeline.setOnFinished(e -> errorShot(done, failed));
        timeline.play();
    }

    /** Time between steps: a few pulses. */
    static final Duration STEP = Duration.millis(250);

    private void shot(List<Runnable> steps, String name, Runnable setup) {
        steps.add(setup);
        steps.add(() -> write(name, snapshot(scene)));
    }

    private BufferedImage snapshot(Scene s) {
        s.getRoot().applyCss();
        s.getRoot().layout();
        window.ladder().paint();
        WritableImage image = s.snapshot(null);
        return PngWriter.toBuffered(image);
    }

    private void write(String name, BufferedImage image) {
        Path file = dir.resolve(name + ".png");
        try {
            PngWriter.write(image, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.add(file);
    }

    /** Opens a damaged file (in the background, like a user would) and shoots the window with its dialog. */
    private void errorShot(Consumer<List<Path>> done, Consumer<Throwable> failed) {
        Path bad;
        try {
            bad = Files.createTempDirectory("tcpladder-shots").resolve("lecture-notes.pcap");
            Files.write(bad, "this is not a capture file, just text".getBytes());
        } catch (IOException e) {
            failed.accept(e);
            return;
        }
        window.open(bad);
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(Duration.millis(100), e -> {
            Alert alert = window.lastOpenError();
            if (alert == null || !alert.isShowing()) {
                return;
            }
            poll.stop();
            try {
                BufferedImage main = snapshot(scene);
                Scene dialog = alert.getDialogPane().getScene();
                dialog.getRoot().applyCss();
                dialog.getRoot().layout();
                BufferedImage box = PngWriter.toBuffered(dialog.snapshot(null));
                write("09-open-error", composite(main, box, scene.getWindow(), dialog.getWindow()));
                alert.close();
                Files.deleteIfExists(bad);
                Files.deleteIfExists(bad.getParent());
                done.accept(List.copyOf(written));
            } catch (RuntimeException | IOException ex) {
                failed.accept(ex);
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    /** The dialog drawn over the window where it stands on screen (centred if that is off the window). */
    private static BufferedImage composite(BufferedImage main, BufferedImage dialog, Window owner, Window box) {
        BufferedImage out = new BufferedImage(main.getWidth(), main.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(main, 0, 0, null);
        int x = (int) Math.round(box.getX() - owner.getX() - owner.getScene().getX());
        int y = (int) Math.round(box.getY() - owner.getY() - owner.getScene().getY());
        if (x < 0 || y < 0 || x + dialog.getWidth() > main.getWidth() || y + dialog.getHeight() > main.getHeight()) {
            x = (main.getWidth() - dialog.getWidth()) / 2;
            y = (main.getHeight() - dialog.getHeight()) / 2;
        }
        g.setColor(new java.awt.Color(0, 0, 0, 60));
        g.fillRect(x + 4, y + 4, dialog.getWidth(), dialog.getHeight());
        g.drawImage(dialog, x, y, null);
        g.setColor(java.awt.Color.DARK_GRAY);
        g.drawRect(x, y, dialog.getWidth() - 1, dialog.getHeight() - 1);
        g.dispose();
        return out;
    }
}

