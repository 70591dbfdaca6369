package org.tcpladder.app.view;

import javafx.application.Platform;
import javafx.geometry.Orientation;
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
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.tcpladder.app.Messages;
import org.tcpladder.app.demo.SyntheticEchoSession;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.load.CaptureLoader;
import org.tcpladder.app.load.ConnectionEntry;
import org.tcpladder.app.load.LoadedCapture;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.viewmodel.ConnectionListViewModel;
import org.tcpladder.app.viewmodel.DetailsViewModel;
import org.tcpladder.app.viewmodel.PlaybackViewModel;
import org.tcpladder.app.viewmodel.RecentFiles;
import org.tcpladder.app.viewmodel.SettingsViewModel;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The program's window: menus and toolbar on top, connections on the left, the per-side states, the
 * ladder and the timeline in the middle, the selected segment's details on the right, status at the
 * bottom. It wires the view models together; each part is its own class.
 */
public final class MainWindow {
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private final Messages text;
    private final PlaybackViewModel playback = new PlaybackViewModel();
    private final SettingsViewModel settings = new SettingsViewModel();
    private final ConnectionListViewModel connections = new ConnectionListViewModel();
    private final DetailsViewModel details;
    private final RecentFiles recent;
    private final LadderView ladder;
    private final TransportBar transport;
    private final CaptureOpener opener;
    private final BorderPane root = new BorderPane();
    /** Where the connection list ends and the details begin, as fractions of the width. */
    private static final double[] DIVIDERS = {0.19, 0.69};
    private final SplitPane split;
    private final SessionToolBar toolBar;
    private Stage stage;

    public MainWindow(Messages text, CaptureLoader loader, RecentFiles recent) {
        this.text = text;
        this.recent = recent;
        this.details = new DetailsViewModel(text, ZoneId.systemDefault());
        root.getStyleClass().add(StyleClasses.APP);
        root.getStylesheets().add(MainWindow.class.getResource(StyleClasses.THEME).toExternalForm());

        ladder = new LadderView(text, playback, settings);
        ladder.setId(NodeIds.LADDER);
        transport = new TransportBar(text, playback, settings);
        StatusBar status = new StatusBar(text);
        opener = new CaptureOpener(text, loader, recent, status, this::window, this::loaded);

        VBox center = new VBox(new StateHeader(text, playback), ladder, transport);
        VBox.setVgrow(ladder, Priority.ALWAYS);
        split = new SplitPane(new ConnectionListPane(text, connections), center,
                new DetailsPane(text, details));
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(DIVIDERS);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        SplitPane.setResizableWithParent(split.getItems().get(2), false);

        toolBar = new SessionToolBar(text, settings, this::chooseAndOpen);
        VBox top = new VBox(new AppMenuBar(text, this, playback, settings, recent), toolBar);
        root.setTop(top);
        root.setCenter(split);
        root.setBottom(status);

        wire();
        acceptDroppedFiles();
    }

    private void wire() {
        // Zoom: one root font size; the stylesheet's sizes are in em and the canvas inherits -fx-font.
        settings.fontSizeProperty().addListener((o, a, b) -> applyFontSize());
        applyFontSize();
        connections.selectedProperty().addListener((o, a, b) -> show(b));
        playback.dataProperty().addListener((o, a, b) -> details.setData(b));
        // The details follow the playhead; a click on an arrow shows that segment instead.
        playback.currentSegmentProperty().addListener((o, a, b) -> details.select(b.intValue()));
        ladder.setOnSegmentClicked(details::select);
        details.selectedProperty().addListener((o, a, b) -> ladder.selectedProperty().set(b.intValue()));
        settings.numbersProperty().addListener((o, a, b) -> details.setNumberMode(b));
    }

    private void applyFontSize() {
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", settings.getFontSize()));
        afterNextLayout(() -> {
            // Larger text pushes the side panes' minimum widths and the split moves its dividers; once
            // the new size is laid out, give every zoom level the same proportions again.
            split.setDividerPositions(DIVIDERS);
            // JavaFX's ToolBar does not bring back overflowed items when they shrink (JDK-8152395):
            // handing it its items again makes it measure them afresh.
            toolBar.getItems().setAll(new ArrayList<>(toolBar.getItems()));
        });
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

    /** Puts the window on {@code stage} with its title, size and extra zoom shortcuts. */
    public void install(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        // Ctrl+plus arrives as "+" (shifted "=") or from the keypad, depending on the keyboard.
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN),
                settings::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN),
                settings::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN),
                settings::zoomOut);
        stage.setTitle(text.text("app.title"));
        stage.setScene(scene);
        ladder.requestFocus();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /**
     * What the program shows when it starts: the capture file given first on the command line, else
     * the demo session (so that there is a ladder at once).
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
        opener.open(file);
    }

    private void loaded(LoadedCapture capture) {
        String name = capture.file().getFileName().toString();
        connections.setConnections(capture.connections(),
                text.format("connections.summary", name, capture.packetCount(), capture.connections().size()));
        if (capture.connections().isEmpty()) {
            playback.load(null);
        }
    }

    /** Shows the synthetic echo session (until live sessions exist, the way to see a ladder at once). */
    public void showDemo() {
        LadderData demo = SyntheticEchoSession.build(text, settings.ipv6Property().get());
        connections.setConnections(List.of(ConnectionEntry.of(text.text("demo.name"), demo)),
                text.text("demo.summary"));
    }

    private void show(ConnectionEntry entry) {
        playback.load(entry == null ? null : entry.ladder().get());
        ladder.requestFocus();
    }

    public void showAbout() {
        Alert about = new Alert(Alert.AlertType.INFORMATION, text.text("about.text"), ButtonType.OK);
        about.setTitle(text.text("about.title"));
        about.setHeaderText(text.text("app.title"));
        if (window() != null) {
            about.initOwner(window());
            about.getDialogPane().getStylesheets().setAll(root.getStylesheets());
            about.getDialogPane().setStyle(root.getStyle());
        }
        about.show();
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

    /** The dialog shown for the last file that could not be opened, or null. */
    public Alert lastOpenError() {
        return opener.lastError();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty loadingProperty() {
        return opener.loadingProperty();
    }
}
