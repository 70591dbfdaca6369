package org.tcpladder.app.view;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.tcpladder.app.Messages;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.viewmodel.SideStatus;

/**
 * One side's current state, big, with the reason of its last transition ("Segment 2: The SYN,ACK
 * reached the client…"), and during a live session the kernel's own state for that socket beside it
 * ("kernel: ESTABLISHED ✓"). The state is a pseudo-class, so its colour comes from the theme.
 */
final class StateIndicator extends VBox {
    private final Messages text;
    private final Label stateName = new Label();
    private final Label reason = new Label();
    private final Label kernel = new Label();
    private TcpState shownState;

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
        // Whole, wrapped to as many lines as it needs: "…" would hide the reason from the back row, and
        // nobody hovers over a projector for a tooltip.
        reason.setMinHeight(Region.USE_PREF_SIZE);
        reason.setWrapText(true);
        Pos align = client ? Pos.TOP_LEFT : Pos.TOP_RIGHT;
        setAlignment(align);
        reason.setAlignment(client ? Pos.CENTER_LEFT : Pos.CENTER_RIGHT);
        reason.setTextAlignment(client ? TextAlignment.LEFT : TextAlignment.RIGHT);
        // The side's name beside the big state (towards the window's edge), so that the reason below has
        // the indicator's whole width: whole sentences in as few lines as possible.
        // A flow, so that where both do not fit on one line (large text, narrow ladder) the name goes
        // under the state rather than being cut to "…".
        sideLabel.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane title = client ? new FlowPane(sideLabel, stateName) : new FlowPane(stateName, sideLabel);
        title.getStyleClass().add(StyleClasses.STATE_TITLE);
        title.setAlignment(client ? Pos.CENTER_LEFT : Pos.CENTER_RIGHT);
        title.setRowValignment(VPos.CENTER);
        title.setPrefWrapLength(0);
        reason.setMaxWidth(Double.MAX_VALUE);
        kernel.getStyleClass().add(StyleClasses.KERNEL_STATE);
        kernel.setId(client ? NodeIds.CLIENT_KERNEL : NodeIds.SERVER_KERNEL);
        // Under the state, not beside it: two states side by side must fit half the ladder's width.
        kernel.setMinWidth(0);
        getChildren().addAll(title, kernel, reason);
        status.addListener((o, a, b) -> show(b));
        show(status.getValue());
    }

    private void show(SideStatus s) {
        SideStatus status = s == null ? SideStatus.UNKNOWN : s;
        pseudoClassStateChanged(StyleClasses.state(shownState), false);
        shownState = status.state();
        pseudoClassStateChanged(StyleClasses.state(shownState), true);
        stateName.setText(status.state() == null ? text.text("state.unknown") : status.state().displayName());
        boolean hasKernel = status.kernel() != null;
        kernel.setVisible(hasKernel);
        kernel.setManaged(hasKernel);
        kernel.pseudoClassStateChanged(StyleClasses.DIFFERS, hasKernel && !status.kernelAgrees());
        kernel.setText(!hasKernel ? "" : text.format(status.kernelAgrees() ? "state.kernelAgrees"
                : "state.kernelDiffers", status.kernel()));
        if (status.reason() != null) {
            reason.setText(text.format("state.reason", status.reason(), status.segmentIndex() + 1));
        } else if (status.state() != null) {
            reason.setText(text.text("state.initial"));
        } else {
            reason.setText(text.text("state.noInformation"));
        }
    }
}
