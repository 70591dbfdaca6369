package org.tcpladder.app.view;

import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.tcpladder.app.style.StyleClasses;

/**
 * Controls whose feature is not built yet: shown (so the window has its final shape) but disabled,
 * with a tooltip saying why. A disabled node gets no mouse events and so shows no tooltip; the tooltip
 * goes on a wrapper that does.
 */
final class Unavailable {
    private Unavailable() {
    }

    static StackPane wrap(Node control, String reason) {
        control.setDisable(true);
        control.pseudoClassStateChanged(StyleClasses.UNAVAILABLE, true);
        StackPane wrapper = new StackPane(control);
        Tooltip tip = new Tooltip(reason);
        tip.setShowDelay(Duration.millis(300));
        tip.setWrapText(true);
        Tooltip.install(wrapper, tip);
        return wrapper;
    }
}
