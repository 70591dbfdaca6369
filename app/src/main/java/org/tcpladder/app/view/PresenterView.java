package org.tcpladder.app.view;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.TextAlignment;
import org.tcpladder.app.Messages;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.layout.ProjectionScale;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.viewmodel.PlaybackViewModel;
import org.tcpladder.app.viewmodel.SettingsViewModel;
import org.tcpladder.app.viewmodel.SideStatus;
import org.tcpladder.capture.tcp.Side;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the presenter shows, full screen: the two sides' states as big badges at the top, the ladder
 * filling the screen with textbook labels (its rows fitted to the screen), the current segment's
 * narration as a caption band at the bottom, and optionally the state diagram beside the ladder. A
 * slim bar of buttons appears when the pointer goes to the top. It shows the main window's playback,
 * so stepping here steps there too.
 */
final class PresenterView extends StackPane {
    private final Messages text;
    private final PlaybackViewModel playback;
    private final LadderView ladder;
    private final Label caption = new Label();
    private final Label clientState = new Label();
    private final Label serverState = new Label();
    private final HBox badges;
    private final HBox bar;
    private final Label digits = new Label();
    private final StackPane diagramSlot = new StackPane();
    private final ScreenCover cover = new ScreenCover();
    private Supplier<Node> diagram;
    private Button diagramButton;
    /** In a live Step session, the call the session waits to make ("next: client: close()"), or "". */
    private final javafx.beans.property.StringProperty pendingCall =
            new javafx.beans.property.SimpleStringProperty(this, "pendingCall", "");
    private ProjectionScale scale = ProjectionScale.forScreen(1280, 720);

    /** The bar's buttons. */
    interface Controls {
        void previous();

        void playPause();

        void next();

        void blackout();

        void diagram();

        void leave();
    }

    private final javafx.beans.value.ObservableValue<org.tcpladder.app.layout.NumberMode> numbers;

