package org.tcpladder.app.viewmodel;

import org.junit.jupiter.api.Test;
import org.tcpladder.app.layout.NumberMode;
import org.tcpladder.app.layout.Spacing;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
