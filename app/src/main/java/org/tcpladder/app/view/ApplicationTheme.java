package org.tcpladder.app.view;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import org.tcpladder.app.style.Ink;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.style.Theme;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The program's theme, one for every window at once. JavaFX keeps one list of the open windows; each
 * window's scene (the main window, every Alert and dialog, whenever it was opened) gets the theme's
 * colour stylesheet, and the root of each the {@code :dark} pseudo-class when the theme is dark.
 * Switching replaces the stylesheet in all of them, so a dialog that is open follows too. Popups (menus,
 * tooltips) take their owner's stylesheets, as JavaFX does for them.
 *
 * <p>Application-wide like the windows list itself: JavaFX's user agent stylesheet would be the other
 * application-wide hook, but it replaces Modena, and the program builds on Modena's controls.
 */
public final class ApplicationTheme {
    private static final ObjectProperty<Theme> THEME =
            new SimpleObjectProperty<>(ApplicationTheme.class, "theme", Theme.LIGHT);
    private static final Set<String> SHEETS = new HashSet<>();
    private static boolean installed;

    private ApplicationTheme() {
    }

    /** The theme shown; setting it restyles every window. Never null (null is taken as Light). */
    public static ObjectProperty<Theme> themeProperty() {
        install();
        return THEME;
    }

    public static Theme get() {
        return themeProperty().get() == null ? Theme.LIGHT : THEME.get();
    }

    public static void set(Theme theme) {
        themeProperty().set(theme);
    }

    /** {@code theme}'s palette as the paints a canvas draws with (the JavaFX edge of the theme model). */
    public static Map<Ink, Paint> paints(Theme theme) {
        Map<Ink, Paint> paints = new EnumMap<>(Ink.class);
        for (Ink ink : Ink.values()) {
            int rgb = theme.rgb(ink);
            paints.put(ink, Color.rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff));
        }
        return paints;
    }

    /** Watches the windows list (once, on the FX thread) and styles what is already open. */
    private static void install() {
        if (installed) {
            return;
        }
        installed = true;
        for (Theme t : Theme.values()) {
            SHEETS.add(t.stylesheetUri());
        }
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    watch(w);
                }
            }
        });
        for (Window w : Window.getWindows()) {
            watch(w);
        }
        THEME.addListener((o, a, b) -> {
            for (Window w : Window.getWindows()) {
                style(w.getScene());
            }
        });
    }

    private static void watch(Window w) {
        if (w instanceof PopupWindow) {
            return;
        }
        w.sceneProperty().addListener((o, a, b) -> style(b));
        style(w.getScene());
    }

    /**
     * Gives {@code scene} the theme's colours. Also for a scene that is not in a window yet (a window's
     * content before it is shown), so that it is laid out in its final colours.
     */
    public static void style(Scene scene) {
        if (scene == null) {
            return;
        }
        Theme theme = get();
        String sheet = theme.stylesheetUri();
        if (!scene.getStylesheets().contains(sheet)) {
            scene.getStylesheets().removeIf(SHEETS::contains);
            // First: the program's own sheets after it may refine what the colours are used for.
            scene.getStylesheets().add(0, sheet);
        }
        Parent root = scene.getRoot();
        if (root != null) {
            root.pseudoClassStateChanged(StyleClasses.DARK, theme.isDark());
        }
    }
}
