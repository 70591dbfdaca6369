package org.tcpladder.app.view;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.tcpladder.app.Messages;
import org.tcpladder.app.load.ConnectionEntry;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.viewmodel.ConnectionColumn;
import org.tcpladder.app.viewmodel.ConnectionListViewModel;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * The left pane: what is open, a filter box with how many connections it lets through, and the
 * connection table — number, endpoints, packets, bytes each way, start, duration, how it ended, both
 * final states and the anomalies — sortable by any column. The table is virtualised (rows are made for
 * what is on screen), so 200,000 connections scroll as smoothly as twenty.
 *
 * <p>Keys: Down in the filter box moves into the table; Up/Down/PageUp/PageDown choose a connection there
 * and keep the focus in the table; Enter hands the keyboard to the ladder.
 */
final class ConnectionListPane extends VBox {
    /** Columns whose values are numbers: right-aligned so digits line up. */
    private static final Set<ConnectionColumn> NUMERIC = EnumSet.of(ConnectionColumn.INDEX,
            ConnectionColumn.PACKETS, ConnectionColumn.CLIENT_BYTES, ConnectionColumn.SERVER_BYTES,
            ConnectionColumn.DURATION, ConnectionColumn.ANOMALIES);

    private final TableView<ConnectionEntry> table;
    private boolean syncing;
    /** Whether the last input in the pane was a key (a choice made from the keyboard keeps the focus). */
    private boolean choosingByKey;

    ConnectionListPane(Messages text, ConnectionListViewModel model, ZoneId zone, ReadOnlyDoubleProperty fontSize,
                       Runnable handOverKeyboard) {
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

        Label count = new Label();
        count.setId(NodeIds.FILTER_COUNT);
        count.getStyleClass().add(StyleClasses.FILTER_COUNT);
        count.textProperty().bind(Bindings.createStringBinding(() -> model.filtering()
                        ? text.format("connections.matching", model.shownProperty().get(), model.totalProperty().get())
                        : "",
                model.shownProperty(), model.totalProperty(), model.filterProperty()));
        count.visibleProperty().bind(count.textProperty().isNotEmpty());
        count.managedProperty().bind(count.visibleProperty());

        table = new TableView<>();
        table.setId(NodeIds.CONNECTIONS);
        table.getStyleClass().add(StyleClasses.CONNECTION_TABLE);
        SortedList<ConnectionEntry> sorted = new SortedList<>(model.visible());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setTableMenuButtonVisible(true);
        for (ConnectionColumn c : ConnectionColumn.values()) {
            table.getColumns().add(column(c, text, zone));
        }
        // Fit the columns to a new list (and to a new zoom), once per change of the list, not per row.
        Text probe = new Text();
        probe.getStyleClass().add(StyleClasses.CONNECTION_TABLE);
        probe.setVisible(false);
        probe.setManaged(false);
        boolean[] fitPending = {false};
        Runnable fit = () -> {
            if (!fitPending[0]) {
                fitPending[0] = true;
                Platform.runLater(() -> {
                    fitPending[0] = false;
                    ColumnWidths.fit(table.getColumns(), model.all(), text, zone, probe);
                });
            }
        };
        model.totalProperty().addListener((o, a, b) -> fit.run());
        fontSize.addListener((o, a, b) -> fit.run());
        fit.run();
        Label placeholder = new Label();
        placeholder.setId(NodeIds.CONNECTIONS_PLACEHOLDER);
        placeholder.getStyleClass().add(StyleClasses.PLACEHOLDER);
        // A live session or watch that has captured nothing yet says what it waits for, not "open a file".
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> model.filtering() && model.totalProperty().get() > 0
                        ? text.format("connections.noMatch", model.filterProperty().get().trim())
                        : model.emptyTextProperty().get() != null ? model.emptyTextProperty().get()
                        : text.text("connections.empty"),
                model.filterProperty(), model.totalProperty(), model.emptyTextProperty()));
        table.setPlaceholder(placeholder);
        VBox.setVgrow(table, Priority.ALWAYS);

        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            choosingByKey = true;
            if (e.getCode() == KeyCode.ENTER) {
                handOverKeyboard.run();
                e.consume();
            }
        });
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> choosingByKey = false);
        filter.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                choosingByKey = true;
                table.requestFocus();
                if (table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                }
                table.getFocusModel().focus(Math.max(0, table.getSelectionModel().getSelectedIndex()));
                e.consume();
            }
        });

        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> select(b));
        select(model.selectedProperty().get());
        getChildren().addAll(summary, filter, count, table, probe);
    }

    /** Whether the user is choosing a connection with the keyboard in the table (leave the focus there). */
    boolean choosingByKey() {
        return choosingByKey && table.isFocused();
    }

    private static TableColumn<ConnectionEntry, ConnectionEntry> column(ConnectionColumn c, Messages text, ZoneId zone) {
        TableColumn<ConnectionEntry, ConnectionEntry> col = new TableColumn<>(c.header(text));
        col.setId(NodeIds.CONNECTION_COLUMN_PREFIX + c.name().toLowerCase(java.util.Locale.ROOT));
        col.setUserData(c);
        col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        col.setComparator(c.order());
        col.setCellFactory(v -> new TableCell<>() {
            @Override
            protected void updateItem(ConnectionEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : c.text(e, text, zone));
                pseudoClassStateChanged(StyleClasses.ANOMALOUS, !empty && e != null && c == ConnectionColumn.ANOMALIES
                        && e.analysed() && e.anomalies() > 0);
            }
        });
        if (NUMERIC.contains(c)) {
            col.getStyleClass().add(StyleClasses.NUMERIC_COLUMN);
        }
        return col;
    }

    private void select(ConnectionEntry e) {
        syncing = true;
        try {
            if (e == null) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(e);
                int row = table.getSelectionModel().getSelectedIndex();
                if (row >= 0 && !choosingByKey()) {
                    table.scrollTo(Math.max(0, row - 2));
                }
            }
        } finally {
            syncing = false;
        }
    }

    /** For tests and the screenshot tour: the table itself. */
    TableView<ConnectionEntry> table() {
        return table;
    }
}
