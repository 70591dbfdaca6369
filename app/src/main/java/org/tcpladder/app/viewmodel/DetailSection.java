package org.tcpladder.app.viewmodel;

import java.util.List;

/** A titled group of rows in the details pane (segment, TCP header, options, state). */
public record DetailSection(String title, List<DetailRow> rows) {
    public DetailSection {
        rows = List.copyOf(rows);
    }

    /** The value of the row labelled {@code label}, or null. */
    public String value(String label) {
        return rows.stream().filter(r -> r.label().equals(label)).map(DetailRow::value).findFirst().orElse(null);
    }
}
