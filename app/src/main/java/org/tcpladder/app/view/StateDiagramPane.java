package org.tcpladder.app.view;

import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.css.CssMetaData;
import javafx.css.FontCssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.tcpladder.app.Messages;
import org.tcpladder.app.layout.StateDiagramLayout;
import org.tcpladder.app.style.Ink;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.style.Theme;
import org.tcpladder.app.viewmodel.PlaybackViewModel;
import org.tcpladder.app.viewmodel.StateDiagramViewModel;
import org.tcpladder.capture.state.Narration;
import org.tcpladder.capture.state.RfcArc;
import org.tcpladder.capture.tcp.Side;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RFC 9293 state diagram beside the ladder: {@link StateDiagramLayout} painted on a canvas, with
 * the client's and the server's current states outlined and tagged in their colours (both on one box
 * when they share a state). When the playhead moves, the arc each side just took is traced along its
 * line in that side's colour, backwards when stepping back; the arc stays marked until the next move.
 * Clicking a state moves the playhead to where a side entered it ({@link StateDiagramViewModel#jumpTo}).
 *
 * <p>Its colours are the {@link ApplicationTheme}'s, as the ladder's are (lines as heavy as the theme's
 * line weight), and its font is the inherited {@code -fx-font}, so themes and zoom reach it. Any number of panes can follow one
 * playback: the normal window shows one, presenter mode may show another.
 */
public final class StateDiagramPane extends Region {
    /** Seconds a transition takes to trace along its arc; tests set 0. */
    public static final double ANIMATION_SECONDS = 0.6;

    private final Messages text;
    private final Narration narration;
    private final StateDiagramViewModel model;
    private final Canvas canvas = new Canvas();
    private final Text measurer = new Text();
    private final Map<Ink, Paint> inks = new EnumMap<>(Ink.class);
    private Theme theme;
    /** Held here: the theme property lives as long as the program, a pane of a closed window does not. */
    private final InvalidationListener themeChanged = o -> useTheme();
    private final StyleableObjectProperty<Font> font;
    private final DoubleProperty animationSeconds = new SimpleDoubleProperty(this, "animationSeconds",
            ANIMATION_SECONDS);
    private final ReadOnlyBooleanWrapper animating = new ReadOnlyBooleanWrapper(this, "animating");
    private final Map<Side, Trace> traces = new EnumMap<>(Side.class);
    private StateDiagramLayout layout;
    private boolean dirty = true;
    private boolean timerRunning;
    private long lastFrameNs;

    /** The arcs being traced for one side, one after the other: {@code progress} runs from 0 to 1. */
    private static final class Trace {
        final List<RfcArc> arcs;
        final boolean reversed;
        double progress;

        Trace(List<RfcArc> arcs, boolean reversed) {
            this.arcs = arcs;
            this.reversed = reversed;
        }
    }

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame(now);
        }
    };

    public StateDiagramPane(Messages text, PlaybackViewModel playback) {
        this(text, playback, Narration.english());
    }

    public StateDiagramPane(Messages text, PlaybackViewModel playback, Narration narration) {
        this.text = text;
        this.narration = narration;
        this.model = new StateDiagramViewModel(playback);
        getStyleClass().add(StyleClasses.STATE_DIAGRAM);
        setId(NodeIds.STATE_DIAGRAM);
        ApplicationTheme.themeProperty().addListener(new WeakInvalidationListener(themeChanged));
        useTheme();
        font = new SimpleStyleableObjectProperty<>(FONT_META, this, "font", Font.getDefault());
        font.addListener((o, a, b) -> relayout());
        getChildren().add(canvas);
        setMinSize(0, 0);
        model.highlightProperty().addListener((o, a, b) -> markDirty());
        for (Side side : Side.values()) {
            model.moveProperty(side).addListener((o, a, b) -> trace(side, b));
        }
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> canvas.setCursor(
                layout != null && layout.stateAt(e.getX(), e.getY()) != null ? Cursor.HAND : Cursor.DEFAULT));
    }

    // ---- the theme's colours, and the inherited font from CSS, as on the ladder ----

    private static final CssMetaData<StateDiagramPane, Font> FONT_META =
            new FontCssMetaData<>("-fx-font", Font.getDefault()) {
                @Override
                public boolean isSettable(StateDiagramPane pane) {
                    return !pane.font.isBound();
                }

                @Override
                public StyleableProperty<Font> getStyleableProperty(StateDiagramPane pane) {
                    return pane.font;
                }
            };
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        all.add(FONT_META);
        CSS_META = Collections.unmodifiableList(all);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS_META;
    }

    private Paint ink(Ink ink) {
        return inks.get(ink);
    }

    private void useTheme() {
        theme = ApplicationTheme.get();
        inks.putAll(ApplicationTheme.paints(theme));
        markDirty();
    }

    private double em() {
        Font f = font.get();
        return f == null ? Font.getDefault().getSize() : f.getSize();
    }

    // ---- layout ----

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(Math.max(0, w));
            canvas.setHeight(Math.max(0, h));
            relayout();
        }
        canvas.relocate(0, 0);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 30 * em();
    }

    @Override
    protected double computePrefHeight(double width) {
        return 34 * em();
    }

    private void relayout() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        layout = w < 1 || h < 1 ? null : StateDiagramLayout.of(w, h, em(), this::labelLines, this::measure);
        markDirty();
    }

    /** Event above action as the RFC writes them; else on one line, "event / action". */
    private List<List<String>> labelLines(RfcArc arc) {
        String action = narration.arcAction(arc);
        return action.isBlank() ? List.of(List.of(narration.arcEvent(arc)))
                : List.of(List.of(narration.arcEvent(arc), action), List.of(narration.arcLabel(arc)));
    }

    private double measure(String s, double size, boolean bold) {
        measurer.setFont(fontOf(size, bold));
        measurer.setText(s);
        return measurer.getLayoutBounds().getWidth();
    }

    private Font fontOf(double size, boolean bold) {
        Font f = font.get() == null ? Font.getDefault() : font.get();
        return Font.font(f.getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL, size);
    }

    // ---- the playhead's moves ----

    private void trace(Side side, StateDiagramViewModel.Move move) {
        if (move == null) {
            traces.remove(side);
            markDirty();
            return;
        }
        Trace t = new Trace(move.arcs(), move.reversed());
        if (animationSeconds.get() <= 0) {
            t.progress = 1;
        }
        traces.put(side, t);
        markDirty();
    }

    private void clicked(MouseEvent e) {
        if (layout == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        for (StateDiagramLayout.Box b : layout.boxes()) {
            if (b.rect().contains(e.getX(), e.getY())) {
                model.jumpTo(b.state(), b.state() == org.tcpladder.capture.state.TcpState.CLOSED ? b.end() : null);
                return;
            }
        }
    }

    // ---- painting ----

    private void markDirty() {
        dirty = true;
        if (!timerRunning) {
            timerRunning = true;
            lastFrameNs = 0;
            timer.start();
        }
    }

    private void frame(long now) {
        double dt = lastFrameNs == 0 ? 1.0 / 60 : Math.min(0.1, (now - lastFrameNs) / 1e9);
        lastFrameNs = now;
        boolean moving = false;
        for (Trace t : traces.values()) {
            if (t.progress < 1) {
                double d = animationSeconds.get();
                t.progress = d <= 0 ? 1 : Math.min(1, t.progress + dt / d);
                moving |= t.progress < 1;
                dirty = true;
            }
        }
        animating.set(moving);
        if (dirty) {
            dirty = false;
            paint();
        }
        if (!moving && !dirty) {
            timer.stop();
            timerRunning = false;
            lastFrameNs = 0;
        }
    }

    /** Paints now (the timer does this when something changed; tests may call it directly). */
    public void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(ink(Ink.BACKGROUND));
        g.fillRect(0, 0, w, h);
        StateDiagramLayout l = layout;
        if (l == null) {
            return;
        }
        double em = l.stateFontSize();
        StateDiagramViewModel.Highlight hl = model.getHighlight();
        Map<RfcArc, Side> marked = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            for (RfcArc arc : markedArcs(side)) {
                marked.putIfAbsent(arc, side);
            }
        }
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        // Dashed lines first: the resets run under everything else.
        for (boolean dashedPass : new boolean[]{true, false}) {
            for (StateDiagramLayout.Edge e : l.edges()) {
                if (e.dashed() == dashedPass) {
                    paintEdge(g, e, em, null);
                }
            }
        }
        // Crowded, the diagram keeps its text readable and labels only the ways on from the sides' states.
        StateDiagramLayout.Box clientBox = l.boxOf(hl.client().state(), hl.client().lastArc());
        StateDiagramLayout.Box serverBox = l.boxOf(hl.server().state(), hl.server().lastArc());
        for (StateDiagramLayout.Edge e : l.edges()) {
            boolean shown = l.allLabelsShown() || e.from().equals(clientBox) || e.from().equals(serverBox);
            if (shown && e.resting() != null && e.arcs().stream().noneMatch(marked::containsKey)) {
                paintLabel(g, e.resting(), l, ink(Ink.MUTED), false);
            }
        }
        // The arcs each side took last, in its colour, with their own label.
        List<StateDiagramLayout.Rect> markedLabels = new ArrayList<>();
        for (Map.Entry<RfcArc, Side> m : marked.entrySet()) {
            StateDiagramLayout.Edge e = l.edgeOf(m.getKey());
            Paint sideInk = ink(m.getValue() == Side.CLIENT ? Ink.CLIENT : Ink.SERVER);
            paintEdge(g, e, em, sideInk);
            StateDiagramLayout.Label label = e.label(m.getKey());
            // Two sides on one line (a reset sent and the same reset received): one label under the other.
            for (StateDiagramLayout.Rect other : markedLabels) {
                if (other.intersects(label.rect())) {
                    StateDiagramLayout.Rect r = label.rect();
                    double y = other.y() + other.height() + r.height() <= h ? other.y() + other.height()
                            : Math.max(0, other.y() - r.height());
                    label = new StateDiagramLayout.Label(label.lines(),
                            new StateDiagramLayout.Rect(r.x(), y, r.width(), r.height()));
                }
            }
            markedLabels.add(label.rect());
            paintLabel(g, label, l, sideInk, true);
        }
        for (StateDiagramLayout.Box b : l.boxes()) {
            paintBox(g, b, l, hl);
        }
        for (Side side : Side.values()) {
            Trace t = traces.get(side);
            if (t != null && t.progress < 1) {
                // Forwards the arcs run in order; stepping back runs them from the last arc's end.
                double along = t.reversed ? 1 - t.progress : t.progress;
                int n = t.arcs.size();
                int i = Math.min(n - 1, (int) Math.floor(along * n));
                StateDiagramLayout.Edge e = l.edgeOf(t.arcs.get(i));
                StateDiagramLayout.Point p = StateDiagramLayout.along(e.path(), along * n - i);
                double r = 0.4 * em;
                g.setFill(ink(side == Side.CLIENT ? Ink.CLIENT : Ink.SERVER));
                g.fillOval(p.x() - r, p.y() - r, 2 * r, 2 * r);
            }
        }
    }

    private void paintEdge(GraphicsContext g, StateDiagramLayout.Edge e, double em, Paint color) {
        List<StateDiagramLayout.Point> path = e.path();
        boolean marked = color != null;
        g.setStroke(marked ? color : ink(e.dashed() ? Ink.LIFELINE : Ink.MUTED));
        double weight = theme.lineWeight();
        g.setLineWidth(weight * (marked ? Math.max(2, 0.2 * em) : Math.max(1, (e.dashed() ? 0.07 : 0.1) * em)));
        g.setLineDashes(e.dashed() && !marked ? new double[]{0.35 * em, 0.3 * em} : null);
        g.beginPath();
        g.moveTo(path.get(0).x(), path.get(0).y());
        for (int i = 1; i < path.size(); i++) {
            g.lineTo(path.get(i).x(), path.get(i).y());
        }
        g.stroke();
        g.setLineDashes(null);
        // The arrowhead at the entered box.
        StateDiagramLayout.Point tip = path.get(path.size() - 1);
        StateDiagramLayout.Point back = path.get(path.size() - 2);
        double dx = tip.x() - back.x();
        double dy = tip.y() - back.y();
        double len = Math.max(1e-9, Math.hypot(dx, dy));
        double ux = dx / len;
        double uy = dy / len;
        double size = (marked ? 0.6 : 0.45) * em;
        g.setFill(g.getStroke());
        g.fillPolygon(new double[]{tip.x(), tip.x() - ux * size - uy * size * 0.5, tip.x() - ux * size + uy * size * 0.5},
                new double[]{tip.y(), tip.y() - uy * size + ux * size * 0.5, tip.y() - uy * size - ux * size * 0.5}, 3);
    }

    private void paintLabel(GraphicsContext g, StateDiagramLayout.Label label, StateDiagramLayout l, Paint color,
                            boolean bold) {
        StateDiagramLayout.Rect r = label.rect();
        // On its own ground, so that a line passing under it does not cut the text.
        g.setFill(ink(Ink.BACKGROUND));
        g.fillRect(r.x() - 1, r.y(), r.width() + 2, r.height());
        g.setFont(fontOf(l.labelFontSize(), bold));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(color);
        for (int i = 0; i < label.lines().size(); i++) {
            g.fillText(label.lines().get(i), r.centerX(), r.y() + (i + 0.5) * l.lineHeight());
        }
    }

    private void paintBox(GraphicsContext g, StateDiagramLayout.Box b, StateDiagramLayout l,
                          StateDiagramViewModel.Highlight hl) {
        StateDiagramLayout.Rect r = b.rect();
        double em = l.stateFontSize();
        boolean client = l.boxOf(hl.client().state(), hl.client().lastArc()) == b;
        boolean server = l.boxOf(hl.server().state(), hl.server().lastArc()) == b;
        double arc = 0.5 * em;
        g.setFill(ink(Ink.BACKGROUND));
        g.fillRoundRect(r.x(), r.y(), r.width(), r.height(), arc, arc);
        if (client || server) {
            // A tint of the side's colour; when both sides are here, the client's half and the server's.
            double half = r.width() / 2;
            if (client) {
                g.setFill(tint(ink(Ink.CLIENT)));
                g.fillRoundRect(r.x(), r.y(), server ? half : r.width(), r.height(), arc, arc);
            }
            if (server) {
                g.setFill(tint(ink(Ink.SERVER)));
                g.fillRoundRect(client ? r.x() + half : r.x(), r.y(), client ? half : r.width(), r.height(), arc, arc);
            }
        }
        double thin = theme.lineWeight() * Math.max(1, 0.08 * em);
        double thick = theme.lineWeight() * Math.max(2.5, 0.22 * em);
        if (client && server) {
            g.setStroke(ink(Ink.CLIENT));
            g.setLineWidth(thick);
            g.strokeRoundRect(r.x() - thick, r.y() - thick, r.width() + 2 * thick, r.height() + 2 * thick,
                    arc + thick, arc + thick);
            g.setStroke(ink(Ink.SERVER));
            g.strokeRoundRect(r.x(), r.y(), r.width(), r.height(), arc, arc);
        } else {
            g.setStroke(client ? ink(Ink.CLIENT) : server ? ink(Ink.SERVER) : ink(Ink.FOREGROUND));
            g.setLineWidth(client || server ? thick : thin);
            g.strokeRoundRect(r.x(), r.y(), r.width(), r.height(), arc, arc);
        }
        g.setFont(fontOf(em, true));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(ink(Ink.FOREGROUND));
        g.fillText(b.state().displayName(), r.centerX(), r.centerY());
        // The sides named in text too (colour never carries meaning alone): tabs on top of the box, the
        // client's at its left end and the server's at its right, as their lifelines stand on the ladder.
        double top = r.y() - (client && server ? thick : 0) - thick / 2;
        double size = l.labelFontSize();
        double pad = 0.25 * size;
        double clientW = measure(text.text("side.client"), size, true) + 2 * pad;
        double serverW = measure(text.text("side.server"), size, true) + 2 * pad;
        double cx;
        double sx;
        if (client && server) {
            // Side by side, centred on the box, wider than it if need be, kept on the canvas.
            double total = clientW + pad + serverW;
            cx = Math.max(0, Math.min(canvas.getWidth() - total, r.centerX() - total / 2));
            sx = cx + clientW + pad;
        } else {
            cx = r.x();
            sx = r.x() + r.width() - serverW;
        }
        if (client) {
            tag(g, text.text("side.client"), cx, clientW, top, ink(Ink.CLIENT), l);
        }
        if (server) {
            tag(g, text.text("side.server"), sx, serverW, top, ink(Ink.SERVER), l);
        }
    }

    /** A side's name on a tab standing on a box's top edge, in the page colour on the side's colour. */
    private void tag(GraphicsContext g, String name, double x, double w, double bottom, Paint color,
                     StateDiagramLayout l) {
        double size = l.labelFontSize();
        double pad = 0.25 * size;
        double h = l.lineHeight();
        double left = Math.max(0, Math.min(canvas.getWidth() - w, x));
        double y = Math.max(0, bottom - h);
        g.setFill(color);
        g.fillRoundRect(left, y, w, h, pad * 2, pad * 2);
        g.setFont(fontOf(size, true));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(ink(Ink.BACKGROUND));
        g.fillText(name, left + pad, y + h / 2);
    }

    private static Paint tint(Paint p) {
        return p instanceof Color c ? c.deriveColor(0, 1, 1, 0.16) : p;
    }

    // ---- for presenter mode and tests ----

    /**
     * The arcs drawn in a side's colour: while an arc is traced, that arc (or the two of one segment);
     * at rest, the arc that led to the side's state, so an undone arc, once traced back, is not.
     */
    public List<RfcArc> markedArcs(Side side) {
        Trace t = traces.get(side);
        if (t != null && (t.progress < 1 || !t.reversed)) {
            return t.arcs;
        }
        RfcArc last = model.getHighlight().of(side).lastArc();
        return last == null ? List.of() : List.of(last);
    }

    /** What is highlighted: each side's state and the arc that led there. */
    public ReadOnlyObjectProperty<StateDiagramViewModel.Highlight> highlightProperty() {
        return model.highlightProperty();
    }

    public StateDiagramViewModel model() {
        return model;
    }

    /** The geometry painted last (null before the pane has a size). */
    public StateDiagramLayout diagramLayout() {
        return layout;
    }

    /** Seconds a transition takes to trace along its arc; 0 shows it at once. */
    public DoubleProperty animationSecondsProperty() {
        return animationSeconds;
    }

    /** Whether an arc is being traced right now. */
    public ReadOnlyBooleanProperty animatingProperty() {
        return animating.getReadOnlyProperty();
    }
}
