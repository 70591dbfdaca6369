package org.tcpladder.app.layout;

/**
 * The presenter's sizes for a screen: one root font size from which every other follows, chosen so
 * that at 1280×720 an arrow's label is 24 px high and a state badge 36 px, and scaled with the screen
 * beyond (a 1920×1080 projector gets 36 px and 54 px), because the back row is as far from a big screen
 * as from a small one. It also divides the screen's height between the badges at the top, the ladder
 * and the caption band at the bottom.
 *
 * @param width  the screen's width in pixels
 * @param height the screen's height in pixels
 * @param em     the presenter's root font size
 */
public record ProjectionScale(double width, double height, double em) {
    /** The screen the targets are stated for. */
    static final double BASE_WIDTH = 1280;
    static final double BASE_HEIGHT = 720;
    /** Root size at 1280×720: labels at {@link LadderLayout#TEXTBOOK_TEXT} em are then 24 px. */
    static final double BASE_EM = 20;
    static final double BADGE_TEXT = 1.8;
    static final double BADGE_BAND = 2.9;
    static final double CAPTION_TEXT = 1.15;
    /** Two caption lines (1.3 line height) and padding. */
    static final double CAPTION_BAND = 2 * 1.3 * CAPTION_TEXT + 0.9;

    public static ProjectionScale forScreen(double width, double height) {
        double scale = Math.min(width / BASE_WIDTH, height / BASE_HEIGHT);
        return new ProjectionScale(width, height, BASE_EM * Math.max(0.5, scale));
    }

    /** Font size of the state names in the two badges. */
    public double badgeText() {
        return BADGE_TEXT * em;
    }

    /** Height of the band holding the two badges. */
    public double badgeBand() {
        return BADGE_BAND * em;
    }

    /** Font size of the caption (the current segment's narration). */
    public double captionText() {
        return CAPTION_TEXT * em;
    }

    /** Height of the caption band when it holds two lines (a longer narration makes it taller). */
    public double captionBand() {
        return CAPTION_BAND * em;
    }

    /**
     * The state diagram's share of the screen's width when shown beside the ladder: nearly half, so
     * that its state names (0.9 em and up) and arc labels (0.72 em and up) are set at projector size.
     */
    public static final double DIAGRAM_SHARE = 0.48;

    /** The state diagram's slot: its width; its height is {@link #ladderHeight()}. */
    public double diagramWidth() {
        return DIAGRAM_SHARE * width;
    }

    /** What is left for the ladder, headers included. */
    public double ladderHeight() {
        return Math.max(0, height - badgeBand() - captionBand());
    }
}
