package org.tcpladder.app.view;

import javafx.beans.property.Property;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

import java.util.List;
import java.util.Objects;

/**
 * A row of toggle buttons choosing one value of a property (IPv4 | IPv6, relative | absolute): exactly
 * one is always selected, and the property and the buttons follow each other.
 */
final class Segmented {
    private Segmented() {
    }

    static <T> HBox of(Property<T> property, List<ToggleButton> buttons, List<T> values) {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox();
        for (int i = 0; i < buttons.size(); i++) {
            ToggleButton b = buttons.get(i);
            b.setToggleGroup(group);
            b.setUserData(values.get(i));
            b.setFocusTraversable(false);
            box.getChildren().add(b);
        }
        selectFor(group, property.getValue());
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                // Clicking the selected button again must not leave nothing chosen.
                group.selectToggle(was);
                return;
            }
            @SuppressWarnings("unchecked")
            T value = (T) now.getUserData();
            property.setValue(value);
        });
        property.addListener((o, a, b) -> selectFor(group, b));
        return box;
    }

    private static void selectFor(ToggleGroup group, Object value) {
        for (Toggle t : group.getToggles()) {
            if (Objects.equals(t.getUserData(), value)) {
                if (group.getSelectedToggle() != t) {
                    group.selectToggle(t);
                }
                return;
            }
        }
    }
}
