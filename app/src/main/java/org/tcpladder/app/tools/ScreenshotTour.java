package org.tcpladder.app.tools;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.tcpladder.app.layout.NumberMode;
import org.tcpladder.app.layout.Spacing;
import org.tcpladder.app.live.DemoRun;
import org.tcpladder.app.style.Ink;
import org.tcpladder.app.style.Theme;
import org.tcpladder.app.view.ApplicationTheme;
import org.tcpladder.app.view.MainWindow;
import org.tcpladder.app.view.NodeIds;
import org.tcpladder.capture.demo.DemoSettings;
import org.tcpladder.capture.demo.Scenario;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Side;

import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.capture.tcp.TcpFlags;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Puts the real window through the states worth showing and snapshots each to a PNG: a live echo
 * session over loopback mid-handshake and finished, its data segment with the payload in hex, the same
 * at classroom zoom, a multi-connection capture file with its list, time spacing, the window on a
 * 1280x720 projector, IPv6, the RFC 9293 state diagram beside a ladder, and a file that is not a
 * capture; the echo session in the Dark and Projector themes, each with a dialog. Used by
 * {@link Screenshots} for {@code screenshots/} and by a test that runs it headless.
 *
 * <p>Live sessions need live capture (root or CAP_NET_RAW). Their ports, sequence numbers and times
 * are those of the moment, so the pictures differ a little from run to run; the shots show relative
 * numbers, so only the client's port and the clock change.
 */
public final class ScreenshotTour {
    /** Longest wait for a live session or a file to reach the state a shot needs. */
    static final Duration PATIENCE = Duration.seconds(30);
    /** After a state is reached: a few pulses for CSS, layout and the canvas. */
    static final Duration SETTLE = Duration.millis(300);
    static final Duration POLL = Duration.millis(50);
    /** How dark a dialog's shadow is over the window, 0..255. */
    private static final int SHADOW_ALPHA = 60;
    /** A common classroom projector. */
    static final double PROJECTOR_WIDTH = 1280;
    static final double PROJECTOR_HEIGHT = 720;

    private final MainWindow window;
    private final Scene scene;
    private final Path dir;
    private final Path capture;
    private final Path loss;
    private final List<Path> written = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();

    /** One thing to do, then a condition to wait for before the next. */
    private record Step(String what, Runnable action, BooleanSupplier until) {
    }

    /**
     * @param capture a capture file with several connections for the file shots, or null to skip them
     */
    public ScreenshotTour(MainWindow window, Scene scene, Path dir, Path capture) {
        this(window, scene, dir, capture, null);
    }

    /**
     * @param capture a capture file with several connections for the file shots, or null to skip them
     * @param loss    a capture of a connection over a link that lost a segment, or null to skip its shot
     */
    public ScreenshotTour(MainWindow window, Scene scene, Path dir, Path capture, Path loss) {
        this.window = window;
        this.scene = scene;
        this.dir = dir;
        this.capture = capture;
        this.loss = loss;
    }

    /**
     * Runs every step on the FX thread, then calls {@code done} with the files written, or
     * {@code failed} (a state not reached in time, or an error).
     */
    public void run(Consumer<List<Path>> done, Consumer<Throwable> failed) {
        plan();
        next(0, done, failed);
    }

