package org.tcpladder.app.viewmodel;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tcpladder.app.ScratchPreferences;

import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowPlacementTest {
    private static final Rectangle2D PROJECTOR = new Rectangle2D(0, 0, 1280, 720);
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1920, 1050);
    private static final Rectangle2D RIGHT_OF_LAPTOP = new Rectangle2D(1920, 0, 1280, 720);

    private final Preferences prefs = ScratchPreferences.make();

    @AfterEach
    void forget() throws BackingStoreException {
        ScratchPreferences.remove(prefs);
    }

    private static boolean inside(Rectangle2D r, Rectangle2D screen) {
        return r.getMinX() >= screen.getMinX() && r.getMinY() >= screen.getMinY()
                && r.getMaxX() <= screen.getMaxX() && r.getMaxY() <= screen.getMaxY();
    }

    @Test
    void theFirstStartOnAProjectorOpensNoLargerThanItsScreen() {
        Rectangle2D r = new WindowPlacement(prefs).initial(List.of(PROJECTOR), PROJECTOR);
        assertEquals(1280, r.getWidth());
        assertEquals(720, r.getHeight());
        assertTrue(inside(r, PROJECTOR), r.toString());
    }

    @Test
    void theFirstStartOnALargeScreenOpensAtThePreferredSizeInTheMiddle() {
        Rectangle2D r = new WindowPlacement(prefs).initial(List.of(LAPTOP), LAPTOP);
        assertEquals(new Rectangle2D(320, 125, 1280, 800), r);
    }

    @Test
    void aSavedPlaceAndSizeComeBackAtTheNextStart() {
        new WindowPlacement(prefs).save(new Rectangle2D(100, 50, 1000, 700), false);
        WindowPlacement next = new WindowPlacement(prefs);
        assertEquals(new Rectangle2D(100, 50, 1000, 700), next.initial(List.of(LAPTOP), LAPTOP));
        assertFalse(next.maximized());
    }

    @Test
    void aWindowSavedOnAScreenThatIsGoneOpensOnThePrimaryScreen() {
        new WindowPlacement(prefs).save(new Rectangle2D(2000, 10, 1200, 700), false);
        Rectangle2D r = new WindowPlacement(prefs).initial(List.of(LAPTOP), LAPTOP);
        assertTrue(inside(r, LAPTOP), r.toString());
        assertEquals(1280, r.getWidth(), "the preferred size, not the saved one");
    }

    @Test
    void aWindowSavedOnTheSecondScreenComesBackThere() {
        new WindowPlacement(prefs).save(new Rectangle2D(2000, 10, 1200, 700), false);
        Rectangle2D r = new WindowPlacement(prefs).initial(List.of(LAPTOP, RIGHT_OF_LAPTOP), LAPTOP);
        assertEquals(new Rectangle2D(2000, 10, 1200, 700), r);
    }

    @Test
    void aSavedSizeLargerThanTheScreenNowIsShrunkToFitIt() {
        new WindowPlacement(prefs).save(new Rectangle2D(300, 200, 1600, 1000), false);
        Rectangle2D r = new WindowPlacement(prefs).initial(List.of(PROJECTOR), PROJECTOR);
        assertEquals(new Rectangle2D(0, 0, 1280, 720), r);
    }

    @Test
    void aWindowWhoseTitleBarIsAboveTheScreenIsNotRestoredThere() {
        new WindowPlacement(prefs).save(new Rectangle2D(100, -500, 800, 600), false);
        Rectangle2D r = new WindowPlacement(prefs).initial(List.of(LAPTOP), LAPTOP);
        assertEquals(new Rectangle2D(320, 125, 1280, 800), r);
    }

    @Test
    void aMaximizedWindowKeepsItsNormalBoundsForLater() {
        WindowPlacement p = new WindowPlacement(prefs);
        p.save(new Rectangle2D(100, 50, 1000, 700), false);
        p.save(new Rectangle2D(0, 0, 1920, 1050), true);
        WindowPlacement next = new WindowPlacement(prefs);
        assertTrue(next.maximized());
        assertEquals(new Rectangle2D(100, 50, 1000, 700), next.initial(List.of(LAPTOP), LAPTOP));
    }
}
