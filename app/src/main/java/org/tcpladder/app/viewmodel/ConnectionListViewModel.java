package org.tcpladder.app.viewmodel;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.tcpladder.app.Messages;
import org.tcpladder.app.load.ConnectionEntry;

import java.time.ZoneId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The connection table: all connections of the open capture, the ones the filter lets through (and how
 * many of how many), which is selected, and a one-line summary of the source (file name and packet count).
 *
 * <p>The filter keeps a connection when every word typed occurs in what its row shows, any column
 * ({@code 9000}, {@code ::1}, {@code reset}, {@code TIME-WAIT}, {@code anomal}); see
 * {@link ConnectionColumn#searchText}. Each row's text is made once, when the filter first needs it: a
 * capture can have 200,000 connections and every key typed filters them all again.
 */
public final class ConnectionListViewModel {
    private final ObservableList<ConnectionEntry> all = FXCollections.observableArrayList();
    private final FilteredList<ConnectionEntry> visible = new FilteredList<>(all, e -> true);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final StringProperty emptyText = new SimpleStringProperty(this, "emptyText");
    private final ObjectProperty<ConnectionEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(this, "shown", 0);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total", 0);
    private final Function<ConnectionEntry, String> rowText;
    /** Each row's search text, by entry identity; an entry replaced by a newer version leaves it. */
    private final Map<ConnectionEntry, String> searchTexts = new IdentityHashMap<>();

    /** A list whose filter searches names and endpoints only (tests, and the program before a table). */
    public ConnectionListViewModel() {
        this(ConnectionEntry::searchText);
    }

    /** A list whose filter searches every column of the table, as the table shows it. */
    public ConnectionListViewModel(Messages text, ZoneId zone) {
        this(e -> ConnectionColumn.searchText(e, text, zone));
    }

    private ConnectionListViewModel(Function<ConnectionEntry, String> rowText) {
        this.rowText = rowText;
        filter.addListener((o, a, b) -> visible.setPredicate(matcher(b, this::searchText)));
        visible.addListener((ListChangeListener<ConnectionEntry>) c -> shown.set(visible.size()));
        all.addListener((ListChangeListener<ConnectionEntry>) c -> total.set(all.size()));
    }

    private String searchText(ConnectionEntry e) {
        return searchTexts.computeIfAbsent(e, rowText);
    }

    static Predicate<ConnectionEntry> matcher(String filterText) {
        return matcher(filterText, ConnectionEntry::searchText);
    }

    static Predicate<ConnectionEntry> matcher(String filterText, Function<ConnectionEntry, String> rowText) {
        String trimmed = filterText == null ? "" : filterText.trim().toLowerCase(Locale.ROOT);
        if (trimmed.isEmpty()) {
            return e -> true;
        }
        String[] words = trimmed.split("\\s+");
        return e -> {
            String text = rowText.apply(e);
            for (String w : words) {
                if (!text.contains(w)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** Replaces the list (a newly opened capture) and selects the first connection, if any. */
    public void setConnections(List<ConnectionEntry> entries, String sourceSummary) {
        setConnections(entries, sourceSummary, null);
    }

    /** Replaces the list and selects {@code preferred} (else the first visible connection, if any). */
    public void setConnections(List<ConnectionEntry> entries, String sourceSummary, ConnectionEntry preferred) {
        searchTexts.clear();
        all.setAll(entries);
        summary.set(sourceSummary == null ? "" : sourceSummary);
        if (preferred != null && visible.contains(preferred)) {
            selected.set(preferred);
        } else {
            selected.set(visible.isEmpty() ? null : visible.get(0));
        }
    }

    /**
     * Newer versions of listed connections (same {@link ConnectionEntry#key()}) take their place, and
     * new ones are added at the end: a live capture growing, or anomaly counts arriving. The selection
     * moves to the newer version of the selected connection; the filter is applied as always.
     */
    public void update(List<ConnectionEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<Object, Integer> position = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            position.put(all.get(i).key(), i);
        }
        ConnectionEntry current = selected.get();
        ConnectionEntry newSelection = null;
        List<ConnectionEntry> added = new ArrayList<>();
        for (ConnectionEntry e : entries) {
            Integer at = position.get(e.key());
            if (at == null) {
                added.add(e);
                position.put(e.key(), all.size() + added.size() - 1);
            } else if (at < all.size()) {
                searchTexts.remove(all.get(at));
                all.set(at, e);
            } else {
                added.set(at - all.size(), e);
            }
            if (current != null && current.key().equals(e.key())) {
                newSelection = e;
            }
        }
        all.addAll(added);
        if (newSelection != null) {
            selected.set(newSelection);
        }
    }

    /** Selects the listed connection with this key, if there is one. */
    public void selectKey(Object key) {
        for (ConnectionEntry e : all) {
            if (e.key().equals(key)) {
                selected.set(e);
                return;
            }
        }
    }

    /** Sets the one-line summary of the source (e.g. a live session's progress). */
    public void setSummary(String text) {
        summary.set(text == null ? "" : text);
    }

    public ObservableList<ConnectionEntry> all() {
        return FXCollections.unmodifiableObservableList(all);
    }

    /** What the list shows: the connections the filter lets through. */
    public ObservableList<ConnectionEntry> visible() {
        return visible;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<ConnectionEntry> selectedProperty() {
        return selected;
    }

    /** Whether the filter box holds anything but spaces (an empty table then means "nothing matched"). */
    public boolean filtering() {
        return filter.get() != null && !filter.get().isBlank();
    }

    /** How many connections the filter lets through. */
    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** How many connections there are in all. */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /**
     * What the empty list says while a live session or watch has captured no connection yet (it waits
     * for a call, for traffic); null for the usual hint (open a file…).
     */
    public StringProperty emptyTextProperty() {
        return emptyText;
    }
}
