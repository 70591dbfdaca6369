package org.tcpladder.app.viewmodel;

import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import org.tcpladder.app.style.Theme;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Keeps the chosen theme in {@link Preferences}, so that the program opens in the theme it was left
 * in: {@link #keep} sets the property from the saved choice, then saves every change. Tests pass a
 * throwaway preferences node.
 */
public final class ThemePreference {
    static final String KEY = "theme";

    private final ObjectProperty<Theme> theme;
    private final Preferences node;
    private final ChangeListener<Theme> save = (o, a, b) -> save(b);

    private ThemePreference(ObjectProperty<Theme> theme, Preferences node) {
        this.theme = theme;
        this.node = node;
    }

    /** Restores the saved theme into {@code theme} (Light when none or unknown) and saves its changes. */
    public static ThemePreference keep(ObjectProperty<Theme> theme, Preferences node) {
        ThemePreference p = new ThemePreference(theme, node);
        theme.set(saved(node));
        theme.addListener(p.save);
        return p;
    }

    /** The theme saved in {@code node}; Light when there is none or its name is not a theme any more. */
    public static Theme saved(Preferences node) {
        String name = node.get(KEY, Theme.LIGHT.name());
        for (Theme t : Theme.values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return Theme.LIGHT;
    }

    /** Stops saving (the property goes on; a test's node is about to be removed). */
    public void stop() {
        theme.removeListener(save);
    }

    private void save(Theme t) {
        node.put(KEY, (t == null ? Theme.LIGHT : t).name());
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // A convenience: the theme still applies now, it is only not remembered for next time.
        }
    }
}
