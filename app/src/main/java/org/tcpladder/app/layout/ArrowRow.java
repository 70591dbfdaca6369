package org.tcpladder.app.layout;

import org.tcpladder.capture.tcp.Side;

import java.util.List;

/**
 * One segment's arrow and labels, in viewport pixels. Text lines are given by their vertical centre
 * and centred on {@link #labelX()}; they must fit in {@link #labelWidth()}.
 *
 * @param index     the segment's position in the ladder data
 * @param sender    who sent it (the arrow starts on that lifeline)
 * @param fromX     arrow start (sender's lifeline)
 * @param departY   arrow start height
 * @param toX       arrow end (receiver's lifeline)
 * @param arriveY   arrow end height; lower than departY because time flows down
 * @param progress  0 not yet sent, between 0 and 1 in flight (the head is that far along), 1 arrived
 * @param selected  whether this row is the selected segment
 * @param top       top of the row's hit box (above the labels)
 * @param bottom    bottom of the row's hit box
 */
public record ArrowRow(
        int index,
        Side sender,
        double fromX,
        double departY,
        double toX,
        double arriveY,
        double labelX,
        double labelWidth,
        double anomalyY,
        double flagsY,
        double numbersY,
        double chipsY,
        double top,
        double bottom,
        String flags,
        String numbers,
        List<String> chips,
        List<String> anomalies,
        double progress,
        boolean selected) {

    public boolean isVisibleAtPlayhead() {
        return progress > 0;
    }

    /** The head of the arrow: where the segment is now. */
    public double headX() {
        return fromX + (toX - fromX) * Math.min(1, progress);
    }

    public double headY() {
        return departY + (arriveY - departY) * Math.min(1, progress);
    }
}
