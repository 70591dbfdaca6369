package org.tcpladder.app.view;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.SplitPane;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.tcpladder.app.AppVersion;
import org.tcpladder.app.Messages;
import org.tcpladder.app.demo.SyntheticEchoSession;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.layout.LadderLayout;
import org.tcpladder.app.live.DemoStarter;
import org.tcpladder.app.live.PortWatchStarter;
import org.tcpladder.app.load.AnomalySweep;
import org.tcpladder.app.load.CaptureIndexLoader;
import org.tcpladder.app.load.CaptureLoader;
import org.tcpladder.app.load.ConnectionEntry;
import org.tcpladder.app.load.LoadedCapture;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.viewmodel.ConnectionListViewModel;
import org.tcpladder.app.viewmodel.DetailsViewModel;
import org.tcpladder.app.viewmodel.PlaybackViewModel;
import org.tcpladder.app.viewmodel.RecentFiles;
import org.tcpladder.app.viewmodel.SettingsViewModel;
import org.tcpladder.app.viewmodel.WindowPlacement;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The program's window: menus and toolbar on top (with the live bar while a session or watch runs),
 * connections on the left, the per-side states, the ladder and the timeline in the middle, the
 * selected segment's details on the right, status at the bottom. It wires the view models together;
 * each part is its own class.
 */
public final class MainWindow {
    public static final double WIDTH = WindowPlacement.PREFERRED_WIDTH;
    public static final double HEIGHT = WindowPlacement.PREFERRED_HEIGHT;

    private final Messages text;
    private final PlaybackViewModel playback = new PlaybackViewModel();
    private final SettingsViewModel settings = new SettingsViewModel();
    private final ConnectionListViewModel connections;
    private final ConnectionListPane connectionPane;
    private final DetailsViewModel details;
    private final RecentFiles recent;
    private final LadderView ladder;
    private final TransportBar transport;
    private final CaptureOpener opener;
    private final StatusBar status;
    private final SelectedLadder selectedLadder;
    private final LiveController live;
    private final BorderPane root = new BorderPane();
    /** Where the connection list ends and the details begin, as fractions of the width. */
    private static final double[] DIVIDERS = {0.19, 0.69};
    /** The same with the state diagram shown: its column wider, so that its labels stay legible. */
    private static final double[] DIVIDERS_WITH_DIAGRAM = {0.19, 0.6};
    /** Where the details end and the state diagram begins, as a fraction of the right column's height. */
    private static final double DETAILS_OVER_DIAGRAM = 0.26;
    private final SplitPane split;
    private final Node centerPane;
    private final BooleanProperty listShown = new SimpleBooleanProperty(this, "listShown", true);
    private final BooleanProperty detailsShown = new SimpleBooleanProperty(this, "detailsShown", true);
    private final SessionToolBar toolBar;
    private final DetailsPane detailsPane;
    /** The RFC 9293 state diagram, under the details when View ▸ State Diagram is on. */
    private final StateDiagramPane stateDiagram;
    private SplitPane detailsAndDiagram;
    private Stage stage;
    private final Presenting presenting;
    /** The open capture file's index (payloads are read from it); closed when something else is shown. */
    private AutoCloseable openCapture;
    private AnomalySweep sweep;

    /** The window with the real capture core: files through {@link CaptureIndexLoader}, live capture. */
    public MainWindow(Messages text, RecentFiles recent) {
        this(text, new CaptureIndexLoader(), recent, DemoStarter.REAL, PortWatchStarter.LOOPBACK);
    }

    public MainWindow(Messages text, CaptureLoader loader, RecentFiles recent) {
        this(text, loader, recent, DemoStarter.REAL, PortWatchStarter.LOOPBACK);
    }

