package org.tcpladder.app.view;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.tcpladder.app.Messages;
import org.tcpladder.app.layout.NumberMode;
import org.tcpladder.app.layout.Spacing;
import org.tcpladder.app.viewmodel.SettingsViewModel;

import java.util.List;

/**
 * The main toolbar: start a live session (scenario, IPv4/IPv6, step/run), open a capture, watch a
 * port, and how numbers and rows are shown. Live sessions and watching a port need the live capture,
 * which is not built yet: those controls are present, disabled, and say why.
 */
final class SessionToolBar extends ToolBar {
    SessionToolBar(Messages text, SettingsViewModel settings, Runnable openAction) {
        Button start = new Button(text.text("toolbar.start"));
        start.setId(NodeIds.START);
        ComboBox<String> scenario = new ComboBox<>();
        scenario.setId(NodeIds.SCENARIO);
        scenario.getItems().setAll(text.text("scenario.echo"), text.text("scenario.bulk"),
                text.text("scenario.refused"), text.text("scenario.simultaneousClose"));
        scenario.getSelectionModel().selectFirst();
        scenario.setMaxWidth(Region.USE_PREF_SIZE);
        String liveReason = text.text("toolbar.liveUnavailable");

        ToggleButton v4 = toggle(NodeIds.IPV4, text.text("toolbar.ipv4"), text.text("toolbar.ipv4Tip"));
        ToggleButton v6 = toggle(NodeIds.IPV6, text.text("toolbar.ipv6"), text.text("toolbar.ipv6Tip"));
        ToggleButton step = toggle(NodeIds.STEP_MODE, text.text("toolbar.stepMode"), text.text("toolbar.stepModeTip"));
        ToggleButton run = toggle(NodeIds.RUN_MODE, text.text("toolbar.runMode"), text.text("toolbar.runModeTip"));

        Button open = new Button(text.text("toolbar.open"));
        open.setId(NodeIds.OPEN);
        open.setFocusTraversable(false);
        open.setTooltip(new Tooltip(text.text("toolbar.openTip")));
        open.setOnAction(e -> openAction.run());

        TextField port = new TextField();
        port.setId(NodeIds.WATCH_PORT_FIELD);
        port.setPromptText(text.text("toolbar.portPrompt"));
        port.setPrefColumnCount(5);
        Button watch = new Button(text.text("toolbar.watchPort"));
        watch.setId(NodeIds.WATCH_PORT);
        HBox watchBox = new HBox(4, watch, port);
        watchBox.setAlignment(Pos.CENTER_LEFT);

        ToggleButton relative = toggle(NodeIds.RELATIVE, text.text("toolbar.relative"), text.text("toolbar.relativeTip"));
        ToggleButton absolute = toggle(NodeIds.ABSOLUTE, text.text("toolbar.absolute"), text.text("toolbar.absoluteTip"));
        ToggleButton byOrder = toggle(NodeIds.SPACING_ORDER, text.text("toolbar.byOrder"), text.text("toolbar.byOrderTip"));
        ToggleButton byTime = toggle(NodeIds.SPACING_TIME, text.text("toolbar.byTime"), text.text("toolbar.byTimeTip"));

        getItems().addAll(
                Unavailable.wrap(start, liveReason),
                Unavailable.wrap(scenario, liveReason),
                Segmented.of(settings.ipv6Property(), List.of(v4, v6), List.of(false, true)),
                Segmented.of(settings.stepModeProperty(), List.of(step, run), List.of(true, false)),
                new Separator(),
                open,
                new Separator(),
                Unavailable.wrap(watchBox, text.text("toolbar.watchUnavailable")),
                new Separator(),
                Segmented.of(settings.numbersProperty(), List.of(relative, absolute),
                        List.of(NumberMode.RELATIVE, NumberMode.ABSOLUTE)),
                new Separator(),
                Segmented.of(settings.spacingProperty(), List.of(byOrder, byTime),
                        List.of(Spacing.ORDER, Spacing.TIME)));
    }

    private static ToggleButton toggle(String id, String label, String tip) {
        ToggleButton b = new ToggleButton(label);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
