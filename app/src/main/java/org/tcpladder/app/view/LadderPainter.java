package org.tcpladder.app.view;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.tcpladder.app.Messages;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.app.layout.ArrowRow;
import org.tcpladder.app.layout.CallMark;
import org.tcpladder.app.layout.Durations;
import org.tcpladder.app.layout.GapMark;
import org.tcpladder.app.layout.LadderGeometry;
import org.tcpladder.app.layout.StateBand;
import org.tcpladder.app.layout.TextSizes;
import org.tcpladder.app.style.Ink;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Paints a {@link LadderGeometry} on a canvas. It decides nothing about positions (the layout did);
 * it chooses fonts (multiples of the root size), colours (the theme's inks), line widths (multiples of
 * the root size times the theme's line weight) and shrinks a text line that
 * would not fit its width rather than let it run over a lifeline.
 */
final class LadderPainter {
    private static final double MIN_SHRINK = 0.6;
    /** Line widths in em, before the theme's weight: a lifeline and a segment's arrow. */
    static final double LIFELINE_WIDTH = 0.15;
    static final double ARROW_WIDTH = 0.22;
    /** How strongly segments after the playhead show, when they are shown: a shape, not a reading. */
    static final double UPCOMING_ALPHA = 0.22;

    private final Messages text;
    private final Text measurer = new Text();
    private GraphicsContext g;
    private Function<Ink, Paint> ink;
    private double em;
    /** Line widths: multiples of the root size, times the theme's weight (heavier on a projector). */
    private double line;
    private String family;
    private TextSizes sizes;
    private boolean showUpcoming;
    private String note;

    LadderPainter(Messages text) {
        this.text = text;
    }

    /** Whether segments and calls after the playhead are drawn, faint. */
    void showUpcoming(boolean show) {
        this.showUpcoming = show;
    }

    /** A line said in the middle of an empty ladder (loading, waiting for a call or for traffic), or null. */
    void note(String note) {
        this.note = note;
    }

    void paint(GraphicsContext g, double width, double height, LadderGeometry geo,
               Function<Ink, Paint> ink, double lineWeight, double em, Font base) {
        this.g = g;
        this.ink = ink;
        this.em = em;
        this.line = em * lineWeight;
        this.family = base == null ? Font.getDefault().getFamily() : base.getFamily();
        g.setFill(ink.apply(Ink.BACKGROUND));
        g.fillRect(0, 0, width, height);
        if (geo == null) {
            g.setFill(ink.apply(Ink.MUTED));
            g.setFont(font(FontWeight.NORMAL, 1.3));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            // Wrapped to the canvas: a narrow ladder pane would otherwise cut the hint off at both ends.
            List<String> lines = wrap(note != null ? note : text.text("ladder.empty"), g.getFont(), width * 0.9);
            double lineHeight = g.getFont().getSize() * 1.4;
            double top = height / 2 - (lines.size() - 1) * lineHeight / 2;
            for (int i = 0; i < lines.size(); i++) {
                g.fillText(lines.get(i), width / 2, top + i * lineHeight);
            }
            return;
        }
        sizes = geo.sizes();
        g.save();
        g.beginPath();
        g.rect(0, geo.headerHeight(), width, Math.max(0, height - geo.headerHeight()));
        g.closePath();
        g.clip();
        for (ArrowRow row : geo.rows()) {
            if (row.selected() && row.isVisibleAtPlayhead()) {
                selection(geo, row);
            }
        }
        lifeline(geo.clientX(), geo.headerHeight(), height);
        lifeline(geo.serverX(), geo.headerHeight(), height);
        // Under everything else, so that no label is crossed out by it.
        playhead(geo, width);
        for (StateBand band : geo.bands()) {
            band(geo, band);
        }
        for (CallMark call : geo.calls()) {
            if (call.done()) {
                call(geo, call);
            } else if (showUpcoming) {
                g.setGlobalAlpha(UPCOMING_ALPHA);
                call(geo, call);
                g.setGlobalAlpha(1);
            }
        }
        for (GapMark gap : geo.gaps()) {
            gap(geo, gap);
        }
        for (ArrowRow row : geo.rows()) {
            if (row.isVisibleAtPlayhead()) {
                link(row);
                arrow(row, row.headX(), row.headY());
                lostMark(row);
                labels(row);
            } else if (showUpcoming) {
                // Not sent yet at the playhead: the whole arrow, faint, so the exchange's shape shows.
                g.setGlobalAlpha(UPCOMING_ALPHA);
                arrow(row, row.toX(), row.arriveY());
                labels(row);
                g.setGlobalAlpha(1);
            }
        }
        if (note != null && geo.rows().isEmpty()) {
            noteBelow(geo, width);
        }
        g.restore();
        header(geo, width);
    }

    private void selection(LadderGeometry geo, ArrowRow row) {
        g.setFill(ink.apply(Ink.SELECTION));
        double pad = 0.6 * em;
        g.fillRoundRect(geo.clientX() - pad, row.top() - 0.2 * em, geo.serverX() - geo.clientX() + 2 * pad,
                row.bottom() - row.top() + 0.2 * em, em, em);
    }

    private void lifeline(double x, double top, double bottom) {
        g.setStroke(ink.apply(Ink.LIFELINE));
        // The layout's width, times the theme's line weight (heavier for projectors).
        g.setLineWidth(sizes.lifeline() * line / em);
        g.setLineDashes();
        g.strokeLine(x, top, x, bottom);
    }

    private void band(LadderGeometry geo, StateBand band) {
        Paint color = ink.apply(Ink.forState(band.state()));
        double half = 0.45 * em;
        g.setFill(color);
        g.fillRoundRect(band.x() - half, band.top(), 2 * half, band.bottom() - band.top(), half, half);
        if (Double.isNaN(band.labelY())) {
            return;
        }
        // The state's name beside the band, outside the arrows.
        String name = band.state() == null ? text.text("state.unknown") : band.state().displayName();
        boolean client = band.side() == Side.CLIENT;
        double room = client ? band.x() - half - 0.5 * em : geo.width() - band.x() - half - 0.5 * em;
        Font f = fit(name, Font.font(family, FontWeight.BOLD, sizes.state()), room);
        g.setFont(f);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(client ? TextAlignment.RIGHT : TextAlignment.LEFT);
        haloText(name, client ? band.x() - half - 0.35 * em : band.x() + half + 0.35 * em,
                band.labelY() + 0.15 * em, color);
    }

    private void call(LadderGeometry geo, CallMark call) {
        boolean client = call.side() == Side.CLIENT;
        double half = 0.45 * em;
        double dir = client ? -1 : 1;
        double x0 = call.anchorX() + dir * half;
        double x1 = x0 + dir * 0.6 * em;
        Paint color = ink.apply(client ? Ink.CLIENT : Ink.SERVER);
        g.setStroke(color);
        g.setLineWidth(0.12 * line);
        g.setLineDashes();
        // The tick is level with the last line: the call's result, where the segment it causes leaves.
        String[] lines = call.call().split("\n");
        double lineHeight = sizes.call() * 1.22;
        double tickY = call.y() + (lines.length - 1) * lineHeight / 2;
        g.strokeLine(x0, tickY, x1, tickY);
        double room = client ? x1 - 0.3 * em : geo.width() - x1 - 0.3 * em;
        // A long call comes in two lines (the layout broke it); the longest decides any shrinking,
        // which the layout's margin makes rare: a call is never cut at the window's edge.
        String longest = lines[0];
        for (String line : lines) {
            longest = line.length() > longest.length() ? line : longest;
        }
        Font f = fit(longest, Font.font("Monospaced", FontWeight.BOLD, sizes.call()), room);
        g.setFont(f);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(client ? TextAlignment.RIGHT : TextAlignment.LEFT);
        lineHeight = f.getSize() * 1.22;
        double y = call.y() - (lines.length - 1) * lineHeight / 2;
        for (String line : lines) {
            haloText(line, x1 + dir * 0.25 * em, y, color);
            y += lineHeight;
        }
    }

    private void gap(LadderGeometry geo, GapMark gap) {
        g.setStroke(ink.apply(Ink.MUTED));
        g.setLineWidth(0.12 * line);
        g.setLineDashes();
        for (double x : new double[]{geo.clientX(), geo.serverX()}) {
            // A break sign across the lifeline: the pause is not drawn to scale.
            g.strokeLine(x - 0.5 * em, gap.y() - 0.1 * em, x + 0.5 * em, gap.y() - 0.4 * em);
            g.strokeLine(x - 0.5 * em, gap.y() + 0.4 * em, x + 0.5 * em, gap.y() + 0.1 * em);
        }
        String label = text.format("ladder.gap", Durations.format(gap.durationNs()));
        g.setFont(Font.font(family, FontWeight.NORMAL, FontPosture.ITALIC, em));
        g.setFill(ink.apply(Ink.MUTED));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(label, (geo.clientX() + geo.serverX()) / 2, gap.y());
    }

    /** The note of a ladder with no segment yet, between the lifelines under the playhead. */
    private void noteBelow(LadderGeometry geo, double width) {
        g.setFill(ink.apply(Ink.MUTED));
        g.setFont(font(FontWeight.NORMAL, 1.2));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double room = Math.max(width * 0.3, geo.serverX() - geo.clientX() - 2 * em);
        List<String> lines = wrap(note, g.getFont(), room);
        double lineHeight = g.getFont().getSize() * 1.4;
        double top = geo.playheadY() + 1.5 * em;
        for (int i = 0; i < lines.size(); i++) {
            g.fillText(lines.get(i), (geo.clientX() + geo.serverX()) / 2, top + i * lineHeight);
        }
    }

    /** The arrow of {@code row} from its start to ({@code hx}, {@code hy}), where its head is now. */
    private void arrow(ArrowRow row, double hx, double hy) {
        Paint color = ink.apply(row.sender() == Side.CLIENT ? Ink.CLIENT : Ink.SERVER);
        double dx = hx - row.fromX();
        double dy = hy - row.departY();
        double len = Math.hypot(dx, dy);
        g.setStroke(color);
        g.setFill(color);
        g.setLineWidth(sizes.arrow() * line / em);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineDashes();
        if (len < 1e-6) {
            return;
        }
        double ux = dx / len;
        double uy = dy / len;
        double headLen = Math.min(1.0 * em, len);
        // The head grows with the shaft, or a heavy line would swallow it.
        double headHalf = 0.42 * em * Math.sqrt(line / em);
        double bx = hx - ux * headLen;
        double by = hy - uy * headLen;
        g.strokeLine(row.fromX(), row.departY(), bx, by);
        g.fillPolygon(new double[]{hx, bx - uy * headHalf, bx + uy * headHalf},
                new double[]{hy, by + ux * headHalf, by - ux * headHalf}, 3);
        if (row.progress() > 0 && row.progress() < 1) {
            // The segment itself, in flight.
            g.setGlobalAlpha(0.25);
            g.fillOval(hx - 0.7 * em, hy - 0.7 * em, 1.4 * em, 1.4 * em);
            g.setGlobalAlpha(1);
        }
        if (!row.anomalies().isEmpty()) {
            double mx = (row.fromX() + row.toX()) / 2;
            double my = (row.departY() + row.arriveY()) / 2;
            g.setFill(ink.apply(Ink.ANOMALY));
            g.fillOval(mx - 0.6 * em, my - 0.6 * em, 1.2 * em, 1.2 * em);
            g.setFill(ink.apply(Ink.ANOMALY_TEXT));
            g.setFont(font(FontWeight.BOLD, 0.95));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("!", mx, my);
        }
    }

    /** A thin dashed line from where the original's arrow ended (its ✗) to this retransmission's start. */
    private void link(ArrowRow row) {
        if (!row.hasLink()) {
            return;
        }
        g.setStroke(ink.apply(Ink.ANOMALY));
        g.setLineWidth(Math.max(1, 0.08 * em));
        g.setLineDashes(0.3 * em, 0.3 * em);
        g.strokeLine(row.linkX(), row.linkY(), row.fromX(), row.departY());
        g.setLineDashes();
    }

    /** Where a lost segment's flight stopped: a ✗, and under it why it counts as lost. */
    private void lostMark(ArrowRow row) {
        if (!row.lost() || row.progress() < 1) {
            return;
        }
        double x = row.toX();
        double y = row.arriveY();
        double r = 0.45 * em;
        g.setStroke(ink.apply(Ink.ANOMALY));
        g.setLineWidth(Math.max(1.5, 0.16 * em));
        g.setLineDashes();
        g.strokeLine(x - r, y - r, x + r, y + r);
        g.strokeLine(x - r, y + r, x + r, y - r);
        if (row.lossReason() != null) {
            g.setFill(ink.apply(Ink.ANOMALY));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            Font f = Font.font(family, FontWeight.NORMAL, FontPosture.ITALIC, sizes.numbers() * 0.9);
            g.setFont(f);
            List<String> lines = wrap(row.lossReason(), f, row.labelWidth());
            double lineHeight = f.getSize() * 1.25;
            for (int k = 0; k < Math.min(2, lines.size()); k++) {
                // A third line, if any, joins the second, squeezed to fit: the room is two lines.
                String line = k == 1 && lines.size() > 2 ? String.join(" ", lines.subList(1, lines.size())) : lines.get(k);
                g.fillText(line, row.labelX(), y + 0.9 * em + k * lineHeight, row.labelWidth());
            }
        }
    }

    private void labels(ArrowRow row) {
        if (sizes.alongArrow()) {
            alongArrow(row);
            return;
        }
        double x = row.labelX();
        double width = row.labelWidth();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        if (!row.anomalies().isEmpty()) {
            pills(String.join("  ·  ", row.anomalies()) , x, row.anomalyY(), width, Ink.ANOMALY, ink.apply(Ink.ANOMALY_TEXT));
        }
        Paint sender = ink.apply(row.sender() == Side.CLIENT ? Ink.CLIENT : Ink.SERVER);
        g.setFill(sender);
        g.setFont(fit(row.flags(), Font.font(family, FontWeight.BOLD, sizes.label()), width));
        g.fillText(row.flags(), x, row.flagsY());
        g.setFill(ink.apply(Ink.FOREGROUND));
        g.setFont(fit(row.numbers(), Font.font(family, FontWeight.NORMAL, sizes.numbers()), width));
        g.fillText(row.numbers(), x, row.numbersY());
        if (!row.chips().isEmpty()) {
            chips(row, x, width);
        }
    }

    /**
     * The textbook label: one line turned to the arrow's slope, centred half a line above its middle
     * (upright whichever way the arrow points); chips, when there are any, under the arrow.
     */
    private void alongArrow(ArrowRow row) {
        double mx = (row.fromX() + row.toX()) / 2;
        double my = (row.departY() + row.arriveY()) / 2;
        double dx = row.toX() - row.fromX();
        double dy = row.arriveY() - row.departY();
        double angle = Math.abs(dx) < 1e-6 ? 0 : Math.toDegrees(Math.atan(dy / dx));
        double above = my - row.flagsY();
        double length = Math.hypot(dx, dy) - 2 * em;
        g.save();
        g.translate(mx, my);
        g.rotate(angle);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        if (!row.anomalies().isEmpty()) {
            pills(String.join("  ·  ", row.anomalies()), 0, row.anomalyY() - my, length, Ink.ANOMALY,
                    ink.apply(Ink.ANOMALY_TEXT));
        }
        Paint sender = ink.apply(row.sender() == Side.CLIENT ? Ink.CLIENT : Ink.SERVER);
        g.setFont(fit(row.flags(), Font.font(family, FontWeight.BOLD, sizes.label()), length));
        haloText(row.flags(), 0, -above, sender);
        g.restore();
        if (!row.chips().isEmpty()) {
            chips(row, mx, row.labelWidth());
        }
    }

    private void pills(String label, double x, double y, double width, Ink background, Paint foreground) {
        Font f = fit(label, font(FontWeight.BOLD, 0.95), width - em);
        double w = measure(label, f) + 0.9 * em;
        double h = 1.45 * em;
        g.setFill(ink.apply(background));
        g.fillRoundRect(x - w / 2, y - h / 2, w, h, h, h);
        g.setFill(foreground);
        g.setFont(f);
        g.fillText(label, x, y);
    }

    /** Option chips side by side, centred; the whole row shrinks together if it is too wide. */
    private void chips(ArrowRow row, double x, double width) {
        Font f = font(FontWeight.BOLD, 0.95);
        double pad = 0.45 * em;
        double gapBetween = 0.4 * em;
        double total = 0;
        for (String chip : row.chips()) {
            total += measure(chip, f) + 2 * pad;
        }
        total += gapBetween * (row.chips().size() - 1);
        double scale = total > width ? Math.max(MIN_SHRINK, width / total) : 1;
        if (scale < 1) {
            f = Font.font(f.getFamily(), FontWeight.BOLD, f.getSize() * scale);
            pad *= scale;
            gapBetween *= scale;
            total *= scale;
        }
        double h = 1.35 * em * Math.max(scale, 0.8);
        double cx = x - total / 2;
        g.setFont(f);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (String chip : row.chips()) {
            double w = measure(chip, f) + 2 * pad;
            g.setFill(ink.apply(Ink.CHIP));
            g.fillRoundRect(cx, row.chipsY() - h / 2, w, h, h / 2, h / 2);
            g.setFill(ink.apply(Ink.CHIP_TEXT));
            g.fillText(chip, cx + pad, row.chipsY());
            cx += w + gapBetween;
        }
        g.setTextAlign(TextAlignment.CENTER);
    }

    private void playhead(LadderGeometry geo, double width) {
        double y = geo.playheadY();
        if (y < geo.headerHeight() || y > geo.height()) {
            return;
        }
        g.setStroke(ink.apply(Ink.PLAYHEAD));
        g.setLineWidth(0.14 * line);
        g.setLineDashes(0.7 * em, 0.45 * em);
        g.strokeLine(0, y, width, y);
        g.setLineDashes();
    }

    private void header(LadderGeometry geo, double width) {
        double h = geo.headerHeight();
        g.setFill(ink.apply(Ink.HEADER_BACKGROUND));
        g.fillRect(0, 0, width, h);
        g.setStroke(ink.apply(Ink.LIFELINE));
        g.setLineWidth(1);
        g.strokeLine(0, h - 0.5, width, h - 0.5);
        title(geo.clientTitle(), geo.clientX(), 0, width / 2, h, Ink.CLIENT);
        title(geo.serverTitle(), geo.serverX(), width / 2, width, h, Ink.SERVER);
    }

    /** A lifeline's title, centred over it but kept inside its half of the width. */
    private void title(String title, double x, double left, double right, double h, Ink color) {
        double margin = 0.4 * em;
        Font f = fit(title, Font.font(family, FontWeight.BOLD, sizes.title()), right - left - 2 * margin);
        double w = measure(title, f);
        double cx = Math.max(left + margin + w / 2, Math.min(right - margin - w / 2, x));
        g.setFont(f);
        g.setFill(ink.apply(color));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(title, cx, h * 0.42);
        // A tick joining the title to its lifeline.
        g.fillPolygon(new double[]{x - 0.5 * em, x + 0.5 * em, x}, new double[]{h - 0.75 * em, h - 0.75 * em, h}, 3);
    }

    /** Text with a thin outline of the background, legible where it crosses a line. */
    private void haloText(String s, double x, double y, Paint color) {
        g.setStroke(ink.apply(Ink.BACKGROUND));
        g.setLineWidth(0.3 * em);
        g.setLineDashes();
        g.strokeText(s, x, y);
        g.setFill(color);
        g.fillText(s, x, y);
    }

    private Font font(FontWeight weight, double ems) {
        return Font.font(family, weight, ems * em);
    }

    private Font fit(String s, Font f, double maxWidth) {
        double w = measure(s, f);
        if (w <= maxWidth || w <= 0) {
            return f;
        }
        double scale = Math.max(MIN_SHRINK, maxWidth / w);
        return Font.font(f.getFamily(), weightOf(f), f.getSize() * scale);
    }

    private static FontWeight weightOf(Font f) {
        String style = f.getStyle().toLowerCase(Locale.ROOT);
        return style.contains("bold") ? FontWeight.BOLD : FontWeight.NORMAL;
    }

    private double measure(String s, Font f) {
        measurer.setFont(f);
        measurer.setText(s);
        return measurer.getLayoutBounds().getWidth();
    }

    /** {@code message} in lines no wider than {@code maxWidth} (a single word wider than that stays whole). */
    static List<String> wrap(String message, Font font, double maxWidth) {
        Text probe = new Text();
        probe.setFont(font);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : message.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            probe.setText(candidate);
            if (line.length() > 0 && probe.getLayoutBounds().getWidth() > maxWidth) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
