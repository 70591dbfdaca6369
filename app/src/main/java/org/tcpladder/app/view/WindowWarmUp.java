package org.tcpladder.app.view;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.util.Duration;
import org.tcpladder.app.Messages;
import org.tcpladder.app.live.DemoRun;
import org.tcpladder.app.live.DemoStarter;
import org.tcpladder.app.live.PortWatchStarter;
import org.tcpladder.app.load.CaptureIndexLoader;
import org.tcpladder.app.viewmodel.RecentFiles;
import org.tcpladder.capture.demo.Scenario;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Clicks Start once in a copy of the window that is never shown, right after the real one appears,
 * so that the user's first Start does not wait for JavaFX to load and compile what a session's first
 * arrow needs (the live bar, the list's cells, the details, the canvas' arrows, the software
 * renderer's shapes: a first Start otherwise took 400–600 ms to its first arrow, later ones about
 * 100). The copy's Start plays the shipped recording of the echo session through the same path as
 * a live session (so it needs no capture and cannot fail for want of privilege), quickly, and
 * renders the copy once at the end (a snapshot: the renderer's part). Its work is split over several
 * turns of the FX thread; the longest, making the copy, takes 150–300 ms, early, while the user is
 * still finding the Start button.
 */
public final class WindowWarmUp {
    /** The pause between the recording's steps: a few frames each, enough for arrows to fly. */
    private static final java.time.Duration STEP_PAUSE = java.time.Duration.ofMillis(40);
    /** If the session has not ended by then, something is wrong; stop waiting for it. */
    private static final Duration LIMIT = Duration.seconds(15);

    private final Messages text;
    private final MainWindow shown;
    private final CompletableFuture<Integer> done = new CompletableFuture<>();
    private MainWindow copy;
    private Scene scene;
    private AnimationTimer layout;
    private PauseTransition limit;

    private WindowWarmUp(Messages text, MainWindow shown) {
        this.text = text;
        this.shown = shown;
    }

    /**
     * Starts the warm-up once the window just shown is on screen, so that it does not delay the
     * window's first frame. It gives up as soon as the user starts a live session in
     * {@code shown} (it would only slow that session's first arrow down). From the FX thread.
     *
     * @return completes, on the FX thread, with the number of segments the copy's ladder got (0 if it
     *         gave up, or the session did not finish in time)
     */
    public static CompletableFuture<Integer> start(Messages text, MainWindow shown) {
        WindowWarmUp w = new WindowWarmUp(text, shown);
        FirstFrame.then(() -> Platform.runLater(w::build));
        return w.done;
    }

    private void build() {
        if (shown.isLive()) {
            done.complete(0);
            return;
        }
        copy = new MainWindow(text, new CaptureIndexLoader(), RecentFiles.forUser(),
                (settings, listener) -> DemoStarter.RECORDING.start(settings.withPause(STEP_PAUSE), listener),
                PortWatchStarter.LOOPBACK);
        scene = new Scene(copy.root(), MainWindow.WIDTH, MainWindow.HEIGHT);
        copy.settings().scenarioProperty().set(Scenario.ECHO_CLIENT_CLOSES_FIRST);
        copy.settings().ipv6Property().set(false);
        copy.settings().stepModeProperty().set(false);
        copy.openFromArguments(List.of());
        Platform.runLater(this::startSession);
    }

    private void startSession() {
        if (shown.isLive()) {
            done.complete(0);
            return;
        }
        // A scene without a window gets no pulses: give it CSS and layout on every frame instead.
        layout = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (shown.isLive()) {
                    finish(0);
                    return;
                }
                copy.root().applyCss();
                copy.root().layout();
            }
        };
        layout.start();
        copy.startDemo();
        DemoRun run = copy.demoRun();
        run.outcomeProperty().addListener((o, a, outcome) -> {
            if (outcome != null) {
                Platform.runLater(() -> finish(copy.playback().getLength()));
            }
        });
        limit = new PauseTransition(LIMIT);
        limit.setOnFinished(e -> finish(0));
        limit.play();
    }

    /** Draws the copy through the renderer, as a pulse draws a shown window: all the arrows, the list, the details. */
    private void render() {
        if (!done.isDone() && !shown.isLive()) {
            copy.root().applyCss();
            copy.root().layout();
            scene.snapshot(null);
        }
    }

    private void finish(int segments) {
        if (done.isDone()) {
            return;
        }
        render();
        layout.stop();
        limit.stop();
        copy.dispose();
        done.complete(segments);
    }
}
