package org.tcpladder.app.view;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.util.Duration;
import org.tcpladder.app.Messages;
import org.tcpladder.app.live.DemoRun;
import org.tcpladder.app.live.DemoStarter;
import org.tcpladder.app.live.PortWatchStarter;
import org.tcpladder.app.load.CaptureIndexLoader;
import org.tcpladder.app.viewmodel.RecentFiles;
import org.tcpladder.capture.demo.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Clicks Start once in a copy of the window that is never shown, right after the real one appears,
 * so that the user's first Start does not wait for JavaFX to load and compile what a session's first
 * arrow needs (the live bar, the list's cells, the details, the canvas' arrows, the software
 * renderer's shapes: a first Start otherwise took 400–600 ms to its first arrow, later ones about
 * 100). The copy's Start plays the shipped recording of the echo session through the same path as
 * a live session (so it needs no capture and cannot fail for want of privilege), quickly, and
 * renders the copy once at the end (snapshots: the renderer's part). Its work is split over several
 * turns of the FX thread; the longest, the copy's first CSS and layout, takes 150-250 ms right after
 * the window appears, sooner than a person clicks.
 */
public final class WindowWarmUp {
    /**
     * The pause between the recording's steps: short, so that the copy is done within half a second of
     * the window appearing, before most people click (arrows still start to fly in it: the ladder
     * animates what arrives).
     */
    private static final java.time.Duration STEP_PAUSE = java.time.Duration.ofMillis(5);
    /** If the session has not ended by then, something is wrong; stop waiting for it. */
    private static final Duration LIMIT = Duration.seconds(15);

    private final Messages text;
    private final MainWindow shown;
    private final CompletableFuture<Integer> done = new CompletableFuture<>();
    private MainWindow copy;
    private AnimationTimer layout;
    private PauseTransition limit;
    private boolean finishing;

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
        // In a scene of the window's size (CSS and layout need one), but in no window.
        ApplicationTheme.style(new Scene(copy.root(), MainWindow.WIDTH, MainWindow.HEIGHT));
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

    private void finish(int segments) {
        if (finishing) {
            return;
        }
        finishing = true;
        layout.stop();
        limit.stop();
        if (segments == 0 || shown.isLive()) {
            close(segments);
            return;
        }
        copy.root().applyCss();
        copy.root().layout();
        render(parts(), 0, segments);
    }

    /**
     * Draws the copy through the renderer, as a pulse draws a shown window (the arrows, the list, the
     * details), a part per turn of the FX thread: all at once took 110-150 ms, long enough for a click
     * on Start to wait noticeably behind it.
     */
    private void render(List<Node> parts, int next, int segments) {
        if (next == parts.size() || shown.isLive()) {
            close(segments);
            return;
        }
        parts.get(next).snapshot(null, null);
        Platform.runLater(() -> render(parts, next + 1, segments));
    }

    /** The window's bars and the split pane's three panes. */
    private List<Node> parts() {
        List<Node> parts = new ArrayList<>();
        for (Node n : copy.root().getChildrenUnmodifiable()) {
            if (n instanceof SplitPane split) {
                parts.addAll(split.getItems());
            } else {
                parts.add(n);
            }
        }
        return parts;
    }

    private void close(int segments) {
        copy.dispose();
        done.complete(segments);
    }
}