    public MainWindow(Messages text, CaptureLoader loader, RecentFiles recent, DemoStarter demoStarter,
                      PortWatchStarter watchStarter) {
        this.text = text;
        this.recent = recent;
        this.connections = new ConnectionListViewModel(text, ZoneId.systemDefault());
        this.details = new DetailsViewModel(text, ZoneId.systemDefault());
        root.getStyleClass().add(StyleClasses.APP);
        root.getStylesheets().add(MainWindow.class.getResource(StyleClasses.THEME).toExternalForm());

        ladder = new LadderView(text, playback, settings);
        ladder.setId(NodeIds.LADDER);
        transport = new TransportBar(text, playback, settings);
        status = new StatusBar(text, settings);
        opener = new CaptureOpener(text, loader, recent, status, this::window, this::loaded);
        LiveBar liveBar = new LiveBar(text);
        live = new LiveController(text, settings, connections, liveBar, status.message::setText, this::window,
                demoStarter, DemoStarter.RECORDING, watchStarter, () -> {
                    // A live session takes the window: a file still loading would take it back.
                    opener.cancel();
                    closeCapture();
                });
        selectedLadder = new SelectedLadder(text, playback, status.message::setText, live::isLive);

        VBox center = new VBox(new StateHeader(text, playback), ladder, transport);
        VBox.setVgrow(ladder, Priority.ALWAYS);
        connectionPane = new ConnectionListPane(text, connections, ZoneId.systemDefault(),
                settings.fontSizeProperty(), ladder::requestFocus);
        centerPane = center;
        detailsPane = new DetailsPane(text, details);
        stateDiagram = new StateDiagramPane(text, playback);
        split = new SplitPane();
        split.setOrientation(Orientation.HORIZONTAL);
        SplitPane.setResizableWithParent(connectionPane, false);
        arrangePanes();
        // A folded pane gives its room to the ladder (View menu, Ctrl+1 and Ctrl+2).
        listShown.addListener((o, a, b) -> arrangePanes());
        detailsShown.addListener((o, a, b) -> arrangePanes());

        toolBar = new SessionToolBar(text, settings, new SessionToolBar.Actions() {
            @Override
            public void start() {
                startDemo();
            }

            @Override
            public void open() {
                chooseAndOpen();
            }

            @Override
            public void watch(String port) {
                watchPort(port);
            }
        });
        VBox top = new VBox(new AppMenuBar(text, this, playback, settings, recent), toolBar, liveBar);
        // Never wider than the window: the toolbar wraps to that width instead of running off its edge.
        top.setMinWidth(0);
        top.prefWidthProperty().bind(root.widthProperty());
        top.setMaxWidth(Region.USE_PREF_SIZE);
        root.setTop(top);
        root.setCenter(split);
        root.setBottom(status);

        presenting = new Presenting(text, playback, settings, details, ladder, root, liveBar.pendingCall,
                this::window);
        // The presenter's own diagram (a node lives in one scene), on the same playback; D shows it.
        presenting.setStateDiagram(() -> new StateDiagramPane(text, playback));

        wire();
        acceptDroppedFiles();
    }

    /** Next segment; in a live Step session at the last one, the next socket call. Uncovers the screen. */
    public void stepForward() {
        presenting.stepForward();
    }

    public void stepBack() {
        presenting.stepBack();
    }

    /** Digits then Enter: segment {@code n} has arrived (0 is the start). */
    public void goToSegment(int n) {
        presenting.goToSegment(n);
    }

    /** B/W state: what covers the screen now, NONE, BLACK or WHITE (tests and the screenshot tour look). */
    public String screenShade() {
        return presenting.screenShade();
    }

    /** View ▸ Present (F5): full screen with textbook labels, on the projector if there are two screens. */
    public void present() {
        presenting.present();
    }

    /** Presenter mode in a window of this size instead of full screen (screenshots at 1280×720). */
    public void presentWindowed(double width, double height) {
        presenting.presentWindowed(width, height);
    }

    public void leavePresenter() {
        presenting.leave();
    }

    public boolean isPresenting() {
        return presenting.presenter().isPresenting();
    }

