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

import java.util.ArrayList;
import java.util.List;

/** The right pane: the selected segment's narration, every field, its options and its payload. */
final class DetailsPane extends ScrollPane {
    private final VBox sections = new VBox();
    private final List<SectionView> views = new ArrayList<>();

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

    /**
     * Shows {@code list}, reusing the labels already there: the playhead changes the selected segment
     * many times a second while a session plays, and new labels each time (each a skin and a CSS pass)
     * were most of such a frame's layout. Segments mostly have the same sections and rows, so usually
     * only texts change.
     */
    private void show(List<DetailSection> list) {
        while (views.size() > list.size()) {
            views.remove(views.size() - 1);
        }
        for (int i = 0; i < list.size(); i++) {
            if (i == views.size()) {
                views.add(new SectionView());
            }
            views.get(i).show(list.get(i));
        }
        List<javafx.scene.Node> nodes = new ArrayList<>();
        for (SectionView v : views) {
            nodes.add(v.title);
            nodes.add(v.grid);
        }
        if (!nodes.equals(sections.getChildren())) {
            sections.getChildren().setAll(nodes);
        }
    }

    /** A section's title and its grid of field names and values. */
    private static final class SectionView {
        private final Label title = new Label();
        private final GridPane grid = new GridPane();
        private final List<Label> names = new ArrayList<>();
        private final List<Label> values = new ArrayList<>();

        SectionView() {
            title.getStyleClass().add(StyleClasses.DETAILS_TITLE);
            // Wrapped titles need their full height, or the box squeezes them back to one line.
            title.setMinHeight(Region.USE_PREF_SIZE);
            grid.getStyleClass().add(StyleClasses.DETAILS_SECTION);
            ColumnConstraints nameColumn = new ColumnConstraints();
            nameColumn.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints valueColumn = new ColumnConstraints();
            valueColumn.setHgrow(Priority.ALWAYS);
            valueColumn.setFillWidth(true);
            grid.getColumnConstraints().addAll(nameColumn, valueColumn);
        }

        void show(DetailSection s) {
            title.setText(s.title());
            List<DetailRow> rows = s.rows();
            while (names.size() > rows.size()) {
                int last = names.size() - 1;
                grid.getChildren().removeAll(names.remove(last), values.remove(last));
            }
            while (names.size() < rows.size()) {
                Label name = new Label();
                name.getStyleClass().add(StyleClasses.DETAILS_LABEL);
                Label value = new Label();
                value.getStyleClass().add(StyleClasses.DETAILS_VALUE);
                value.setMinHeight(Region.USE_PREF_SIZE);
                grid.addRow(names.size(), name, value);
                names.add(name);
                values.add(value);
            }
            for (int r = 0; r < rows.size(); r++) {
                names.get(r).setText(rows.get(r).label());
                values.get(r).setText(rows.get(r).value());
            }
        }
    }
}
