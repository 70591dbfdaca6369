package org.tcpladder.app.layout;

/**
 * The vertical pass for textbook labels: rows as close together as their text allows, for projection.
 *
 * <p>Each arrow carries one line of label above it, so consecutive arrows need only that line between
 * them. What else needs room lives outside the lifelines, in one column per side: the socket calls
 * made before a segment leaves (stacked so that the last is level with the segment's departure,
 * as "connect() — SYN" reads in a textbook) and the state names written where a state begins. One
 * forward sweep places every row as high as the previous row, its own label and both columns allow,
 * plus {@code extra} (the spare height of a fit view, shared out evenly).
 */
final class CompactRows {
    /** What the sweep needs to know about the connection, position by position. */
    interface Input {
        int size();

        /** Lines of socket calls a side makes at a position (0..size). */
        int callLines(int side, int position);

        /** Height the labels of row {@code i} need above its arrow. */
        double labelNeed(int i);

        /** Whether segment {@code i} changes this side's state when it leaves / when it arrives. */
        boolean changesOnDeparture(int side, int i);

        boolean changesOnArrival(int side, int i);
    }

    final double[] departY;
    final double[] labelTop;
    final double[] bottom;
    /** Per side (0 client, 1 server), per position 0..n: top of that side's call block. */
    final double[][] callTop;
    /** Content y of the playhead at rest at each position 0..n. */
    final double[] restY;
    final double contentHeight;

    CompactRows(Input in, double em, double top, double slant, double callLine, double stateLine,
                double rowGap, double extra) {
        int n = in.size();
        departY = new double[n];
        labelTop = new double[n];
        bottom = new double[n];
        callTop = new double[2][n + 1];
        restY = new double[n + 1];
        // Each side's first state is written at the very top.
        double[] cursor = {top + stateLine, top + stateLine};
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double need = in.labelNeed(i);
            // Below the previous arrow with room for this row's label (it reads along this arrow).
            double d = Math.max(top + need, previous + need + rowGap);
            for (int side = 0; side < 2; side++) {
                // The last call is level with the departure ("connect() —SYN→" as a textbook draws
                // it); above the calls the side's column must be free.
                int lines = in.callLines(side, i);
                if (lines > 0) {
                    d = Math.max(d, cursor[side] + (lines - 0.5) * callLine);
                }
                // A state name starting at the departure or arrival must not overlap the one before.
                if (in.changesOnDeparture(side, i)) {
                    d = Math.max(d, cursor[side]);
                }
                if (in.changesOnArrival(side, i)) {
                    d = Math.max(d, cursor[side] - slant);
                }
            }
            d += extra;
            departY[i] = d;
            labelTop[i] = d - need;
            for (int side = 0; side < 2; side++) {
                int lines = in.callLines(side, i);
                callTop[side][i] = d + 0.5 * callLine - lines * callLine;
                // A state name goes below this position's calls (the painter moves it there too).
                double callsEnd = lines > 0 ? d + 0.5 * callLine : Double.NEGATIVE_INFINITY;
                cursor[side] = Math.max(cursor[side], callsEnd);
                if (in.changesOnDeparture(side, i)) {
                    cursor[side] = Math.max(cursor[side], Math.max(d, callsEnd) + stateLine);
                }
                if (in.changesOnArrival(side, i)) {
                    cursor[side] = Math.max(cursor[side], Math.max(d + slant, callsEnd) + stateLine);
                }
            }
            // At rest the playhead lies just under the previous arrival, above this row's arrow.
            // (Before the first segment: under the first states' names.)
            restY[i] = i == 0 ? Math.min(d - 0.1 * em, Math.max(labelTop[0], top + stateLine))
                    : Math.min(d - 0.1 * em, departY[i - 1] + slant + 0.3 * em);
            bottom[i] = d + slant + 0.6 * em;
            previous = d;
        }
        double end = n == 0 ? top : departY[n - 1] + slant + 0.3 * em;
        restY[n] = end;
        double last = Math.max(end, n == 0 ? top : departY[n - 1] + slant + stateLine);
        for (int side = 0; side < 2; side++) {
            // Calls after the last segment go below it, under anything already in the column.
            callTop[side][n] = Math.max(cursor[side], end);
            last = Math.max(last, callTop[side][n] + in.callLines(side, n) * callLine);
            last = Math.max(last, cursor[side]);
        }
        contentHeight = last + top;
    }
}
