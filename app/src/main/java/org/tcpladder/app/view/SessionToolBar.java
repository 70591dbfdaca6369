package org.tcpladder.app.view;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.geometry.Orientation;
import javafx.scene.layout.FlowPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.tcpladder.app.Messages;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.viewmodel.SettingsViewModel;
import org.tcpladder.capture.demo.Scenario;

import java.util.List;

/**
 * The main toolbar: start a live session (scenario, the text the client sends, IPv4/IPv6, step or
 * run), open a capture, watch a port. It wraps onto a second line when the text is large or the window
 * narrow, rather than hide Watch port behind an overflow arrow (JavaFX's ToolBar does that, and a
 * teacher at a projector does not look for it there).
 */
final class SessionToolBar extends FlowPane {
    private final TextField port = new TextField();
    private final Label portProblem = new Label();

    /** What the toolbar's buttons do; the window decides. */
    interface Actions {
        void start();

        void open();

        /** {@code port} as typed. */
        void watch(String port);
    }

    SessionToolBar(Messages text, SettingsViewModel settings, Actions actions) {
        Button start = new Button(text.text("toolbar.start"));
        start.setId(NodeIds.START);
        start.setTooltip(new Tooltip(text.text("toolbar.startTip")));
        start.setOnAction(e -> actions.start());

        ComboBox<Scenario> scenario = new ComboBox<>();
        scenario.setId(NodeIds.SCENARIO);
        scenario.getItems().setAll(Scenario.values());
        scenario.setConverter(new StringConverter<>() {
            @Override
            public String toString(Scenario s) {
                return s == null ? "" : s.title();
            }

            @Override
            public Scenario fromString(String s) {
                return null;
            }
        });
        scenario.setCellFactory(v -> new ScenarioCell());
        scenario.valueProperty().bindBidirectional(settings.scenarioProperty());
        scenario.setMaxWidth(Region.USE_PREF_SIZE);
        Tooltip scenarioTip = new Tooltip();
        scenarioTip.setWrapText(true);
        scenarioTip.setMaxWidth(500);
        scenarioTip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> scenario.getValue() == null ? "" : scenario.getValue().description(), scenario.valueProperty()));
        scenario.setTooltip(scenarioTip);

        TextField payload = new TextField();
        payload.setId(NodeIds.PAYLOAD_FIELD);
        payload.setPromptText(text.text("toolbar.payloadPrompt"));
        payload.setPrefColumnCount(8);
        payload.setTooltip(new Tooltip(text.text("toolbar.payloadTip")));
        payload.textProperty().bindBidirectional(settings.payloadProperty());
        payload.setOnAction(e -> actions.start());

        ToggleButton v4 = toggle(NodeIds.IPV4, text.text("toolbar.ipv4"), text.text("toolbar.ipv4Tip"));
        ToggleButton v6 = toggle(NodeIds.IPV6, text.text("toolbar.ipv6"), text.text("toolbar.ipv6Tip"));
        ToggleButton step = toggle(NodeIds.STEP_MODE, text.text("toolbar.stepMode"), text.text("toolbar.stepModeTip"));
        ToggleButton run = toggle(NodeIds.RUN_MODE, text.text("toolbar.runMode"), text.text("toolbar.runModeTip"));

        Button open = new Button(text.text("toolbar.open"));
        open.setId(NodeIds.OPEN);
        open.setFocusTraversable(false);
        open.setTooltip(new Tooltip(text.text("toolbar.openTip")));
        open.setOnAction(e -> actions.open());

        port.setId(NodeIds.WATCH_PORT_FIELD);
        port.setPromptText(text.text("toolbar.portPrompt"));
        port.setPrefColumnCount(4);
        port.setOnAction(e -> actions.watch(port.getText()));
        Button watch = new Button(text.text("toolbar.watchPort"));
        watch.setId(NodeIds.WATCH_PORT);
        watch.setTooltip(new Tooltip(text.text("toolbar.watchTip")));
        watch.setOnAction(e -> actions.watch(port.getText()));
        portProblem.setId(NodeIds.WATCH_PORT_PROBLEM);
        portProblem.getStyleClass().add(StyleClasses.FIELD_PROBLEM);
        portProblem.setMinWidth(Region.USE_PREF_SIZE);
        portProblem(null);
        HBox watchBox = new HBox(4, watch, port, portProblem);
        watchBox.setAlignment(Pos.CENTER_LEFT);

        getStyleClass().addAll("tool-bar", StyleClasses.SESSION_TOOL_BAR);
        setOrientation(Orientation.HORIZONTAL);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(
                start,
                scenario,
                payload,
                Segmented.of(settings.ipv6Property(), List.of(v4, v6), List.of(false, true)),
                Segmented.of(settings.stepModeProperty(), List.of(step, run), List.of(true, false)),
                separator(),
                open,
                separator(),
                watchBox);
    }

    /**
     * Marks the port field as unusable and says why beside it, or (null) clears both: a later success
     * takes the mark away, so that it never outlives its cause.
     */
    void portProblem(String why) {
        port.pseudoClassStateChanged(StyleClasses.INVALID, why != null);
        portProblem.setText(why == null ? "" : why);
        portProblem.setVisible(why != null);
        portProblem.setManaged(why != null);
    }

    private static Separator separator() {
        Separator s = new Separator(Orientation.VERTICAL);
        // As tall as the controls beside it, not as the whole (wrapped) bar.
        s.setMaxHeight(Region.USE_PREF_SIZE);
        return s;
    }

    static ToggleButton toggle(String id, String label, String tip) {
        ToggleButton b = new ToggleButton(label);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    /** A scenario in the drop-down: its title, with its description as a tooltip. */
    private static final class ScenarioCell extends ListCell<Scenario> {
        @Override
        protected void updateItem(Scenario s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty || s == null ? null : s.title());
            if (empty || s == null) {
                setTooltip(null);
            } else {
                Tooltip tip = new Tooltip(s.description());
                tip.setWrapText(true);
                tip.setMaxWidth(500);
                setTooltip(tip);
            }
        }
    }
}
