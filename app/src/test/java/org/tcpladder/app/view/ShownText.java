package org.tcpladder.app.view;

import javafx.scene.control.Label;
import org.testfx.api.FxRobot;

/** What the user reads in a label: its text without the hair spaces that mark where a long name may wrap ({@link SoftBreaks}). */
final class ShownText {
    private ShownText() {
    }

    static String of(FxRobot robot, String id) {
        return of(robot.lookup("#" + id).queryAs(Label.class));
    }

    static String of(Label label) {
        String t = label.getText();
        return t == null ? null : t.replace(String.valueOf(SoftBreaks.HAIR_SPACE), "");
    }
}