    public ReadOnlyBooleanProperty presentingProperty() {
        return presenting.presenter().presentingProperty();
    }

    /** The presenter's stage once presenter mode has been entered (tests, screenshots); else null. */
    public Stage presenterStage() {
        return presenting.presenter().stage();
    }

    /** The presenter's ladder (tests look at what it painted). */
    public LadderView presenterLadder() {
        return presenting.view().ladder();
    }

    /**
     * The state diagram's place in presenter mode (D toggles it): {@code diagram} makes the node when
     * it is first shown. Until one is given, D does nothing.
     */
    public void setStateDiagram(java.util.function.Supplier<javafx.scene.Node> diagram) {
        presenting.setStateDiagram(diagram);
    }

    /** D in presenter mode: the state diagram beside the presenter's ladder, or not. */
    public void togglePresenterDiagram() {
        presenting.view().toggleDiagram();
    }

    /** Help ▸ Keyboard: the key map's own list. */
    public Alert showKeyboard() {
        return presenting.showKeyboard();
    }

    private void wire() {
        // Zoom: one root font size; the stylesheet's sizes are in em and the canvas inherits -fx-font.
        settings.fontSizeProperty().addListener((o, a, b) -> applyFontSize());
        applyFontSize();
        connections.selectedProperty().addListener((o, a, b) -> {
            selectedLadder.show(b);
            // Up/Down in the table choose one connection after another: the keyboard stays there.
            if (!connectionPane.choosingByKey()) {
                ladder.requestFocus();
            }
        });
        playback.dataProperty().addListener((o, a, b) -> details.setData(b));
        // The details follow the playhead; a click on an arrow shows that segment instead.
        playback.currentSegmentProperty().addListener((o, a, b) -> details.select(b.intValue()));
        ladder.setOnSegmentClicked(details::select);
        ladder.setOnPainted(live::painted);
        details.selectedProperty().addListener((o, a, b) -> ladder.selectedProperty().set(b.intValue()));
        settings.numbersProperty().addListener((o, a, b) -> details.setNumberMode(b));
        live.setOnLadderNote(ladder.noteProperty()::set);
        live.setOnBeforeFirstSegment(playback::load);
        opener.loadingProperty().addListener((o, a, loading) -> {
            if (!loading && !live.isLive()) {
                // Cancelled or failed: the empty ladder no longer says it is loading.
                ladder.noteProperty().set(null);
            }
        });
        // Segments after the playhead, faint: a file's whole exchange at once, never a step session's future.
        settings.keepIn(recent.preferences());
        ladder.upcomingShownProperty().bind(settings.showUpcomingProperty().and(live.steppingProperty().not()));
        // Step mode: stepping past the last segment lets the live session make its next call.
        playback.setOnStepPastEnd(live::proceed);
        settings.stateDiagramShownProperty().addListener((o, a, b) -> arrangePanes());
    }

    private void applyFontSize() {
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", settings.getFontSize()));
        afterNextLayout(() -> {
            // Larger text pushes the side panes' minimum widths and the split moves its dividers; once
            // the new size is laid out, give every zoom level the same proportions again.
            split.setDividerPositions(dividers());
        });
    }

    /**
     * The split's columns: the connection list and the right column (the details, the state diagram
     * under them when View ▸ State Diagram is on) as they are shown; a folded one gives its room to the
     * ladder.
     */
    private void arrangePanes() {
        boolean diagram = settings.stateDiagramShownProperty().get();
        List<Node> right = new ArrayList<>();
        if (detailsShown.get()) {
            right.add(detailsPane);
        }
        if (diagram) {
            right.add(stateDiagram);
        }
        Node rightColumn = null;
        if (right.size() == 2) {
            detailsAndDiagram().getItems().setAll(right);
            detailsAndDiagram.setDividerPositions(DETAILS_OVER_DIAGRAM);
            rightColumn = detailsAndDiagram;
        } else {
            if (detailsAndDiagram != null) {
                detailsAndDiagram.getItems().clear();
            }
            rightColumn = right.isEmpty() ? null : right.get(0);
        }
        List<Node> items = new ArrayList<>();
        if (listShown.get()) {
            items.add(connectionPane);
        }
        items.add(centerPane);
        if (rightColumn != null) {
            SplitPane.setResizableWithParent(rightColumn, false);
            items.add(rightColumn);
        }
        split.getItems().setAll(items);
        split.setDividerPositions(dividers());
    }

