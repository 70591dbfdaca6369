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
 *                  (for a lost segment: reached the point where it was lost)
 * @param selected  whether this row is the selected segment
 * @param lost      whether the segment was lost: the arrow ends part-way at (toX, arriveY) with a ✗
 * @param lossReason why it counts as lost (a sentence), or null
 * @param linkX     for a retransmission, where its original's arrow ends (its ✗ when lost), else NaN
 * @param linkY     the same point's y, else NaN
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
        boolean selected,
        boolean lost,
        String lossReason,
        double linkX,
        double linkY) {

    /** A row of a segment that arrived, tied to no original. */
    public ArrowRow(int index, Side sender, double fromX, double departY, double toX, double arriveY,
                    double labelX, double labelWidth, double anomalyY, double flagsY, double numbersY,
                    double chipsY, double top, double bottom, String flags, String numbers, List<String> chips,
                    List<String> anomalies, double progress, boolean selected) {
        this(index, sender, fromX, departY, toX, arriveY, labelX, labelWidth, anomalyY, flagsY, numbersY, chipsY,
                top, bottom, flags, numbers, chips, anomalies, progress, selected, false, null, Double.NaN,
                Double.NaN);
    }

    /** Whether a thin link ties this retransmission to its original's arrow. */
    public boolean hasLink() {
        return !Double.isNaN(linkX);
    }

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
