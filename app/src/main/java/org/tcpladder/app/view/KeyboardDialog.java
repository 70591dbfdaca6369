package org.tcpladder.app.view;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.tcpladder.app.Messages;
import org.tcpladder.app.style.StyleClasses;

import java.util.List;
import java.util.stream.Collectors;

/** Help ▸ Keyboard: every key of {@link KeyboardMap#BINDINGS}, built from that table itself. */
final class KeyboardDialog {
    private KeyboardDialog() {
    }

    static Alert show(Messages text, Window owner, List<String> stylesheets, String style) {
        Alert dialog = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        dialog.setTitle(text.text("keys.title"));
        dialog.setHeaderText(text.text("keys.header"));
        dialog.getDialogPane().setContent(table(text));
        if (owner != null) {
            dialog.initOwner(owner);
            dialog.getDialogPane().getStylesheets().setAll(stylesheets);
            dialog.getDialogPane().setStyle(style);
        }
        dialog.show();
        return dialog;
    }

    static GridPane table(Messages text) {
        GridPane grid = new GridPane();
        grid.setId(NodeIds.KEYBOARD_TABLE);
        grid.getStyleClass().add(StyleClasses.KEYBOARD_TABLE);
        int row = 0;
        for (KeyboardMap.Binding b : KeyboardMap.BINDINGS) {
            Label keys = new Label(keysOf(text, b));
            keys.getStyleClass().add(StyleClasses.KEYBOARD_KEYS);
            Label what = new Label(text.text(b.action().descriptionKey()));
            what.setWrapText(true);
            grid.addRow(row++, keys, what);
        }
        return grid;
    }

    /** "Right, Down, Page Down, Space, Enter"; a key with a name in the bundle is called by it. */
    static String keysOf(Messages text, KeyboardMap.Binding b) {
        if (b.action() == KeyboardMap.Action.GO_TO) {
            return text.text("keys.goToKeys");
        }
        return b.keys().stream().map(k -> name(text, k)).collect(Collectors.joining(text.text("keys.or")));
    }

    private static String name(Messages text, KeyCodeCombination k) {
        String key = "keyName." + k.getCode().name();
        return text.has(key) ? text.text(key) : k.getDisplayText();
    }
}
