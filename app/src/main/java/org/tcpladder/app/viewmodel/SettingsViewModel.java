package org.tcpladder.app.viewmodel;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tcpladder.app.layout.LabelStyle;
import org.tcpladder.app.layout.NumberMode;
import org.tcpladder.app.layout.Spacing;
import org.tcpladder.app.layout.ViewSettings;
import org.tcpladder.capture.demo.DemoSettings;
import org.tcpladder.capture.demo.IpVersion;
import org.tcpladder.capture.demo.Scenario;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The user's view settings: the root font size (zoom; every text size and ladder length derives from
 * it), relative or absolute numbers, row spacing, and the options of a live session (which scenario,
 * the text the client sends, IPv4 or IPv6, step-by-step or run).
 */
public final class SettingsViewModel {
    /** Default root font size in pixels: large, for a classroom's back row. */
    public static final double DEFAULT_FONT_SIZE = 16;
    public static final double MIN_FONT_SIZE = 10;
    public static final double MAX_FONT_SIZE = 40;
    static final double ZOOM_STEP = 2;
    private static final String SHOW_UPCOMING = "view.showUpcoming";
    /** Fit connection never goes below this: smaller text could not be read from the back row anyway. */
    public static final double MIN_FIT_FONT_SIZE = 12;

    private final ReadOnlyDoubleWrapper fontSize = new ReadOnlyDoubleWrapper(this, "fontSize", DEFAULT_FONT_SIZE);
    private final ObjectProperty<NumberMode> numbers = new SimpleObjectProperty<>(this, "numbers", NumberMode.RELATIVE);
    private final ObjectProperty<Spacing> spacing = new SimpleObjectProperty<>(this, "spacing", Spacing.ORDER);
    private final BooleanProperty ipv6 = new SimpleBooleanProperty(this, "ipv6", false);
    private final BooleanProperty stateDiagramShown = new SimpleBooleanProperty(this, "stateDiagramShown", false);
    private final BooleanProperty stepMode = new SimpleBooleanProperty(this, "stepMode", true);
    private final BooleanProperty watchWholeFrames = new SimpleBooleanProperty(this, "watchWholeFrames", false);
    private final ObjectProperty<Scenario> scenario =
            new SimpleObjectProperty<>(this, "scenario", Scenario.ECHO_CLIENT_CLOSES_FIRST);
    private final StringProperty payload = new SimpleStringProperty(this, "payload", DemoSettings.DEFAULT_PAYLOAD);
    private final ObjectProperty<LabelStyle> projectionLabels =
            new SimpleObjectProperty<>(this, "projectionLabels", LabelStyle.TEXTBOOK);
    private final BooleanProperty showUpcoming = new SimpleBooleanProperty(this, "showUpcoming", true);
    private final ReadOnlyObjectWrapper<ViewSettings> viewSettings = new ReadOnlyObjectWrapper<>(this, "viewSettings");

    public SettingsViewModel() {
        fontSize.addListener((o, a, b) -> updateViewSettings());
        numbers.addListener((o, a, b) -> updateViewSettings());
        spacing.addListener((o, a, b) -> updateViewSettings());
        updateViewSettings();
    }

    private void updateViewSettings() {
        NumberMode n = numbers.get() == null ? NumberMode.RELATIVE : numbers.get();
        Spacing s = spacing.get() == null ? Spacing.ORDER : spacing.get();
        viewSettings.set(new ViewSettings(s, n, fontSize.get()));
    }

    public void zoomIn() {
        setFontSize(fontSize.get() + ZOOM_STEP);
    }

    public void zoomOut() {
        setFontSize(fontSize.get() - ZOOM_STEP);
    }

    public void resetZoom() {
        setFontSize(DEFAULT_FONT_SIZE);
    }

    /**
     * Fit connection: the size at which something {@code neededHeight} pixels tall at the current size
     * (every ladder length is a multiple of the font size) fills {@code availableHeight}, between
     * {@link #MIN_FIT_FONT_SIZE} and {@link #MAX_FONT_SIZE}; rounded down to a tenth of a pixel so that it
     * fits rather than overflows by a fraction.
     */
    public void zoomToFit(double neededHeight, double availableHeight) {
        if (!(neededHeight > 0) || !(availableHeight > 0)) {
            return;
        }
        double px = Math.floor(fontSize.get() * availableHeight / neededHeight * 10) / 10;
        setFontSize(Math.max(MIN_FIT_FONT_SIZE, Math.min(MAX_FONT_SIZE, px)));
    }

