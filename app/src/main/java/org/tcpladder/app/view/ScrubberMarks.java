package org.tcpladder.app.view;

import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.viewmodel.AnomalyPositions;

import java.util.ArrayList;
import java.util.List;

/**
 * Marks along the timeline scrubber where a connection has losses, retransmissions and other
 * anomalies, so they are easy to find in a long one. At most one mark per two pixels (the worst kind
 * there wins), so a million-segment connection costs no more nodes than the scrubber is wide. Lies
 * over the slider's track and lets the mouse through to it.
 */
final class ScrubberMarks extends Pane {
    static final PseudoClass LOST = PseudoClass.getPseudoClass("lost");
    static final PseudoClass RETRANSMISSION = PseudoClass.getPseudoClass("retransmission");
    private static final double COLUMN = 2;

    private final Slider scrubber;
    private AnomalyPositions marks = AnomalyPositions.NONE;
    private double laidOutFor = -1;
    private int laidOutCount = -1;

    ScrubberMarks(Slider scrubber) {
        this.scrubber = scrubber;
        getStyleClass().add(StyleClasses.SCRUBBER_MARKS);
        setMouseTransparent(true);
        setPickOnBounds(false);
    }

    void show(AnomalyPositions positions) {
        marks = positions == null ? AnomalyPositions.NONE : positions;
        laidOutFor = -1;
        requestLayout();
    }

    /** The marks shown now, one node each (for tests: what a person sees along the scrubber). */
    List<Region> marks() {
        List<Region> out = new ArrayList<>();
        for (Node n : getChildren()) {
            out.add((Region) n);
        }
        return out;
    }

    @Override
    protected void layoutChildren() {
        Node track = scrubber.lookup(".track");
        double left;
        double width;
        double centre;
        if (track != null) {
            Bounds b = track.getBoundsInParent();
            left = b.getMinX();
            width = b.getWidth();
            centre = b.getCenterY();
        } else {
            left = 0;
            width = getWidth();
            centre = getHeight() / 3;
        }
        if (width == laidOutFor && marks.size() == laidOutCount) {
            return;
        }
        laidOutFor = width;
        laidOutCount = marks.size();
        getChildren().clear();
        int n = marks.length();
        if (n == 0 || width <= 0) {
            return;
        }
        double h = Math.max(8, Math.min(getHeight(), 14));
        int columns = Math.max(1, (int) (width / COLUMN));
        AnomalyPositions.Kind[] worst = new AnomalyPositions.Kind[columns];
        for (int j = 0; j < marks.size(); j++) {
            // The mark sits where the scrubber's value is once that segment has landed (position + 1).
            int c = (int) Math.min(columns - 1, Math.floor((marks.position(j) + 1.0) / n * (columns - 1)));
            AnomalyPositions.Kind k = marks.kind(j);
            if (worst[c] == null || k.ordinal() < worst[c].ordinal()) {
                worst[c] = k;
            }
        }
        for (int c = 0; c < columns; c++) {
            if (worst[c] == null) {
                continue;
            }
            Region mark = new Region();
            mark.getStyleClass().add(StyleClasses.SCRUBBER_MARK);
            mark.pseudoClassStateChanged(LOST, worst[c] == AnomalyPositions.Kind.LOST);
            mark.pseudoClassStateChanged(RETRANSMISSION, worst[c] == AnomalyPositions.Kind.RETRANSMISSION);
            mark.setUserData(worst[c]);
            double x = left + (double) c / (columns - 1) * width;
            mark.resizeRelocate(Math.round(x - 1.5), Math.round(centre - h / 2), 3, h);
            getChildren().add(mark);
        }
    }
}
