package org.tcpladder.app.layout;

import org.tcpladder.capture.state.RfcArc;
import org.tcpladder.capture.state.TcpState;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The geometry of the TCP state diagram, placed as RFC 9293 draws it in section 3.3.2: CLOSED at the
 * top, LISTEN below it, SYN-RECEIVED left and SYN-SENT right, ESTABLISHED in the centre, the active
 * close (FIN-WAIT-1, FIN-WAIT-2) down the left, the passive close (CLOSE-WAIT, LAST-ACK) down the
 * right, CLOSING and TIME-WAIT at the bottom, and CLOSED a second time at the bottom right where the
 * closes end, as the figure has it. Every arc of {@link RfcArc#ALL} is drawn: the figure's as solid
 * lines with their label, the rest (resets and the observer's extra arcs) as dashed lines whose label
 * shows only while the arc is being taken.
 *
 * <p>A pure function of the available size, the root font size and the label texts; no JavaFX scene
 * types, so it is tested with plain JUnit, and the pane only paints what it returns. Text is measured
 * by a function passed in (the pane measures with its font). Every text size is a multiple of the root
 * size; when the diagram does not fit, all of it shrinks by one factor, but not below
 * {@link #READABLE_SCALE} while the boxes fit: rather than set every label too small to read (on a
 * projector, from the back row), a crowded diagram keeps its text size and shows at rest only the labels
 * of the arcs that leave the states the two sides are in ({@link #allLabelsShown()} is then false).
 * Hit-testing uses the same boxes.
 */
public final class StateDiagramLayout {
    /** State names, in em of the (scaled) root size. */
    static final double STATE_FONT = 1.0;
    /** Arc labels, relative to the state font. */
    static final double LABEL_FONT = 0.8;
    static final double LINE_HEIGHT = 1.2;
    static final double BOX_PADDING = 0.55;
    static final double BOX_HEIGHT = 1.7;
    /** Room around the diagram, and the channels the resets run along outside the boxes. */
    static final double MARGIN = 0.4;
    static final double CHANNEL = 0.7;
    /** How much two opposite arcs between the same boxes are pulled apart (fraction of the box's half size). */
    static final double PAIR_OFFSET = 0.35;
    static final double LABEL_GAP = 0.3;
    /**
     * The smallest factor text is shrunk by while the boxes fit: state names at 0.9 em stay as large as
     * the window's small text (0.85 em), arc labels at 0.72 em no smaller than its smallest.
     */
    static final double READABLE_SCALE = 0.9;
    /** Below {@link #READABLE_SCALE} only when even the boxes alone do not fit. */
    static final double MIN_SCALE = 0.4;
    static final double SCALE_STEP = 0.05;
    static final int ROWS = 6;

    /** Measures text: its width in pixels at a font size in pixels, bold or not. */
    @FunctionalInterface
    public interface TextWidth {
        double width(String text, double fontSize, boolean bold);
    }

    /** A point in pixels. */
    public record Point(double x, double y) {
    }

    /** A rectangle in pixels, left and top edge with its size. */
    public record Rect(double x, double y, double width, double height) {
        public boolean contains(double px, double py) {
            return px >= x && px <= x + width && py >= y && py <= y + height;
        }

        public boolean intersects(Rect o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }

        public boolean inside(double w, double h) {
            return x >= 0 && y >= 0 && x + width <= w + 1e-9 && y + height <= h + 1e-9;
        }

        public double centerX() {
            return x + width / 2;
        }

        public double centerY() {
            return y + height / 2;
        }
    }

    /**
     * A state's box.
     *
     * @param state the state written in it
     * @param end   true for the second CLOSED box, where the closes and the resets of synchronized
     *              states end
     */
    public record Box(TcpState state, boolean end, Rect rect) {
    }

    /** A label's lines and where they are written: one line per row of {@code rect}, centred. */
    public record Label(List<String> lines, Rect rect) {
    }

    /**
     * The line drawn between two boxes for one or more arcs (a reset received and a reset sent go the
     * same way).
     *
     * @param arcs   the arcs of {@link RfcArc#ALL} it stands for, in table order
     * @param from   the box it leaves
     * @param to     the box it enters (the arrow's head)
     * @param path   the polyline, from the border of {@code from} to the border of {@code to}
     * @param dashed true when no arc of the figure is among them
     * @param resting the label shown at rest (the figure's arc), or null for a dashed line
     * @param labels each arc's own label, shown while that arc is being taken
     */
    public record Edge(List<RfcArc> arcs, Box from, Box to, List<Point> path, boolean dashed, Label resting,
                       Map<RfcArc, Label> labels) {
        public Label label(RfcArc arc) {
            return labels.get(arc);
        }
    }

    private final double width;
    private final double height;
    private final double scale;
    private final double stateFont;
    private final double labelFont;
    private final List<Box> boxes;
    private final List<Edge> edges;
    private final Map<RfcArc, Edge> edgeOfArc;
    private final boolean fits;
    private final boolean allLabels;

    private StateDiagramLayout(double width, double height, double scale, double stateFont, double labelFont,
                               List<Box> boxes, List<Edge> edges, boolean fits, boolean allLabels) {
        this.width = width;
        this.height = height;
        this.scale = scale;
        this.stateFont = stateFont;
        this.labelFont = labelFont;
        this.boxes = List.copyOf(boxes);
        this.edges = List.copyOf(edges);
        Map<RfcArc, Edge> byArc = new EnumMap<>(RfcArc.class);
        for (Edge e : edges) {
            for (RfcArc a : e.arcs()) {
                byArc.put(a, e);
            }
        }
        this.edgeOfArc = byArc;
        this.fits = fits;
        this.allLabels = allLabels;
    }

    /**
     * The diagram in {@code width} × {@code height} pixels at root font size {@code em}, shrunk by one
     * factor (down to {@link #MIN_SCALE}) until boxes and resting labels are clear of each other.
     *
     * @param labelLines an arc's label in the ways it may be written, preferred first, each one string per
     *                   line (the RFC writes event above action; where two lines find no room, one may)
     */
    public static StateDiagramLayout of(double width, double height, double em,
                                        Function<RfcArc, List<List<String>>> labelLines, TextWidth measure) {
        Objects.requireNonNull(labelLines, "labelLines");
        Objects.requireNonNull(measure, "measure");
        if (!(em > 0)) {
            throw new IllegalArgumentException("em " + em);
        }
        double w = Math.max(1, width);
        double h = Math.max(1, height);
        // Every label at rest, at the largest readable size that has room for them all; else the labels
        // of the current states' arcs only, still readable; shrunk further only when the boxes need it.
        for (boolean all : new boolean[]{true, false}) {
            for (double s = 1; s >= READABLE_SCALE - 1e-9; s -= SCALE_STEP) {
                StateDiagramLayout l = new Builder(w, h, em * s, s, labelLines, measure, all).build();
                if (l.fits) {
                    return l;
                }
            }
        }
        StateDiagramLayout last = null;
        for (double s = READABLE_SCALE - SCALE_STEP; s >= MIN_SCALE - 1e-9; s -= SCALE_STEP) {
            last = new Builder(w, h, em * s, s, labelLines, measure, false).build();
            if (last.fits) {
                return last;
            }
        }
        return last;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** The factor every size was shrunk by to fit (1 when the root size fits). */
    public double scale() {
        return scale;
    }

    /**
     * Whether boxes and the labels shown at rest are clear of each other (false only when even the
     * smallest scale is crowded).
     */
    public boolean fits() {
        return fits;
    }

    /**
     * Whether every solid line's label is shown at rest. When false there was no room for them all at a
     * readable size: each resting label is still placed (clear of the boxes and of the other labels of
     * arcs leaving the same state), but only those of arcs leaving a state a side is in are to be shown.
     */
    public boolean allLabelsShown() {
        return allLabels;
    }

    public double stateFontSize() {
        return stateFont;
    }

    public double labelFontSize() {
        return labelFont;
    }

    public double lineHeight() {
        return labelFont * LINE_HEIGHT;
    }

    /** Twelve boxes: each state once, CLOSED twice (top and bottom right). */
    public List<Box> boxes() {
        return boxes;
    }

    public List<Edge> edges() {
        return edges;
    }

    /** The line an arc is drawn as (every arc of {@link RfcArc#ALL} has one). */
    public Edge edgeOf(RfcArc arc) {
        return edgeOfArc.get(arc);
    }

    /**
     * The box to highlight for a side in {@code state} that got there by {@code lastArc} (null before any
     * arc): CLOSED is the bottom box after a close or a reset of a synchronized connection, else the top.
     */
    public Box boxOf(TcpState state, RfcArc lastArc) {
        if (state == null) {
            return null;
        }
        if (lastArc != null && lastArc.to() == state) {
            return edgeOf(lastArc).to();
        }
        for (Box b : boxes) {
            if (b.state() == state) {
                return b;
            }
        }
        return null;
    }

    /** The state whose box is at {@code (x, y)}, or null between boxes. */
    public TcpState stateAt(double x, double y) {
        for (Box b : boxes) {
            if (b.rect().contains(x, y)) {
                return b.state();
            }
        }
        return null;
    }

    /** The point a fraction {@code t} (0 to 1) of the way along a path, by length. */
    public static Point along(List<Point> path, double t) {
        double total = length(path);
        double want = Math.max(0, Math.min(1, t)) * total;
        for (int i = 1; i < path.size(); i++) {
            Point a = path.get(i - 1);
            Point b = path.get(i);
            double seg = Math.hypot(b.x() - a.x(), b.y() - a.y());
            if (want <= seg || i == path.size() - 1) {
                double f = seg == 0 ? 0 : Math.min(1, want / seg);
                return new Point(a.x() + (b.x() - a.x()) * f, a.y() + (b.y() - a.y()) * f);
            }
            want -= seg;
        }
        return path.get(path.size() - 1);
    }

    static double length(List<Point> path) {
        double total = 0;
        for (int i = 1; i < path.size(); i++) {
            total += Math.hypot(path.get(i).x() - path.get(i - 1).x(), path.get(i).y() - path.get(i - 1).y());
        }
        return total;
    }

    // ---- building ----

    /** Where a state sits: column 0 (left), 0.5 (centre) or 1 (right), and row 0 (top) to 6 (bottom). */
    private record Place(TcpState state, boolean end, double column, int row) {
    }

    private static final List<Place> PLACES = List.of(
            new Place(TcpState.CLOSED, false, 0.5, 0),
            new Place(TcpState.LISTEN, false, 0.5, 1),
            new Place(TcpState.SYN_RECEIVED, false, 0, 2),
            new Place(TcpState.SYN_SENT, false, 1, 2),
            new Place(TcpState.ESTABLISHED, false, 0.5, 3),
            new Place(TcpState.FIN_WAIT_1, false, 0, 4),
            new Place(TcpState.CLOSE_WAIT, false, 1, 4),
            new Place(TcpState.FIN_WAIT_2, false, 0, 5),
            new Place(TcpState.CLOSING, false, 0.5, 5),
            new Place(TcpState.LAST_ACK, false, 1, 5),
            new Place(TcpState.TIME_WAIT, false, 0.5, 6),
            new Place(TcpState.CLOSED, true, 1, 6));

    /** A compass direction a label prefers to sit towards from its line. */
    private enum Toward {
        N(0, -1), S(0, 1), E(1, 0), W(-1, 0), NE(1, -1), NW(-1, -1), SE(1, 1), SW(-1, 1);

        final double dx;
        final double dy;

        Toward(double dx, double dy) {
            this.dx = dx;
            this.dy = dy;
        }
    }

    private static final class Builder {
        private final double w;
        private final double h;
        private final double em;
        private final double scale;
        private final Function<RfcArc, List<List<String>>> labelLines;
        private final TextWidth measure;
        private final double labelFont;
        private final double lineHeight;
        private final boolean allLabels;
        /** Without every label: the labels placed so far of arcs leaving each box (shown together). */
        private final Map<Box, List<Rect>> leaving = new LinkedHashMap<>();
        private final Map<Place, Box> boxOf = new LinkedHashMap<>();
        private double colLeft;
        private double colRight;
        private double rowTop;
        private double rowStep;
        private double boxH;
        private boolean fits = true;
        private final List<Rect> taken = new ArrayList<>();

        Builder(double w, double h, double em, double scale, Function<RfcArc, List<List<String>>> labelLines,
                TextWidth measure, boolean allLabels) {
            this.allLabels = allLabels;
            this.w = w;
            this.h = h;
            this.em = em;
            this.scale = scale;
            this.labelLines = labelLines;
            this.measure = measure;
            this.labelFont = em * LABEL_FONT;
            this.lineHeight = labelFont * LINE_HEIGHT;
        }

        StateDiagramLayout build() {
            double stateFont = em * STATE_FONT;
            boxH = BOX_HEIGHT * stateFont;
            Map<Place, Double> widths = new LinkedHashMap<>();
            double[] columnWidth = new double[3];
            for (Place p : PLACES) {
                double bw = measure.width(p.state().displayName(), stateFont, true) + 2 * BOX_PADDING * stateFont;
                widths.put(p, bw);
                int c = (int) Math.round(p.column() * 2);
                columnWidth[c] = Math.max(columnWidth[c], bw);
            }
            double side = (MARGIN + CHANNEL) * em;
            colLeft = side + columnWidth[0] / 2;
            colRight = w - side - columnWidth[2] / 2;
            double centre = (colLeft + colRight) / 2;
            // The columns must leave room between their boxes.
            if (centre - columnWidth[1] / 2 - (colLeft + columnWidth[0] / 2) < 0.6 * em
                    || colRight - columnWidth[2] / 2 - (centre + columnWidth[1] / 2) < 0.6 * em) {
                fits = false;
            }
            // Above the top row: room for the side tags written over a highlighted box.
            rowTop = MARGIN * em + lineHeight + boxH / 2;
            // Below the bottom row: the resets' channel, and room for the label of TIME-WAIT's timeout,
            // whose line to the second CLOSED is too short to carry it above between the boxes.
            double rowBottom = h - (MARGIN + CHANNEL) * em - boxH / 2 - 2 * lineHeight;
            rowStep = (rowBottom - rowTop) / ROWS;
            if (rowStep - boxH < 1.1 * em) {
                fits = false;
            }
            List<Box> boxes = new ArrayList<>();
            for (Place p : PLACES) {
                double bw = widths.get(p);
                Box b = new Box(p.state(), p.end(), new Rect(x(p.column()) - bw / 2, y(p.row()) - boxH / 2, bw, boxH));
                boxOf.put(p, b);
                boxes.add(b);
                // With the room above it where the side tags stand ("CLIENT", "SERVER") when it is highlighted.
                Rect around = grow(b.rect(), 0.15 * em);
                taken.add(new Rect(around.x(), around.y() - lineHeight, around.width(), around.height() + lineHeight));
            }
            List<Edge> edges = new ArrayList<>();
            for (Route r : routes()) {
                edges.add(edge(r));
            }
            return new StateDiagramLayout(w, h, scale, stateFont, labelFont, boxes, edges, fits, allLabels);
        }

        private double x(double column) {
            return colLeft + column * (colRight - colLeft);
        }

        private double y(double row) {
            return rowTop + row * rowStep;
        }

        private Box box(TcpState s, boolean end) {
            for (Map.Entry<Place, Box> e : boxOf.entrySet()) {
                if (e.getKey().state() == s && e.getKey().end() == end) {
                    return e.getValue();
                }
            }
            throw new IllegalStateException(s.name());
        }

        /** The bottom CLOSED box is where closes and resets of a synchronized connection end. */
        private Box toBox(RfcArc a) {
            return box(a.to(), a.to() == TcpState.CLOSED && a.from().isSynchronized());
        }

        /**
         * One drawn line: its boxes, its arcs, the points between the two borders, and where its label
         * would rather sit.
         */
        private record Route(Box from, Box to, List<RfcArc> arcs, List<Point> via, double offset, Toward toward,
                             int labelSegment) {
        }

        private List<Route> routes() {
            // Group the arcs by the boxes they join, in table order.
            Map<String, List<RfcArc>> groups = new LinkedHashMap<>();
            Map<String, Box[]> ends = new LinkedHashMap<>();
            for (RfcArc a : RfcArc.ALL) {
                Box from = box(a.from(), false);
                Box to = toBox(a);
                String key = from.state() + (from.end() ? "'" : "") + ">" + to.state() + (to.end() ? "'" : "");
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
                ends.put(key, new Box[]{from, to});
            }
            List<Route> routes = new ArrayList<>();
            for (Map.Entry<String, List<RfcArc>> g : groups.entrySet()) {
                Box from = ends.get(g.getKey())[0];
                Box to = ends.get(g.getKey())[1];
                routes.add(route(from, to, g.getValue()));
            }
            return routes;
        }

        /** The hand-placed part of the figure: which side labels go, which lines bend around boxes. */
        private Route route(Box from, Box to, List<RfcArc> arcs) {
            TcpState f = from.state();
            TcpState t = to.state();
            List<Point> via = List.of();
            double offset = 0;
            Toward toward = Toward.N;
            int seg = 0;
            Rect fr = from.rect();
            Rect tr = to.rect();
            if (f == TcpState.CLOSED && t == TcpState.LISTEN) {
                offset = -PAIR_OFFSET;
                toward = Toward.W;
            } else if (f == TcpState.LISTEN && t == TcpState.CLOSED) {
                offset = -PAIR_OFFSET;
                toward = Toward.E;
            } else if (f == TcpState.CLOSED && t == TcpState.SYN_SENT) {
                // The active open is the outer of the two lines, as in the figure.
                offset = PAIR_OFFSET;
                toward = Toward.NE;
            } else if (f == TcpState.SYN_SENT && t == TcpState.CLOSED) {
                offset = PAIR_OFFSET;
                toward = Toward.SW;
            } else if (f == TcpState.LISTEN && t == TcpState.SYN_RECEIVED) {
                offset = PAIR_OFFSET;
                toward = Toward.SE;
            } else if (f == TcpState.SYN_RECEIVED && t == TcpState.LISTEN) {
                // The reset back to LISTEN is the outer line (the figure's note 1).
                offset = PAIR_OFFSET;
                toward = Toward.NW;
            } else if (f == TcpState.LISTEN && t == TcpState.SYN_SENT) {
                toward = Toward.SW;
            } else if (f == TcpState.SYN_SENT && t == TcpState.SYN_RECEIVED) {
                toward = Toward.S;
            } else if (f == TcpState.SYN_RECEIVED && t == TcpState.ESTABLISHED) {
                toward = Toward.NE;
            } else if (f == TcpState.SYN_SENT && t == TcpState.ESTABLISHED) {
                toward = Toward.NW;
            } else if (f == TcpState.SYN_RECEIVED && t == TcpState.FIN_WAIT_1) {
                toward = Toward.E;
            } else if (f == TcpState.SYN_RECEIVED && t == TcpState.CLOSE_WAIT) {
                // Below ESTABLISHED, not through it.
                via = List.of(new Point(x(0.5), tr.y() - 0.5 * (rowStep - boxH)));
                toward = Toward.S;
            } else if (f == TcpState.SYN_RECEIVED && t == TcpState.CLOSED) {
                toward = Toward.W;
            } else if (f == TcpState.ESTABLISHED && t == TcpState.FIN_WAIT_1) {
                toward = Toward.SE;
            } else if (f == TcpState.ESTABLISHED && t == TcpState.CLOSE_WAIT) {
                toward = Toward.SW;
            } else if (f == TcpState.FIN_WAIT_1 && t == TcpState.FIN_WAIT_2) {
                toward = Toward.E;
            } else if (f == TcpState.FIN_WAIT_1 && t == TcpState.CLOSING) {
                toward = Toward.NE;
            } else if (f == TcpState.FIN_WAIT_2 && t == TcpState.TIME_WAIT) {
                toward = Toward.SW;
            } else if (f == TcpState.CLOSING && t == TcpState.TIME_WAIT) {
                toward = Toward.E;
            } else if (f == TcpState.CLOSE_WAIT && t == TcpState.LAST_ACK) {
                toward = Toward.W;
            } else if (f == TcpState.LAST_ACK && t == TcpState.CLOSED) {
                toward = Toward.W;
            } else if (f == TcpState.TIME_WAIT && t == TcpState.CLOSED) {
                toward = Toward.S;
            } else if (t == TcpState.CLOSED && to.end()) {
                // Resets of a synchronized connection run outside the boxes to the bottom CLOSED.
                double junctionX = tr.x() + 0.3 * tr.width();
                double junctionY = tr.y() - 0.5 * (rowStep - boxH);
                if (fr.centerX() < x(0.25)) {
                    double channelX = x(0) - Math.max(fr.width(), tr.width()) / 2 - 0.5 * CHANNEL * em;
                    double channelY = tr.y() + tr.height() + 0.5 * CHANNEL * em;
                    via = List.of(new Point(channelX, fr.centerY()), new Point(channelX, channelY),
                            new Point(junctionX, channelY));
                    toward = Toward.S;
                    seg = 2;
                } else if (fr.centerX() > x(0.75) || f == TcpState.ESTABLISHED) {
                    // Down the right-hand channel (ESTABLISHED joins it level with its box).
                    double channelX = x(1) + Math.max(fr.width(), tr.width()) / 2 + 0.5 * CHANNEL * em;
                    via = List.of(new Point(channelX, fr.centerY()), new Point(channelX, tr.centerY()));
                    toward = Toward.W;
                    seg = f == TcpState.ESTABLISHED ? 0 : 1;
                } else {
                    via = List.of(new Point(junctionX - 0.6 * tr.width(), junctionY));
                    toward = Toward.NE;
                }
            }
            return new Route(from, to, arcs, via, offset, toward, seg);
        }

        private Edge edge(Route r) {
            List<Point> path = path(r);
            boolean dashed = r.arcs().stream().noneMatch(RfcArc::inFigure);
            Map<RfcArc, Label> labels = new EnumMap<>(RfcArc.class);
            Label resting = null;
            for (RfcArc a : r.arcs()) {
                if (a.inFigure()) {
                    resting = place(labelLines.apply(a), path, r, true);
                    labels.put(a, resting);
                }
            }
            for (RfcArc a : r.arcs()) {
                if (!a.inFigure()) {
                    labels.put(a, resting != null ? place(labelLines.apply(a), path, r, false, resting)
                            : place(labelLines.apply(a), path, r, false));
                }
            }
            return new Edge(List.copyOf(r.arcs()), r.from(), r.to(), List.copyOf(path), dashed, resting,
                    labels);
        }

        private List<Point> path(Route r) {
            Rect fr = r.from().rect();
            Rect tr = r.to().rect();
            List<Point> pts = new ArrayList<>();
            Point first = r.via().isEmpty() ? centre(tr) : r.via().get(0);
            Point last = r.via().isEmpty() ? centre(fr) : r.via().get(r.via().size() - 1);
            Point a = centre(fr);
            Point b = centre(tr);
            if (r.offset() != 0) {
                // Opposite arcs between the same boxes: each moved to its right, so the two stay apart.
                double dx = b.x() - a.x();
                double dy = b.y() - a.y();
                double len = Math.hypot(dx, dy);
                double nx = -dy / len;
                double ny = dx / len;
                double shift = -r.offset() * Math.min(Math.min(fr.width(), tr.width()) / 2,
                        Math.min(fr.height(), tr.height()) * 1.2);
                a = new Point(a.x() + nx * shift, a.y() + ny * shift);
                b = new Point(b.x() + nx * shift, b.y() + ny * shift);
                first = b;
                last = a;
            }
            pts.add(border(fr, a, first));
            pts.addAll(r.via());
            pts.add(border(tr, b, last));
            return pts;
        }

        private static Point centre(Rect r) {
            return new Point(r.centerX(), r.centerY());
        }

        /** Where the line from {@code inside} towards {@code towards} leaves the rectangle. */
        private static Point border(Rect r, Point inside, Point towards) {
            double dx = towards.x() - inside.x();
            double dy = towards.y() - inside.y();
            double tx = dx == 0 ? Double.MAX_VALUE
                    : ((dx > 0 ? r.x() + r.width() : r.x()) - inside.x()) / dx;
            double ty = dy == 0 ? Double.MAX_VALUE
                    : ((dy > 0 ? r.y() + r.height() : r.y()) - inside.y()) / dy;
            double t = Math.max(0, Math.min(tx, ty));
            return new Point(inside.x() + dx * t, inside.y() + dy * t);
        }

        private Label place(List<List<String>> choices, List<Point> path, Route r, boolean resting) {
            return place(choices, path, r, resting, null);
        }

        /**
         * Beside the route's label segment, on its preferred side, at the first spot along the segment
         * that is clear of boxes and of the labels placed before, in the first way of writing it that
         * finds one; kept inside the bounds.
         */
        private Label place(List<List<String>> choices, List<Point> path, Route r, boolean resting, Label near) {
            if (near != null) {
                // Shown instead of the resting label, in its place.
                List<String> lines = choices.get(0);
                double lw = widest(lines);
                double lh = lines.size() * lineHeight;
                Rect at = new Rect(near.rect().centerX() - lw / 2, near.rect().centerY() - lh / 2, lw, lh);
                return new Label(List.copyOf(lines), clamp(at));
            }
            Label first = null;
            for (List<String> lines : choices) {
                double lw = widest(lines);
                double lh = lines.size() * lineHeight;
                int seg = Math.min(r.labelSegment(), path.size() - 2);
                Point a = path.get(seg);
                Point b = path.get(seg + 1);
                double dx = b.x() - a.x();
                double dy = b.y() - a.y();
                double len = Math.max(1e-9, Math.hypot(dx, dy));
                double nx = -dy / len;
                double ny = dx / len;
                if (nx * r.toward().dx + ny * r.toward().dy < 0) {
                    nx = -nx;
                    ny = -ny;
                }
                // Beside the line first; else clear of the boxes' height (a short line between two
                // boxes in one row, as TIME-WAIT's to the second CLOSED, has its label under them).
                for (double extra : new double[]{0, boxH / 2 + 0.15 * em})
                for (double t : new double[]{0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8}) {
                    for (int sideSign : new int[]{1, -1}) {
                        double off = LABEL_GAP * em + extra + Math.abs(nx) * lw / 2 + Math.abs(ny) * lh / 2;
                        double cx = a.x() + dx * t + sideSign * nx * off;
                        double cy = a.y() + dy * t + sideSign * ny * off;
                        Rect rect = clamp(new Rect(cx - lw / 2, cy - lh / 2, lw, lh));
                        Label label = new Label(List.copyOf(lines), rect);
                        if (first == null) {
                            first = label;
                        }
                        if (!resting || clear(rect, r.from())) {
                            if (resting) {
                                claim(rect, r.from());
                            }
                            return label;
                        }
                    }
                }
            }
            if (resting) {
                fits = false;
                claim(first.rect(), r.from());
            }
            return first;
        }

        private double widest(List<String> lines) {
            double lw = 0;
            for (String l : lines) {
                // Measured bold: a side's last arc shows its label bold, in the same place.
                lw = Math.max(lw, measure.width(l, labelFont, true));
            }
            return lw;
        }

        private boolean clear(Rect placed, Box from) {
            // A word's space between two labels side by side, so that they do not read as one.
            Rect rect = new Rect(placed.x() - 0.2 * em, placed.y(), placed.width() + 0.4 * em, placed.height());
            for (Rect t : taken) {
                if (t.intersects(rect)) {
                    return false;
                }
            }
            if (!allLabels) {
                for (Rect t : leaving.getOrDefault(from, List.of())) {
                    if (t.intersects(rect)) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** With every label shown, a placed label is in the way of all later ones; else of its state's. */
        private void claim(Rect rect, Box from) {
            if (allLabels) {
                taken.add(rect);
            } else {
                leaving.computeIfAbsent(from, b -> new ArrayList<>()).add(rect);
            }
        }

        /** Inside the bounds, a little in from the side edges so that no letter touches them. */
        private Rect clamp(Rect r) {
            double inset = Math.min(LABEL_GAP * em, Math.max(0, (w - r.width()) / 2));
            double x = Math.max(inset, Math.min(w - inset - r.width(), r.x()));
            double y = Math.max(0, Math.min(h - r.height(), r.y()));
            return new Rect(Math.max(0, x), Math.max(0, y), Math.min(r.width(), w), Math.min(r.height(), h));
        }

        private static Rect grow(Rect r, double by) {
            return new Rect(r.x() - by, r.y() - by, r.width() + 2 * by, r.height() + 2 * by);
        }
    }
}
