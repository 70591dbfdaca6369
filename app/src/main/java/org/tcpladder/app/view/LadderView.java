package org.tcpladder.app.view;

import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.CssMetaData;
import javafx.css.FontCssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import org.tcpladder.app.Messages;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.layout.LadderGeometry;
import org.tcpladder.app.layout.LabelStyle;
import org.tcpladder.app.layout.LadderLayout;
import org.tcpladder.app.layout.ViewSettings;
import org.tcpladder.app.layout.Viewport;
import org.tcpladder.app.style.Ink;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.style.Theme;
import org.tcpladder.app.viewmodel.PlaybackViewModel;
import org.tcpladder.app.viewmodel.SettingsViewModel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The ladder: a {@link Canvas} the size of the visible area (resized in {@link #layoutChildren()}) and a
 * vertical scroll bar. It paints what {@link LadderLayout} computes for the visible rows only, from an
 * {@link AnimationTimer} that runs while something changes (a flight, a redraw) and stops when idle.
 *
 * <p>Its colours are the {@link ApplicationTheme}'s (a canvas cannot look up CSS colours), its font
 * comes from CSS: an inherited {@code -fx-font}, so that the root font size (zoom) reaches the canvas
 * like every other text.
 */
public final class LadderView extends Region {
    private final Messages text;
    private final PlaybackViewModel playback;
    private final Canvas canvas = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final LadderPainter painter;
    private final DoubleProperty scrollTop = new SimpleDoubleProperty(this, "scrollTop");
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final ReadOnlyObjectWrapper<LadderLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout");
    private final Map<Ink, Paint> inks = new EnumMap<>(Ink.class);
    private Theme theme;
    /** Held here: the theme property lives as long as the program, a hidden warm-up ladder does not. */
    private final InvalidationListener themeChanged = o -> useTheme();
    private final StyleableObjectProperty<Font> font;
    private final SettingsViewModel settings;
    private final BooleanProperty upcomingShown =
            new SimpleBooleanProperty(this, "upcomingShown", false);
    private final StringProperty note =
            new SimpleStringProperty(this, "note");
    private LadderGeometry lastGeometry;
    /** The label style to draw with instead of the settings' own (the presenter's), or null. */
    private LabelStyle labelStyle;
    /** Fit mode: the rows spread out or close up to fill the view's height. */
    private boolean fit;
    /** Whether this view's timer advances the playback (one view does; others only paint it). */
    private boolean drivesPlayback = true;
    private long lastPaintNanos;
    private boolean dirty = true;
    private long lastFrameNs;
    private boolean timerRunning;
    private boolean syncingScrollBar;
    private IntConsumer onSegmentClicked = i -> { };
    private Consumer<LadderGeometry> onPainted = g -> { };

    /** The step of a flight's first frame, when there is no previous frame to measure from. */
    private static final double FIRST_FRAME_SECONDS = 1.0 / 60;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame(now);
        }
    };

    public LadderView(Messages text, PlaybackViewModel playback, SettingsViewModel settings) {
        this.text = text;
        this.playback = playback;
        this.settings = settings;
        this.painter = new LadderPainter(text);
        getStyleClass().add(StyleClasses.LADDER_VIEW);
        setFocusTraversable(true);
        ApplicationTheme.themeProperty().addListener(new WeakInvalidationListener(themeChanged));
        useTheme();
        font = new SimpleStyleableObjectProperty<>(FONT_META, this, "font", Font.getDefault());
        font.addListener((o, a, b) -> relayout());

        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.setMin(0);
        getChildren().addAll(canvas, scrollBar);

        playback.dataProperty().addListener((o, a, b) -> relayout());
        settings.viewSettingsProperty().addListener((o, a, b) -> relayout());
        playback.positionProperty().addListener((o, a, b) -> {
            follow();
            markDirty();
        });
        playback.animatingProperty().addListener((o, a, b) -> wake());
        playback.playingProperty().addListener((o, a, b) -> wake());
        selected.addListener((o, a, b) -> markDirty());
        upcomingShown.addListener((o, a, b) -> markDirty());
        note.addListener((o, a, b) -> markDirty());
        scrollTop.addListener((o, a, b) -> {
            syncScrollBar();
            markDirty();
        });
        scrollBar.valueProperty().addListener((o, a, b) -> {
            if (!syncingScrollBar) {
                scrollTop.set(b.doubleValue());
            }
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            scrollBy(-e.getDeltaY());
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        relayout();
    }

    // ---- CSS: the inherited font ----

    private static final CssMetaData<LadderView, Font> FONT_META =
            new FontCssMetaData<>("-fx-font", Font.getDefault()) {
                @Override
                public boolean isSettable(LadderView view) {
                    return !view.font.isBound();
                }

                @Override
                @SuppressWarnings("unchecked")
                public StyleableProperty<Font> getStyleableProperty(LadderView view) {
                    return view.font;
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

    /** The colour the canvas paints {@code ink} in, from the theme shown. */
    public Paint ink(Ink ink) {
        return inks.get(ink);
    }

    private void useTheme() {
        theme = ApplicationTheme.get();
        inks.putAll(ApplicationTheme.paints(theme));
        markDirty();
    }

    /** The root font size the canvas draws with (em), as CSS resolved it. */
    public double em() {
        Font f = font.get();
        return f == null ? Font.getDefault().getSize() : f.getSize();
    }

    // ---- layout and painting ----

    /** Draws with this label style instead of the settings' own (null: the settings'). */
    public void setLabelStyle(LabelStyle style) {
        this.labelStyle = style;
        relayout();
    }

    /** Whether the vertical scroll bar is shown (the presenter hides it: the view follows the playhead). */
    public void setScrollBarShown(boolean shown) {
        scrollBar.setVisible(shown);
        scrollBar.setManaged(shown);
        requestLayout();
    }

    /** Fit mode: the connection fills the view's height where it can (see {@link ViewSettings#fitHeight}). */
    public void setFit(boolean on) {
        this.fit = on;
        relayout();
    }

    private void relayout() {
        LadderData data = playback.getData();
        ViewSettings view = settings.getViewSettings().withEm(em());
        if (labelStyle != null) {
            view = view.withLabels(labelStyle);
        }
        if (fit && canvas.getHeight() > 0) {
            view = view.withFitHeight(canvas.getHeight());
        }
        layout.set(data == null ? null : LadderLayout.of(data, view, text));
        follow();
        requestLayout();
        markDirty();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double bar = scrollBar.isVisible() ? scrollBar.prefWidth(-1) : 0;
        scrollBar.resizeRelocate(w - bar, 0, bar, h);
        // The canvas is only ever as big as the visible area: its cost does not grow with the ladder.
        double oldHeight = canvas.getHeight();
        canvas.setWidth(Math.max(0, Math.floor(w - bar)));
        canvas.setHeight(Math.max(0, Math.floor(h)));
        canvas.relocate(0, 0);
        if (fit && canvas.getHeight() != oldHeight) {
            relayout();
        }
        LadderLayout l = layout.get();
        if (canvas.getHeight() != oldHeight && l != null && canvas.getHeight() > 0) {
            // Taller state texts above, or a resized window: show the playhead and whole rows above it.
            scrollTop.set(l.scrollToPlayhead(viewport(), playback.getPosition()));
        }
        syncScrollBar();
        markDirty();
    }

    private Viewport viewport() {
        return new Viewport(canvas.getWidth(), canvas.getHeight(), scrollTop.get());
    }

    private void syncScrollBar() {
        LadderLayout l = layout.get();
        syncingScrollBar = true;
        try {
            double max = l == null ? 0 : l.maxScroll(viewport());
            scrollBar.setMax(Math.max(0, max));
            scrollBar.setVisibleAmount(Math.max(1, canvas.getHeight()));
            scrollBar.setUnitIncrement(2 * em());
            scrollBar.setBlockIncrement(Math.max(1, canvas.getHeight() * 0.8));
            scrollBar.setDisable(max <= 0);
            scrollBar.setValue(Math.min(scrollTop.get(), max));
        } finally {
            syncingScrollBar = false;
        }
    }

    private void follow() {
        LadderLayout l = layout.get();
        if (l != null && canvas.getHeight() > 0) {
            scrollTop.set(l.scrollToFollow(viewport(), playback.getPosition()));
        }
    }

    private void scrollBy(double dy) {
        LadderLayout l = layout.get();
        if (l != null) {
            scrollTop.set(l.clampScroll(viewport(), scrollTop.get() + dy));
        }
    }

    private void clicked(MouseEvent e) {
        LadderLayout l = layout.get();
        requestFocus();
        if (l == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        int row = l.rowAt(viewport(), playback.getPosition(), e.getX(), e.getY());
        if (row >= 0) {
            onSegmentClicked.accept(row);
        }
    }

    public void setOnSegmentClicked(IntConsumer handler) {
        this.onSegmentClicked = handler == null ? i -> { } : handler;
    }

    private void markDirty() {
        dirty = true;
        wake();
    }

    private void wake() {
        if (!timerRunning) {
            timerRunning = true;
            lastFrameNs = 0;
            timer.start();
        }
    }

    /**
     * Whether this view's frames advance the shared playback. A second view of the same playback (the
     * presenter's) only paints it: two views advancing it would play at twice the speed.
     */
    public void setDrivesPlayback(boolean drives) {
        this.drivesPlayback = drives;
    }

    private void frame(long now) {
        if (drivesPlayback && playback.isActive()) {
            // Cap a frame's step so a stalled window does not jump several segments at once; the first
            // frame of a flight moves one frame's worth, so that the segment leaves in this very frame.
            playback.tick(lastFrameNs == 0 ? FIRST_FRAME_SECONDS : Math.min(0.1, (now - lastFrameNs) / 1e9));
            lastFrameNs = now;
        } else {
            lastFrameNs = 0;
        }
        if (dirty) {
            dirty = false;
            paint();
        }
        if (!dirty && !playback.isActive()) {
            timer.stop();
            timerRunning = false;
        }
    }

    /** Paints now (the timer calls this when dirty; tests may call it to avoid waiting a pulse). */
    public void paint() {
        long start = System.nanoTime();
        LadderLayout l = layout.get();
        lastGeometry = l == null ? null : l.geometry(viewport(), playback.getPosition(), selected.get());
        painter.showUpcoming(upcomingShown.get());
        painter.note(note.get());
        painter.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), lastGeometry,
                this::ink, theme.lineWeight(), em(), font.get());
        lastPaintNanos = System.nanoTime() - start;
        onPainted.accept(lastGeometry);
    }

    /**
     * How long the last {@link #paint()} took on this thread: the visible rows' geometry and the canvas
     * commands (the rasterizing happens afterwards, on the render thread).
     */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    /** Told after every paint what was painted (e.g. to time how soon a live segment is on screen). */
    public void setOnPainted(Consumer<LadderGeometry> handler) {
        this.onPainted = handler == null ? g -> { } : handler;
    }

    /** The geometry painted last: the visible rows (tests use it to see what is on screen). */
    public LadderGeometry lastGeometry() {
        return lastGeometry;
    }

    public ReadOnlyObjectProperty<LadderLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    /** The selected segment, highlighted on the ladder; -1 for none. */
    /** Whether the segments after the playhead are drawn, faint (the window decides when). */
    public BooleanProperty upcomingShownProperty() {
        return upcomingShown;
    }

    /** What an empty ladder says instead of its hint (loading…, waiting for…), or null. */
    public StringProperty noteProperty() {
        return note;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public DoubleProperty scrollTopProperty() {
        return scrollTop;
    }

    public Canvas canvas() {
        return canvas;
    }
}
