package org.tcpladder.app.view;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tcpladder.app.Messages;
import org.tcpladder.app.layout.Durations;
import org.tcpladder.app.load.ConnectionEntry;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.viewmodel.ConnectionListViewModel;

/**
 * The left pane: what is open, a filter box, and the connections: endpoints, size, duration, how each
 * ended and how many of its segments are unusual.
 */
final class ConnectionListPane extends VBox {
    private final ListView<ConnectionEntry> list;
    private boolean syncing;

    ConnectionListPane(Messages text, ConnectionListViewModel model) {
        getStyleClass().add(StyleClasses.CONNECTION_PANE);
        Label summary = new Label();
        summary.setId(NodeIds.SOURCE_SUMMARY);
        summary.getStyleClass().add(StyleClasses.SOURCE_SUMMARY);
        summary.textProperty().bind(Bindings.createStringBinding(() -> SoftBreaks.in(model.summaryProperty().get()),
                model.summaryProperty()));
        summary.setMinHeight(Region.USE_PREF_SIZE);

        TextField filter = new TextField();
        filter.setId(NodeIds.FILTER);
        filter.setPromptText(text.text("connections.filterPrompt"));
        filter.textProperty().bindBidirectional(model.filterProperty());

        list = new ListView<>(model.visible());
        list.setId(NodeIds.CONNECTIONS);
        Label placeholder = new Label(text.text("connections.empty"));
        placeholder.getStyleClass().add(StyleClasses.PLACEHOLDER);
        list.setPlaceholder(placeholder);
        list.setCellFactory(v -> new EntryCell(text));
        VBox.setVgrow(list, Priority.ALWAYS);

        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> select(b));
        select(model.selectedProperty().get());
        getChildren().addAll(summary, filter, list);
    }

    private void select(ConnectionEntry e) {
        syncing = true;
        try {
            if (e == null) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(e);
            }
        } finally {
            syncing = false;
        }
    }

    /**
     * The name (demo sessions), the endpoints, size and duration, the ending, and the anomalies. The
     * labels are made the first time the cell shows a connection: the list fills its height with cells,
     * most of them empty, and makes them all anew whenever it goes from empty to not (a Start in step
     * mode, a file after a failed session), so empty cells must be cheap.
     */
    private static final class EntryCell extends ListCell<ConnectionEntry> {
        private final Messages text;
        private Label title;
        private Label endpoints;
        private Label detail;
        private Label ending;
        private Label anomalies;
        private VBox box;

        EntryCell(Messages text) {
            this.text = text;
            // Width 0: the cell takes the list's width and its labels wrap, no horizontal scrolling.
            setPrefWidth(0);
        }

        private void makeLabels() {
            title = label(StyleClasses.CONNECTION_TITLE);
            endpoints = label(StyleClasses.CONNECTION_ENDPOINTS);
            detail = label(StyleClasses.CONNECTION_DETAIL);
            ending = label(StyleClasses.CONNECTION_DETAIL);
            anomalies = label(StyleClasses.CONNECTION_ANOMALIES);
            box = new VBox(title, endpoints, detail, ending, anomalies);
        }

        private static Label label(String styleClass) {
            Label l = new Label();
            l.getStyleClass().add(styleClass);
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            return l;
        }

        @Override
        protected void updateItem(ConnectionEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            if (box == null) {
                makeLabels();
            }
            title.setText(e.name() == null ? "" : e.name());
            title.setVisible(e.name() != null);
            title.setManaged(e.name() != null);
            endpoints.setText(text.format("connections.endpoints", e.client(), e.server()));
            detail.setText(text.format("connections.detail", e.segmentCount(), e.payloadBytes(),
                    Durations.format(e.durationNs())));
            String end = text.text(switch (e.end()) {
                case FIN_BOTH -> "connections.endFin";
                case RST -> "connections.endReset";
                case HALF_CLOSED -> "connections.endHalfClosed";
                case OPEN -> "connections.endOpen";
            });
            ending.setText(e.midStream() ? text.format("connections.midStream", end) : end);
            boolean counted = e.anomalies() != ConnectionEntry.NOT_COUNTED;
            anomalies.setVisible(counted && e.anomalies() > 0);
            anomalies.setManaged(anomalies.isVisible());
            anomalies.setText(!counted ? "" : e.anomalies() == 1 ? text.text("connections.anomaly")
                    : text.format("connections.anomalies", e.anomalies()));
            setText(null);
            setGraphic(box);
        }
    }
}
