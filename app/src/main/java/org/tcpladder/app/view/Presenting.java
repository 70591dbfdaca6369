package org.tcpladder.app.view;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;
import org.tcpladder.app.Messages;
import org.tcpladder.app.viewmodel.DetailsViewModel;
import org.tcpladder.app.viewmodel.PlaybackViewModel;
import org.tcpladder.app.viewmodel.SettingsViewModel;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The window's classroom side: presenter mode, the key map of the window and of the presenter, and
 * the black or white screen. It holds no state of its own beyond those: stepping goes to the window's
 * playback, so the window and the presenter always show the same moment.
 */
final class Presenting {
    private final Messages text;
    private final PlaybackViewModel playback;
    private final BorderPane root;
    private final Supplier<Window> window;
    private final PresenterView view;
    private final Presenter presenter;
    /** B and W: the window's cover, or the presenter's while presenting. */
    private final ScreenCover cover = new ScreenCover();
    private final ObjectProperty<ScreenCover.Shade> shade =
            new SimpleObjectProperty<>(this, "shade", ScreenCover.Shade.NONE);
    private final KeyboardMap windowKeys;

    Presenting(Messages text, PlaybackViewModel playback, SettingsViewModel settings, DetailsViewModel details,
               LadderView ladder, BorderPane root, ObservableValue<String> pendingCall, Supplier<Window> window) {
        this.text = text;
        this.playback = playback;
        this.root = root;
        this.window = window;
        view = new PresenterView(text, playback, settings, new PresenterView.Controls() {
            @Override
            public void previous() {
                stepBack();
            }

            @Override
            public void playPause() {
                uncovered(playback::togglePlay);
            }

            @Override
            public void next() {
                stepForward();
            }

            @Override
            public void blackout() {
                toggleShade(ScreenCover.Shade.BLACK);
            }

            @Override
            public void diagram() {
                view.toggleDiagram();
            }

            @Override
            public void leave() {
                Presenting.this.leave();
            }
        });
        presenter = new Presenter(text, view, window, root.getStylesheets());
        windowKeys = new KeyboardMap(keyActions(false), this::goToSegment);
        KeyboardMap presenterKeys = new KeyboardMap(keyActions(true), this::goToSegment);
        presenter.setKeys(presenterKeys);
        presenterKeys.pendingDigitsProperty().addListener((o, a, b) -> view.showDigits(b));
        view.pendingCallProperty().bind(pendingCall);
        // The presenter's ladder shows the selection made in the window (or by a click on either).
        view.ladder().selectedProperty().bind(ladder.selectedProperty());
        view.ladder().setOnSegmentClicked(details::select);

        // Over everything, menus included: an unmanaged last child, sized with the window.
        cover.setManaged(false);
        root.getChildren().add(cover);
        root.layoutBoundsProperty().addListener((o, a, b) -> cover.resizeRelocate(0, 0, b.getWidth(), b.getHeight()));
        presenter.presentingProperty().addListener((o, a, b) -> shade.set(ScreenCover.Shade.NONE));
        shade.addListener((o, a, b) -> {
            boolean presenting = presenter.isPresenting();
            cover.shadeProperty().set(presenting ? ScreenCover.Shade.NONE : b);
            view.cover().shadeProperty().set(presenting ? b : ScreenCover.Shade.NONE);
        });
    }

    private Map<KeyboardMap.Action, Runnable> keyActions(boolean presenting) {
        Map<KeyboardMap.Action, Runnable> a = new EnumMap<>(KeyboardMap.Action.class);
        a.put(KeyboardMap.Action.NEXT, this::stepForward);
        a.put(KeyboardMap.Action.PREVIOUS, this::stepBack);
        a.put(KeyboardMap.Action.FIRST, () -> uncovered(playback::home));
        a.put(KeyboardMap.Action.LAST, () -> uncovered(playback::end));
        a.put(KeyboardMap.Action.GO_TO, () -> { });
        a.put(KeyboardMap.Action.PLAY_PAUSE, () -> uncovered(playback::togglePlay));
        a.put(KeyboardMap.Action.NEXT_ANOMALY, () -> uncovered(playback::nextAnomaly));
        a.put(KeyboardMap.Action.PREVIOUS_ANOMALY, () -> uncovered(playback::previousAnomaly));
        a.put(KeyboardMap.Action.BLACK, () -> toggleShade(ScreenCover.Shade.BLACK));
        a.put(KeyboardMap.Action.WHITE, () -> toggleShade(ScreenCover.Shade.WHITE));
        a.put(KeyboardMap.Action.KEYS, this::showKeyboard);
        if (presenting) {
            a.put(KeyboardMap.Action.LEAVE, this::leave);
            a.put(KeyboardMap.Action.DIAGRAM, view::toggleDiagram);
        } else {
            // With a second screen the window stays usable while presenting: F5 there leaves too.
            a.put(KeyboardMap.Action.PRESENT, () -> {
                if (presenter.isPresenting()) {
                    leave();
                } else {
                    present();
                }
            });
        }
        return a;
    }

    /** The window's keys, taken from its scene. */
    void installKeys(Scene scene) {
        windowKeys.install(scene);
    }

    void stepForward() {
        uncovered(playback::stepForward);
    }

    void stepBack() {
        uncovered(playback::stepBack);
    }

    void goToSegment(int n) {
        uncovered(() -> playback.seek(Math.min(n, playback.getLength())));
    }

    /** Moving on shows the ladder again, as presentation programs do after a black screen. */
    private void uncovered(Runnable step) {
        shade.set(ScreenCover.Shade.NONE);
        step.run();
    }

    private void toggleShade(ScreenCover.Shade s) {
        shade.set(ScreenCover.toggled(shade.get(), s));
    }

    String screenShade() {
        return shade.get().name();
    }

    void present() {
        presenter.enter();
    }

    void presentWindowed(double width, double height) {
        presenter.enterWindowed(width, height);
    }

    void leave() {
        presenter.leave();
    }

    Presenter presenter() {
        return presenter;
    }

    PresenterView view() {
        return view;
    }

    void setStateDiagram(Supplier<Node> diagram) {
        view.setDiagram(diagram);
    }

    Alert showKeyboard() {
        Window owner = presenter.isPresenting() ? presenter.stage() : window.get();
        return KeyboardDialog.show(text, owner, root.getStylesheets(), root.getStyle());
    }
}
