package org.tcpladder.app.layout;

import org.tcpladder.capture.state.TcpState;
import org.tcpladder.app.Messages;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.ladder.LadderSegment;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.app.ladder.SocketCall;
import org.tcpladder.app.ladder.StateTimeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The ladder's geometry, computed from the ladder data and view settings alone: no JavaFX scene types,
 * so it is tested with plain JUnit and the canvas only paints what it returns.
 *
 * <p>Two lifelines, client left and server right (never merged, even on loopback where both addresses
 * are the same). Time flows down. Each segment is a row: optional socket calls, its labels, then a
 * slanted arrow from the sender's lifeline to the receiver's. Vertical positions are computed once per
 * data and settings (O(n)); {@link #geometry} then answers for a viewport in O(log n + visible rows), so
 * painting costs the same for a connection of ten segments or a million. Hit-testing inverts the same
 * numbers.
 *
 * <p>Coordinates: "content" y runs from 0 at the first row down to {@link #contentHeight()}; the
 * viewport shows the headers at the top and below them content from {@code scrollTop}.
 */
public final class LadderLayout {
    // Vertical metrics, in em (multiples of the root font size).
    static final double HEADER = 3.0;
    static final double TOP_MARGIN = 1.6;
    static final double CALL_LINE = 1.6;
    static final double ANOMALY_LINE = 1.7;
    static final double FLAGS_LINE = 1.7;
    static final double NUMBERS_LINE = 1.45;
    static final double CHIPS_LINE = 1.5;
    static final double ARROW_GAP = 0.35;
    static final double SLANT = 1.2;
    /** Below the arrival: room for a state name written there (1.4 em) before the next row. */
    static final double BOTTOM_GAP = 1.5;
    /** Time spacing: the median pause between segments gets this much extra space. */
    static final double TIME_UNIT = 2.5;
    /** Time spacing: pauses needing more than this are compressed to it and marked with their length. */
    static final double MAX_TIME_GAP = 7;
    /** Following the playhead keeps this much room below it (a flight, then a state name). */
    static final double FOLLOW_ROOM = 3.5;
    /** At rest the playhead only needs a little room below it. */
    static final double REST_ROOM = 0.6;
    // Horizontal metrics.
    static final double OUTER_FRACTION = 0.2;
    static final double MIN_OUTER = 7.5;
    static final double MAX_OUTER = 12;
    /** Half the width of a state band; arrows start and end at the band's edge. */
    static final double BAND_HALF = 0.45;
    static final double LABEL_PADDING = 0.8;
    // Textbook labels (projection): one line along each arrow, calls at the labels' size.
    /** Label and call text size, in em: 1.2 em, so 24 px when the root size is 20 px. */
    public static final double TEXTBOOK_TEXT = 1.2;
    static final double TEXTBOOK_STATE_TEXT = 1.0;
    static final double TEXTBOOK_HEADER = 2.0;
    static final double TEXTBOOK_TOP = 0.5;
    static final double TEXTBOOK_LINE = 1.5;
    static final double TEXTBOOK_STATE_LINE = 1.3;
    static final double TEXTBOOK_SLANT = 0.9;
    /** Between a label and the arrow above it. */
    static final double TEXTBOOK_ROW_GAP = 0.4;
    /** A fit view that is a little too short for the rows: flatter arrows, closer rows. */
    static final double TEXTBOOK_TIGHT_SLANT = 0.6;
    static final double TEXTBOOK_TIGHT_ROW_GAP = 0.15;
    /** A fit view spreads rows out by at most this much each: beyond it the ladder looks loose. */
    static final double TEXTBOOK_MAX_EXTRA = 2.5;
    static final double TEXTBOOK_MIN_OUTER = 7;

    private final LadderData data;
    private final ViewSettings settings;
    private final Messages text;
    private final SegmentLabels labels;
    private final StateTimeline clientStates;
    private final StateTimeline serverStates;
    private final double em;
    private final boolean textbook;
    /** How far an arrow drops while it flies. */
    private double slant;
    private final double callLine;
    private final double stateLine;
    /** Per sorted call, its text broken into lines ({@link CallText}). */
    private final String[] callText;
    /** Per side (0 client, 1 server) and position, top of the side's call block. */
    private final double[][] sideCallTop;
    /** Content y of the playhead at rest at each position. */
    private final double[] restY;
    // Per row, content y: top of its socket calls, top of its labels, arrow start, row bottom.
    private final double[] callTop;
    private final double[] labelTop;
    private final double[] departY;
    private final double[] bottom;
    /** Calls sorted by position; callTop has n+1 entries, the last for calls after the last segment. */
    private final SocketCall[] calls;
    private final int[] callPositions;
    private final List<double[]> gapMarks = new ArrayList<>();
    private final List<Long> gapDurations = new ArrayList<>();
    private final double contentHeight;
    /**
     * Per row, content y where its flight ends: at its arrival on the receiver's lifeline, after the
     * last departure it follows (so segments in flight together cross), or part-way for a lost one.
     */
    private double[] flightEndY;
    /** Time spacing's pixels per nanosecond (0 spacing by order). */
    private double timeScale;

    private LadderLayout(LadderData data, ViewSettings settings, Messages text) {
        this.data = data;
        this.settings = settings;
        this.text = text;
        this.labels = new SegmentLabels(text);
        this.clientStates = StateTimeline.of(data, Side.CLIENT);
        this.serverStates = StateTimeline.of(data, Side.SERVER);
        this.em = settings.em();
        int n = data.size();
        calls = data.socketCalls().stream()
                .sorted(Comparator.comparingInt(SocketCall::position))
                .toArray(SocketCall[]::new);
        callPositions = Arrays.stream(calls).mapToInt(SocketCall::position).toArray();
        callText = Arrays.stream(calls).map(c -> CallText.lines(c.call())).toArray(String[]::new);
        textbook = settings.labels().textbook();
        slant = (textbook ? TEXTBOOK_SLANT : SLANT) * em;
        callLine = (textbook ? TEXTBOOK_LINE : CALL_LINE) * em;
        stateLine = (textbook ? TEXTBOOK_STATE_LINE : 1.4) * em;
        if (textbook) {
            CompactRows rows = compactRows(TEXTBOOK_ROW_GAP, 0);
            if (settings.fits()) {
                double spare = settings.fitHeight() - headerHeight() - rows.contentHeight;
                if (spare > 0 && n > 0) {
                    // Share the spare height out, so that a short connection fills the screen.
                    rows = compactRows(TEXTBOOK_ROW_GAP, Math.min(TEXTBOOK_MAX_EXTRA * em, spare / n));
                } else if (spare < 0) {
                    // Slightly too tall (a caption of three lines, say): flatter arrows and closer
                    // rows before giving up the whole view; the text keeps its size.
                    slant = TEXTBOOK_TIGHT_SLANT * em;
                    CompactRows tight = compactRows(TEXTBOOK_TIGHT_ROW_GAP, 0);
                    if (tight.contentHeight < rows.contentHeight) {
                        rows = tight;
                    } else {
                        slant = TEXTBOOK_SLANT * em;
                    }
                }
            }
            callTop = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                callTop[i] = Math.min(rows.callTop[0][i], rows.callTop[1][i]);
            }
            labelTop = rows.labelTop;
            departY = rows.departY;
            bottom = rows.bottom;
            sideCallTop = rows.callTop;
            restY = rows.restY;
            contentHeight = rows.contentHeight;
            flightEndY = flightEnds(n);
            return;
        }
        callTop = new double[n + 1];
        labelTop = new double[n];
        departY = new double[n];
        bottom = new double[n];
        restY = new double[n + 1];
        double timeScale = settings.spacing() == Spacing.TIME ? timeScale(data) : 0;

        double y = TOP_MARGIN * em;
        for (int i = 0; i < n; i++) {
            if (timeScale > 0 && i > 0) {
                long dt = Math.max(0, data.timeNs(i) - data.timeNs(i - 1));
                double gap = dt * timeScale;
                if (gap > MAX_TIME_GAP * em) {
                    gap = MAX_TIME_GAP * em;
                    gapMarks.add(new double[]{y + gap / 2});
                    gapDurations.add(dt);
                }
                y += gap;
            }
            callTop[i] = y;
            y += callLines(i) * CALL_LINE * em;
            labelTop[i] = y;
            y += labelHeight(i) + ARROW_GAP * em;
            departY[i] = y;
            y += SLANT * em + BOTTOM_GAP * em;
            if (data.lost(i)) {
                // Under the ✗: two lines saying why the segment counts as lost.
                y += LOST_ROOM * em;
            }
            bottom[i] = y;
            restY[i] = labelTop[i];
        }
        callTop[n] = y;
        y += callLines(n) * CALL_LINE * em;
        restY[n] = y;
        contentHeight = y + TOP_MARGIN * em;
        sideCallTop = new double[][]{callTop, callTop};
        this.timeScale = timeScale;
        flightEndY = flightEnds(n);
    }

    /** Extra room under a lost segment's row for its reason. */
    static final double LOST_ROOM = 1.6;
    /** How far across a lost segment's arrow goes before its ✗. */
    static final double LOST_REACH = 0.62;
    /** Arrivals at one lifeline after the same departure are spread this far apart, in em. */
    static final double ARRIVAL_STAGGER = 0.35;
    /** Earlier rows looked at for flights still under way at the top of the view (a window's worth). */
    static final int FLIGHT_LOOKBACK = 512;

    /**
     * Where each flight ends. By order: level with the end of the row after whose departure it arrives
     * ({@link LadderData#arrivalRow}), so an arrival is never above its departure and crossings show; by
     * time: no higher than the arrival's own time puts it (arrival and departure times may differ).
     * Several arrivals at one lifeline after one departure are spread a little, in their order.
     */
    private double[] flightEnds(int n) {
        double[] end = new double[n];
        java.util.Map<Long, Integer> crowd = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            int r = data.arrivalRow(i);
            if (r < 0) {
                end[i] = departY[i] + LOST_REACH * slant;
                continue;
            }
            double y = arriveY(r);
            if (timeScale > 0 && (r > i || data.arrivalNs(i) != data.departureNs(i))) {
                y = Math.max(y, yAtTime(data.arrivalNs(i), i) + slant);
            }
            long key = (long) r * 2 + data.senderOf(i).other().ordinal();
            int rank = r != i ? crowd.merge(key, 1, Integer::sum) - 1 : crowd.isEmpty() ? 0 : crowd.getOrDefault(key, 0);
            y += Math.min(rank * ARRIVAL_STAGGER, BOTTOM_GAP - ARRIVAL_STAGGER) * em;
            end[i] = Math.max(y, arriveY(i));
        }
        return end;
    }

    /** Time spacing: content y of time {@code t} on the departures' scale, searched from row {@code from}. */
    private double yAtTime(long t, int from) {
        int lo = from;
        int hi = departY.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (data.departureNs(mid) <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        double y = departY[lo] + Math.max(0, t - data.departureNs(lo)) * timeScale;
        return lo + 1 < departY.length ? Math.min(y, departY[lo + 1]) : y;
    }

    /** Content y where row {@code i}'s flight ends (its arrival, or its ✗ when lost). */
    public double flightEndContentY(int i) {
        return flightEndY[i];
    }

    private CompactRows compactRows(double rowGap, double extra) {
        StateTimeline[] sides = {clientStates, serverStates};
        boolean[][][] changes = new boolean[2][2][data.size()];
        for (int side = 0; side < 2; side++) {
            for (StateTimeline.Change c : sides[side].changes()) {
                // An arrival's state name is written where its flight ends: level with its arrival row.
                int at = c.onArrival() && !c.timer() ? c.arrivalRow() : c.segmentIndex();
                if (at >= 0 && at < data.size()) {
                    changes[side][c.onArrival() ? 1 : 0][at] = true;
                }
            }
        }
        CompactRows.Input in = new CompactRows.Input() {
            @Override
            public int size() {
                return data.size();
            }

            @Override
            public int callLines(int side, int position) {
                return sideCallLines(side == 0 ? Side.CLIENT : Side.SERVER, position);
            }

            @Override
            public double labelNeed(int i) {
                return labelHeight(i);
            }

            @Override
            public boolean changesOnDeparture(int side, int i) {
                return changes[side][0][i];
            }

            @Override
            public boolean changesOnArrival(int side, int i) {
                return changes[side][1][i];
            }
        };
        return new CompactRows(in, em, TEXTBOOK_TOP * em, slant, callLine, stateLine, rowGap * em, extra);
    }

    public static LadderLayout of(LadderData data, ViewSettings settings, Messages text) {
        return new LadderLayout(data, settings, text);
    }

    public LadderData data() {
        return data;
    }

    public ViewSettings settings() {
        return settings;
    }

    public double contentHeight() {
        return contentHeight;
    }

    public double headerHeight() {
        return (textbook ? TEXTBOOK_HEADER : HEADER) * em;
    }

    /** The sizes text and lines are drawn at (the room made for them is computed from the same). */
    public TextSizes textSizes() {
        if (textbook) {
            return new TextSizes(TEXTBOOK_TEXT * em, TEXTBOOK_TEXT * em, TEXTBOOK_TEXT * em,
                    TEXTBOOK_STATE_TEXT * em, 1.0 * em, 0.16 * em, 0.24 * em, true);
        }
        return new TextSizes(1.3 * em, 1.15 * em, 0.9 * em, 0.95 * em, 1.25 * em, 0.15 * em, 0.22 * em, false);
    }

    /** Pixels per nanosecond so that the median pause gets {@link #TIME_UNIT} em; 0 if there is none. */
    private double timeScale(LadderData d) {
        long[] gaps = new long[Math.max(0, d.size() - 1)];
        int k = 0;
        for (int i = 1; i < d.size(); i++) {
            long dt = d.timeNs(i) - d.timeNs(i - 1);
            if (dt > 0) {
                gaps[k++] = dt;
            }
        }
        if (k == 0) {
            return 0;
        }
        Arrays.sort(gaps, 0, k);
        return TIME_UNIT * em / gaps[k / 2];
    }

    private double labelHeight(int i) {
        if (textbook) {
            double h = TEXTBOOK_LINE;
            if (data.hasAnomalies(i)) {
                h += ANOMALY_LINE;
            }
            if (settings.labels().options() && i > 0 && data.hasOptions(i - 1)) {
                // The previous row's chips hang under its arrow, above this row's label.
                h += CHIPS_LINE;
            }
            return h * em;
        }
        double h = FLAGS_LINE + NUMBERS_LINE;
        if (data.hasAnomalies(i)) {
            h += ANOMALY_LINE;
        }
        if (data.hasOptions(i)) {
            h += CHIPS_LINE;
        }
        return h * em;
    }

    /** Lines needed for the socket calls at a position: the busier side's count. */
    private int callLines(int position) {
        return Math.max(sideCallLines(Side.CLIENT, position), sideCallLines(Side.SERVER, position));
    }

    /** Lines one side's calls at a position take (a long call takes two). */
    private int sideCallLines(Side side, int position) {
        int lines = 0;
        for (int j = firstCallAt(position); j < calls.length && callPositions[j] == position; j++) {
            if (calls[j].side() == side) {
                lines += CallText.lineCount(callText[j]);
            }
        }
        return lines;
    }

    private int firstCallAt(int position) {
        int lo = 0;
        int hi = callPositions.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (callPositions[mid] < position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private double arriveY(int i) {
        return departY[i] + slant;
    }

    // ---- the timeline <-> content y mapping (shared by painting, scrolling and hit-testing) ----

    /**
     * Content y of the playhead at a timeline position: at rest at {@code k}, just above segment
     * {@code k}'s labels (after its socket calls); in flight, level with the flying arrow's head.
     */
    public double playheadContentY(double position) {
        int n = data.size();
        double p = Math.max(0, Math.min(n, position));
        int k = (int) Math.floor(p);
        double frac = p - k;
        if (frac > 0) {
            return departY[k] + frac * slant;
        }
        return restY[k];
    }

    /** The inverse of {@link #playheadContentY}: the timeline position shown at content y. */
    public double positionAtContentY(double y) {
        int n = data.size();
        // First row whose arrow ends at or below y.
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (arriveY(mid) < y) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == n) {
            return n;
        }
        if (y <= departY[lo]) {
            return lo;
        }
        return lo + (y - departY[lo]) / slant;
    }

    /**
     * The scroll offset that keeps the playhead in view, moving as little as possible. Nothing is drawn
     * below the playhead (those segments have not been sent yet), so when it must move the view puts the
     * playhead low and shows as much of the past as fits.
     */
    public double scrollToFollow(Viewport viewport, double position) {
        double visible = Math.max(1, viewport.height() - headerHeight());
        double y = playheadContentY(position);
        double top = viewport.scrollTop();
        // Below the playhead keep room for a flight and the state name written at its arrival; at rest
        // nothing is drawn below it until the next segment leaves, so little room is needed.
        double room = roomBelow(position, visible);
        if (y < top + 0.1 * visible || y > top + visible - room) {
            return scrollToPlayhead(viewport, position);
        }
        return clampScroll(viewport, top);
    }

    /**
     * The scroll offset that puts the playhead low in the view, the rows above it starting at a row
     * boundary: where {@link #scrollToFollow} moves to, and where a view goes when its height changes.
     */
    public double scrollToPlayhead(Viewport viewport, double position) {
        double visible = Math.max(1, viewport.height() - headerHeight());
        double y = playheadContentY(position);
        double room = roomBelow(position, visible);
        return clampScroll(viewport, alignToRow(y - visible + room + 0.5 * em, y, visible - room));
    }

    /**
     * Room kept below the playhead. With textbook labels (projection) it is the next segment's whole
     * row, so that the class sees where the next arrow goes; otherwise a flight and a state name.
     */
    private double roomBelow(double position, double visible) {
        boolean atRest = position == Math.rint(position);
        if (textbook) {
            int next = (int) Math.floor(Math.max(0, position));
            double room = next < departY.length ? arriveY(next) + stateLine - playheadContentY(position)
                    : REST_ROOM * em;
            return Math.min(Math.max(room, REST_ROOM * em), 0.45 * visible);
        }
        return Math.min((atRest ? REST_ROOM : FOLLOW_ROOM) * em, 0.3 * visible);
    }

    /**
     * Moves a scroll offset to a row boundary so that no arrow shows without its labels: up to the start
     * of the row it cuts if the playhead still fits, else down past that row when enough stays visible.
     */
    private double alignToRow(double top, double playheadY, double usable) {
        int i = firstRowEndingBelow(top);
        if (i >= labelTop.length || top <= 0) {
            return top;
        }
        if (playheadY - callTop[i] <= usable) {
            return callTop[i];
        }
        double next = i + 1 < labelTop.length ? callTop[i + 1] : callTop[labelTop.length];
        // Past the cut row only if that leaves a good part of the view above the playhead: in a view
        // smaller than a row (large text, a small window) a cut row beats an empty ladder.
        return next <= playheadY - 0.5 * usable ? next : top;
    }

    public double clampScroll(Viewport viewport, double top) {
        double visible = Math.max(1, viewport.height() - headerHeight());
        return Math.max(0, Math.min(top, contentHeight - visible));
    }

    public double maxScroll(Viewport viewport) {
        return clampScroll(viewport, Double.MAX_VALUE);
    }

    // ---- horizontal layout ----

    /** Width of the margin outside each lifeline, where state names and socket calls go. */
    double outerWidth(double width) {
        if (textbook) {
            // Wide enough for every call and state name whole at the labels' size, when the width allows.
            int longest = 0;
            for (String c : callText) {
                longest = Math.max(longest, CallText.longestLine(c));
            }
            double calls = longest * CallText.MONO_ADVANCE * TEXTBOOK_TEXT * em + 1.8 * em;
            double needed = Math.max(TEXTBOOK_MIN_OUTER * em, calls);
            return Math.min(Math.max(width * OUTER_FRACTION, needed), width * 0.3);
        }
        double outer = Math.max(MIN_OUTER * em, Math.min(MAX_OUTER * em, width * OUTER_FRACTION));
        return Math.min(outer, width * 0.3);
    }

    public double lifelineX(Side side, double width) {
        double outer = outerWidth(width);
        return side == Side.CLIENT ? outer : width - outer;
    }

    // ---- geometry for one viewport ----

    /**
     * What is visible in {@code viewport} with the playhead at {@code position}.
     *
     * @param selected the selected segment's index, or -1
     */
    public LadderGeometry geometry(Viewport viewport, double position, int selected) {
        int n = data.size();
        double p = Math.max(0, Math.min(n, position));
        double header = headerHeight();
        double width = viewport.width();
        double clientX = lifelineX(Side.CLIENT, width);
        double serverX = lifelineX(Side.SERVER, width);
        double contentTop = viewport.scrollTop();
        double contentBottom = contentTop + Math.max(0, viewport.height() - header);
        double offset = header - contentTop;

        List<ArrowRow> rows = new ArrayList<>();
        int first = firstRowEndingBelow(contentTop);
        double playheadAt = playheadContentY(p);
        // Rows above the view whose flights reach into it (they crossed later rows): a bounded look
        // back, so a frame costs the same whatever the connection's length.
        for (int i = Math.max(0, first - FLIGHT_LOOKBACK); i < first; i++) {
            if (flightEndY[i] > contentTop) {
                rows.add(row(i, p, playheadAt, selected, clientX, serverX, offset));
            }
        }
        for (int i = first; i < n && callTop[i] < contentBottom; i++) {
            rows.add(row(i, p, playheadAt, selected, clientX, serverX, offset));
        }

        List<CallMark> marks = new ArrayList<>();
        for (int j = firstCallAt(firstPositionNear(contentTop)); j < calls.length; j++) {
            SocketCall c = calls[j];
            double y = callY(j);
            if (y - 2 * callLine > contentBottom) {
                break;
            }
            if (y + 2 * callLine < contentTop) {
                continue;
            }
            marks.add(new CallMark(c.side(), c.side() == Side.CLIENT ? clientX : serverX, y + offset,
                    callText[j], p >= c.position()));
        }

        List<GapMark> gaps = new ArrayList<>();
        // Gap marks are in content order: find the first visible one, not every one (time spacing
        // of a long connection has thousands).
        int lo = 0;
        int hi = gapMarks.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (gapMarks.get(mid)[0] < contentTop) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int g = lo; g < gapMarks.size() && gapMarks.get(g)[0] <= contentBottom; g++) {
            gaps.add(new GapMark(gapMarks.get(g)[0] + offset, gapDurations.get(g)));
        }

        double playheadY = playheadContentY(p);
        List<StateBand> bands = new ArrayList<>();
        addBands(bands, clientStates, clientX, p, playheadY, contentTop, contentBottom, offset, marks);
        addBands(bands, serverStates, serverX, p, playheadY, contentTop, contentBottom, offset, marks);

        return new LadderGeometry(width, viewport.height(), em, header, clientX, serverX,
                data.client().port() == 0 ? text.format("ladder.clientTitleNoPort", data.client().addressText())
                        : text.format("ladder.clientTitle", data.client()),
                text.format("ladder.serverTitle", data.server()),
                rows, bands, marks, gaps, playheadY + offset, contentHeight, textSizes());
    }

    /** Content y (centre) of the j-th sorted call: calls of one side at one position stack downwards. */
    private double callY(int j) {
        SocketCall c = calls[j];
        int line = 0;
        for (int k = j - 1; k >= 0 && callPositions[k] == c.position(); k--) {
            if (calls[k].side() == c.side()) {
                line += CallText.lineCount(callText[k]);
            }
        }
        double top = sideCallTop[c.side() == Side.CLIENT ? 0 : 1][c.position()];
        return top + (line + CallText.lineCount(callText[j]) / 2.0) * callLine;
    }

    /** First position whose call block may reach down to content y. */
    private int firstPositionNear(double contentTop) {
        int i = firstRowEndingBelow(contentTop);
        return Math.max(0, i);
    }

    private int firstRowEndingBelow(double y) {
        int lo = 0;
        int hi = bottom.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bottom[mid] <= y) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private ArrowRow row(int i, double p, double playheadAt, int selected, double clientX, double serverX,
                         double offset) {
        ArrowRow plain = plainRow(i, p, selected, clientX, serverX, offset);
        return inFlight(plain, i, p, playheadAt, clientX, serverX, offset);
    }

    /**
     * The row's arrow as it flies: from its departure to where its flight ends, the head level with
     * the playhead (so every flight under way at the playhead is drawn under way); a lost one stops
     * part-way with its reason; a retransmission tied to where its original's arrow ended.
     */
    private ArrowRow inFlight(ArrowRow r, int i, double p, double playheadAt, double clientX, double serverX,
                              double offset) {
        boolean lost = data.lost(i);
        double departAt = r.departY() - offset;
        double endAt = flightEndY[i];
        double toX = lost ? r.fromX() + (r.toX() - r.fromX()) * LOST_REACH : r.toX();
        double progress;
        if (p <= i) {
            progress = 0;
        } else if (endAt <= departAt) {
            progress = 1;
        } else {
            progress = Math.max(1e-9, Math.min(1, (playheadAt - departAt) / (endAt - departAt)));
        }
        String reason = lost ? data.lossReason(i, captureNumbers()) : null;
        double linkX = Double.NaN;
        double linkY = Double.NaN;
        List<String> anomalies = r.anomalies();
        int original = data.retransmissionOf(i);
        if (original >= 0) {
            double band = BAND_HALF * em;
            Side sender = data.senderOf(original);
            double from = sender == Side.CLIENT ? clientX + band : serverX - band;
            double to = sender == Side.CLIENT ? serverX - band : clientX + band;
            linkX = data.lost(original) ? from + (to - from) * LOST_REACH : to;
            linkY = flightEndY[original] + offset;
            List<String> badges = new ArrayList<>(anomalies);
            badges.add(text.format("ladder.repeats", String.valueOf(data.segment(original).tcp().index())));
            anomalies = badges;
        }
        double bottomY = Math.max(r.bottom(), endAt + 0.6 * em + offset);
        return new ArrowRow(r.index(), r.sender(), r.fromX(), r.departY(), toX, endAt + offset, r.labelX(),
                r.labelWidth(), Double.isNaN(r.anomalyY()) && anomalies != r.anomalies() ? r.flagsY() - ANOMALY_LINE * em
                : r.anomalyY(), r.flagsY(), r.numbersY(), r.chipsY(), r.top(), bottomY, r.flags(), r.numbers(),
                r.chips(), anomalies, progress, r.selected(), lost, reason, linkX, linkY);
    }

    /** The capture narration's number mode matching the window's toggle. */
    private org.tcpladder.capture.state.NumberMode captureNumbers() {
        return settings.numbers() == NumberMode.ABSOLUTE ? org.tcpladder.capture.state.NumberMode.ABSOLUTE
                : org.tcpladder.capture.state.NumberMode.RELATIVE;
    }

    private ArrowRow plainRow(int i, double p, int selected, double clientX, double serverX, double offset) {
        LadderSegment s = data.segment(i);
        Side sender = data.senderOf(i);
        double band = BAND_HALF * em;
        double fromX = sender == Side.CLIENT ? clientX + band : serverX - band;
        double toX = sender == Side.CLIENT ? serverX - band : clientX + band;
        if (textbook) {
            return textbookRow(i, s, sender, fromX, toX, p, selected, clientX, serverX, offset);
        }
        double y = labelTop[i];
        double anomalyY = Double.NaN;
        if (!s.anomalies().isEmpty()) {
            anomalyY = y + ANOMALY_LINE * em / 2;
            y += ANOMALY_LINE * em;
        }
        double flagsY = y + FLAGS_LINE * em / 2;
        y += FLAGS_LINE * em;
        double numbersY = y + NUMBERS_LINE * em / 2;
        y += NUMBERS_LINE * em;
        double chipsY = data.hasOptions(i) ? y + CHIPS_LINE * em / 2 : Double.NaN;
        double progress = Math.max(0, Math.min(1, p - i));
        return new ArrowRow(i, sender, fromX, departY[i] + offset, toX, arriveY(i) + offset,
                (clientX + serverX) / 2, Math.max(0, serverX - clientX - 2 * LABEL_PADDING * em),
                anomalyY + offset, flagsY + offset, numbersY + offset, chipsY + offset,
                labelTop[i] + offset, arriveY(i) + 0.6 * em + offset,
                labels.flags(s), labels.numbers(s, settings.numbers()), labels.chips(s, settings.numbers()),
                s.anomalies(), progress, i == selected);
    }

    /**
     * A row with one label line along its arrow: the line's centre is half a line above the arrow's
     * middle (the painter turns it to the arrow's slope); chips, when shown, half a line below it.
     */
    private ArrowRow textbookRow(int i, LadderSegment s, Side sender, double fromX, double toX, double p,
                                 int selected, double clientX, double serverX, double offset) {
        LabelStyle style = settings.labels();
        double midY = departY[i] + slant / 2;
        double flagsY = midY - TEXTBOOK_LINE * em / 2;
        double anomalyY = s.anomalies().isEmpty() ? Double.NaN : flagsY - ANOMALY_LINE * em;
        List<String> chips = style.options() ? labels.chips(s, settings.numbers()) : List.of();
        double chipsY = chips.isEmpty() ? Double.NaN : midY + CHIPS_LINE * em / 2;
        double progress = Math.max(0, Math.min(1, p - i));
        return new ArrowRow(i, sender, fromX, departY[i] + offset, toX, arriveY(i) + offset,
                (clientX + serverX) / 2, Math.max(0, serverX - clientX - 2 * LABEL_PADDING * em),
                anomalyY + offset, flagsY + offset, flagsY + offset, chipsY + offset,
                labelTop[i] + offset, arriveY(i) + 0.6 * em + offset,
                labels.textbook(s, settings.numbers(), style), "", chips, s.anomalies(), progress,
                i == selected);
    }

    /**
     * A side's state bands from the top of the content down to the playhead: the future is not drawn,
     * because a side's state is only known once the segments that change it have been seen.
     */
    private void addBands(List<StateBand> out, StateTimeline timeline, double x, double p, double playheadY,
                          double contentTop, double contentBottom, double offset, List<CallMark> calls) {
        double end = Math.min(playheadY, contentBottom);
        if (end <= contentTop) {
            return;
        }
        double labelHeight = stateLine;
        double start = 0;
        TcpState state = timeline.initialState();
        List<StateTimeline.Change> changes = timeline.changes();
        for (int c = 0; c <= changes.size(); c++) {
            double next;
            if (c < changes.size() && changes.get(c).isEffectiveAt(p)) {
                StateTimeline.Change change = changes.get(c);
                next = changeY(change);
            } else {
                next = playheadY;
            }
            double top = Math.max(start, contentTop);
            double bot = Math.min(next, end);
            if (bot > top) {
                double labelY = top;
                if (start < contentTop) {
                    // The band began above the view: repeat its name at the top, below any socket
                    // calls written there, and never below the band's end.
                    labelY = belowCalls(top, timeline.side(), calls, offset, labelHeight);
                    if (textbook && labelY + labelHeight > bot) {
                        // No room before the next state's name: the repeat would overwrite it.
                        labelY = Double.NaN;
                    } else {
                        labelY = Math.min(labelY, bot - labelHeight);
                    }
                } else if (textbook) {
                    // Calls level with a departure reach below it: the name starts under them.
                    labelY = belowCalls(top, timeline.side(), calls, offset, labelHeight);
                }
                out.add(new StateBand(timeline.side(), x, top + offset, bot + offset, state, labelY + offset));
            }
            if (next >= playheadY || c == changes.size()) {
                break;
            }
            start = next;
            state = changes.get(c).to();
        }
    }

    /** Content y where a change takes effect on its side's lifeline: its departure, or its arrival. */
    private double changeY(StateTimeline.Change change) {
        int i = change.segmentIndex();
        if (change.timer()) {
            return i < restY.length ? restY[i] : contentHeight;
        }
        return change.onArrival() ? flightEndY[i] : departY[i];
    }

    /** The first content y at or below {@code y} where a state name does not overlap this side's calls. */
    private double belowCalls(double y, Side side, List<CallMark> calls, double offset, double labelHeight) {
        for (CallMark c : calls) {
            double half = CallText.lineCount(c.call()) * callLine / 2;
            double cy = c.y() - offset;
            if (c.side() == side && c.done() && cy + half > y && cy - half < y + labelHeight) {
                y = cy + half;
            }
        }
        return y;
    }

    // ---- hit-testing: the same mapping, inverted ----

    /**
     * The segment whose arrow or labels are at viewport point (x, y), or -1. Only arrows already drawn
     * (sent by {@code position}) can be hit.
     */
    public int rowAt(Viewport viewport, double position, double x, double y) {
        double header = headerHeight();
        if (y < header) {
            return -1;
        }
        double width = viewport.width();
        double slack = LABEL_PADDING * em;
        if (x < lifelineX(Side.CLIENT, width) - slack || x > lifelineX(Side.SERVER, width) + slack) {
            return -1;
        }
        double cy = y - header + viewport.scrollTop();
        int lo = 0;
        int hi = labelTop.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (labelTop[mid] <= cy) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int i = lo - 1;
        if (i < 0 || cy > arriveY(i) + 0.6 * em || position <= i) {
            return -1;
        }
        return i;
    }

    /** The timeline position at viewport y (e.g. for seeking by clicking beside the arrows). */
    public double positionAt(Viewport viewport, double y) {
        return positionAtContentY(y - headerHeight() + viewport.scrollTop());
    }
}
