package org.tcpladder.app.view;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.tcpladder.app.Messages;
import org.tcpladder.app.style.StyleClasses;

/**
 * Under the toolbar: while a live demo session or a port watch is on, what it is doing, in step mode
 * the call the session will make next ("next: client: close()") with the button that lets it, and Stop.
 * A session played from a recording shows here too, in a colour of its own and without the lit dot,
 * so that it cannot pass for live traffic. When nothing is captured it stays, quiet, with a hint of
 * what Start does: a bar that appeared on Start would push the whole window down, and redrawing all of
 * it (some 80 ms in software rendering) held up the first arrow.
 */
final class LiveBar extends HBox {
    final Label status = new Label();
    final Label pending = new Label();
    /** The waiting call's description alone ("client: close()"), or "" (the presenter's caption uses it). */
    final javafx.beans.property.StringProperty pendingCall = new javafx.beans.property.SimpleStringProperty("");
    final Button next;
    final Button runToEnd;
    final Button stop;
    private final Region dot = new Region();
    private final Messages text;

    LiveBar(Messages text) {
        this.text = text;
        getStyleClass().add(StyleClasses.LIVE_BAR);
        setId(NodeIds.LIVE_BAR);
        dot.getStyleClass().add(StyleClasses.LIVE_DOT);
        status.setId(NodeIds.LIVE_STATUS);
        status.getStyleClass().add(StyleClasses.LIVE_STATUS);
        status.setMinWidth(0);
        // a long status (a watch's figures and file) is cut to the window's width: the tooltip has it whole
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(status.textProperty());
        status.setTooltip(whole);
        pending.setId(NodeIds.PENDING_CALL);
        pending.getStyleClass().add(StyleClasses.PENDING_CALL);
        pending.setMinWidth(Region.USE_PREF_SIZE);
        next = new Button(text.text("live.next"));
        next.setId(NodeIds.NEXT_CALL);
        next.setTooltip(new Tooltip(text.text("live.nextTip")));
        runToEnd = new Button(text.text("live.runToEnd"));
        runToEnd.setId(NodeIds.RUN_TO_END);
        runToEnd.setTooltip(new Tooltip(text.text("live.runToEndTip")));
        stop = new Button(text.text("live.stop"));
        stop.setId(NodeIds.STOP_LIVE);
        stop.setTooltip(new Tooltip(text.text("live.stopTip")));
        for (Button b : new Button[]{next, runToEnd, stop}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setFocusTraversable(false);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(status, Priority.SOMETIMES);
        getChildren().addAll(dot, status, pending, spacer, next, runToEnd, stop);
        idle();
    }

    /** Shows the bar; {@code live} lights the dot (capturing now). */
    void show(String statusText, boolean live) {
        status.setText(statusText);
        stop.setVisible(true);
        pseudoClassStateChanged(StyleClasses.IDLE, false);
        pseudoClassStateChanged(StyleClasses.RECORDING, false);
        pseudoClassStateChanged(StyleClasses.LIVE, live);
        stop.setDisable(!live);
    }

    /** Shows the bar for a recording being played; {@code playing} lets Stop end it. */
    void showRecording(String statusText, boolean playing) {
        status.setText(statusText);
        stop.setVisible(true);
        pseudoClassStateChanged(StyleClasses.IDLE, false);
        pseudoClassStateChanged(StyleClasses.LIVE, false);
        pseudoClassStateChanged(StyleClasses.RECORDING, true);
        stop.setDisable(!playing);
    }

    /** Step mode: the call waiting for Next, or null when nothing waits (buttons off). */
    void pending(String description, boolean stepping) {
        boolean waiting = description != null;
        pending.setText(waiting ? text.format("live.pending", description) : "");
        pendingCall.set(waiting ? description : "");
        pending.setVisible(waiting);
        pending.setManaged(waiting);
        next.setDisable(!waiting);
        runToEnd.setDisable(!waiting);
        next.setVisible(stepping);
        next.setManaged(stepping);
        runToEnd.setVisible(stepping);
        runToEnd.setManaged(stepping);
    }

    /** Nothing live: the hint, no dot lit, no buttons (Stop keeps its room, so the bar keeps its height). */
    void idle() {
        status.setText(text.text("live.idle"));
        pending(null, false);
        stop.setVisible(false);
        pseudoClassStateChanged(StyleClasses.LIVE, false);
        pseudoClassStateChanged(StyleClasses.RECORDING, false);
        pseudoClassStateChanged(StyleClasses.IDLE, true);
    }
}
