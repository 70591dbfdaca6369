package org.tcpladder.app.view;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.tcpladder.app.Messages;
import org.tcpladder.app.layout.NumberMode;
import org.tcpladder.app.layout.Spacing;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.viewmodel.SettingsViewModel;

import java.util.List;

/**
 * The bottom line: a status message, while a file loads its progress and a Cancel button, and how the
 * ladder writes numbers (relative or absolute) and spaces its rows (by order or by time): always in
 * view, out of the way of the controls that drive a session.
 */
final class StatusBar extends HBox {
    final Label message = new Label();
    final ProgressBar progress = new ProgressBar();
    final Button cancel;

    StatusBar(Messages text, SettingsViewModel settings) {
        getStyleClass().add(StyleClasses.STATUS_BAR);
        message.setId(NodeIds.STATUS);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        progress.setId(NodeIds.LOAD_PROGRESS);
        cancel = new Button(text.text("status.cancel"));
        cancel.setId(NodeIds.CANCEL_LOAD);
        setLoading(false);
        ToggleButton relative = SessionToolBar.toggle(NodeIds.RELATIVE, text.text("toolbar.relative"),
                text.text("toolbar.relativeTip"));
        ToggleButton absolute = SessionToolBar.toggle(NodeIds.ABSOLUTE, text.text("toolbar.absolute"),
                text.text("toolbar.absoluteTip"));
        ToggleButton byOrder = SessionToolBar.toggle(NodeIds.SPACING_ORDER, text.text("toolbar.byOrder"),
                text.text("toolbar.byOrderTip"));
        ToggleButton byTime = SessionToolBar.toggle(NodeIds.SPACING_TIME, text.text("toolbar.byTime"),
                text.text("toolbar.byTimeTip"));
        HBox numbers = Segmented.of(settings.numbersProperty(), List.of(relative, absolute),
                List.of(NumberMode.RELATIVE, NumberMode.ABSOLUTE));
        HBox spacing = Segmented.of(settings.spacingProperty(), List.of(byOrder, byTime),
                List.of(Spacing.ORDER, Spacing.TIME));
        for (HBox h : List.of(numbers, spacing)) {
            h.setMinWidth(Region.USE_PREF_SIZE);
        }
        message.setMinWidth(0);
        // Wrapped and whole: a damaged file's notice names the file and the byte offset, both needed.
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(message, progress, cancel, numbers, spacing);
    }

    void setLoading(boolean loading) {
        progress.setVisible(loading);
        progress.setManaged(loading);
        cancel.setVisible(loading);
        cancel.setManaged(loading);
    }
}
