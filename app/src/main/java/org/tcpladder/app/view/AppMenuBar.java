package org.tcpladder.app.view;

import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.tcpladder.app.Messages;
import org.tcpladder.app.layout.LabelStyle;
import org.tcpladder.app.layout.NumberMode;
import org.tcpladder.app.layout.Spacing;
import org.tcpladder.app.viewmodel.PlaybackViewModel;
import org.tcpladder.app.viewmodel.RecentFiles;
import org.tcpladder.app.viewmodel.SettingsViewModel;

import java.nio.file.Path;

/** File, View, Playback and Help menus; their accelerators are the program's keyboard shortcuts. */
final class AppMenuBar extends MenuBar {
    AppMenuBar(Messages text, MainWindow window, PlaybackViewModel playback, SettingsViewModel settings,
               RecentFiles recent) {
        MenuItem open = item(text.text("menu.open"), window::chooseAndOpen,
                new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        Menu openRecent = new Menu(text.text("menu.openRecent"));
        Runnable fillRecent = () -> {
            openRecent.getItems().clear();
            for (Path p : recent.files()) {
                openRecent.getItems().add(item(p.toString(), () -> window.open(p), null));
            }
            openRecent.setDisable(recent.files().isEmpty());
        };
        recent.files().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();
        MenuItem demo = item(text.text("menu.openDemo"), window::showDemo, null);
        MenuItem quit = item(text.text("menu.quit"), window::close,
                new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        CheckMenuItem wholeFrames = new CheckMenuItem(text.text("menu.watchWholeFrames"));
        wholeFrames.selectedProperty().bindBidirectional(settings.watchWholeFramesProperty());
        Menu file = new Menu(text.text("menu.file"), null, open, openRecent, demo, new SeparatorMenuItem(), wholeFrames,
                new SeparatorMenuItem(), quit);

        MenuItem zoomIn = item(text.text("menu.zoomIn"), settings::zoomIn,
                new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN));
        MenuItem zoomOut = item(text.text("menu.zoomOut"), settings::zoomOut,
                new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        MenuItem zoomReset = item(text.text("menu.zoomReset"), settings::resetZoom,
                new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        CheckMenuItem absolute = new CheckMenuItem(text.text("menu.absoluteNumbers"));
        absolute.setSelected(settings.numbersProperty().get() == NumberMode.ABSOLUTE);
        absolute.selectedProperty().addListener((o, a, b) ->
                settings.numbersProperty().set(b ? NumberMode.ABSOLUTE : NumberMode.RELATIVE));
        settings.numbersProperty().addListener((o, a, b) -> absolute.setSelected(b == NumberMode.ABSOLUTE));
        CheckMenuItem byTime = new CheckMenuItem(text.text("menu.spacingByTime"));
        byTime.setSelected(settings.spacingProperty().get() == Spacing.TIME);
        byTime.selectedProperty().addListener((o, a, b) ->
                settings.spacingProperty().set(b ? Spacing.TIME : Spacing.ORDER));
        settings.spacingProperty().addListener((o, a, b) -> byTime.setSelected(b == Spacing.TIME));
        CheckMenuItem stateDiagram = new CheckMenuItem(text.text("menu.stateDiagram"));
        stateDiagram.setMnemonicParsing(false);
        stateDiagram.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
        stateDiagram.selectedProperty().bindBidirectional(settings.stateDiagramShownProperty());
        // Shown with its key; the key map takes the key itself (menus show, KeyboardMap acts).
        MenuItem present = item(text.text("menu.present"), window::present,
                KeyboardMap.primary(KeyboardMap.Action.PRESENT));
        Menu presenterLabels = new Menu(text.text("menu.presenterLabels"), null,
                labelOption(text.text("menu.labelLetters"), settings, LabelStyle::letters, LabelStyle::withLetters),
                labelOption(text.text("menu.labelLength"), settings, LabelStyle::length, LabelStyle::withLength),
                labelOption(text.text("menu.labelWindow"), settings, LabelStyle::window, LabelStyle::withWindow),
                labelOption(text.text("menu.labelOptions"), settings, LabelStyle::options, LabelStyle::withOptions));
        MenuItem fit = item(text.text("menu.fitConnection"), window::fitConnection,
                new KeyCodeCombination(KeyCode.DIGIT9, KeyCombination.SHORTCUT_DOWN));
        CheckMenuItem listPane = check(text.text("menu.connectionList"), window.connectionListShownProperty(),
                new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN));
        CheckMenuItem detailsPane = check(text.text("menu.segmentDetails"), window.detailsShownProperty(),
                new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN));
        CheckMenuItem upcoming = check(text.text("menu.showUpcoming"), settings.showUpcomingProperty(), null);
        Menu view = new Menu(text.text("menu.view"), null, zoomIn, zoomOut, zoomReset, fit, new SeparatorMenuItem(),
                listPane, detailsPane, stateDiagram, new SeparatorMenuItem(), absolute, byTime, upcoming,
                new SeparatorMenuItem(), present, presenterLabels,
                new SeparatorMenuItem(), new ThemeMenu(text));

        Menu play = new Menu(text.text("menu.playback"), null,
                item(text.text("menu.playPause"), playback::togglePlay,
                        KeyboardMap.primary(KeyboardMap.Action.PLAY_PAUSE)),
                item(text.text("menu.stepForward"), window::stepForward, KeyboardMap.primary(KeyboardMap.Action.NEXT)),
                item(text.text("menu.stepBack"), window::stepBack, KeyboardMap.primary(KeyboardMap.Action.PREVIOUS)),
                item(text.text("menu.first"), playback::home, KeyboardMap.primary(KeyboardMap.Action.FIRST)),
                item(text.text("menu.last"), playback::end, KeyboardMap.primary(KeyboardMap.Action.LAST)),
                new SeparatorMenuItem(),
                item(text.text("menu.nextAnomaly"), playback::nextAnomaly,
                        KeyboardMap.primary(KeyboardMap.Action.NEXT_ANOMALY)),
                item(text.text("menu.previousAnomaly"), playback::previousAnomaly,
                        KeyboardMap.primary(KeyboardMap.Action.PREVIOUS_ANOMALY)));

        Menu help = new Menu(text.text("menu.help"), null,
                item(text.text("menu.keyboard"), window::showKeyboard, KeyboardMap.primary(KeyboardMap.Action.KEYS)),
                item(text.text("menu.about"), window::showAbout, null));
        getMenus().addAll(file, view, play, help);
    }

    /** One optional part of the presenter's textbook labels, as a check item kept in step with the setting. */
    private static CheckMenuItem labelOption(String label, SettingsViewModel settings,
                                             java.util.function.Predicate<LabelStyle> shown,
                                             java.util.function.BiFunction<LabelStyle, Boolean, LabelStyle> with) {
        CheckMenuItem item = new CheckMenuItem(label);
        item.setMnemonicParsing(false);
        item.setSelected(shown.test(settings.projectionLabelsProperty().get()));
        item.selectedProperty().addListener((o, a, b) ->
                settings.projectionLabelsProperty().set(with.apply(settings.projectionLabelsProperty().get(), b)));
        settings.projectionLabelsProperty().addListener((o, a, b) -> item.setSelected(shown.test(b)));
        return item;
    }

    /** A check item that shows and sets {@code property}. */
    private static CheckMenuItem check(String label, BooleanProperty property,
                                       KeyCombination accelerator) {
        CheckMenuItem m = new CheckMenuItem(label);
        m.setMnemonicParsing(false);
        m.selectedProperty().bindBidirectional(property);
        if (accelerator != null) {
            m.setAccelerator(accelerator);
        }
        return m;
    }

    private static MenuItem item(String label, Runnable action, KeyCombination accelerator) {
        MenuItem m = new MenuItem(label);
        m.setMnemonicParsing(false);
        m.setOnAction(e -> action.run());
        if (accelerator != null) {
            m.setAccelerator(accelerator);
        }
        return m;
    }
}
