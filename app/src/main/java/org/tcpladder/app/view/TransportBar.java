package org.tcpladder.app.view;

import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.tcpladder.app.Messages;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.viewmodel.PlaybackViewModel;
import org.tcpladder.app.viewmodel.SettingsViewModel;

import java.util.List;

/**
 * Under the ladder: the timeline scrubber and the transport controls (first, step back, play/pause,
 * step forward, last, speed) with the playhead's position.
 *
 * <p>The scrubber seeks only while the user drags it ({@code isValueChanging()}) or clicks it, and
 * follows the model only when it is not being dragged: no feedback loop between the two.
 */
final class TransportBar extends VBox {
    static final List<Double> SPEEDS = List.of(0.25, 0.5, 1.0, 2.0, 4.0);

    private final Messages text;
    private final PlaybackViewModel playback;
    private final Slider scrubber = new Slider(0, 0, 0);
    private final Label position = new Label();
    private final Button play = new Button();
    private boolean updatingFromModel;
    private final ScrubberMarks marks;

    TransportBar(Messages text, PlaybackViewModel playback, SettingsViewModel settings) {
        this.text = text;
        this.playback = playback;
        getStyleClass().add(StyleClasses.TRANSPORT_BAR);

        scrubber.setId(NodeIds.SCRUBBER);
        scrubber.getStyleClass().add(StyleClasses.SCRUBBER);
        scrubber.setFocusTraversable(false);
        scrubber.setMaxWidth(Double.MAX_VALUE);
        scrubber.setShowTickMarks(true);
        scrubber.setMajorTickUnit(1);
        scrubber.setMinorTickCount(0);
        scrubber.valueProperty().addListener((o, a, b) -> {
            // The user moves it (drag, or click on the track): seek. The model moving it: leave it.
            if (!updatingFromModel) {
                playback.seek(b.doubleValue());
            }
        });
        scrubber.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                playback.seek(scrubber.getValue());
            }
        });
        playback.positionProperty().addListener((o, a, b) -> {
            if (!scrubber.isValueChanging()) {
                setFromModel(b.doubleValue());
            }
            updatePositionLabel();
        });
        playback.lengthProperty().addListener((o, a, b) -> {
            updatingFromModel = true;
            try {
                scrubber.setMax(b.intValue());
                scrubber.setMajorTickUnit(Math.max(1, b.intValue() / 20));
            } finally {
                updatingFromModel = false;
            }
            updatePositionLabel();
        });

        Button home = iconButton(NodeIds.HOME, Icons.HOME, "transport.home", playback::home);
        Button back = iconButton(NodeIds.STEP_BACK, Icons.STEP_BACK, "transport.stepBack", playback::stepBack);
        play.setId(NodeIds.PLAY);
        play.setFocusTraversable(false);
        play.setOnAction(e -> playback.togglePlay());
        Button forward = iconButton(NodeIds.STEP_FORWARD, Icons.STEP_FORWARD, "transport.stepForward",
                playback::stepForward);
        Button end = iconButton(NodeIds.END, Icons.END, "transport.end", playback::end);
        playback.playingProperty().addListener((o, a, b) -> updatePlayButton());
        updatePlayButton();

        ChoiceBox<Double> speed = new ChoiceBox<>();
        speed.setId(NodeIds.SPEED);
        speed.setFocusTraversable(false);
        speed.getItems().setAll(SPEEDS);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : text.format("transport.speedValue", trim(v));
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        speed.setValue(playback.speedProperty().get());
        speed.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                playback.speedProperty().set(b);
            }
        });
        speed.setTooltip(new Tooltip(text.text("transport.speedTip")));
        Label speedLabel = new Label(text.text("transport.speed"));
        speedLabel.setMinWidth(Region.USE_PREF_SIZE);

        position.setId(NodeIds.POSITION);
        position.getStyleClass().add(StyleClasses.POSITION_LABEL);
        position.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        marks = new ScrubberMarks(scrubber);
        marks.setId(NodeIds.SCRUBBER_MARKS);
        playback.anomaliesProperty().addListener((o, a, b) -> marks.show(b));
        marks.show(playback.anomaliesProperty().get());
        StackPane track = new StackPane(scrubber, marks);
        track.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(track, Priority.ALWAYS);
        HBox timeline = new HBox(track, position);
        timeline.getStyleClass().add(StyleClasses.SCRUBBER_ROW);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(home, back, play, forward, end, spacer, speedLabel, speed);
        buttons.getStyleClass().add(StyleClasses.BUTTON_ROW);
        getChildren().addAll(timeline, buttons);
        settings.numbersProperty().addListener((o, a, b) -> updatePositionLabel());
        updatePositionLabel();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private void setFromModel(double p) {
        updatingFromModel = true;
        try {
            scrubber.setValue(p);
        } finally {
            updatingFromModel = false;
        }
    }

    private Button iconButton(String id, String icon, String tipKey, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.setGraphic(Icons.icon(icon));
        b.setTooltip(new Tooltip(text.text(tipKey)));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void updatePlayButton() {
        boolean playing = playback.isPlaying();
        play.setText(text.text(playing ? "transport.pause" : "transport.play"));
        play.setGraphic(Icons.icon(playing ? Icons.PAUSE : Icons.PLAY));
        play.pseudoClassStateChanged(StyleClasses.PLAYING, playing);
        play.setTooltip(new Tooltip(text.text("transport.playTip")));
    }

    private void updatePositionLabel() {
        LadderData data = playback.getData();
        if (data == null) {
            position.setText(text.text("transport.noConnection"));
            return;
        }
        int n = playback.getLength();
        int shown = (int) Math.ceil(playback.getPosition());
        position.setText(text.format("transport.position", shown, n));
    }

    Slider scrubber() {
        return scrubber;
    }

    ScrubberMarks marks() {
        return marks;
    }
}
