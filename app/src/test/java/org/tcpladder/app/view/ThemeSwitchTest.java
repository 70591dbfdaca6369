package org.tcpladder.app.view;

import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tcpladder.app.ScratchPreferences;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.style.Ink;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.style.Theme;
import org.tcpladder.app.viewmodel.RecentFiles;
import org.tcpladder.app.viewmodel.SettingsViewModel;
import org.tcpladder.app.viewmodel.ThemePreference;

import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** View ▸ Theme: given the demo session in Light, when a theme is chosen, then every window follows. */
@ExtendWith(ApplicationExtension.class)
class ThemeSwitchTest {
    private final Preferences prefs = ScratchPreferences.make();
    private ThemePreference remembered;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        remembered = ThemePreference.keep(ApplicationTheme.themeProperty(), prefs);
        window = new MainWindow(TestLadders.TEXT, new RecentFiles(prefs, 8));
        window.install(stage);
        window.playback().flightSecondsProperty().set(0);
        stage.show();
        window.showDemo();
    }

    @AfterEach
    void backToLight() throws BackingStoreException {
        remembered.stop();
        WaitForAsyncUtils.asyncFx(() -> {
            ApplicationTheme.set(Theme.LIGHT);
            for (Window w : Window.getWindows().toArray(new Window[0])) {
                if (w.getScene() != null && w.getScene().getRoot() instanceof DialogPane) {
                    w.hide();
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        ScratchPreferences.remove(prefs);
    }

    private static Color colour(Theme theme, Ink ink) {
        int rgb = theme.rgb(ink);
        return Color.rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    }

    private static Paint background(Region region) {
        return region.getBackground().getFills().get(0).getFill();
    }

    /** The ladder's pixel at its bottom left corner, away from lifelines and arrows: its background. */
    private Color ladderCorner(FxRobot robot) {
        AtomicReference<Color> pixel = new AtomicReference<>();
        robot.interact(() -> {
            window.ladder().paint();
            WritableImage image = window.ladder().canvas().snapshot(null, null);
            pixel.set(image.getPixelReader().getColor(3, (int) image.getHeight() - 3));
        });
        return pixel.get();
    }

    private static DialogPane openDialog() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane pane) {
                return pane;
            }
        }
        return null;
    }

    private static void assertNear(Color expected, Color actual, String what) {
        assertTrue(Math.abs(expected.getRed() - actual.getRed()) < 0.02
                && Math.abs(expected.getGreen() - actual.getGreen()) < 0.02
                && Math.abs(expected.getBlue() - actual.getBlue()) < 0.02, what + ": " + expected + " vs " + actual);
    }

    @Test
    void choosingDarkFromTheViewMenuDarkensTheWindowAndTheLadderAndIsRemembered(FxRobot robot) {
        Region root = (Region) window.root();
        assertEquals(colour(Theme.LIGHT, Ink.WINDOW), background(root));
        assertNear(colour(Theme.LIGHT, Ink.BACKGROUND), ladderCorner(robot), "light ladder");

        robot.clickOn(TestLadders.TEXT.text("menu.view"))
                .clickOn(TestLadders.TEXT.text("menu.theme"))
                .clickOn(TestLadders.TEXT.text("theme.dark"));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(Theme.DARK, ApplicationTheme.get());
        assertEquals(colour(Theme.DARK, Ink.WINDOW), background(root));
        assertTrue(root.getPseudoClassStates().contains(StyleClasses.DARK));
        assertNear(colour(Theme.DARK, Ink.BACKGROUND), ladderCorner(robot), "dark ladder");
        Label state = robot.lookup("#" + NodeIds.CLIENT_STATE).queryAs(Label.class);
        assertEquals(colour(Theme.DARK, Ink.STATE_TEXT), state.getTextFill());
        assertEquals(colour(Theme.DARK, Ink.STATE_CLOSED), background(state));
        assertEquals(Theme.DARK, ThemePreference.saved(prefs), "remembered for the next start");
    }

    @Test
    void aDialogOpenedAfterTheSwitchAndOneOpenDuringItBothWearTheTheme(FxRobot robot) {
        robot.clickOn(TestLadders.TEXT.text("menu.view"))
                .clickOn(TestLadders.TEXT.text("menu.theme"))
                .clickOn(TestLadders.TEXT.text("theme.projector"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.PROJECTOR, ApplicationTheme.get());

        robot.interact(window::showAbout);
        DialogPane about = openDialog();
        assertNotNull(about, "the About dialog is open");
        assertEquals(colour(Theme.PROJECTOR, Ink.WINDOW), background(about));
        Node content = about.lookup(".content");
        assertEquals(colour(Theme.PROJECTOR, Ink.FOREGROUND), ((Label) content).getTextFill());

        // The dialog stays open while the theme changes (View ▸ Theme is behind it; the switch is the same).
        robot.interact(() -> ApplicationTheme.set(Theme.DARK));
        assertEquals(colour(Theme.DARK, Ink.WINDOW), background(about));
        assertEquals(colour(Theme.DARK, Ink.FOREGROUND), ((Label) content).getTextFill());
        assertTrue(about.getPseudoClassStates().contains(StyleClasses.DARK));

        robot.interact(() -> ApplicationTheme.set(Theme.LIGHT));
        assertEquals(colour(Theme.LIGHT, Ink.WINDOW), background(about));
        assertFalse(about.getPseudoClassStates().contains(StyleClasses.DARK));
    }

    @Test
    void theSelectedConnectionKeepsItsTextLegibleWhenTheListHasNoFocus(FxRobot robot) {
        // The list shows the demo connection selected, while the ladder has the focus.
        robot.interact(() -> window.ladder().requestFocus());
        TableRow<?> row = robot.lookup("." + StyleClasses.CONNECTION_PANE + " .table-row-cell")
                .queryAllAs(TableRow.class).stream().filter(TableRow::isSelected).findFirst().orElseThrow();
        Labeled client = (Labeled) row.lookup(".table-cell");
        assertEquals(colour(Theme.LIGHT, Ink.LIST_SELECTION_TEXT), client.getTextFill());
        // A table row paints its bottom border first, then the selection over the rest.
        var fills = row.getBackground().getFills();
        assertEquals(colour(Theme.LIGHT, Ink.LIST_SELECTION), fills.get(fills.size() - 1).getFill());
    }

    @Test
    void theProjectorThemeDrawsLifelinesAndArrowsAtLeastThreePixelsWideAtTheDefaultSize(FxRobot robot) {
        robot.interact(() -> ApplicationTheme.set(Theme.PROJECTOR));
        assertEquals(SettingsViewModel.DEFAULT_FONT_SIZE, window.ladder().em());
        // At the start nothing has been sent: below the header both lifelines run bare to the bottom.
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> {
            window.playback().home();
            window.ladder().paint();
            shot.set(window.ladder().canvas().snapshot(null, null));
        });
        WritableImage image = shot.get();
        int y = (int) image.getHeight() - 4;
        int run = 0;
        int widest = 0;
        int lines = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            // Dark pixels on the projector's white: a lifeline, antialiased edges counted at half ink.
            boolean ink = image.getPixelReader().getColor(x, y).getBrightness() < 0.6;
            run = ink ? run + 1 : 0;
            if (run == 1) {
                lines++;
            }
            widest = Math.max(widest, run);
        }
        assertEquals(2, lines, "the client's and the server's lifeline");
        assertTrue(widest >= 3, "lifeline " + widest + " px");
        assertTrue(LadderPainter.ARROW_WIDTH * window.ladder().em() * Theme.PROJECTOR.lineWeight() >= 3, "arrows");
    }
}
