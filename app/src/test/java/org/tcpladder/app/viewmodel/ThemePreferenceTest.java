package org.tcpladder.app.viewmodel;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tcpladder.app.Messages;
import org.tcpladder.app.ScratchPreferences;
import org.tcpladder.app.style.Theme;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThemePreferenceTest {
    private final Preferences node = ScratchPreferences.make();

    @AfterEach
    void forget() throws BackingStoreException {
        ScratchPreferences.remove(node);
    }

    @Test
    void aFirstStartIsLight() {
        ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.DARK);
        ThemePreference.keep(theme, node).stop();
        assertEquals(Theme.LIGHT, theme.get());
    }

    @Test
    void theChosenThemeIsThereAtTheNextStart() {
        ObjectProperty<Theme> first = new SimpleObjectProperty<>();
        ThemePreference p = ThemePreference.keep(first, node);
        first.set(Theme.PROJECTOR);
        p.stop();
        first.set(Theme.DARK);

        ObjectProperty<Theme> next = new SimpleObjectProperty<>();
        ThemePreference.keep(next, node).stop();
        assertEquals(Theme.PROJECTOR, next.get(), "changes after stop() are not saved");
    }

    @Test
    void aThemeNameFromAnotherVersionFallsBackToLight() {
        node.put(ThemePreference.KEY, "SEPIA");
        assertEquals(Theme.LIGHT, ThemePreference.saved(node));
    }

    @Test
    void everyThemeHasANameInTheBundle() {
        Messages text = Messages.load();
        for (Theme t : Theme.values()) {
            assertTrue(text.has(t.messageKey()), t.messageKey());
        }
    }
}
