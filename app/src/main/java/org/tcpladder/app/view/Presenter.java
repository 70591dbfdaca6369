package org.tcpladder.app.view;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Rectangle2D;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.tcpladder.app.Messages;
import org.tcpladder.app.layout.ProjectionScale;

import java.util.List;
import java.util.function.Supplier;

/**
 * Presenter mode: a full-screen stage of its own showing {@link PresenterView}, over the main window
 * or, when a second screen is attached, on that screen (the projector) while the main window stays on
 * the laptop with the details pane as presenter notes. It shares the main window's playback, data and
 * selection, so leaving returns to exactly where the lesson is.
 *
 * <p>The pointer hides after {@link #IDLE} without moving; moving it to the top brings the slim bar.
 */
final class Presenter {
    static final Duration IDLE = Duration.seconds(2.5);

    private final Messages text;
    private final PresenterView view;
    private final Supplier<Window> owner;
    private final ObservableList<String> stylesheets;
    private final ReadOnlyBooleanWrapper presenting = new ReadOnlyBooleanWrapper(this, "presenting");
    private final PauseTransition idle = new PauseTransition(IDLE);
    private Stage stage;
    private Scene scene;
    private KeyboardMap keys;

    Presenter(Messages text, PresenterView view, Supplier<Window> owner, ObservableList<String> stylesheets) {
        this.text = text;
        this.view = view;
        this.owner = owner;
        this.stylesheets = stylesheets;
        idle.setOnFinished(e -> {
            if (scene != null) {
                scene.setCursor(Cursor.NONE);
            }
            if (!view.bar().isHover()) {
                view.showBar(false);
            }
        });
    }

    /** The keys the presenter's scene takes (installed when its scene is first made). */
    void setKeys(KeyboardMap keys) {
        this.keys = keys;
    }

    /** Goes full screen on the projector (the other screen if there are two, else this one). */
    void enter() {
        enter(projector().getBounds(), true);
    }

    /**
     * Presents in a window of exactly these bounds, not full screen: how a screenshot shows the
     * presenter at a projector's size whatever the screen it is taken on.
     */
    void enterWindowed(double width, double height) {
        enter(new Rectangle2D(0, 0, width, height), false);
    }

    private void enter(Rectangle2D bounds, boolean fullScreen) {
        if (presenting.get()) {
            return;
        }
        if (stage == null) {
            stage = new Stage();
            scene = new Scene(view);
            view.getStylesheets().setAll(stylesheets);
            if (keys != null) {
                keys.install(scene);
            }
            scene.addEventFilter(MouseEvent.MOUSE_MOVED, this::pointerMoved);
            stage.setScene(scene);
            stage.setTitle(text.text("presenter.title"));
            // Esc leaves presenter mode (the key map), not only full screen, and says so in the help.
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setOnHidden(e -> presenting.set(false));
        }
        // The theme may have changed since the last time.
        view.getStylesheets().setAll(stylesheets);
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        view.setScale(ProjectionScale.forScreen(bounds.getWidth(), bounds.getHeight()));
        stage.setFullScreen(fullScreen);
        presenting.set(true);
        stage.show();
        stage.toFront();
        stage.requestFocus();
        view.ladder().requestFocus();
        idle.playFromStart();
    }

    /** Back to the main window, which is where it was. */
    void leave() {
        if (stage == null || !presenting.get()) {
            return;
        }
        idle.stop();
        scene.setCursor(Cursor.DEFAULT);
        view.showBar(false);
        stage.setFullScreen(false);
        stage.hide();
        presenting.set(false);
        Window w = owner.get();
        if (w instanceof Stage s) {
            s.toFront();
            s.requestFocus();
        }
    }

    /**
     * The screen to present on: with two or more, one that is not the main window's (the projector);
     * with one, that one.
     */
    Screen projector() {
        return projectorOf(Screen.getScreens(), homeScreen());
    }

    /** Of the screens attached, the first that is not the window's own; the window's if it is alone. */
    static <S> S projectorOf(List<S> screens, S home) {
        for (S s : screens) {
            if (!s.equals(home)) {
                return s;
            }
        }
        return home;
    }

    private Screen homeScreen() {
        Window w = owner.get();
        if (w != null) {
            List<Screen> under = Screen.getScreensForRectangle(w.getX() + w.getWidth() / 2,
                    w.getY() + w.getHeight() / 2, 1, 1);
            if (!under.isEmpty()) {
                return under.get(0);
            }
        }
        return Screen.getPrimary();
    }

    private void pointerMoved(MouseEvent e) {
        scene.setCursor(Cursor.DEFAULT);
        // The slim bar comes when the pointer reaches the top of the screen, like a video player's.
        if (e.getSceneY() < Math.max(view.bar().getHeight(), 2 * view.ladder().em())) {
            view.showBar(true);
        } else if (!view.bar().isHover()) {
            view.showBar(false);
        }
        idle.playFromStart();
    }

    boolean isPresenting() {
        return presenting.get();
    }

    ReadOnlyBooleanProperty presentingProperty() {
        return presenting.getReadOnlyProperty();
    }

    /** The presenter's stage once it has been shown, else null. */
    Stage stage() {
        return stage;
    }
}
