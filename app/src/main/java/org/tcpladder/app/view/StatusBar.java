package org.tcpladder.app.view;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.tcpladder.app.Messages;
import org.tcpladder.app.style.StyleClasses;

/** The bottom line: a status message, and while a file loads its progress and a Cancel button. */
final class StatusBar extends HBox {
    final Label message = new Label();
    final ProgressBar progress = new ProgressBar();
    final Button cancel;

    StatusBar(Messages text) {
        getStyleClass().add(StyleClasses.STATUS_BAR);
        message.setId(NodeIds.STATUS);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        progress.setId(NodeIds.LOAD_PROGRESS);
        cancel = new Button(text.text("status.cancel"));
        cancel.setId(NodeIds.CANCEL_LOAD);
        setLoading(false);
        getChildren().addAll(message, progress, cancel);
    }

    void setLoading(boolean loading) {
        progress.setVisible(loading);
        progress.setManaged(loading);
        cancel.setVisible(loading);
        cancel.setManaged(loading);
    }
}
