package org.tcpladder.app.view;

import javafx.scene.layout.Region;
import org.tcpladder.app.style.StyleClasses;

/** Transport icons as CSS-shaped regions: drawn by the theme, sized in em, no image files or glyph fonts. */
final class Icons {
    static final String PLAY = "icon-play";
    static final String PAUSE = "icon-pause";
    static final String STEP_FORWARD = "icon-step-forward";
    static final String STEP_BACK = "icon-step-back";
    static final String HOME = "icon-home";
    static final String END = "icon-end";

    private Icons() {
    }

    static Region icon(String kind) {
        Region r = new Region();
        r.getStyleClass().addAll(StyleClasses.ICON, kind);
        return r;
    }
}
