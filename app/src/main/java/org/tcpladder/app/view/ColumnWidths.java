package org.tcpladder.app.view;

import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;
import org.tcpladder.app.Messages;
import org.tcpladder.app.load.ConnectionEntry;
import org.tcpladder.app.viewmodel.ConnectionColumn;

import java.time.ZoneId;
import java.util.List;

/**
 * Sizes the connection table's columns to what they show, as a spreadsheet's "fit" does: the header or
 * the widest of the first rows, whichever is wider, plus a cell's padding. JavaFX gives every column the
 * same 80 px, which cuts endpoints short and wastes room on the number column; in a pane a fifth of the
 * window wide, each pixel counts. Widths follow the root font size (zoom).
 */
final class ColumnWidths {
    /** Rows measured: enough to see the longest endpoints of a capture, few enough to be instant. */
    static final int SAMPLE = 300;
    /** A cell's own padding and the sort arrow's room, in em. */
    static final double PADDING = 1.6;

    private ColumnWidths() {
    }

    /**
     * @param probe a text node in the table's scene (unmanaged, invisible), so that CSS gives it the
     *              very font the cells use
     */
    static void fit(List<TableColumn<ConnectionEntry, ?>> columns, List<ConnectionEntry> rows, Messages text,
                    ZoneId zone, Text probe) {
        probe.applyCss();
        double fontSize = probe.getFont().getSize();
        int n = Math.min(SAMPLE, rows.size());
        for (TableColumn<ConnectionEntry, ?> column : columns) {
            // The user may have dragged the columns into another order: each knows what it shows.
            ConnectionColumn kind = (ConnectionColumn) column.getUserData();
            double widest = width(probe, kind.header(text));
            for (int r = 0; r < n; r++) {
                widest = Math.max(widest, width(probe, kind.text(rows.get(r), text, zone)));
            }
            column.setPrefWidth(Math.ceil(widest + PADDING * fontSize));
        }
    }

    private static double width(Text probe, String s) {
        probe.setText(s);
        return probe.getLayoutBounds().getWidth();
    }
}