    private void plan() {
        step("a live echo session in step mode, waiting to connect", () -> {
            window.playback().flightSecondsProperty().set(0);
            window.settings().scenarioProperty().set(Scenario.ECHO_CLIENT_CLOSES_FIRST);
            window.settings().payloadProperty().set(DemoSettings.DEFAULT_PAYLOAD);
            window.settings().ipv6Property().set(false);
            window.settings().stepModeProperty().set(true);
            window.startDemo();
        }, () -> demo() != null && demo().pendingProperty().get() != null && window.playback().getData() != null);
        // Before the first call: both lifelines, the server LISTENing after its listen(), and what comes next.
        shot("11-live-step-waiting", () -> { });
        step("the handshake captured", () -> demo().proceed(),
                () -> segments() >= 3 && demo().pendingProperty().get() != null);
        shot("01-live-mid-handshake", () -> window.playback().seek(1.5));
        shot("02-live-handshake-kernel", () -> window.playback().seek(3));
        step("presenter mode in the live Step session", () -> window.presentWindowed(PRESENTER_WIDTH,
                PRESENTER_HEIGHT), () -> window.isPresenting());
        presenterShot("33-presenter-live-step-waiting", () -> window.playback().seek(3));
        step("leave presenter mode", window::leavePresenter, () -> !window.isPresenting());
        step("the rest of the session", () -> demo().runToEnd(), () -> demo().outcomeProperty().get() != null
                && segments() >= 10);
        shot("03-live-echo-finished", () -> window.playback().end());
        presenterShots();
        shot("04-details-payload", () -> {
            window.playback().seek(4);
            window.details().select(3);
        });
        // The payload is at the bottom of the details: scrolled there once they are laid out.
        steps.add(steps.size() - 1, new Step("scroll the details to the payload",
                () -> ((ScrollPane) scene.lookup("#" + NodeIds.DETAILS)).setVvalue(1), () -> true));
        // As a teacher would: large text, the side panes folded away (Ctrl+1, Ctrl+2) so the ladder and
        // the whole reasons under the states have the width.
        shot("05-classroom-zoom", () -> {
            window.settings().setFontSize(22);
            window.connectionListShownProperty().set(false);
            window.detailsShownProperty().set(false);
            window.playback().seek(8);
        });
        step("normal text, both panes", () -> {
            window.settings().resetZoom();
            window.connectionListShownProperty().set(true);
            window.detailsShownProperty().set(true);
        }, () -> true);
        if (capture != null) {
            step("a capture file with twenty connections", () -> window.open(capture),
                    () -> !window.loadingProperty().get() && window.playback().getData() != null
                            && window.connections().all().size() > 1
                            && window.connections().all().stream().allMatch(e -> e.anomalies() >= 0));
            shot("06-capture-connections", () -> window.playback().seek(14));
            shot("07-time-spacing-absolute", () -> {
                window.settings().spacingProperty().set(Spacing.TIME);
                window.settings().numbersProperty().set(NumberMode.ABSOLUTE);
                window.playback().seek(21);
            });
            step("back to order and relative numbers", () -> {
                window.settings().spacingProperty().set(Spacing.ORDER);
                window.settings().numbersProperty().set(NumberMode.RELATIVE);
            }, () -> true);
            // A 1280x720 projector: the whole window fits, and before playing the connection shows faint.
            double[] size = new double[2];
            shot("12-normal-window-1280x720", () -> {
                Window w = scene.getWindow();
                size[0] = w.getWidth();
                size[1] = w.getHeight();
                w.setWidth(PROJECTOR_WIDTH);
                w.setHeight(PROJECTOR_HEIGHT);
                window.playback().home();
            });
            step("back to the window's size", () -> {
                scene.getWindow().setWidth(size[0]);
                scene.getWindow().setHeight(size[1]);
            }, () -> true);
        }
        step("a live session over IPv6 in run mode: the server closes first", () -> {
            window.settings().scenarioProperty().set(Scenario.SERVER_CLOSES_FIRST);
            window.settings().ipv6Property().set(true);
            window.settings().stepModeProperty().set(false);
            window.startDemo();
        }, () -> demo() != null && demo().outcomeProperty().get() != null && segments() >= 10);
        shot("08-live-ipv6-server-closes", () -> window.playback().end());
        shot("10-state-diagram", () -> {
            // The state diagram beside the ladder, at the moment the server's FIN has been acknowledged.
            window.stateDiagram().animationSecondsProperty().set(0);
            window.settings().stateDiagramShownProperty().set(true);
            double p = window.stateDiagram().model().entryPosition(Side.SERVER, TcpState.FIN_WAIT_2, null);
            window.playback().seek(p >= 0 ? p : window.playback().getLength() - 1);
        });
        step("the state diagram hidden again", () -> window.settings().stateDiagramShownProperty().set(false),
                () -> true);
        flights();
        step("back to the defaults", () -> {
            window.settings().scenarioProperty().set(Scenario.ECHO_CLIENT_CLOSES_FIRST);
            window.settings().ipv6Property().set(false);
            window.settings().stepModeProperty().set(true);
        }, () -> true);
        themes();
    }