    public void setFontSize(double px) {
        fontSize.set(Math.max(MIN_FONT_SIZE, Math.min(MAX_FONT_SIZE, px)));
    }

    public ReadOnlyDoubleProperty fontSizeProperty() {
        return fontSize.getReadOnlyProperty();
    }

    public double getFontSize() {
        return fontSize.get();
    }

    public ObjectProperty<NumberMode> numbersProperty() {
        return numbers;
    }

    public ObjectProperty<Spacing> spacingProperty() {
        return spacing;
    }

    /** Whether the window shows the RFC 9293 state diagram beside the ladder (View ▸ State Diagram). */
    public BooleanProperty stateDiagramShownProperty() {
        return stateDiagramShown;
    }

    /**
     * The presenter's label style: textbook lines, with tcpdump's letters, the length, the window and
     * the option chips each optional (View ▸ Presenter Labels).
     */
    public ObjectProperty<LabelStyle> projectionLabelsProperty() {
        return projectionLabels;
    }

    /**
     * Whether the segments after the playhead are drawn faint (so that the shape of a capture shows before
     * it plays). A live session in step mode never shows them: they have not happened yet.
     */
    public BooleanProperty showUpcomingProperty() {
        return showUpcoming;
    }

    /**
     * Keeps the settings that outlive a run in {@code node}: reads them now and writes each change.
     * Only the view's preferences (showing upcoming segments); zoom and the session options start afresh.
     */
    public void keepIn(Preferences node) {
        showUpcoming.set(node.getBoolean(SHOW_UPCOMING, showUpcoming.get()));
        showUpcoming.addListener((o, a, b) -> {
            try {
                node.putBoolean(SHOW_UPCOMING, b);
                node.flush();
            } catch (BackingStoreException | IllegalStateException e) {
                // A convenience (the node may even be gone): the next start shows the default again.
            }
        });
    }

    /** Live sessions over ::1 instead of 127.0.0.1. */
    public BooleanProperty ipv6Property() {
        return ipv6;
    }

    /** Live sessions pause before each socket call (step) or run through (run). */
    public BooleanProperty stepModeProperty() {
        return stepMode;
    }

    /**
     * Watch port keeps whole frames (every payload byte) instead of the first
     * {@link org.tcpladder.capture.live.LiveCaptureOptions#WATCH_SNAPLEN} bytes of each, which keep up with
     * a busy port.
     */
    public BooleanProperty watchWholeFramesProperty() {
        return watchWholeFrames;
    }

    /** The snap length Watch port asks for: 0 for whole frames. */
    public int watchSnaplen() {
        return watchWholeFrames.get() ? 0 : org.tcpladder.capture.live.LiveCaptureOptions.WATCH_SNAPLEN;
    }

    /** Which demo session Start plays. */
    public ObjectProperty<Scenario> scenarioProperty() {
        return scenario;
    }

    /** The text the demo's client sends (an empty field sends the default). */
    public StringProperty payloadProperty() {
        return payload;
    }

    /** The demo session Start runs, as chosen in the toolbar. */
    public DemoSettings demoSettings() {
        Scenario s = scenario.get() == null ? Scenario.ECHO_CLIENT_CLOSES_FIRST : scenario.get();
        return DemoSettings.of(s, ipv6.get() ? IpVersion.V6 : IpVersion.V4)
                .withPayload(payload.get())
                .withMode(stepMode.get() ? DemoSettings.Mode.STEP : DemoSettings.Mode.RUN);
    }

    /** Spacing, numbers and font size together, as the ladder layout takes them. */
    public ReadOnlyObjectProperty<ViewSettings> viewSettingsProperty() {
        return viewSettings.getReadOnlyProperty();
    }

    public ViewSettings getViewSettings() {
        return viewSettings.get();
    }
}
