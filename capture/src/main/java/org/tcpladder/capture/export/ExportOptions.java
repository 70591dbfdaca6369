package org.tcpladder.capture.export;

import org.tcpladder.capture.state.NumberMode;

/**
 * What a text export shows.
 *
 * @param range   the segments to export; null for the whole connection
 * @param numbers sequence and acknowledgment numbers relative to each side's base (tcpdump's rule, as
 *                {@code print} writes them) or absolute as on the wire
 * @param states  each side's TCP state along its lifeline
 * @param notes   the narration of each segment (and why a lost one counts as lost) as notes
 */
public record ExportOptions(SegmentRange range, NumberMode numbers, boolean states, boolean notes) {

    /** What the window shows by default: the whole connection, relative numbers, states, no notes. */
    public static ExportOptions defaults() {
        return new ExportOptions(null, NumberMode.RELATIVE, true, false);
    }

    public ExportOptions withRange(SegmentRange r) {
        return new ExportOptions(r, numbers, states, notes);
    }

    public ExportOptions withNumbers(NumberMode mode) {
        return new ExportOptions(range, mode, states, notes);
    }

    public ExportOptions withStates(boolean on) {
        return new ExportOptions(range, numbers, on, notes);
    }

    public ExportOptions withNotes(boolean on) {
        return new ExportOptions(range, numbers, states, on);
    }
}