    /**
     * Segments as flights: the simultaneous close's crossing FINs (the X), a refused connection (its
     * server never LISTEN), and a capture with a lost segment, its ✗ and its retransmission tied to it.
     */
    private void flights() {
        step("a live simultaneous close", () -> {
            window.settings().scenarioProperty().set(Scenario.SIMULTANEOUS_CLOSE);
            window.settings().ipv6Property().set(false);
            window.settings().stepModeProperty().set(false);
            window.startDemo();
        }, () -> demo() != null && demo().outcomeProperty().get() != null && segments() >= 10);
        // Just after both FINs have landed, so the X is whole in the view.
        shot("14-simultaneous-close-x", () -> window.playback().seek(lastFin() + 1));
        step("a live connection to a port nobody listens on", () -> {
            window.settings().scenarioProperty().set(Scenario.CONNECTION_REFUSED);
            window.startDemo();
        }, () -> demo() != null && demo().outcomeProperty().get() != null && segments() >= 2);
        shot("15-refused", () -> window.playback().end());
        if (loss != null) {
            step("a capture over a link that lost a segment", () -> window.open(loss),
                    () -> !window.loadingProperty().get() && window.playback().getData() != null
                            && window.connections().all().size() == 1);
            // At the retransmission, selected: the lost original's ✗ above it, tied to it.
            // Smaller text, and the lost original shown first, so that moving on to its copy keeps the
            // original's ✗ in view: the ladder scrolls only when the playhead leaves it.
            step("the lost original", () -> {
                window.settings().setFontSize(10);
                LadderData d = window.playback().getData();
                window.playback().seek(d.retransmissionOf(firstRetransmission()) + 1);
            }, () -> true);
            shot("16-lost-segment", () -> {
                int copy = firstRetransmission();
                window.playback().seek(copy + 1);
                window.details().select(copy);
            });
            step("normal text again", () -> window.settings().resetZoom(), () -> true);
        }
    }

    private int lastFin() {
        LadderData d = window.playback().getData();
        int last = d.size() - 1;
        for (int i = 0; i < d.size(); i++) {
            if (d.segment(i).tcp().has(TcpFlags.FIN)) {
                last = i;
            }
        }
        return last;
    }

    private int firstRetransmission() {
        LadderData d = window.playback().getData();
        for (int i = 0; i < d.size(); i++) {
            if (d.retransmissionOf(i) >= 0) {
                return i;
            }
        }
        return d.size() - 1;
    }

    /**
     * The echo session with a segment selected, in each theme other than Light, and a dialog and the
     * presenter (at 1280×720) in each.
     */
    private void themes() {
        step("the echo session for the themes", window::showDemo,
                () -> window.playback().getData() != null && !window.connections().all().isEmpty());
        String[] names = {"20-theme-dark", "21-theme-projector"};
        Theme[] themes = {Theme.DARK, Theme.PROJECTOR};
        for (int i = 0; i < themes.length; i++) {
            Theme theme = themes[i];
            shot(names[i], () -> {
                ApplicationTheme.set(theme);
                // The end: the closing states, the most colours at once.
                window.playback().end();
                window.details().select(8);
            });
            dialogShot(names[i] + "-dialog", window::showAbout);
            step("presenter mode in " + theme, () -> window.presentWindowed(PRESENTER_WIDTH, PRESENTER_HEIGHT),
                    () -> window.isPresenting());
            presenterShot(names[i] + "-presenter", () -> window.playback().end());
            step("leave presenter mode in " + theme, window::leavePresenter, () -> !window.isPresenting());
        }
        step("back to Light", () -> ApplicationTheme.set(Theme.LIGHT), () -> true);
    }

    /** Opens a dialog, shoots it over the window where it stands, and closes it. */
    private void dialogShot(String name, Runnable open) {
        steps.add(new Step("open the dialog of " + name, open, () -> openDialog() != null));
        steps.add(new Step("take " + name, () -> {
            DialogPane pane = openDialog();
            Scene dialog = pane.getScene();
            dialog.getRoot().applyCss();
            dialog.getRoot().layout();
            BufferedImage box = PngWriter.toBuffered(dialog.snapshot(null));
            write(name, composite(snapshot(scene), box, scene.getWindow(), dialog.getWindow()));
            dialog.getWindow().hide();
        }, () -> openDialog() == null));
    }

