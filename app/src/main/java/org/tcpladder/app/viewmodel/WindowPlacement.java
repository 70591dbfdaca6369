package org.tcpladder.app.viewmodel;

import javafx.geometry.Rectangle2D;

import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Where the window opens and how large: the place and size it had when it was last closed, if that is
 * still on one of the screens, else the preferred size centred on the primary screen — and never larger
 * than the screen it opens on (a 1280×720 projector must show the whole window, menus to status line).
 * Kept in {@link Preferences}; tests pass a throwaway node.
 */
public final class WindowPlacement {
    public static final double PREFERRED_WIDTH = 1280;
    public static final double PREFERRED_HEIGHT = 800;
    /** Smaller than this the window is no use; a screen smaller still gets the whole screen. */
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 400;
    /**
     * How much of the saved window's top edge must be on a screen to restore it there: enough title bar
     * to grab it (a window restored off screen, after a monitor was unplugged, could not be moved back).
     */
    static final double GRAB = 40;

    private static final String X = "window.x";
    private static final String Y = "window.y";
    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";
    private static final String MAXIMIZED = "window.maximized";

    private final Preferences node;

    public WindowPlacement(Preferences node) {
        this.node = node;
    }

    /**
     * The window's bounds at start.
     *
     * @param screens the visual bounds of every screen (without task bars and docks)
     * @param primary the primary screen's visual bounds
     */
    public Rectangle2D initial(List<Rectangle2D> screens, Rectangle2D primary) {
        double w = node.getDouble(WIDTH, Double.NaN);
        double h = node.getDouble(HEIGHT, Double.NaN);
        double x = node.getDouble(X, Double.NaN);
        double y = node.getDouble(Y, Double.NaN);
        if (!Double.isNaN(w + h + x + y) && w > 0 && h > 0) {
            for (Rectangle2D screen : screens) {
                if (grabbable(x, y, w, screen)) {
                    return fit(x, y, w, h, screen);
                }
            }
        }
        return centred(PREFERRED_WIDTH, PREFERRED_HEIGHT, primary);
    }

    /** Whether the saved maximized state should be restored. */
    public boolean maximized() {
        return node.getBoolean(MAXIMIZED, false);
    }

    /** Remembers the window's bounds (not when maximized: then its normal bounds stay as they were). */
    public void save(Rectangle2D bounds, boolean maximized) {
        try {
            put(bounds, maximized);
        } catch (IllegalStateException e) {
            // The node was removed meanwhile (a test's scratch node, a reset): nothing to remember into.
        }
    }

    private void put(Rectangle2D bounds, boolean maximized) {
        if (!maximized && bounds.getWidth() > 0 && bounds.getHeight() > 0) {
            node.putDouble(X, bounds.getMinX());
            node.putDouble(Y, bounds.getMinY());
            node.putDouble(WIDTH, bounds.getWidth());
            node.putDouble(HEIGHT, bounds.getHeight());
        }
        node.putBoolean(MAXIMIZED, maximized);
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // A convenience: the next start opens at the preferred size instead.
        }
    }

    private static boolean grabbable(double x, double y, double w, Rectangle2D screen) {
        double left = Math.max(x, screen.getMinX());
        double right = Math.min(x + w, screen.getMaxX());
        return y >= screen.getMinY() && y < screen.getMaxY() - GRAB / 2 && right - left >= GRAB;
    }

    /** The preferred size, shrunk to fit {@code screen}, in its middle. */
    static Rectangle2D centred(double w, double h, Rectangle2D screen) {
        double fw = fitted(w, MIN_WIDTH, screen.getWidth());
        double fh = fitted(h, MIN_HEIGHT, screen.getHeight());
        return new Rectangle2D(screen.getMinX() + (screen.getWidth() - fw) / 2,
                screen.getMinY() + (screen.getHeight() - fh) / 2, fw, fh);
    }

    /** {@code x, y, w, h} shrunk to fit {@code screen} and moved onto it. */
    static Rectangle2D fit(double x, double y, double w, double h, Rectangle2D screen) {
        double fw = fitted(w, MIN_WIDTH, screen.getWidth());
        double fh = fitted(h, MIN_HEIGHT, screen.getHeight());
        double fx = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - fw));
        double fy = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - fh));
        return new Rectangle2D(fx, fy, fw, fh);
    }

    private static double fitted(double wanted, double min, double available) {
        return Math.min(available, Math.max(Math.min(min, available), wanted));
    }
}