    /** The dividers for the columns shown: each side column keeps its share of the width. */
    private double[] dividers() {
        double[] both = settings.stateDiagramShownProperty().get() ? DIVIDERS_WITH_DIAGRAM : DIVIDERS;
        boolean list = listShown.get();
        boolean right = split.getItems().size() - (list ? 1 : 0) > 1;
        if (list && right) {
            return both;
        }
        if (list) {
            return new double[]{both[0]};
        }
        if (right) {
            return new double[]{both[1]};
        }
        return new double[0];
    }

    /**
     * Fit connection: the text size at which the whole connection fits the ladder's height (down to a
     * legible minimum, below which as much as fits). The menus, toolbar, state header and timeline grow
     * with the text too, so the whole window is what scales: the size is chosen so that the connection
     * plus everything around it fills the window's height, and a few passes, each after the new size is
     * laid out (a toolbar may wrap), settle it.
     */
    public void fitConnection() {
        fitConnection(6);
    }

    private void fitConnection(int passes) {
        LadderLayout l = ladder.layoutProperty().get();
        double window = root.getHeight();
        if (l == null || ladder.getHeight() <= 0 || window <= 0) {
            return;
        }
        double before = settings.getFontSize();
        double around = window - ladder.getHeight();
        settings.zoomToFit(l.headerHeight() + l.contentHeight() + around, window);
        if (passes > 1 && Math.abs(settings.getFontSize() - before) > 0.05) {
            afterNextLayout(() -> fitConnection(passes - 1));
        } else {
            afterNextLayout(() -> shrinkUntilFits(3));
        }
    }

    /** What is around the ladder does not grow exactly in step with the text: a last step down if needed. */
    private void shrinkUntilFits(int passes) {
        LadderLayout l = ladder.layoutProperty().get();
        if (l == null || passes == 0) {
            return;
        }
        double needed = l.headerHeight() + l.contentHeight();
        if (needed > ladder.getHeight() && settings.getFontSize() > SettingsViewModel.MIN_FIT_FONT_SIZE) {
            settings.zoomToFit(needed, ladder.getHeight());
            afterNextLayout(() -> shrinkUntilFits(passes - 1));
        }
    }

    /** Whether the connection list is shown (View ▸ Connection List). */
    public BooleanProperty connectionListShownProperty() {
        return listShown;
    }

    /** Whether the segment details are shown (View ▸ Segment Details). */
    public BooleanProperty detailsShownProperty() {
        return detailsShown;
    }

    private SplitPane detailsAndDiagram() {
        if (detailsAndDiagram == null) {
            detailsAndDiagram = new SplitPane();
            detailsAndDiagram.setOrientation(Orientation.VERTICAL);
        }
        return detailsAndDiagram;
    }

    /** Runs {@code action} once the next pulse has applied CSS and layout (at once if not shown yet). */
    private void afterNextLayout(Runnable action) {
        Scene scene = root.getScene();
        if (scene == null) {
            action.run();
            return;
        }
        Runnable[] once = new Runnable[1];
        boolean[] done = {false};
        // Removed from a later runnable: a pulse listener must not unregister itself while pulsing.
        once[0] = () -> Platform.runLater(() -> {
            scene.removePostLayoutPulseListener(once[0]);
            if (!done[0]) {
                done[0] = true;
                action.run();
            }
        });
        scene.addPostLayoutPulseListener(once[0]);
    }