    PresenterView(Messages text, PlaybackViewModel playback, SettingsViewModel settings, Controls controls) {
        this.text = text;
        this.playback = playback;
        getStyleClass().addAll(StyleClasses.APP, StyleClasses.PRESENTER);
        setId(NodeIds.PRESENTER);

        ladder = new LadderView(text, playback, settings);
        this.numbers = settings.numbersProperty();
        ladder.setId(NodeIds.PRESENTER_LADDER);
        ladder.setDrivesPlayback(false);
        ladder.setFit(true);
        ladder.setScrollBarShown(false);
        settings.projectionLabelsProperty().addListener((o, a, b) -> ladder.setLabelStyle(b));
        ladder.setLabelStyle(settings.projectionLabelsProperty().get());

        badges = new HBox(badge(Side.CLIENT, clientState, playback.clientProperty()), spacer(),
                badge(Side.SERVER, serverState, playback.serverProperty()));
        badges.getStyleClass().add(StyleClasses.PRESENTER_BADGES);
        badges.setAlignment(Pos.CENTER);

        caption.setId(NodeIds.PRESENTER_CAPTION);
        caption.getStyleClass().add(StyleClasses.PRESENTER_CAPTION);
        // Like subtitles: whole sentences, wrapped, never cut off with "…" (the band grows instead).
        caption.setWrapText(true);
        caption.setTextAlignment(TextAlignment.CENTER);
        caption.setAlignment(Pos.CENTER);
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.setMinHeight(Region.USE_PREF_SIZE);

        diagramSlot.setVisible(false);
        diagramSlot.setManaged(false);
        HBox middle = new HBox(ladder, diagramSlot);
        HBox.setHgrow(ladder, Priority.ALWAYS);
        ladder.setMaxWidth(Double.MAX_VALUE);

        BorderPane page = new BorderPane(middle, badges, null, caption, null);

        bar = new HBox(
                barButton("presenter.previous", controls::previous),
                barButton("presenter.playPause", controls::playPause),
                barButton("presenter.next", controls::next),
                barButton("presenter.black", controls::blackout),
                diagramButton = barButton("presenter.diagram", controls::diagram),
                barButton("presenter.leave", controls::leave));
        bar.setId(NodeIds.PRESENTER_BAR);
        bar.getStyleClass().add(StyleClasses.PRESENTER_BAR);
        bar.setAlignment(Pos.CENTER);
        bar.setMaxHeight(Region.USE_PREF_SIZE);
        bar.setVisible(false);
        StackPane.setAlignment(bar, Pos.TOP_CENTER);

        digits.getStyleClass().add(StyleClasses.PRESENTER_DIGITS);
        digits.setVisible(false);
        StackPane.setAlignment(digits, Pos.TOP_RIGHT);

        getChildren().addAll(page, bar, digits, cover);

        playback.currentSegmentProperty().addListener((o, a, b) -> updateCaption());
        playback.dataProperty().addListener((o, a, b) -> updateCaption());
        playback.positionProperty().addListener((o, a, b) -> updateCaption());
        pendingCall.addListener((o, a, b) -> updateCaption());
        numbers.addListener((o, a, b) -> updateCaption());
        diagramButton.setDisable(true);
        updateCaption();
        applyScale();
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private Button barButton(String key, Runnable action) {
        Button b = new Button(text.text(key));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A side's state, big, in its state's colour (a pseudo-class: the theme has the colours). */
    private HBox badge(Side side, Label name, ObservableValue<SideStatus> status) {
        boolean client = side == Side.CLIENT;
        Label sideLabel = new Label(text.text(client ? "side.client" : "side.server"));
        sideLabel.getStyleClass().add(StyleClasses.SIDE_LABEL);
        name.getStyleClass().add(StyleClasses.STATE_NAME);
        name.setId(client ? NodeIds.PRESENTER_CLIENT_STATE : NodeIds.PRESENTER_SERVER_STATE);
        name.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = client ? new HBox(sideLabel, name) : new HBox(name, sideLabel);
        box.getStyleClass().addAll(StyleClasses.STATE_INDICATOR, client ? StyleClasses.CLIENT : StyleClasses.SERVER);
        box.setAlignment(Pos.CENTER);
        org.tcpladder.capture.state.TcpState[] shown = {null};
        Runnable show = () -> {
            SideStatus s = status.getValue() == null ? SideStatus.UNKNOWN : status.getValue();
            box.pseudoClassStateChanged(StyleClasses.state(shown[0]), false);
            shown[0] = s.state();
            box.pseudoClassStateChanged(StyleClasses.state(shown[0]), true);
            name.setText(s.state() == null ? text.text("state.unknown") : s.state().displayName());
        };
        status.addListener((o, a, b) -> show.run());
        show.run();
        return box;
    }

    /** Captions keep to two lines, like subtitles: a long one is set smaller, down to this, not cut. */
    static final double MIN_CAPTION_TEXT = 0.9;
    private final javafx.scene.text.Text probe = new javafx.scene.text.Text();

    private void updateCaption() {
        setCaptionText();
        fitCaption();
    }

    /** The largest size, from the scale's down to {@link #MIN_CAPTION_TEXT} em, at which the caption takes two lines. */
    private void fitCaption() {
        double width = scale.width() - 4.8 * scale.em();
        double size = scale.captionText();
        String family = javafx.scene.text.Font.getDefault().getFamily();
        probe.setWrappingWidth(Math.max(1, width));
        probe.setText(caption.getText());
        for (; size > MIN_CAPTION_TEXT * scale.em(); size -= 0.05 * scale.em()) {
            probe.setFont(javafx.scene.text.Font.font(family, size));
            probe.setText("X");
            double line = probe.getLayoutBounds().getHeight();
            probe.setText(caption.getText());
            if (probe.getLayoutBounds().getHeight() < 2.5 * line) {
                break;
            }
        }
        caption.setStyle(px("-fx-font-size", Math.max(size, MIN_CAPTION_TEXT * scale.em())));
    }

    private void setCaptionText() {
        LadderData data = playback.getData();
        int i = playback.getCurrentSegment();
        String narration = null;
        if (data != null && i >= 0 && i < data.size()) {
            // The caption's numbers follow the Relative/Absolute toggle, like the arrows above it.
            narration = data.narrationOf(i, numbers.getValue());
        }
        String pending = pendingCall.get();
        boolean atEnd = data == null || playback.getPosition() >= playback.getLength();
        if (atEnd && pending != null && !pending.isEmpty()) {
            // A live Step session waits: the class can predict what the call will send.
            caption.setText(text.format("presenter.pending", pending));
        } else if (narration != null && !narration.isBlank()) {
            caption.setText(text.format("presenter.caption", i + 1, narration));
        } else {
            caption.setText(text.text(data == null ? "presenter.noConnection" : "presenter.beforeFirst"));
        }
    }

    /** Sizes everything for the screen it is shown on. */
    void setScale(ProjectionScale s) {
        this.scale = s;
        applyScale();
    }

    private void applyScale() {
        // One root size; the badges and the caption are the presenter's own multiples of it.
        setStyle(px("-fx-font-size", scale.em()));
        clientState.setStyle(px("-fx-font-size", scale.badgeText()));
        serverState.setStyle(px("-fx-font-size", scale.badgeText()));
        fitCaption();
        badges.setMinHeight(scale.badgeBand());
        badges.setPrefHeight(scale.badgeBand());
        caption.setPrefHeight(Region.USE_COMPUTED_SIZE);
        caption.setMinHeight(Math.max(scale.captionBand(), caption.minHeight(-1)));
    }

    private static String px(String property, double value) {
        return String.format(Locale.ROOT, "%s: %.1fpx;", property, value);
    }

    void setDiagram(Supplier<Node> supplier) {
        this.diagram = supplier;
        diagramButton.setDisable(supplier == null);
    }

    /** The live session's pending call, as the window's live bar shows it. */
    javafx.beans.property.StringProperty pendingCallProperty() {
        return pendingCall;
    }

    boolean hasDiagram() {
        return diagram != null;
    }

    /** Shows or hides the state diagram beside the ladder (made when first shown). */
    void toggleDiagram() {
        if (diagram == null) {
            return;
        }
        if (diagramSlot.getChildren().isEmpty()) {
            Node n = diagram.get();
            if (n == null) {
                return;
            }
            diagramSlot.getChildren().add(n);
            diagramSlot.prefWidthProperty().bind(widthProperty().multiply(ProjectionScale.DIAGRAM_SHARE));
            diagramSlot.minWidthProperty().bind(widthProperty().multiply(ProjectionScale.DIAGRAM_SHARE));
        }
        boolean show = !diagramSlot.isVisible();
        diagramSlot.setVisible(show);
        diagramSlot.setManaged(show);
    }

    boolean isDiagramShown() {
        return diagramSlot.isVisible();
    }

    void showBar(boolean show) {
        bar.setVisible(show);
    }

    boolean isBarShown() {
        return bar.isVisible();
    }

    HBox bar() {
        return bar;
    }

    ScreenCover cover() {
        return cover;
    }

    LadderView ladder() {
        return ladder;
    }

    Label caption() {
        return caption;
    }

    void showDigits(String typed) {
        digits.setText(typed.isEmpty() ? "" : text.format("presenter.goTo", typed));
        digits.setVisible(!typed.isEmpty());
    }
}
