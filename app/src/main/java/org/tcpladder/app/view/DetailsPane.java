package org.tcpladder.app.view;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tcpladder.app.Messages;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.viewmodel.DetailRow;
import org.tcpladder.app.viewmodel.DetailSection;
import org.tcpladder.app.viewmodel.DetailsViewModel;

import java.util.List;

/** The right pane: the selected segment's narration, every field, its options and its payload. */
final class DetailsPane extends ScrollPane {
    private final VBox sections = new VBox();

    DetailsPane(Messages text, DetailsViewModel model) {
        setId(NodeIds.DETAILS);
        getStyleClass().add(StyleClasses.DETAILS_SCROLL);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        Label narration = new Label();
        narration.setId(NodeIds.NARRATION);
        narration.getStyleClass().add(StyleClasses.NARRATION);
        narration.textProperty().bind(model.narrationProperty());
        narration.setMaxWidth(Double.MAX_VALUE);
        narration.setMinHeight(Region.USE_PREF_SIZE);
        narration.visibleProperty().bind(model.narrationProperty().isNotEmpty());
        narration.managedProperty().bind(narration.visibleProperty());

        Label payloadTitle = new Label(text.text("details.payloadTitle"));
        payloadTitle.getStyleClass().add(StyleClasses.DETAILS_TITLE);
        Label payload = new Label();
        payload.setId(NodeIds.PAYLOAD);
        payload.getStyleClass().add(StyleClasses.PAYLOAD);
        payload.textProperty().bind(model.payloadProperty());
        payload.setMinHeight(Region.USE_PREF_SIZE);
        payloadTitle.visibleProperty().bind(model.selectedProperty().greaterThanOrEqualTo(0));
        payloadTitle.managedProperty().bind(payloadTitle.visibleProperty());
        payload.visibleProperty().bind(payloadTitle.visibleProperty());
        payload.managedProperty().bind(payloadTitle.visibleProperty());

        VBox content = new VBox(narration, sections, payloadTitle, payload);
        content.getStyleClass().add(StyleClasses.DETAILS_PANE);
        setContent(content);
        model.sectionsProperty().addListener((o, a, b) -> show(b));
        show(model.sectionsProperty().get());
    }

    private void show(List<DetailSection> list) {
        sections.getChildren().clear();
        for (DetailSection s : list) {
            Label title = new Label(s.title());
            title.getStyleClass().add(StyleClasses.DETAILS_TITLE);
            GridPane grid = new GridPane();
            grid.getStyleClass().add(StyleClasses.DETAILS_SECTION);
            ColumnConstraints labels = new ColumnConstraints();
            labels.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints values = new ColumnConstraints();
            values.setHgrow(Priority.ALWAYS);
            values.setFillWidth(true);
            grid.getColumnConstraints().addAll(labels, values);
            int r = 0;
            for (DetailRow row : s.rows()) {
                Label l = new Label(row.label());
                l.getStyleClass().add(StyleClasses.DETAILS_LABEL);
                Label v = new Label(row.value());
                v.getStyleClass().add(StyleClasses.DETAILS_VALUE);
                v.setMinHeight(Region.USE_PREF_SIZE);
                grid.addRow(r++, l, v);
            }
            sections.getChildren().addAll(title, grid);
        }
    }
}