    private void acceptDroppedFiles() {
        root.setOnDragOver(e -> {
            Dragboard d = e.getDragboard();
            if (d.hasFiles() && !d.getFiles().isEmpty()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            Dragboard d = e.getDragboard();
            boolean ok = d.hasFiles() && !d.getFiles().isEmpty();
            if (ok) {
                open(d.getFiles().get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /**
     * Puts the window on {@code stage} with its title, size and extra zoom shortcuts: where it was last
     * closed if that is still on a screen, never larger than the screen it opens on.
     */
    public void install(Stage stage) {
        this.stage = stage;
        WindowPlacement placement = new WindowPlacement(recent.preferences());
        List<Rectangle2D> screens = new ArrayList<>();
        for (Screen s : Screen.getScreens()) {
            screens.add(s.getVisualBounds());
        }
        Rectangle2D bounds = placement.initial(screens, Screen.getPrimary().getVisualBounds());
        Scene scene = new Scene(root, bounds.getWidth(), bounds.getHeight());
        ApplicationTheme.style(scene);
        presenting.installKeys(scene);
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.setMaximized(placement.maximized());
        // Ctrl+plus arrives as "+" (shifted "=") or from the keypad, depending on the keyboard.
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN),
                settings::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN),
                settings::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN),
                settings::zoomOut);
        // Ctrl+Shift+= is what "+" is on keyboards where it shares the "=" key.
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), settings::zoomIn);
        stage.setTitle(text.text("app.title"));
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            // Full screen (presenting) is not the window's own size: keep the one saved before.
            if (!stage.isFullScreen()) {
                placement.save(new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()),
                        stage.isMaximized());
            }
            presenting.leave();
            live.closeAll();
            closeCapture();
        });
        ladder.requestFocus();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /**
     * What the program shows when it starts: the capture file given first on the command line, else
     * the synthetic demo session (so that there is a ladder at once, before any live session).
     */
    public void openFromArguments(List<String> files) {
        if (files.isEmpty()) {
            showDemo();
        } else {
            open(Path.of(files.get(0)));
        }
    }

    /** File chooser, then {@link #open}. */
    public void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.text("open.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(text.text("open.captures"), "*.pcap", "*.pcapng", "*.cap",
                        "*.pcap.gz", "*.pcapng.gz"),
                new FileChooser.ExtensionFilter(text.text("open.allFiles"), "*"));
        if (!recent.files().isEmpty() && recent.files().get(0).getParent() != null) {
            File dir = recent.files().get(0).getParent().toFile();
            if (dir.isDirectory()) {
                chooser.setInitialDirectory(dir);
            }
        }
        File f = chooser.showOpenDialog(window());
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Reads a capture file in the background; errors end in a dialog. */
    public void open(Path file) {
        // Said by an empty ladder (at start with a file given, the window has nothing else to show).
        ladder.noteProperty().set(text.format("ladder.loading", file.getFileName()));
        opener.open(file);
    }

    private void loaded(LoadedCapture capture) {
        live.closeAll();
        ladder.noteProperty().set(null);
        AutoCloseable previous = openCapture;
        openCapture = capture.index();
        String name = capture.file().getFileName().toString();
        connections.setConnections(capture.connections(),
                text.format("connections.summary", name, capture.packetCount(), capture.connections().size()),
                capture.preferred());
        if (capture.connections().isEmpty()) {
            playback.load(null);
        }
        closeQuietly(previous);
        countAnomalies(capture);
    }

    /** Fills in the list's anomaly counts in the background (seconds for a large capture). */
    private void countAnomalies(LoadedCapture capture) {
        if (sweep != null) {
            sweep.cancel();
        }
        if (capture.index() == null) {
            sweep = null;
            return;
        }
        AnomalySweep[] self = new AnomalySweep[1];
        self[0] = new AnomalySweep(capture.connections(), CaptureIndexLoader.captureEndNs(capture.index()),
                batch -> Platform.runLater(() -> {
                    if (sweep == self[0]) {
                        connections.update(batch);
                    }
                }));
        sweep = self[0];
        Thread t = new Thread(sweep, "anomaly-count");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Closes the open capture file (another source takes the window). */
    private void closeCapture() {
        if (sweep != null) {
            sweep.cancel();
            sweep = null;
        }
        AutoCloseable c = openCapture;
        openCapture = null;
        closeQuietly(c);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // Nothing the user can do about a capture file that will not close; it is no longer shown.
            }
        }
    }

    /** Shows the hand-built echo session (a ladder to look at without live capture or a file). */
    public void showDemo() {
        live.closeAll();
        closeCapture();
        LadderData demo = SyntheticEchoSession.build(text, settings.ipv6Property().get());
        connections.setConnections(List.of(ConnectionEntry.of(text.text("demo.name"), demo)),
                text.text("demo.summary"));
    }

    /** Start: runs the chosen scenario live over loopback, its ladder growing as segments are captured. */
    public void startDemo() {
        live.startDemo();
    }

    /**
     * Plays the recording of the session the toolbar describes (scenario, IP version, step or run mode),
     * as the capture-error dialog offers when live capture is impossible.
     */
    public void playRecording() {
        live.playRecording(settings.demoSettings());
    }

    /** Watch port: every connection to or from {@code port} on loopback, listed as it is captured. */
    public void watchPort(String port) {
        boolean started = live.watch(port);
        toolBar.portProblem(started ? null : text.text("watch.badPortShort"));
    }

    /** Stops the live session or watch; what was captured stays on screen. */
    public void stopLive() {
        live.stop();
    }

    public void showAbout() {
        Alert about = new Alert(Alert.AlertType.INFORMATION, text.text("about.text"), ButtonType.OK);
        about.setTitle(text.text("about.title"));
        String version = AppVersion.current();
        about.setHeaderText(version == null ? text.text("about.versionUnknown")
                : text.format("about.version", version));
        if (window() != null) {
            about.initOwner(window());
            about.getDialogPane().getStylesheets().setAll(root.getStylesheets());
            about.getDialogPane().setStyle(root.getStyle());
        }
        about.show();
    }

    /**
     * For a window that is never shown (a stage's window does this when it is hidden): ends any live
     * session or watch, closes the open capture and empties the list, so that nothing of it runs on.
     */
    public void dispose() {
        opener.cancel();
        live.closeAll();
        closeCapture();
        connections.setConnections(List.of(), "");
    }

    public void close() {
        if (stage != null) {
            stage.close();
        }
    }

    public Parent root() {
        return root;
    }

    public PlaybackViewModel playback() {
        return playback;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public ConnectionListViewModel connections() {
        return connections;
    }

    public DetailsViewModel details() {
        return details;
    }

    public LadderView ladder() {
        return ladder;
    }

    /** The state diagram pane (shown only while View ▸ State Diagram is on). */
    public StateDiagramPane stateDiagram() {
        return stateDiagram;
    }

    /** The dialog shown for the last file that could not be opened, or null. */
    public Alert lastOpenError() {
        return opener.lastError();
    }

    /** The dialog shown for the last live session or watch that could not start, or null. */
    public Alert lastLiveError() {
        return live.lastError();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return opener.loadingProperty();
    }

    /** Milliseconds from clicking Start to the first segment's arrow on screen; -1 until then. */
    public ReadOnlyLongProperty firstArrowMillisProperty() {
        return live.firstArrowMillisProperty();
    }

    /** Whether a live session or watch owns the connection list. */
    public boolean isLive() {
        return live.isLive();
    }

    /** The running demo session's live part (tests and screenshots wait on it), or null. */
    public org.tcpladder.app.live.DemoRun demoRun() {
        return live.demo();
    }

    /** The running port watch, or null. */
    public org.tcpladder.app.live.WatchRun watchRun() {
        return live.watchRun();
    }
}
