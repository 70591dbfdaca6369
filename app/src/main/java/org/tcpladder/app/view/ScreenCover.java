package org.tcpladder.app.view;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.Region;
import org.tcpladder.app.style.StyleClasses;

/**
 * A black or white screen over everything, as presentation programs give with B and W: the class
 * looks at the teacher, not the ladder. Pressing the same key again, or any step, brings the ladder back.
 */
final class ScreenCover extends Region {
    enum Shade { NONE, BLACK, WHITE }

    private final ObjectProperty<Shade> shade = new SimpleObjectProperty<>(this, "shade", Shade.NONE);

    ScreenCover() {
        getStyleClass().add(StyleClasses.SCREEN_COVER);
        setId(NodeIds.SCREEN_COVER);
        setVisible(false);
        setMouseTransparent(false);
        shade.addListener((o, a, b) -> show(b));
    }

    private void show(Shade s) {
        setVisible(s != Shade.NONE);
        pseudoClassStateChanged(StyleClasses.BLACKOUT, s == Shade.BLACK);
        pseudoClassStateChanged(StyleClasses.WHITEOUT, s == Shade.WHITE);
    }

    ObjectProperty<Shade> shadeProperty() {
        return shade;
    }

    /** B: black, or back to the ladder if already black. */
    static Shade toggled(Shade current, Shade pressed) {
        return current == pressed ? Shade.NONE : pressed;
    }
}
