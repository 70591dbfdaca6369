package org.tcpladder.app.viewmodel;

import org.junit.jupiter.api.Test;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.tcpladder.app.ScratchPreferences;
import org.tcpladder.app.layout.NumberMode;
import org.tcpladder.app.layout.Spacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsViewModelTest {
    private final SettingsViewModel settings = new SettingsViewModel();

    @Test
    void zoomStepsTheRootFontSizeWithinLimits() {
        settings.zoomIn();
        assertEquals(SettingsViewModel.DEFAULT_FONT_SIZE + 2, settings.getFontSize());
        for (int i = 0; i < 50; i++) {
            settings.zoomIn();
        }
        assertEquals(SettingsViewModel.MAX_FONT_SIZE, settings.getFontSize());
        for (int i = 0; i < 50; i++) {
            settings.zoomOut();
        }
        assertEquals(SettingsViewModel.MIN_FONT_SIZE, settings.getFontSize());
        settings.resetZoom();
        assertEquals(SettingsViewModel.DEFAULT_FONT_SIZE, settings.getFontSize());
    }

    @Test
    void viewSettingsFollowEveryChoice() {
        settings.numbersProperty().set(NumberMode.ABSOLUTE);
        settings.spacingProperty().set(Spacing.TIME);
        settings.setFontSize(24);
        assertEquals(NumberMode.ABSOLUTE, settings.getViewSettings().numbers());
        assertEquals(Spacing.TIME, settings.getViewSettings().spacing());
        assertEquals(24, settings.getViewSettings().em());
    }

    @Test
    void fitChoosesTheSizeAtWhichTheContentFillsTheHeight() {
        settings.setFontSize(16);
        // 800 px tall at 16 px, 600 px available: every length scales with the size, so 12 px fits.
        settings.zoomToFit(800, 600);
        assertEquals(12, settings.getFontSize(), 1e-9);
        settings.zoomToFit(300, 600);
        assertEquals(24, settings.getFontSize(), 1e-9);
    }

    @Test
    void fitStopsAtALegibleMinimumAndAtTheLargestSize() {
        settings.setFontSize(16);
        settings.zoomToFit(100_000, 600);
        assertEquals(SettingsViewModel.MIN_FIT_FONT_SIZE, settings.getFontSize());
        settings.zoomToFit(10, 600);
        assertEquals(SettingsViewModel.MAX_FONT_SIZE, settings.getFontSize());
    }

    @Test
    void fitRoundsDownSoThatTheContentFitsRatherThanOverflowsByAFraction() {
        settings.setFontSize(16);
        settings.zoomToFit(700, 600);
        double px = settings.getFontSize();
        assertTrue(px * 700 / 16 <= 600, px + " px");
        assertTrue(px > 13.6, px + " px");
    }

    @Test
    void showingUpcomingSegmentsIsKeptForTheNextRun() throws BackingStoreException {
        Preferences prefs = ScratchPreferences.make();
        try {
            SettingsViewModel first = new SettingsViewModel();
            first.keepIn(prefs);
            assertTrue(first.showUpcomingProperty().get(), "shown by default");
            first.showUpcomingProperty().set(false);
            SettingsViewModel next = new SettingsViewModel();
            next.keepIn(prefs);
            assertFalse(next.showUpcomingProperty().get());
        } finally {
            ScratchPreferences.remove(prefs);
        }
    }
}