    /** A dialog (Alert) that is showing, or null. */
    private static DialogPane openDialog() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane pane) {
                return pane;
            }
        }
        return null;
    }

    /**
     * Presenter mode at a projector's 1280×720: the finished echo session whole, and a data segment
     * with its caption; then a refused connection, whose socket call is the longest one written.
     */
    private void presenterShots() {
        step("presenter mode at 1280x720", () -> window.presentWindowed(PRESENTER_WIDTH, PRESENTER_HEIGHT),
                () -> window.presenterStage() != null && window.presenterStage().isShowing());
        presenterShot("30-presenter-echo-1280x720", () -> window.playback().end());
        presenterShot("31-presenter-data-caption", () -> window.playback().seek(4));
        presenterShot("34-presenter-state-diagram", () -> {
            window.togglePresenterDiagram();
            window.playback().seek(8);
        });
        step("hide the presenter's diagram", window::togglePresenterDiagram, () -> true);
        step("leave presenter mode", window::leavePresenter, () -> !window.isPresenting());
        step("a refused connection in run mode", () -> {
            window.settings().scenarioProperty().set(Scenario.CONNECTION_REFUSED);
            window.settings().stepModeProperty().set(false);
            window.startDemo();
        }, () -> demo() != null && demo().outcomeProperty().get() != null && segments() >= 2);
        step("presenter mode again", () -> window.presentWindowed(PRESENTER_WIDTH, PRESENTER_HEIGHT),
                () -> window.isPresenting());
        presenterShot("32-presenter-refused", () -> window.playback().end());
        step("leave presenter mode, back to the defaults", () -> {
            window.leavePresenter();
            window.settings().scenarioProperty().set(Scenario.ECHO_CLIENT_CLOSES_FIRST);
            window.settings().stepModeProperty().set(true);
        }, () -> !window.isPresenting());
    }

    static final double PRESENTER_WIDTH = 1280;
    static final double PRESENTER_HEIGHT = 720;

    private void presenterShot(String name, Runnable setup) {
        steps.add(new Step("set up " + name, setup, () -> true));
        steps.add(new Step("take " + name, () -> {
            Scene s = window.presenterStage().getScene();
            s.getRoot().applyCss();
            s.getRoot().layout();
            window.presenterLadder().paint();
            write(name, PngWriter.toBuffered(s.snapshot(null)));
        }, () -> true));
    }

    private DemoRun demo() {
        return window.demoRun();
    }

    private int segments() {
        return window.playback().getData() == null ? 0 : window.playback().getData().size();
    }

    private void step(String what, Runnable action, BooleanSupplier until) {
        steps.add(new Step(what, action, until));
    }

    private void shot(String name, Runnable setup) {
        steps.add(new Step("set up " + name, setup, () -> true));
        steps.add(new Step("take " + name, () -> write(name, snapshot(scene)), () -> true));
    }

    private void next(int i, Consumer<List<Path>> done, Consumer<Throwable> failed) {
        if (i == steps.size()) {
            errorShot(done, failed);
            return;
        }
        Step step = steps.get(i);
        try {
            step.action().run();
        } catch (RuntimeException e) {
            failed.accept(new IllegalStateException("screenshot step failed: " + step.what(), e));
            return;
        }
        long deadline = System.nanoTime() + (long) (PATIENCE.toMillis() * 1_000_000L);
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(POLL, e -> {
            boolean reached;
            try {
                reached = step.until().getAsBoolean();
            } catch (RuntimeException ex) {
                poll.stop();
                failed.accept(ex);
                return;
            }
            if (reached) {
                poll.stop();
                Timeline settle = new Timeline(new KeyFrame(SETTLE, x -> next(i + 1, done, failed)));
                settle.play();
            } else if (System.nanoTime() > deadline) {
                poll.stop();
                failed.accept(new IllegalStateException("screenshot step timed out: " + step.what()));
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    private BufferedImage snapshot(Scene s) {
        s.getRoot().applyCss();
        s.getRoot().layout();
        window.ladder().paint();
        window.stateDiagram().paint();
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
        // A soft shadow and a frame in the theme's own colours, as a window manager would draw them.
        Theme theme = ApplicationTheme.get();
        g.setColor(new java.awt.Color(theme.rgb(Ink.FOREGROUND) & 0xffffff | SHADOW_ALPHA << 24, true));
        g.fillRect(x + 4, y + 4, dialog.getWidth(), dialog.getHeight());
        g.drawImage(dialog, x, y, null);
        g.setColor(new java.awt.Color(theme.rgb(Ink.BORDER)));
        g.drawRect(x, y, dialog.getWidth() - 1, dialog.getHeight() - 1);
        g.dispose();
        return out;
    }
}
