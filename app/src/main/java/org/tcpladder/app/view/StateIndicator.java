package org.tcpladder.app.view;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.tcpladder.app.Messages;
import org.tcpladder.app.ladder.Side;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.viewmodel.SideStatus;

/**
 * One side's current state, big, with the reason of its last transition: {@code ESTABLISHED} —
 * "received SYN,ACK for its SYN (segment 2)". The state is a pseudo-class, so its colour
 * comes from the theme.
 */
final class StateIndicator extends VBox {
    private final Messages text;
    private final Label stateName = new Label();
    private final Label reason = new Label();
    private String shownState;

    StateIndicator(Messages text, Side side, ObservableValue<SideStatus> status) {
        this.text = text;
        boolean client = side == Side.CLIENT;
        getStyleClass().addAll(StyleClasses.STATE_INDICATOR, client ? StyleClasses.CLIENT : StyleClasses.SERVER);
        Label sideLabel = new Label(text.text(client ? "side.client" : "side.server"));
        sideLabel.getStyleClass().add(StyleClasses.SIDE_LABEL);
        stateName.getStyleClass().add(StyleClasses.STATE_NAME);
        stateName.setId(client ? NodeIds.CLIENT_STATE : NodeIds.SERVER_STATE);
        // A state name is never shortened: "ESTABLI..." would teach nothing.
        stateName.setMinWidth(Region.USE_PREF_SIZE);
        reason.getStyleClass().add(StyleClasses.STATE_REASON);
        reason.setId(client ? NodeIds.CLIENT_REASON : NodeIds.SERVER_REASON);
        reason.setMinHeight(Region.USE_PREF_SIZE);
        Pos align = client ? Pos.TOP_LEFT : Pos.TOP_RIGHT;
        setAlignment(align);
        reason.setAlignment(client ? Pos.CENTER_LEFT : Pos.CENTER_RIGHT);
        reason.setTextAlignment(client ? TextAlignment.LEFT : TextAlignment.RIGHT);
        // The state, big; below it the side's name (towards the window's edge) and the reason.
        reason.setGraphic(sideLabel);
        reason.setContentDisplay(client ? ContentDisplay.LEFT
                : ContentDisplay.RIGHT);
        getChildren().addAll(stateName, reason);
        status.addListener((o, a, b) -> show(b));
        show(status.getValue());
    }

    private void show(SideStatus s) {
        SideStatus status = s == null ? SideStatus.UNKNOWN : s;
        pseudoClassStateChanged(StyleClasses.state(shownState), false);
        shownState = status.state();
        pseudoClassStateChanged(StyleClasses.state(shownState), true);
        stateName.setText(status.state() == null ? text.text("state.unknown") : status.state());
        if (status.reason() != null) {
            reason.setText(text.format("state.reason", status.reason(), status.segmentIndex() + 1));
        } else if (status.state() != null) {
            reason.setText(text.text("state.initial"));
        } else {
            reason.setText(text.text("state.noInformation"));
        }
    }
}
